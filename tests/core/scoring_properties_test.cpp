// Properties the scoring rules must have for any assessment, checked on seeded random
// assessments of the mini data set.

#include <cmath>
#include <random>

#include <gtest/gtest.h>

#include "core/scoring.h"
#include "support.h"
#include "xml/catalog_loader.h"

namespace cjb {
namespace {

constexpr double kTolerance = 1e-9;
constexpr unsigned kSeeds = 25;

// Every score of a scorecard, with a name for messages: overall, layers, groups, sections, channels.
std::vector<std::pair<std::string, std::optional<double>>> all_scores(const Scorecard& card) {
  std::vector<std::pair<std::string, std::optional<double>>> scores{{"overall", card.overall.score}};
  for (const auto& l : card.layers) scores.emplace_back("layer " + l.id, l.figure.score);
  for (const auto& g : card.groups) scores.emplace_back("group " + g.id, g.figure.score);
  for (const auto& s : card.sections) scores.emplace_back("section " + s.group + "/" + s.channel, s.score);
  for (const auto& c : card.channels) scores.emplace_back("channel " + c.id, c.score);
  return scores;
}

class ScoringProperties : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    catalog_ = new Catalog(xml::load_catalog(test::source_path("tests/data/mini")));
    // The same checklists with no critical items: the reference a critical failure is compared with.
    uncritical_ = new Catalog(xml::load_catalog(test::source_path("tests/data/mini")));
    for (auto& list : uncritical_->checklists)
      for (auto& item : list.items) item.critical = false;
    uncritical_->index();
  }
  static void TearDownTestSuite() {
    delete catalog_;
    delete uncritical_;
  }

  static Scope scope() {
    Scope s;
    s.model = "cjb-retail";
    s.profile = "mini-omnichannel";
    return s;
  }

  // A random assessment of every item in scope: about 70% answered at a random level (critical
  // items at level 0 more often, so that caps apply), 10% N/A, 20% unanswered.
  static Assessment random_assessment(const Instrument& instrument, unsigned seed) {
    std::mt19937 random(seed);
    Assessment a;
    a.id = "random-" + std::to_string(seed);
    a.scope = scope();
    for (const auto& scoped : instrument.items) {
      int roll = static_cast<int>(random() % 10);
      if (roll < 2) continue;  // unanswered
      Response r;
      r.item = scoped.item->id;
      if (roll == 2) {
        r.na = true;
      } else if (scoped.item->critical && roll < 6) {
        r.level = 0;
      } else {
        r.level = static_cast<int>(random() % static_cast<unsigned>(scoped.max_level + 1));
      }
      a.responses.push_back(r);
    }
    return a;
  }

  static Catalog* catalog_;
  static Catalog* uncritical_;
};

Catalog* ScoringProperties::catalog_ = nullptr;
Catalog* ScoringProperties::uncritical_ = nullptr;

TEST_F(ScoringProperties, AllItemsAtTheirMaximumScore100Everywhere) {
  Instrument instrument = resolve_scope(*catalog_, scope());
  Assessment a;
  a.scope = scope();
  for (const auto& scoped : instrument.items) a.responses.push_back({scoped.item->id, scoped.max_level, false, "", "", {}});
  Scorecard card = score_assessment(instrument, a);
  for (const auto& [name, score] : all_scores(card)) {
    ASSERT_TRUE(score.has_value()) << name;
    EXPECT_NEAR(*score, 100, kTolerance) << name;
  }
  EXPECT_TRUE(card.actions.empty());
  EXPECT_TRUE(card.unanswered.empty());
  EXPECT_DOUBLE_EQ(*card.overall.completeness, 1);
  EXPECT_DOUBLE_EQ(*card.overall.gap, 0);
}

TEST_F(ScoringProperties, NotApplicableOnOneItemChangesNoOtherSection) {
  Instrument instrument = resolve_scope(*catalog_, scope());
  for (unsigned seed = 1; seed <= kSeeds; ++seed) {
    Assessment a = random_assessment(instrument, seed);
    Scorecard before = score_assessment(instrument, a, {.actions = false});
    for (size_t r = 0; r < a.responses.size(); ++r) {
      if (a.responses[r].na) continue;
      Assessment changed = a;
      changed.responses[r].level.reset();
      changed.responses[r].na = true;
      Scorecard after = score_assessment(instrument, changed, {.actions = false});
      const ItemResult* item = before.find_item(a.responses[r].item);
      ASSERT_EQ(before.sections.size(), after.sections.size());
      for (size_t s = 0; s < before.sections.size(); ++s) {
        const SectionResult& section = before.sections[s];
        if (section.group == item->group && section.channel == item->channel) continue;
        EXPECT_EQ(section.score, after.sections[s].score) << "seed " << seed << ", " << item->id << " N/A changed "
                                                          << section.group << "/" << section.channel;
        EXPECT_EQ(section.answered, after.sections[s].answered);
        EXPECT_EQ(section.applicable, after.sections[s].applicable);
      }
    }
  }
}

// Multiplies every weight of one level of the model by a constant; no score may change.
enum class WeightLevel { Items, Groups, Layers, Channels };

