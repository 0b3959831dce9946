// Corner cases of the scoring rules, each on the worked example's model with one thing changed.

#include <gtest/gtest.h>

#include "core/scoring.h"
#include "core/worked_example.h"

namespace cjb {
namespace {

class ScoringEdge : public ::testing::Test {
 protected:
  Catalog catalog = test::worked_example_catalog();
  Assessment assessment = test::worked_example_assessment();

  Response* response(const std::string& item) {
    for (auto& r : assessment.responses)
      if (r.item == item) return &r;
    assessment.responses.push_back({item, std::nullopt, false, "", "", {}});
    return &assessment.responses.back();
  }
  void answer(const std::string& item, int level) {
    Response* r = response(item);
    r->level = level;
    r->na = false;
  }
  void not_applicable(const std::string& item) {
    Response* r = response(item);
    r->level.reset();
    r->na = true;
  }
  Scorecard score() {
    instrument = resolve_scope(catalog, assessment.scope);
    return score_assessment(instrument, assessment);
  }
  Item& item(const std::string& id) {
    for (auto& i : catalog.checklists[0].items)
      if (i.id == id) return i;
    throw std::runtime_error("no item " + id);
  }

  Instrument instrument;
};

TEST_F(ScoringEdge, ASectionWithOnlyNotApplicableItemsHasNoScoreAndNothingToComplete) {
  not_applicable("C2");  // C1 is N/A already: checkout/physical is now all N/A
  Scorecard card = score();
  const SectionResult* section = card.find_section("checkout", "physical");
  EXPECT_FALSE(section->score.has_value());
  EXPECT_EQ(section->answered, 0);
  EXPECT_EQ(section->applicable, 0);
  EXPECT_EQ(card.find_group("checkout")->figure.applicable, 1);
  EXPECT_EQ(card.overall.applicable, 6);
  EXPECT_DOUBLE_EQ(*card.overall.completeness, 1.0);
  EXPECT_TRUE(card.unanswered.empty());
}

TEST_F(ScoringEdge, NothingAnsweredScoresNullEverywhere) {
  assessment.responses.clear();
  Scorecard card = score();
  EXPECT_FALSE(card.overall.score.has_value());
  EXPECT_EQ(card.overall.band, nullptr);
  EXPECT_FALSE(card.overall.gap.has_value());
  EXPECT_DOUBLE_EQ(*card.overall.completeness, 0.0);
  for (const auto& c : card.channels) EXPECT_FALSE(c.score.has_value());
  EXPECT_TRUE(card.actions.empty());
  EXPECT_EQ(card.unanswered.size(), 8u);
}

TEST_F(ScoringEdge, TheCapDoesNothingWhenTheSectionIsAlreadyBelowIt) {
  answer("R2", 0);  // research/online: R2 no (0) and R3 critical at 0 → 0, already below 40
  Scorecard card = score();
  const SectionResult* section = card.find_section("research", "online");
  EXPECT_DOUBLE_EQ(*section->uncapped, 0);
  EXPECT_DOUBLE_EQ(*section->score, 0);
  EXPECT_EQ(section->critical_failures, std::vector<std::string>{"R3"});
}

TEST_F(ScoringEdge, ACriticalItemAboveZeroOrNotApplicableIsNoFailure) {
  answer("R3", 1);
  Scorecard card = score();
  EXPECT_TRUE(card.critical_failures().empty());
  EXPECT_DOUBLE_EQ(*card.find_section("research", "online")->score, (100 + 25) / 2.0);
  not_applicable("R3");
  card = score();
  EXPECT_TRUE(card.critical_failures().empty());
  EXPECT_DOUBLE_EQ(*card.find_section("research", "online")->score, 100);
}

TEST_F(ScoringEdge, RaisingOneOfTwoCriticalFailuresKeepsTheCap) {
  item("R2").critical = true;
  answer("R2", 0);  // research/online: R2 and R3 both critical failures, section 0
  catalog.index();
  Scorecard card = score();
  EXPECT_EQ(card.find_section("research", "online")->critical_failures, (std::vector<std::string>{"R2", "R3"}));
  // Raising R3 to 4 gives an uncapped 50, still capped at 40 by R2: research (75 + 40) / 2.
  double research_after = (75 + 40) / 2.0;
  double journey_after = (research_after + 2 * 50) / 3;
  double overall_after = (200.0 / 3 + 2 * journey_after) / 3;
  const Action* raise_r3 = nullptr;
  for (const auto& a : card.actions)
    if (a.item == "R3") raise_r3 = &a;
  ASSERT_NE(raise_r3, nullptr);
  EXPECT_NEAR(raise_r3->impact, overall_after - *card.overall.score, 1e-12);
}

TEST_F(ScoringEdge, BandsByLowerBound) {
  const Model& m = catalog.model;
  EXPECT_EQ(m.band_for(0)->id, "poor");
  EXPECT_EQ(m.band_for(39.999)->id, "poor");
  EXPECT_EQ(m.band_for(40)->id, "developing");
  EXPECT_EQ(m.band_for(59.99)->id, "developing");
  EXPECT_EQ(m.band_for(60)->id, "established");
  EXPECT_EQ(m.band_for(100)->id, "leading");
}

TEST_F(ScoringEdge, ChannelWeightsWeighAGroupsSections) {
  catalog.model.channels[0].weight = 3;  // physical counts three times online
  Scorecard card = score();
  EXPECT_DOUBLE_EQ(*card.find_group("research")->figure.score, (3 * 75 + 1 * 40) / 4.0);
  EXPECT_DOUBLE_EQ(*card.find_group("checkout")->figure.score, 50) << "a null section weighs nothing";
  // Channel scores weigh groups, not channels.
  EXPECT_DOUBLE_EQ(*card.channels[1].score, (40 + 2 * 50) / 3.0);
}

TEST_F(ScoringEdge, ProfileWeightsOverrideItemsGroupsAndLayers) {
  Profile p;
  p.id = "heavy";
  p.model = "example";
  p.checklists = {"example"};
  p.channels = {"physical", "online"};
  p.weights = {{Override::Kind::Item, "L1", 3, {}}, {Override::Kind::Group, "checkout", 1, {}},
               {Override::Kind::Layer, "journey", 1, {}}};
  catalog.profiles.push_back(p);
  assessment.scope.profile = "heavy";
  Scorecard card = score();
  double vision = (3 * 100 + 2 * 50) / 5.0;
  double journey = (57.5 + 50) / 2;
  EXPECT_DOUBLE_EQ(*card.find_group("vision")->figure.score, vision);
  EXPECT_DOUBLE_EQ(*card.find_layer("journey")->figure.score, journey);
  EXPECT_DOUBLE_EQ(*card.overall.score, (vision + journey) / 2);
  EXPECT_DOUBLE_EQ(card.find_item("L1")->weight, 3);
}

}  // namespace
}  // namespace cjb
