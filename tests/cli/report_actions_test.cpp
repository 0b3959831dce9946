// cjb report --previous OLD --actions-file PLAN: the plan made after the previous visit,
// followed up at the new one, in every report format.

#include <cstdio>
#include <regex>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "sheet/csv_reader.h"
#include "sheet/csv_writer.h"
#include "support.h"

namespace cjb::test {
namespace {

const std::string kOld = "tests/data/mini-assessment.xml";  // 2026-01-15

// The same site three months later: L-VIS-01 went from 0 to 2, the rest stayed.
std::string write_revisit(const std::string& dir) {
  std::string text = read_text(source_path(kOld));
  text = std::regex_replace(text, std::regex("date=\"2026-01-15\""), "date=\"2026-04-15\"");
  text = std::regex_replace(text, std::regex("id=\"mini-2026-01\""), "id=\"mini-2026-04\"");
  text = std::regex_replace(text, std::regex("<response item=\"L-VIS-01\" level=\"0\"/>"), "<response item=\"L-VIS-01\" level=\"2\"/>");
  write_text(dir + "/revisit.xml", text);
  return dir + "/revisit.xml";
}

const std::string kPlan =
    "Item,Owner,Due date,Status,Comment\n"
    "L-VIS-01,Ann Lee,2026-03-01,done,Posted in the staff room\n"
    "E-STD-01,Bo,2026-03-15,done,\n"
    "J-RES-P-02,Cy,2026-04-03,open,\n";

RunResult report(const std::string& dir, const std::string& plan, const std::vector<std::string>& extra) {
  std::vector<std::string> args = {"report", dir + "/revisit.xml", "--previous", kOld, "--actions-file", plan, "--data-dir", "tests/data/mini"};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_cjb(args);
}

std::string shell(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return out;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  pclose(pipe);
  return out;
}

// The follow-up table of a JSON report: item id → the Outcome cell.
std::map<std::string, std::string> outcomes(const std::string& report_json) {
  std::map<std::string, std::string> by_item;
  auto doc = nlohmann::json::parse(report_json);  // kept: a range-for over a temporary's member would dangle
  for (const auto& section : doc.at("sections")) {
    if (section.at("id") != "follow-up") continue;
    for (const auto& block : section.at("blocks"))
      if (block.at("type") == "table")
        for (const auto& row : block.at("rows")) {
          std::string item = row.at("cells").at(0).at("text");
          by_item[item.substr(0, item.find(' '))] = row.at("cells").at(5).at("text");
        }
  }
  return by_item;
}

class ReportActions : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = temp_dir("report-actions");
    write_revisit(dir_);
    write_text(dir_ + "/plan.csv", kPlan);
    for (const char* format : {"json", "md", "html", "svg", "pdf"}) {
      RunResult r = report(dir_, dir_ + "/plan.csv", {"-o", dir_ + "/report." + format});
      ASSERT_EQ(r.exit_code, 0) << format << ": " << r.err;
      ASSERT_EQ(r.err, "") << format;
    }
    json_ = read_text(dir_ + "/report.json");
  }
  static std::string dir_, json_;
};
std::string ReportActions::dir_, ReportActions::json_;

TEST_F(ReportActions, DoneAndImproved) {
  EXPECT_EQ(outcomes(json_)["L-VIS-01"], "done and improved");
  EXPECT_NE(json_.find("\"text\": \"Ann Lee\""), std::string::npos);
  EXPECT_NE(json_.find("Comment: Posted in the staff room"), std::string::npos);
  EXPECT_NE(json_.find("\"text\": \"0 → 2\""), std::string::npos);
}

TEST_F(ReportActions, DoneButNotImproved) { EXPECT_EQ(outcomes(json_)["E-STD-01"], "done but not improved"); }

TEST_F(ReportActions, OpenAndOverdue) { EXPECT_EQ(outcomes(json_)["J-RES-P-02"], "open, overdue 12 days"); }

