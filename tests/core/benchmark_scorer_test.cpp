// The benchmark's fast scorer against the reference: BenchmarkScorer equals score_assessment to
// the last bit (both read one ScoringPlan), on the real and the mini data.

#include "core/benchmark.h"

#include <gtest/gtest.h>

#include <cstdint>

#include "core/same_scores.h"
#include "core/scoring.h"
#include "support.h"
#include "xml/catalog_loader.h"

namespace cjb {
namespace {

using test::expect_same_scores;

// Random answers for every item of every profile: levels (0 included, so critical caps
// happen), N/A, unanswered, and the two extremes (all N/A, nothing answered).
void check_scorer_on(const Catalog& catalog) {
  std::uint64_t state = 7;
  auto next = [&state] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<int>(state >> 33);
  };
  ASSERT_FALSE(catalog.profiles.empty());
  for (const auto& profile : catalog.profiles) {
    Instrument instrument = resolve_profile(catalog, profile);
    BenchmarkScorer scorer(instrument);
    for (int round = 0; round < 40; ++round) {
      Assessment a;
      a.id = "random";
      std::vector<int> answers(instrument.items.size(), BenchmarkScorer::kUnanswered);
      for (size_t i = 0; i < instrument.items.size(); ++i) {
        int dice = next() % 10;
        if (round == 38) dice = 0;  // everything N/A
        if (round == 39) dice = 1;  // nothing answered
        if (dice == 1) continue;
        Response r;
        r.item = instrument.items[i].item->id;
        if (dice == 0) {
          r.na = true;
          answers[i] = BenchmarkScorer::kNotApplicable;
        } else {
          r.level = next() % (instrument.items[i].max_level + 1);
          answers[i] = *r.level;
        }
        a.responses.push_back(r);
      }
      ScoringOptions options;
      options.actions = false;
      Scorecard card = score_assessment(instrument, a, options);
      BenchmarkEntry reference = extract_entry(card);
      BenchmarkEntry fast;
      scorer.score(answers, fast);
      SCOPED_TRACE(profile.id + " round " + std::to_string(round));
      expect_same_scores(fast, reference);
    }
  }
}

TEST(BenchmarkScorer, EqualsScoreAssessmentOnTheRealChecklists) {
  check_scorer_on(xml::load_catalog(test::source_dir()));
}

TEST(BenchmarkScorer, EqualsScoreAssessmentOnTheMiniData) {
  check_scorer_on(xml::load_catalog(test::source_path("tests/data/mini")));
}

}  // namespace
}  // namespace cjb
