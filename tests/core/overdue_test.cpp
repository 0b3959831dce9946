// Overdue actions of a store's filled plan at a date (core/action_plan.h, count_overdue).

#include <gtest/gtest.h>

#include "core/action_plan.h"
#include "core/error.h"

namespace cjb {
namespace {

PlannedAction action(const std::string& due, ActionStatus status) {
  PlannedAction a;
  a.item = "X";
  a.due = due;
  a.status = status;
  return a;
}

TEST(BenchmarkActionsCounting, CountsOpenAndOverdueAtTheDate) {
  std::vector<PlannedAction> plan{action("2026-03-01", ActionStatus::Done),        // done: neither
                                  action("2026-03-01", ActionStatus::Open),        // 31 days late
                                  action("2026-03-20", ActionStatus::InProgress),  // 12 days late
                                  action("2026-04-01", ActionStatus::Open),        // due on the day: not late
                                  action("", ActionStatus::Open)};                 // no date: never late
  OverdueCounts c = count_overdue(plan, "2026-04-01");
  EXPECT_EQ(c.open, 4);
  EXPECT_EQ(c.overdue, 2);
  EXPECT_EQ(c.oldest_overdue_days, 31);
  OverdueCounts earlier = count_overdue(plan, "2026-03-02");
  EXPECT_EQ(earlier.overdue, 1);
  EXPECT_EQ(earlier.oldest_overdue_days, 1);
  EXPECT_EQ(count_overdue({}, "2026-04-01").oldest_overdue_days, std::nullopt);
}

TEST(BenchmarkActionsCounting, RefusesAnAsOfThatIsNotADate) {
  try {
    count_overdue({}, "April");
    FAIL() << "no error";
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(), "'April' is not a date (expected YYYY-MM-DD)");
  }
}

TEST(BenchmarkActionsCounting, OrdersMostOverdueFirst) {
  std::vector<std::optional<OverdueCounts>> counts{OverdueCounts{3, 1, 40}, std::nullopt, OverdueCounts{2, 0, std::nullopt},
                                                   OverdueCounts{5, 2, 10}, OverdueCounts{4, 1, 60}};
  EXPECT_EQ(most_overdue_first(counts), (std::vector<size_t>{3, 4, 0}));
}

}  // namespace
}  // namespace cjb
