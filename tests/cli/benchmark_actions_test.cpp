// cjb benchmark --actions: each store's action plan (ASSESSMENT.actions.csv beside the visit it
// was made from), its open and overdue actions, and the stores with overdue actions.

#include <algorithm>
#include <map>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "sheet/csv_reader.h"
#include "support.h"

namespace cjb::test {
namespace {

std::string replace_once(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// A copy of the mini assessment as a visit of another site on another date.
std::string visit(const std::string& id, const std::string& site_id, const std::string& date) {
  std::string text = read_text(source_path("tests/data/mini-assessment.xml"));
  text = replace_once(text, "id=\"mini-2026-01\"", "id=\"" + id + "\"");
  text = replace_once(text, "region=\"North\"", "site-id=\"" + site_id + "\" region=\"North\"");
  return replace_once(text, "date=\"2026-01-15\"", "date=\"" + date + "\"");
}

// Site A: visits a1 (with a plan), a2, a3 (without): a1's plan counts, at the cohort's newest
// date 2026-02-10 by default. Site B: b1 with a plan. Site C: no plan.
//   A: open 3 (L-ROL-02 is done); overdue L-VIS-01 (due 01-20: 21 days) and E-STD-01 (due 02-01);
//      L-VIS-02 is due 03-01.                                     → 3 open, 2 overdue, 21 days
//   B: L-VIS-01 due 2025-12-31                                   → 1 open, 1 overdue, 41 days
// At 2026-01-25: A has only L-VIS-01 overdue (5 days), B 25 days: B comes first.
class BenchmarkActions : public ::testing::Test {
 protected:
  std::string dir = temp_dir(std::string("benchmark-actions-") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
  void SetUp() override {
    write_text(dir + "/chain/a1.xml", visit("a1", "A", "2026-01-05"));
    write_text(dir + "/chain/a2.xml", visit("a2", "A", "2026-01-25"));
    write_text(dir + "/chain/a3.xml", visit("a3", "A", "2026-02-10"));
    write_text(dir + "/chain/b1.xml", visit("b1", "B", "2026-01-12"));
    write_text(dir + "/chain/c1.xml", visit("c1", "C", "2026-01-20"));
    write_text(dir + "/chain/a1.actions.csv",
               "Item,Owner,Due date,Status\n"
               "L-VIS-01,Ann,2026-01-20,open\n"
               "E-STD-01,Bo,2026-02-01,in progress\n"
               "L-VIS-02,Cy,2026-03-01,open\n"
               "L-ROL-02,Di,2026-01-10,done\n");
    write_text(dir + "/chain/b1.actions.csv", "Item,Owner,Due date,Status\nL-VIS-01,Ed,2025-12-31,\n");
  }
  RunResult run(std::vector<std::string> args) {
    args.insert(args.begin(), {"benchmark", dir + "/chain"});
    for (const char* a : {"--data-dir", "tests/data/mini"}) args.push_back(a);
    return run_cjb(args);
  }
  // site id → open, overdue, oldest overdue days of the CSV league.
  std::map<std::string, std::vector<std::string>> csv_plans(const RunResult& r) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& row : sheet::read_csv(r.out, "out.csv")) {
      auto& cells = rows.emplace_back();
      for (const auto& field : row) cells.push_back(field.text);
    }
    std::map<std::string, std::vector<std::string>> plans;
    const auto& header = rows.at(0);
    size_t site = static_cast<size_t>(std::find(header.begin(), header.end(), "site_id") - header.begin());
    size_t open = static_cast<size_t>(std::find(header.begin(), header.end(), "open_actions") - header.begin());
    EXPECT_LT(open + 2, header.size());
    for (size_t i = 1; i < rows.size() && open + 2 < header.size(); ++i)
      plans[rows[i].at(site)] = {rows[i].at(open), rows[i].at(open + 1), rows[i].at(open + 2)};
    return plans;
  }
};

TEST_F(BenchmarkActions, CountsOverdueAtTheNewestAssessmentDate) {
  RunResult r = run({"--actions", "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  auto plans = csv_plans(r);
  EXPECT_EQ(plans["A"], (std::vector<std::string>{"3", "2", "21"}));
  EXPECT_EQ(plans["B"], (std::vector<std::string>{"1", "1", "41"}));
  EXPECT_EQ(plans["C"], (std::vector<std::string>{"", "", ""}));
}

TEST_F(BenchmarkActions, AsOfMovesTheDateAndTheOrder) {
  RunResult r = run({"--actions", "--as-of", "2026-01-25", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  const auto& actions = j.at("actions");
  EXPECT_EQ(actions.at("as_of"), "2026-01-25");
  std::map<std::string, nlohmann::json> by_site;
  for (const auto& s : actions.at("sites")) by_site[s.at("site_id")] = s;
  EXPECT_EQ(by_site["A"].at("overdue"), 1);
  EXPECT_EQ(by_site["A"].at("oldest_overdue_days"), 5);
  EXPECT_EQ(by_site["B"].at("oldest_overdue_days"), 25);
  EXPECT_TRUE(by_site["C"].at("plan").is_null());
  EXPECT_EQ(by_site["A"].at("plan"), dir + "/chain/a1.actions.csv");
  // Most overdue first: one each, B the older.
  ASSERT_EQ(actions.at("overdue_ranks").size(), 2u);
  EXPECT_EQ(actions.at("overdue_ranks")[0], by_site["B"].at("rank"));
  EXPECT_EQ(actions.at("overdue_ranks")[1], by_site["A"].at("rank"));
}

TEST_F(BenchmarkActions, TextShowsTheColumnsAndTheStoresMostOverdueFirst) {
  RunResult r = run({"--actions"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  size_t list = r.out.find("\nStores with overdue actions on 2026-02-10 (most overdue first)\n");
  ASSERT_NE(list, std::string::npos) << r.out;
  size_t a = r.out.find(" A ", list), b = r.out.find(" B ", list);
  EXPECT_LT(a, b) << r.out.substr(list);
  EXPECT_NE(r.out.find("open actions"), std::string::npos);
  EXPECT_NE(r.out.find("a1.actions.csv"), std::string::npos);
}

TEST_F(BenchmarkActions, WithoutActionsNothingChanges) {
  write_text(dir + "/chain/a1.actions.csv", "not a plan at all");
  RunResult r = run({});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("overdue"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("open actions"), std::string::npos);
  RunResult csv = run({"--format", "csv"});
  EXPECT_EQ(csv.out.find("open_actions"), std::string::npos);
}

TEST_F(BenchmarkActions, ABadPlanIsAnErrorAtItsCell) {
  write_text(dir + "/chain/b1.actions.csv", "Item,Owner,Due date,Status\nL-VIS-01,Ed,2025-12-31,finished\n");
  RunResult r = run({"--actions"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, dir + "/chain/b1.actions.csv: row 2, column D (Status): error: \"finished\" is not a status (expected open, in progress or done)\n");
}

TEST_F(BenchmarkActions, AsOfMustBeADateAndNeedsActions) {
  RunResult bad = run({"--actions", "--as-of", "next week"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("benchmark: --as-of 'next week' is not a date (expected YYYY-MM-DD)"), std::string::npos) << bad.err;
  RunResult alone = run({"--as-of", "2026-01-25"});
  EXPECT_EQ(alone.exit_code, 2);
  EXPECT_NE(alone.err.find("benchmark: --as-of needs --actions"), std::string::npos) << alone.err;
}

}  // namespace
}  // namespace cjb::test