TEST_F(ReportActions, ASectionInEveryFormat) {
  const std::string summary = "3 actions from the plan of the previous visit: 1 done and improved, 1 done but not improved, 1 not done (1 overdue).";
  // The section comes before the new plan, under the default template's title.
  auto doc = nlohmann::json::parse(json_);
  std::vector<std::string> ids;
  for (const auto& s : doc.at("sections")) ids.push_back(s.at("id"));
  auto at = [&](const char* id) { return std::find(ids.begin(), ids.end(), id) - ids.begin(); };
  EXPECT_EQ(at("follow-up") + 1, at("actions"));
  EXPECT_NE(json_.find(summary), std::string::npos);
  std::string md = read_text(dir_ + "/report.md");
  EXPECT_NE(md.find("Actions since the previous visit"), std::string::npos);
  EXPECT_NE(md.find("open, overdue 12 days"), std::string::npos);
  std::string html = read_text(dir_ + "/report.html");
  EXPECT_NE(html.find("Actions since the previous visit"), std::string::npos);
  EXPECT_NE(html.find("done but not improved"), std::string::npos);
  EXPECT_NE(read_text(dir_ + "/report.svg").find(summary), std::string::npos);
  std::string pdf = std::regex_replace(shell("pdftotext " + dir_ + "/report.pdf -"), std::regex("\\s+"), " ");
  EXPECT_NE(pdf.find("Actions since the previous visit"), std::string::npos);
  EXPECT_NE(pdf.find("done and improved"), std::string::npos);
  EXPECT_NE(pdf.find("overdue 12 days"), std::string::npos);
}

TEST_F(ReportActions, WithoutThePlanThereIsNoSection) {
  auto r = run_cjb({"report", dir_ + "/revisit.xml", "--previous", kOld, "--data-dir", "tests/data/mini", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("\"id\": \"follow-up\""), std::string::npos);
  EXPECT_NE(json_.find("\"id\": \"follow-up\""), std::string::npos);
}

TEST_F(ReportActions, AMinimalTemplateShowsItBeforeThePlan) {
  auto r = report(dir_, dir_ + "/plan.csv", {"--format", "json", "--template", "minimal"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto doc = nlohmann::json::parse(r.out);
  std::vector<std::string> ids;
  for (const auto& s : doc.at("sections")) ids.push_back(s.at("id"));
  auto follow_up = std::find(ids.begin(), ids.end(), "follow-up");
  ASSERT_NE(follow_up, ids.end());
  EXPECT_EQ(*(follow_up + 1), "actions");
}

TEST_F(ReportActions, TheExportedPlanFilledInAndReadBack) {
  // CSV: the file `cjb actions` wrote, with one row filled in as a client would.
  ASSERT_EQ(run_cjb({"actions", kOld, "--data-dir", "tests/data/mini", "-o", dir_ + "/export.csv"}).exit_code, 0);
  auto rows = sheet::read_csv(read_text(dir_ + "/export.csv"), "export.csv");
  std::string filled = "\xEF\xBB\xBF";
  size_t planned = rows.size() - 1;
  for (auto& row : rows) {
    std::vector<std::string> cells;
    for (const auto& f : row) cells.push_back(f.text);
    if (cells[1] == "L-VIS-01") {
      cells[13] = "Ann Lee";
      cells[14] = "2026-02-01";
      cells[15] = "done";
    }
    filled += sheet::csv_row(cells);
  }
  write_text(dir_ + "/filled.csv", filled);
  auto r = report(dir_, dir_ + "/filled.csv", {"--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto by_item = outcomes(r.out);
  EXPECT_EQ(by_item.size(), planned);
  EXPECT_EQ(by_item["L-VIS-01"], "done and improved");
  EXPECT_EQ(by_item["E-STD-01"], "open");
  // XLSX: the workbook as written, every action open and without a due date.
  ASSERT_EQ(run_cjb({"actions", kOld, "--data-dir", "tests/data/mini", "-o", dir_ + "/export.xlsx"}).exit_code, 0);
  auto x = report(dir_, dir_ + "/export.xlsx", {"--format", "json"});
  ASSERT_EQ(x.exit_code, 0) << x.err;
  auto from_xlsx = outcomes(x.out);
  EXPECT_EQ(from_xlsx.size(), planned);
  EXPECT_EQ(from_xlsx["L-VIS-01"], "open, improved already");
}

TEST_F(ReportActions, RefusalsNameThePlaceAndWhatIsExpected) {
  auto alone = run_cjb({"report", dir_ + "/revisit.xml", "--actions-file", dir_ + "/plan.csv", "--data-dir", "tests/data/mini", "--format", "json"});
  EXPECT_EQ(alone.exit_code, 2);
  EXPECT_EQ(alone.err, "cjb report: --actions-file needs --previous OLD (expected the assessment the plan was made from)\n");
  write_text(dir_ + "/bad.csv", "Item,Owner,Due date,Status\nL-VIS-01,Ann,soon,done\n");
  auto bad = report(dir_, dir_ + "/bad.csv", {"--format", "json"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.out, "");
  EXPECT_EQ(bad.err, dir_ + "/bad.csv: row 2, column C (Due date): error: \"soon\" is not a date (expected YYYY-MM-DD, e.g. 2026-06-30, or a date cell)\n");
}

}  // namespace
}  // namespace cjb::test
