// cjb actions: the action plan as CSV, XLSX, Markdown and JSON, in the report's order.

#include <algorithm>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "sheet/csv_reader.h"
#include "sheet/xlsx_reader.h"
#include "support.h"

namespace cjb::test {
namespace {

const std::string kAssessment = "tests/data/mini-assessment.xml";

RunResult actions(const std::vector<std::string>& extra) {
  std::vector<std::string> args = {"actions", kAssessment, "--data-dir", "tests/data/mini"};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_cjb(args);
}

std::vector<std::string> plan_items_of_json(const std::string& text) {
  std::vector<std::string> items;
  auto doc = nlohmann::json::parse(text);  // kept: a range-for over a temporary's member would dangle
  for (const auto& a : doc.at("actions")) items.push_back(a.at("item").get<std::string>());
  return items;
}

// The items of the report's action plan tables (the Fix now table, then the rest), in order:
// the first word of each row's Item cell.
std::vector<std::string> report_action_items(const std::string& report_json) {
  std::vector<std::string> items;
  auto doc = nlohmann::json::parse(report_json);
  for (const auto& section : doc.at("sections")) {
    if (section.at("id") != "actions") continue;
    for (const auto& block : section.at("blocks")) {
      if (block.at("type") != "table" || block.at("header").at(0) != "#") continue;
      for (const auto& row : block.at("rows")) {
        std::string cell = row.at("cells").at(1).at("text");
        items.push_back(cell.substr(0, cell.find(' ')));
      }
    }
  }
  return items;
}

TEST(Actions, ExportOrderEqualsTheReportsJsonOrder) {
  auto plan = actions({"--format", "json"});
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  EXPECT_EQ(plan.err, "");
  auto report = run_cjb({"report", kAssessment, "--data-dir", "tests/data/mini", "--format", "json", "--actions", "0"});
  ASSERT_EQ(report.exit_code, 0) << report.err;
  std::vector<std::string> exported = plan_items_of_json(plan.out), reported = report_action_items(report.out);
  ASSERT_GT(exported.size(), 5u);
  EXPECT_EQ(exported, reported);
  // Fix now first: the critical failures lead, ranks count from 1.
  auto doc = nlohmann::json::parse(plan.out);
  EXPECT_EQ(doc.at("schema"), "cjb.actions/1");
  EXPECT_TRUE(doc.at("actions").at(0).at("fix_now").get<bool>());
  EXPECT_EQ(doc.at("actions").at(0).at("rank"), 1);
  bool seen_rest = false;
  for (const auto& a : doc.at("actions")) {
    if (!a.at("fix_now").get<bool>()) seen_rest = true;
    else EXPECT_FALSE(seen_rest) << "a Fix now action after the others: " << a.at("item");
    EXPECT_EQ(a.at("status"), "open");
    EXPECT_EQ(a.at("owner"), "");
    EXPECT_TRUE(a.at("due").is_null());
  }
}

TEST(Actions, CsvHasTheColumnsAndTheSameOrder) {
  auto csv = actions({});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.err, "");
  ASSERT_EQ(csv.out.substr(0, 3), "\xEF\xBB\xBF") << "a byte order mark, as field sheets have";
  auto rows = sheet::read_csv(csv.out, "plan.csv");
  ASSERT_GT(rows.size(), 2u);
  std::vector<std::string> header;
  for (const auto& f : rows[0]) header.push_back(f.text);
  EXPECT_EQ(header, (std::vector<std::string>{"#", "Item", "Text", "Group", "Channel", "Fix now", "Finding", "Evidence", "Current level",
                                              "Target level", "Next level", "How to get there", "Impact", "Owner", "Due date", "Status",
                                              "Comment"}));
  std::vector<std::string> items;
  for (size_t r = 1; r < rows.size(); ++r) {
    items.push_back(rows[r][1].text);
    EXPECT_EQ(rows[r][0].text, std::to_string(r));
    EXPECT_EQ(rows[r][15].text, "open");
    EXPECT_EQ(rows[r][13].text, "");
  }
  EXPECT_EQ(items, plan_items_of_json(actions({"--format", "json"}).out));
  // A Fix now row: a critical item at level 0, its next level described.
  EXPECT_EQ(rows[1][5].text, "yes");
  EXPECT_EQ(rows[1][8].text.substr(0, 2), "0 ");
  EXPECT_EQ(rows[1][10].text.substr(0, 2), "1 ");
  auto no_bom = actions({"--no-bom"});
  EXPECT_EQ(no_bom.out.substr(0, 1), "#");
}

TEST(Actions, XlsxHasTheSameRowsWithAStatusDropDown) {
  std::string dir = temp_dir("actions-xlsx");
  auto r = actions({"-o", dir + "/plan.xlsx"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  std::string bytes = read_text(dir + "/plan.xlsx");
  auto sheets = sheet::read_xlsx(bytes, "plan.xlsx");
  ASSERT_EQ(sheets.size(), 1u);
  EXPECT_EQ(sheets[0].sheet, "Action plan");
  auto csv = sheet::to_table(sheet::read_csv(actions({}).out, "plan.csv"));
  ASSERT_EQ(sheets[0].rows.size(), csv.rows.size());
  for (size_t r = 0; r < csv.rows.size(); ++r) {
    EXPECT_EQ(sheet::cell_at(sheets[0].rows[r], 1).text, csv.rows[r][1].text) << "row " << r + 1;
    EXPECT_EQ(sheet::cell_at(sheets[0].rows[r], 15).text, csv.rows[r][15].text) << "row " << r + 1;
  }
  // The same input gives the same bytes.
  auto again = actions({"-o", dir + "/again.xlsx"});
  ASSERT_EQ(again.exit_code, 0);
  EXPECT_EQ(read_text(dir + "/again.xlsx"), bytes);
}

TEST(Actions, MarkdownListsFixNowFirst) {
  auto md = actions({"--format", "md"});
  ASSERT_EQ(md.exit_code, 0) << md.err;
  EXPECT_EQ(md.err, "");
  EXPECT_EQ(md.out.rfind("# Action plan — Mini &amp; Co, High Street &lt;1&gt;", 0), 0u) << md.out.substr(0, 120);
  size_t fix_now = md.out.find("## Fix now: critical failures"), rest = md.out.find("## Then, by impact");
  ASSERT_NE(fix_now, std::string::npos);
  ASSERT_NE(rest, std::string::npos);
  EXPECT_LT(fix_now, rest);
}

TEST(Actions, FormatFromTheFileNameAndRefusals) {
  std::string dir = temp_dir("actions-formats");
  ASSERT_EQ(actions({"-o", dir + "/p.json"}).exit_code, 0);
  EXPECT_EQ(nlohmann::json::parse(read_text(dir + "/p.json")).at("schema"), "cjb.actions/1");
  ASSERT_EQ(actions({"-o", dir + "/p.md"}).exit_code, 0);
  EXPECT_EQ(read_text(dir + "/p.md").substr(0, 13), "# Action plan");
  auto docx = actions({"-o", dir + "/p.docx"});
  EXPECT_EQ(docx.exit_code, 2);
  EXPECT_EQ(docx.err, "cjb actions: -o " + dir + "/p.docx: the extension '.docx' is not an action plan format (expected .csv, .xlsx, .md, "
                      ".markdown or .json, or --format to write that file anyway)\n");
  auto unknown = actions({"--format", "pdf"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_EQ(unknown.err, "cjb actions: --format 'pdf' is not known (expected csv, xlsx, markdown, md or json)\n");
}

}  // namespace
}  // namespace cjb::test
