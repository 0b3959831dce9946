// cjb compare on two versions of the mini assessment: the second a later visit under a
// narrower profile (mini-store: no online channel, and E-TEC-02 back in scope).

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <regex>

#include "support.h"

namespace cjb::test {
namespace {

std::string set_response(std::string text, const std::string& item, const std::string& answer) {
  std::regex response("<response item=\"" + item + "\"[^>]*?(/>|>.*?</response>)");
  std::string replaced = std::regex_replace(text, response, answer.empty() ? "" : "<response item=\"" + item + "\" " + answer + "/>");
  EXPECT_NE(replaced, text) << item;
  return replaced;
}

class Compare : public ::testing::Test {
 protected:
  std::string dir = temp_dir(std::string("compare-cli-") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
  std::string before = dir + "/before.xml", after = dir + "/after.xml";

  void SetUp() override {
    std::string text = read_text(source_path("tests/data/mini-assessment.xml"));
    std::string old_text = set_response(text, "E-STD-01", "level=\"2\"");
    write_text(before, old_text);
    std::string t = old_text;
    t = std::regex_replace(t, std::regex("date=\"2026-01-15\""), "date=\"2026-04-15\"");
    t = std::regex_replace(t, std::regex("id=\"mini-2026-01\""), "id=\"mini-2026-04\"");
    t = std::regex_replace(t, std::regex("profile=\"mini-omnichannel\""), "profile=\"mini-store\"");
    t = std::regex_replace(t, std::regex("\\s*<response item=\"J-[A-Z]+-O-[^>]*?(/>|>.*?</response>)"), "");
    t = set_response(t, "L-VIS-01", "level=\"2\"");   // 0 → 2: improved
    t = set_response(t, "L-ROL-01", "level=\"1\"");   // 4 → 1: regressed
    t = set_response(t, "E-STD-01", "level=\"0\"");   // critical, 2 → 0: newly critical
    t = set_response(t, "J-COM-P-01", "level=\"3\""); // critical failure put right: improved
    t = set_response(t, "L-STR-01", "");              // answered before, not now
    t = set_response(t, "L-CUL-02", "level=\"2\"");   // N/A before: newly answered
    // E-TEC-02 is excluded by mini-omnichannel and in scope in mini-store: added.
    write_text(after, t);
  }
};

TEST_F(Compare, TwoSitesAreComparedWithANote) {
  std::string other = dir + "/other.xml";
  write_text(other, std::regex_replace(read_text(after), std::regex("site=\"High Street &lt;1&gt;\""),
                                       "site=\"Market Square\" site-id=\"MS-01\""));
  RunResult r = run_cjb({"compare", before, other, "--data-dir", "tests/data/mini"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "cjb compare: note: " + before + " is site 'High Street <1>' of 'Mini & Co' and " + other +
                       " is site 'MS-01' of 'Mini & Co': the changes are differences between two sites, not "
                       "changes over time\n");
  EXPECT_EQ(run_cjb({"compare", before, other, "--quiet", "--data-dir", "tests/data/mini"}).err, "");
}

TEST_F(Compare, ItemsAndScores) {
  RunResult r = run_cjb({"compare", before, after, "--format", "json", "--data-dir", "tests/data/mini"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["schema"], "cjb.compare/1");
  EXPECT_EQ(j["before"]["id"], "mini-2026-01");
  EXPECT_EQ(j["after"]["date"], "2026-04-15");
  std::map<std::string, std::string> change;
  for (const auto& item : j["items"]) change[item["id"]] = item["change"];
  EXPECT_EQ(change["L-VIS-01"], "improved");
  EXPECT_EQ(change["L-ROL-01"], "regressed");
  EXPECT_EQ(change["E-STD-01"], "newly-critical");
  EXPECT_EQ(change["J-COM-P-01"], "improved");
  EXPECT_EQ(change["L-STR-01"], "no-longer-answered");
  EXPECT_EQ(change["L-CUL-02"], "newly-answered");
  EXPECT_EQ(change["E-TEC-02"], "added");
  EXPECT_EQ(change["J-RES-O-01"], "removed");
  EXPECT_EQ(change["L-EMP-01"], "unchanged");
  EXPECT_EQ(j["counts"]["improved"], 2);
  EXPECT_EQ(j["counts"]["regressed"], 1);
  EXPECT_EQ(j["counts"]["newly-critical"], 1);
  EXPECT_EQ(j["counts"]["removed"], 22);  // every online item of the mini checklists
  // L-ROL-01: level 4 → 1 on a 0–4 scale.
  for (const auto& item : j["items"]) {
    if (item["id"] == "L-ROL-01") {
      EXPECT_DOUBLE_EQ(item["delta"].get<double>(), -75);
    }
  }
  // The online channel is gone; scores that both have are compared.
  std::map<std::string, std::string> scores;
  for (const auto& s : j["scores"]) scores[s["kind"].get<std::string>() + " " + s["id"].get<std::string>()] = s["change"];
  EXPECT_EQ(scores["channel online"], "removed");
  EXPECT_EQ(scores["group vision"], "improved");
  EXPECT_EQ(scores["group role-modelling"], "regressed");
}

TEST_F(Compare, TextGolden) {
  RunResult r = run_cjb({"compare", before, after, "--data-dir", "tests/data/mini"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  expect_golden(r, "compare-mini.txt");
}

// Each changed item is named by its statement and finding, and every change printed beside two
// scores is their difference as printed (58.3 → 60.3 is +2.0).
TEST_F(Compare, NamesItemsAndChangesAddUp) {
  RunResult r = run_cjb({"compare", before, after, "--data-dir", "tests/data/mini"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  size_t at = r.out.find("Newly critical (1)");
  ASSERT_NE(at, std::string::npos);
  std::string block = r.out.substr(at, r.out.find("\n\n", at) - at);
  EXPECT_NE(block.find("E-STD-01"), std::string::npos) << block;
  EXPECT_EQ(std::count(block.begin(), block.end(), '\n'), 3) << "header, row, statement (and no finding: E-STD-01 has no note)\n" << block;
  RunResult json = run_cjb({"compare", before, after, "--format", "json", "--data-dir", "tests/data/mini"});
  auto j = nlohmann::json::parse(json.out);
  for (const auto& item : j["items"])
    if (item["id"] == "J-COM-P-01") {
      EXPECT_EQ(item["finding"], "No complaints procedure <script>alert(1)</script>");
    }
  std::regex row(R"(\n  (\S+(?: \S+)?)\s+(\d+\.\d)\s+(\d+\.\d)\s+([+-]\d+\.\d))");
  int rows = 0;
  for (auto it = std::sregex_iterator(r.out.begin(), r.out.end(), row); it != std::sregex_iterator(); ++it, ++rows) {
    double was = std::stod((*it)[2]), now = std::stod((*it)[3]), change = std::stod((*it)[4]);
    EXPECT_NEAR(change, now - was, 1e-9) << (*it)[0];
  }
  EXPECT_GE(rows, 20);
}

TEST_F(Compare, CsvAndHtml) {
  RunResult csv = run_cjb({"compare", before, after, "--format", "csv", "--data-dir", "tests/data/mini"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.out.rfind("item,group,channel,change,before_status,before_level,before_score,after_status,after_level,after_score,delta,text,finding\n", 0), 0u);
  EXPECT_NE(csv.out.find("\nL-ROL-01,role-modelling,all,regressed,answered,4,100,answered,1,25,-75,"), std::string::npos);
  RunResult html = run_cjb({"compare", before, after, "--format", "html", "-o", dir + "/c.html", "--data-dir", "tests/data/mini"});
  ASSERT_EQ(html.exit_code, 0) << html.err;
  EXPECT_EQ(html.out, "");
  std::string page = read_text(dir + "/c.html");
  EXPECT_NE(page.find("<h2>Newly critical (1)</h2>"), std::string::npos);
}

TEST_F(Compare, BadInput) {
  RunResult one = run_cjb({"compare", before, "--data-dir", "tests/data/mini"});
  EXPECT_EQ(one.exit_code, 2);
  EXPECT_EQ(one.err, "cjb compare: 1 file given (expected two: OLD NEW)\n");
  write_text(dir + "/broken.xml", "<assessment id=\"x\">\n  <subject retailer=\"R\"\n</assessment>\n");
  RunResult broken = run_cjb({"compare", before, dir + "/broken.xml", "--data-dir", "tests/data/mini"});
  EXPECT_EQ(broken.exit_code, 2);
  EXPECT_EQ(broken.out, "");
  EXPECT_EQ(broken.err, dir + "/broken.xml:3:1: error: malformed XML: Error parsing start element tag (expected well-formed XML)\n");
}

}  // namespace
}  // namespace cjb::test
