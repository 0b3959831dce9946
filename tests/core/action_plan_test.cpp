// Following a plan up: the outcome of each earlier action, from the levels and the calendar.

#include "core/action_plan.h"

#include <gtest/gtest.h>

#include "support.h"
#include "xml/catalog_loader.h"
#include "xml/files.h"

namespace cjb {
namespace {

class ActionPlan : public ::testing::Test {
 protected:
  Catalog catalog = xml::load_catalog(test::source_path("tests/data/mini"));
  Assessment before = xml::load_assessment(test::source_path("tests/data/mini-assessment.xml"));  // 2026-01-15
  Assessment after = revisit(before);
  Instrument instrument = resolve_scope(catalog, before.scope);
  Scorecard old_card = score_assessment(instrument, before), new_card = score_assessment(instrument, after);

  // 2026-04-15: L-VIS-01 from 0 to 2, L-ROL-02 from 1 to 0, E-STD-01 no longer answered.
  static Assessment revisit(Assessment a) {
    a.meta.date = "2026-04-15";
    for (auto& r : a.responses) {
      if (r.item == "L-VIS-01") r.level = 2;
      if (r.item == "L-ROL-02") r.level = 0;
    }
    std::erase_if(a.responses, [](const Response& r) { return r.item == "E-STD-01"; });
    return a;
  }

  ActionFollowUp follow(const std::string& item, ActionStatus status, const std::string& due = "") {
    auto f = follow_up_actions({PlannedAction{item, "Ann", due, status, "", {}}}, old_card, new_card);
    return f.at(0);
  }
};

TEST_F(ActionPlan, OutcomesFromLevelsAndDates) {
  EXPECT_EQ(follow("L-VIS-01", ActionStatus::Done).outcome, "done and improved");
  EXPECT_EQ(follow("L-ROL-02", ActionStatus::Done).outcome, "done but not improved") << "lower now";
  EXPECT_EQ(follow("J-RES-P-02", ActionStatus::Open, "2026-04-03").outcome, "open, overdue 12 days");
  EXPECT_EQ(follow("J-RES-P-02", ActionStatus::InProgress, "2026-04-14").outcome, "in progress, overdue 1 day");
  EXPECT_EQ(follow("J-RES-P-02", ActionStatus::Open, "2026-04-15").outcome, "open") << "due on the day of the visit: not late yet";
  EXPECT_EQ(follow("J-RES-P-02", ActionStatus::Done, "2026-01-01").outcome, "done but not improved") << "done is never overdue";
  EXPECT_EQ(follow("L-VIS-01", ActionStatus::Open, "2026-02-01").outcome, "open, overdue 73 days, improved already");
  EXPECT_EQ(follow("E-STD-01", ActionStatus::Done).outcome, "done, not assessed at this visit");
  ActionFollowUp improved = follow("L-VIS-01", ActionStatus::Done);
  EXPECT_EQ(improved.before, 0);
  EXPECT_EQ(improved.after, 2);
  EXPECT_EQ(improved.text, "Mini item 1 of vision (all).");
}

TEST_F(ActionPlan, CountsAndRowsInTheReportsOrder) {
  auto f = follow_up_actions({PlannedAction{"L-VIS-01", "", "", ActionStatus::Done, "", {}},
                              PlannedAction{"L-ROL-02", "", "", ActionStatus::Done, "", {}},
                              PlannedAction{"J-RES-P-02", "", "2026-04-03", ActionStatus::Open, "", {}}},
                             old_card, new_card);
  FollowUpCounts n = count_follow_ups(f);
  EXPECT_EQ(n.done_improved, 1);
  EXPECT_EQ(n.done_not_improved, 1);
  EXPECT_EQ(n.open, 1);
  EXPECT_EQ(n.overdue, 1);
  std::vector<PlanRow> rows = action_plan_rows(old_card);
  ASSERT_EQ(rows.size(), old_card.actions.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i].item, old_card.actions[i].item);
    EXPECT_EQ(rows[i].number, static_cast<int>(i) + 1);
  }
  EXPECT_EQ(days_since_epoch("1970-01-02"), 1);
  EXPECT_EQ(days_since_epoch("2026-02-30"), std::nullopt);
}

}  // namespace
}  // namespace cjb