void scale_weights(Instrument& instrument, WeightLevel level, double factor) {
  switch (level) {
    case WeightLevel::Items:
      for (auto& scoped : instrument.items) scoped.weight *= factor;
      break;
    case WeightLevel::Groups:
      for (auto& [id, weight] : instrument.group_weights) weight *= factor;
      break;
    case WeightLevel::Layers:
      for (auto& [id, weight] : instrument.layer_weights) weight *= factor;
      break;
    case WeightLevel::Channels:
      for (auto& [id, weight] : instrument.channel_weights) weight *= factor;
      break;
  }
}

TEST_F(ScoringProperties, MultiplyingAllWeightsOfALevelChangesNoScore) {
  Instrument instrument = resolve_scope(*catalog_, scope());
  for (WeightLevel level : {WeightLevel::Items, WeightLevel::Groups, WeightLevel::Layers, WeightLevel::Channels}) {
    for (double factor : {0.25, 3.0, 7.5}) {
      Instrument scaled = resolve_scope(*catalog_, scope());
      scale_weights(scaled, level, factor);
      for (unsigned seed = 1; seed <= kSeeds; ++seed) {
        Assessment a = random_assessment(instrument, seed);
        Scorecard base = score_assessment(instrument, a);
        Scorecard other = score_assessment(scaled, a);
        auto expected = all_scores(base), actual = all_scores(other);
        ASSERT_EQ(expected.size(), actual.size());
        for (size_t i = 0; i < expected.size(); ++i) {
          ASSERT_EQ(expected[i].second.has_value(), actual[i].second.has_value()) << expected[i].first;
          if (expected[i].second) {
            EXPECT_NEAR(*expected[i].second, *actual[i].second, kTolerance)
                << expected[i].first << ", level " << static_cast<int>(level) << " × " << factor << ", seed " << seed;
          }
        }
        ASSERT_EQ(base.actions.size(), other.actions.size());
        for (size_t i = 0; i < base.actions.size(); ++i) {
          const ItemResult* item = other.find_item(base.actions[i].item);
          bool found = false;
          for (const auto& action : other.actions)
            if (action.item == item->id) {
              EXPECT_NEAR(action.impact, base.actions[i].impact, kTolerance) << item->id;
              found = true;
            }
          EXPECT_TRUE(found) << item->id;
        }
      }
    }
  }
}

TEST_F(ScoringProperties, EachActionsImpactIsTheDifferenceOfTwoFullScorings) {
  Instrument instrument = resolve_scope(*catalog_, scope());
  size_t checked = 0;
  for (unsigned seed = 1; seed <= kSeeds; ++seed) {
    Assessment a = random_assessment(instrument, seed);
    Scorecard card = score_assessment(instrument, a);
    ASSERT_TRUE(card.overall.score.has_value());
    size_t below_max = 0;
    for (const auto& item : card.items)
      below_max += item.status == ItemStatus::Answered && *item.level < item.max_level;
    EXPECT_EQ(card.actions.size(), below_max) << "every answered item below its maximum is an action";
    for (size_t i = 0; i < card.actions.size(); ++i) {
      const Action& action = card.actions[i];
      Assessment raised = a;
      for (auto& r : raised.responses)
        if (r.item == action.item) r.level = instrument.find(action.item)->max_level;
      Scorecard after = score_assessment(instrument, raised, {.actions = false});
      EXPECT_NEAR(action.impact, *after.overall.score - *card.overall.score, kTolerance) << action.item << ", seed " << seed;
      if (i > 0) {
        const Action& previous = card.actions[i - 1];
        // order_actions: critical failures first, then by impact within each block.
        EXPECT_TRUE(previous.fix_now || !action.fix_now) << "critical failures first";
        if (previous.fix_now == action.fix_now) {
          EXPECT_TRUE(previous.impact > action.impact - 1e-9) << "ordered by impact";
        }
        if (previous.fix_now == action.fix_now && std::fabs(previous.impact - action.impact) < 1e-12) {
          EXPECT_LT(previous.item, action.item) << "ties by id";
        }
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 500u);
}

TEST_F(ScoringProperties, ACriticalFailureNeverRaisesAScore) {
  Instrument instrument = resolve_scope(*catalog_, scope());
  Instrument reference = resolve_scope(*uncritical_, scope());
  size_t failures = 0;
  for (unsigned seed = 1; seed <= kSeeds; ++seed) {
    Assessment a = random_assessment(instrument, seed);
    Scorecard card = score_assessment(instrument, a, {.actions = false});
    Scorecard uncapped = score_assessment(reference, a, {.actions = false});
    failures += card.critical_failures().size();
    auto capped_scores = all_scores(card), free_scores = all_scores(uncapped);
    ASSERT_EQ(capped_scores.size(), free_scores.size());
    for (size_t i = 0; i < capped_scores.size(); ++i) {
      ASSERT_EQ(capped_scores[i].second.has_value(), free_scores[i].second.has_value());
      if (capped_scores[i].second) {
        EXPECT_LE(*capped_scores[i].second, *free_scores[i].second + kTolerance) << capped_scores[i].first << ", seed " << seed;
      }
    }
    for (const auto& section : card.sections)
      if (!section.critical_failures.empty()) {
        EXPECT_LE(*section.score, card.critical_cap);
      }
  }
  EXPECT_GT(failures, 10u) << "the random assessments must contain critical failures for this test to mean anything";
}

}  // namespace
}  // namespace cjb
