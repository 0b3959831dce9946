// sheet/csv_writer: CSV the way spreadsheets read it, and user text defused for them.

#include "sheet/csv_writer.h"

#include <gtest/gtest.h>

namespace cjb::sheet {
namespace {

TEST(Csv, QuotesOnlyWhenNeeded) {
  EXPECT_EQ(csv_field("plain"), "plain");
  EXPECT_EQ(csv_field(""), "");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(csv_field(" padded"), "\" padded\"");
  EXPECT_EQ(csv_row({"a", "b,c", ""}), "a,\"b,c\",\n");
}

TEST(Csv, TextThatASpreadsheetWouldRunIsDefused) {
  EXPECT_EQ(spreadsheet_text("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
  EXPECT_EQ(spreadsheet_text("+1 call back"), "'+1 call back");
  EXPECT_EQ(spreadsheet_text("-2 points"), "'-2 points");
  EXPECT_EQ(spreadsheet_text("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(spreadsheet_text("Greeted at once."), "Greeted at once.");
  EXPECT_EQ(spreadsheet_text(""), "");
}

}  // namespace
}  // namespace cjb::sheet
