// The journey view on the worked example of docs/scoring.md, with drivers and transitions added.

#include "core/journey_view.h"

#include <gtest/gtest.h>

#include "core/worked_example.h"

namespace cjb {
namespace {

std::vector<std::string> ids(const std::vector<const Item*>& items) {
  std::vector<std::string> out;
  for (const Item* item : items) out.push_back(item->id);
  return out;
}

class JourneyViewTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // "culture" is named but not in the model: a driver that was not assessed.
    for (auto& item : catalog.checklists[0].items) {
      if (item.id == "C1") item.drivers = {"culture"};
      if (item.id[0] == 'R' || item.id == "C3") item.drivers = {"vision"};
    }
    catalog.model.transitions = {{"research", "online", "checkout", "physical", "Looks online, buys in store", {}},
                                 {"research", "physical", "checkout", "phone", "Calls to order", {}}};
    catalog.index();
    instrument = resolve_scope(catalog, assessment.scope);
    card = score_assessment(instrument, assessment);
  }

  Catalog catalog = test::worked_example_catalog();
  Assessment assessment = test::worked_example_assessment();
  Instrument instrument;
  Scorecard card;
};

TEST_F(JourneyViewTest, TouchpointsInJourneyOrderOneLanePerChannel) {
  JourneyView view = journey_view(card);
  EXPECT_EQ(view.touchpoints, (std::vector<std::string>{"research", "checkout"}));
  ASSERT_EQ(view.lanes.size(), 2u);
  EXPECT_EQ(view.lanes[0].channel, "physical");
  EXPECT_EQ(view.lanes[1].channel, "online");
  const JourneyViewCell* cell = view.find_cell("research", "online");
  ASSERT_NE(cell, nullptr);
  EXPECT_TRUE(cell->in_scope);
  EXPECT_EQ(cell->items, 2);
  EXPECT_DOUBLE_EQ(*cell->section->score, 40);  // capped by the critical failure R3
  EXPECT_EQ(view.find_cell("checkout", "physical")->items, 2);
  EXPECT_FALSE(view.find_cell("checkout", "physical")->section->score.has_value());
  EXPECT_EQ(view.find_cell("vision", "all"), nullptr);  // drivers are not touchpoints
}

TEST_F(JourneyViewTest, TransitionsOnlyBetweenCellsInScope) {
  JourneyView view = journey_view(card);
  ASSERT_EQ(view.transitions.size(), 1u);
  EXPECT_EQ(view.transitions[0]->label, "Looks online, buys in store");
}

TEST_F(JourneyViewTest, GapItemsAreCriticalFailuresElseTheWeakestAnsweredItems) {
  JourneyView view = journey_view(card);
  EXPECT_EQ(ids(view.find_cell("research", "online")->gap_items), std::vector<std::string>{"R3"});
  EXPECT_EQ(ids(view.find_cell("checkout", "online")->gap_items), std::vector<std::string>{"C3"});  // 50, target 75
  EXPECT_TRUE(view.find_cell("research", "physical")->gap_items.empty());  // 75 meets the target
  EXPECT_TRUE(view.find_cell("checkout", "physical")->gap_items.empty());  // nothing answered
}

TEST_F(JourneyViewTest, DriverRowsAreTheLeadershipAndEnablerGroupsInScope) {
  JourneyView view = journey_view(card);
  ASSERT_EQ(view.drivers.size(), 1u);
  EXPECT_EQ(view.drivers[0].group, "vision");
  EXPECT_EQ(view.drivers[0].layer, "leadership");
  EXPECT_EQ(view.drivers[0].items, 2);
  EXPECT_NEAR(*view.drivers[0].score, 200.0 / 3, 1e-9);
}

TEST_F(JourneyViewTest, WeakestTouchpointsAndTheirDriverTallies) {
  JourneyView view = journey_view(card);
  // checkout 50, research 57.5: both below 75, lowest first.
  ASSERT_EQ(view.weakest.size(), 2u);
  EXPECT_EQ(view.weakest[0].touchpoint->id, "checkout");
  EXPECT_EQ(view.weakest[1].touchpoint->id, "research");
  // One item each: the scored driver (vision) before the unassessed one (culture).
  ASSERT_EQ(view.weakest[0].drivers.size(), 2u);
  EXPECT_EQ(view.weakest[0].drivers[0].driver, "vision");
  EXPECT_EQ(view.weakest[0].drivers[0].items, 1);
  EXPECT_EQ(view.weakest[0].drivers[1].driver, "culture");
  ASSERT_EQ(view.weakest[1].drivers.size(), 1u);
  EXPECT_EQ(view.weakest[1].drivers[0].items, 3);
  // vision is behind both touchpoints with 4 items, culture behind one with 1.
  ASSERT_EQ(view.driver_ranking.size(), 2u);
  EXPECT_EQ(view.driver_ranking[0].driver, "vision");
  EXPECT_EQ(view.driver_ranking[0].items, 4);
  EXPECT_EQ(view.driver_ranking[0].touchpoints, (std::set<std::string>{"checkout", "research"}));
  EXPECT_EQ(view.driver_ranking[1].driver, "culture");
  EXPECT_EQ(view.driver_ranking[1].items, 1);
}

TEST_F(JourneyViewTest, WhenNoTouchpointIsBelowTargetTheThreeLowestAreShown) {
  for (auto& r : assessment.responses) r.level = r.na ? r.level : std::optional<int>(4);
  for (auto& r : assessment.responses)
    if (r.item == "R2") r.level = 1;
  card = score_assessment(instrument, assessment);
  JourneyView view = journey_view(card);
  ASSERT_EQ(view.weakest.size(), 2u);  // both at 100: every scored touchpoint, at most three
  EXPECT_EQ(view.weakest[0].touchpoint->id, "research");
  EXPECT_TRUE(view.find_cell("checkout", "online")->gap_items.empty());
}

TEST_F(JourneyViewTest, BlankViewCountsEveryItemAsAGapItem) {
  JourneyView view = blank_journey_view(instrument);
  EXPECT_EQ(view.touchpoints, (std::vector<std::string>{"research", "checkout"}));
  const JourneyViewCell* cell = view.find_cell("checkout", "physical");
  EXPECT_EQ(cell->section, nullptr);
  EXPECT_TRUE(cell->in_scope);
  EXPECT_EQ(ids(cell->gap_items), (std::vector<std::string>{"C1", "C2"}));
  ASSERT_EQ(view.drivers.size(), 1u);
  EXPECT_EQ(view.drivers[0].items, 2);
  EXPECT_FALSE(view.drivers[0].score.has_value());
  EXPECT_TRUE(view.weakest.empty());
  EXPECT_EQ(view.transitions.size(), 1u);
}

}  // namespace
}  // namespace cjb
