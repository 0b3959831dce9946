// Action plans read back from a spreadsheet: statuses, due dates, and exact diagnostics.

#include "sheet/action_plan_sheet.h"

#include <gtest/gtest.h>

#include "sheet/csv_reader.h"
#include "support.h"
#include "xml/catalog_loader.h"

namespace cjb::sheet {
namespace {

class ActionPlanSheet : public ::testing::Test {
 protected:
  Catalog catalog = xml::load_catalog(test::source_path("tests/data/mini"));
  Instrument instrument = resolve_profile(catalog, *catalog.find_profile("mini-store"));

  std::vector<PlannedAction> read(const std::string& csv) { return read_action_plan({to_table(read_csv(csv, "p.csv"))}, "p.csv", instrument); }
  std::string error_of(const std::string& csv) {
    try {
      read(csv);
    } catch (const InputError& e) {
      return e.what();
    }
    return "no error";
  }
};

TEST_F(ActionPlanSheet, ReadsOwnersDatesStatusesAndComments) {
  auto plan = read(
      "\xEF\xBB\xBF#,Item,Text,Owner,Due date,Status,Comment\n"
      "1,L-VIS-01,whatever,Ann Lee,2026-03-01,done,posted in the staff room\n"
      "2,L-VIS-02,,Bo,46082,In Progress,'=not a formula\n"
      "3,E-STD-01,,,,,\n"
      ",,,,,,\n");
  ASSERT_EQ(plan.size(), 3u);
  EXPECT_EQ(plan[0].item, "L-VIS-01");
  EXPECT_EQ(plan[0].owner, "Ann Lee");
  EXPECT_EQ(plan[0].due, "2026-03-01");
  EXPECT_EQ(plan[0].status, ActionStatus::Done);
  EXPECT_EQ(plan[0].comment, "posted in the staff room");
  EXPECT_EQ(plan[0].where.cell, "row 2, column B (Item)");
  EXPECT_EQ(plan[1].due, "2026-03-01") << "a spreadsheet's date serial (1900 date system: 45658 is 2025-01-01)";
  EXPECT_EQ(plan[1].status, ActionStatus::InProgress);
  EXPECT_EQ(plan[1].comment, "=not a formula") << "the apostrophe that defused it comes off";
  EXPECT_EQ(plan[2].status, ActionStatus::Open) << "an empty status is open";
  EXPECT_EQ(plan[2].due, "");
}

TEST_F(ActionPlanSheet, EveryProblemInSheetCoordinates) {
  EXPECT_EQ(error_of("Item,Owner,Due date,Status\n"
                     "L-VIS-01,Ann,2026-02-30,done\n"
                     "L-VIS-02,Bo,31/03/2026,open\n"
                     "L-ROL-01,,,finished\n"
                     "L-VIS-01,,,open\n"
                     "NOPE-01,,,open\n"
                     ",Cy,,open\n"),
            "p.csv: row 2, column C (Due date): error: \"2026-02-30\" is not a date (expected YYYY-MM-DD, e.g. 2026-06-30, or a date cell)\n"
            "p.csv: row 3, column C (Due date): error: \"31/03/2026\" is not a date (expected YYYY-MM-DD, e.g. 2026-06-30, or a date cell)\n"
            "p.csv: row 4, column D (Status): error: \"finished\" is not a status (expected open, in progress or done)\n"
            "p.csv: row 5, column A (Item): error: item 'L-VIS-01' is listed twice (expected one row per action; the first is row 2)\n"
            "p.csv: row 6, column A (Item): error: item 'NOPE-01' is not in the scope of the previous assessment (expected an item of the plan "
            "`cjb actions` wrote for it)\n"
            "p.csv: row 7, column A (Item): error: a row with no item id (expected the id of an item of the plan, e.g. J-SUP-O-02)");
  EXPECT_EQ(error_of("Item,Owner,Due date,Status\nL-VIS-01,,,open\nL-VIS-01,,,done\n"),
            "p.csv: row 3, column A (Item): error: item 'L-VIS-01' is listed twice (expected one row per action; the first is row 2)");
}

TEST_F(ActionPlanSheet, TheHeaderNamesWhatIsMissing) {
  EXPECT_EQ(error_of("Item,Level\nL-VIS-01,2\n"),
            "p.csv: row 1: error: the header has no 'Owner' column (expected the columns Item, Owner, Due date and Status, as `cjb actions` writes them)\n"
            "p.csv: row 1: error: the header has no 'Due date' column (expected the columns Item, Owner, Due date and Status, as `cjb actions` writes them)\n"
            "p.csv: row 1: error: the header has no 'Status' column (expected the columns Item, Owner, Due date and Status, as `cjb actions` writes them)");
  EXPECT_EQ(error_of("Item,Owner,Due date,Status,status\nL-VIS-01,,,open,done\n"),
            "p.csv: row 1, column E (status): error: column 'status' twice (expected each column once; the first is column D)");
  EXPECT_EQ(error_of(""), "p.csv: error: the action plan is empty (expected a header row and one row per action, as `cjb actions` writes)");
}

TEST(ActionStatusText, SpellingsPeopleType) {
  EXPECT_EQ(parse_action_status(""), ActionStatus::Open);
  EXPECT_EQ(parse_action_status(" OPEN "), ActionStatus::Open);
  EXPECT_EQ(parse_action_status("in-progress"), ActionStatus::InProgress);
  EXPECT_EQ(parse_action_status("In  progress"), ActionStatus::InProgress);
  EXPECT_EQ(parse_action_status("Done"), ActionStatus::Done);
  EXPECT_EQ(parse_action_status("closed"), ActionStatus::Done);
  EXPECT_EQ(parse_action_status("nearly"), std::nullopt);
  EXPECT_STREQ(to_string(ActionStatus::InProgress), "in progress");
}

}  // namespace
}  // namespace cjb::sheet
