// docs/scoring.md shows the worked example's results: every row must match the engine.

#include <gtest/gtest.h>

#include <fmt/format.h>

#include "core/scoring.h"
#include "core/worked_example.h"
#include "support.h"

namespace cjb {
namespace {

std::string value(const std::optional<double>& score) { return score ? fmt::format("{:.2f}", *score) : "null"; }

TEST(ScoringDoc, WorkedExampleTableMatchesTheEngine) {
  Catalog catalog = test::worked_example_catalog();
  Assessment assessment = test::worked_example_assessment();
  Instrument instrument = resolve_scope(catalog, assessment.scope);
  Scorecard card = score_assessment(instrument, assessment);

  std::vector<std::string> rows;
  auto row = [&](const std::string& figure, const std::string& text) { rows.push_back(fmt::format("| {} | {} |", figure, text)); };
  for (const auto& s : card.sections) row(fmt::format("section {} / {}", s.group, s.channel), value(s.score));
  for (const auto& g : card.groups) row("group " + g.id, value(g.figure.score));
  for (const auto& l : card.layers) row("layer " + l.id, value(l.figure.score));
  row("overall", value(card.overall.score));
  row("overall band", card.overall.band->label);
  row("overall gap", value(card.overall.gap));
  for (const auto& c : card.channels) row("channel " + c.id, value(c.score));
  row("completeness", fmt::format("{}/{}", card.overall.answered, card.overall.applicable));
  for (size_t i = 0; i < card.actions.size(); ++i)
    row(fmt::format("action {}", i + 1), fmt::format("{} +{:.2f}{}", card.actions[i].item, card.actions[i].impact, card.actions[i].fix_now ? " (fix now)" : ""));
  for (const auto& id : card.unanswered) row("unanswered", id);

  std::string doc = test::read_text(test::source_path("docs/scoring.md"));
  ASSERT_FALSE(doc.empty());
  for (const auto& r : rows) EXPECT_NE(doc.find(r + "\n"), std::string::npos) << "docs/scoring.md lacks the row: " << r;
  // And no stale rows: the table has exactly as many action rows as the engine has actions.
  size_t action_rows = 0;
  for (size_t at = doc.find("| action "); at != std::string::npos; at = doc.find("| action ", at + 1)) ++action_rows;
  EXPECT_EQ(action_rows, card.actions.size());
}

}  // namespace
}  // namespace cjb
