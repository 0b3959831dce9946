// The scoring plan: what score_assessment and BenchmarkScorer both work out from an instrument
// (items that count, sections, groups, layers, journey channels, weights, targets, the cap),
// and the roll-up both run (docs/scoring.md).

#include "core/scoring_plan.h"

#include <gtest/gtest.h>

#include "core/scoring.h"
#include "support.h"
#include "xml/catalog_loader.h"

namespace cjb {
namespace {

class ScoringPlanTest : public ::testing::Test {
 protected:
  Catalog catalog = xml::load_catalog(test::source_path("tests/data/mini"));
  Instrument instrument(const std::string& profile) { return resolve_profile(catalog, *catalog.find_profile(profile)); }
};

TEST_F(ScoringPlanTest, SectionsFollowTheInstrumentAndRollUpInModelOrder) {
  Instrument omni = instrument("mini-omnichannel");
  ScoringPlan plan(omni);
  ASSERT_EQ(plan.items().size(), omni.items.size());
  for (size_t i = 0; i < plan.items().size(); ++i) {
    const auto& item = plan.items()[i];
    EXPECT_EQ(item.index, i);
    EXPECT_EQ(item.item, omni.items[i].item);
    EXPECT_EQ(plan.sections()[item.section].group, item.item->group);
    EXPECT_EQ(plan.sections()[item.section].channel, item.item->channel);
    if (i > 0) {
      EXPECT_LE(plan.items()[i - 1].section, item.section);  // sections are runs of items
    }
  }
  std::vector<std::string_view> layers;
  for (const auto& layer : plan.layers()) layers.push_back(layer.id);
  EXPECT_EQ(layers, (std::vector<std::string_view>{"leadership", "enablers", "journey"}));
  EXPECT_DOUBLE_EQ(plan.layers()[2].weight, 2);
  for (size_t g = 0; g < plan.groups().size(); ++g) {
    const auto& group = plan.groups()[g];
    if (g > 0) {
      EXPECT_LT(plan.groups()[g - 1].order, group.order) << group.id;
    }
    EXPECT_EQ(plan.layers()[group.layer_index].id, group.layer);
    EXPECT_DOUBLE_EQ(group.target, omni.group_target(std::string(group.id)));
    for (size_t s : group.sections) EXPECT_EQ(plan.sections()[s].group_index, g);
  }
  EXPECT_DOUBLE_EQ(plan.critical_cap(), catalog.model.critical_cap);
  EXPECT_DOUBLE_EQ(plan.overall_target(), omni.overall_target);
}

TEST_F(ScoringPlanTest, JourneyChannelsHoldTheirJourneySectionsOnly) {
  Instrument omni = instrument("mini-omnichannel");
  ScoringPlan plan(omni);
  ASSERT_EQ(plan.channels().size(), 2u);
  EXPECT_EQ(plan.channels()[0].id, "physical");
  EXPECT_EQ(plan.channels()[0].order, 0);
  EXPECT_EQ(plan.channels()[1].id, "online");
  EXPECT_EQ(plan.channels()[1].order, 1);
  size_t touchpoints = 0;
  for (size_t s = 0; s < plan.sections().size(); ++s) {
    const auto& section = plan.sections()[s];
    const bool journey = plan.groups()[section.group_index].layer == kJourney;
    EXPECT_EQ(section.journey_channel >= 0, journey) << section.group << " " << section.channel;
    if (section.journey_channel < 0) continue;
    ++touchpoints;
    EXPECT_EQ(plan.channels()[static_cast<size_t>(section.journey_channel)].id, section.channel);
  }
  EXPECT_EQ(plan.touchpoints(), touchpoints);
  EXPECT_GT(touchpoints, 0u);

  ScoringPlan store(instrument("mini-store"));
  ASSERT_EQ(store.channels().size(), 1u);
  EXPECT_EQ(store.channels()[0].id, "physical");
}

TEST_F(ScoringPlanTest, EvidenceLeavesTheOtherItemsOut) {
  // The mini data says nothing of evidence: mark three items of this test's own catalog.
  Instrument store = instrument("mini-store");
  for (auto [index, kind] : {std::pair{1, EvidenceKind::Observed}, std::pair{4, EvidenceKind::Observed}, std::pair{5, EvidenceKind::Asked}})
    const_cast<Item*>(store.items[static_cast<size_t>(index)].item)->evidence_kind = kind;
  ScoringPlan observed(store, EvidenceKind::Observed);
  ASSERT_EQ(observed.items().size(), 2u);
  EXPECT_EQ(observed.items()[0].index, 1u);
  EXPECT_EQ(observed.items()[1].index, 4u);
  EXPECT_LE(observed.sections().size(), 2u);
  EXPECT_EQ(ScoringPlan(store).items().size(), store.items.size());
}

TEST_F(ScoringPlanTest, SectionScoreIsCappedOnlyByACriticalFailure) {
  ScoringPlan plan(instrument("mini-store"));
  ScoringPlan::SectionSums sums;
  EXPECT_EQ(plan.section_score(sums), std::nullopt);  // nothing answered
  ScoringPlan::PlannedItem item = plan.items()[0];
  item.critical = true;
  item.weight = 1;
  item.max_level = 4;
  sums.add(item, 4);
  EXPECT_EQ(plan.section_score(sums), 100);
  sums.add(item, 0);  // a critical item at level 0
  EXPECT_EQ(sums.critical_failures, 1);
  EXPECT_EQ(plan.section_score(sums), std::min(50.0, plan.critical_cap()));
}

// The roll-up without allocation gives weighted_mean's numbers to the last bit.
TEST_F(ScoringPlanTest, RollUpEqualsWeightedMeanExactly) {
  Instrument omni = instrument("mini-omnichannel");
  ScoringPlan plan(omni);
  std::vector<std::optional<double>> sections;
  for (size_t s = 0; s < plan.sections().size(); ++s)
    sections.push_back(s % 5 == 3 ? std::nullopt : std::optional<double>(100.0 * static_cast<double>((s * 37) % 101) / 101.0 / 3.0));
  std::vector<std::optional<double>> groups, layers;
  for (size_t g = 0; g < plan.groups().size(); ++g) {
    std::vector<std::pair<std::optional<double>, double>> values;
    for (size_t s : plan.groups()[g].sections) values.emplace_back(sections[s], omni.channel_weight(std::string(plan.sections()[s].channel)));
    groups.push_back(plan.group_score(g, sections));
    EXPECT_EQ(groups.back(), weighted_mean(values)) << plan.groups()[g].id;
  }
  std::vector<std::pair<std::optional<double>, double>> overall;
  for (size_t l = 0; l < plan.layers().size(); ++l) {
    std::vector<std::pair<std::optional<double>, double>> values;
    for (size_t g : plan.layers()[l].groups) values.emplace_back(groups[g], plan.groups()[g].weight);
    layers.push_back(plan.layer_score(l, groups));
    EXPECT_EQ(layers.back(), weighted_mean(values)) << plan.layers()[l].id;
    overall.emplace_back(layers.back(), plan.layers()[l].weight);
  }
  EXPECT_EQ(plan.overall_score(layers), weighted_mean(overall));
  for (size_t c = 0; c < plan.channels().size(); ++c) {
    std::vector<std::pair<std::optional<double>, double>> values;
    for (size_t s : plan.channels()[c].sections) values.emplace_back(sections[s], plan.groups()[plan.sections()[s].group_index].weight);
    EXPECT_EQ(plan.channel_score(c, sections), weighted_mean(values)) << plan.channels()[c].id;
  }
  EXPECT_EQ(plan.overall_score(std::vector<std::optional<double>>(plan.layers().size())), std::nullopt);
}

}  // namespace
}  // namespace cjb
