// cjb kpi EXPORT... --apply ASSESSMENT: the measured items of the mini data (E-MEA-01 by first
// response p90, E-MEA-02 by CSAT on a curve, J-SUP-O-02 by the median first response) set
// from exports whose figures are worked out by hand below.

#include <sstream>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support.h"

namespace cjb::test {
namespace {

// Ten contacts opened 2026-01-05 09:00, first responses after 5, 10, 15, 20, 30, 40, 60, 120,
// 600 and 1200 minutes. Median (type 7): (30 + 40) / 2 = 35 minutes ≤ 60 → J-SUP-O-02 yes (1).
// p90: position 9 × 0.9 = 8.1 → 600 + 0.1 × (1200 − 600) = 660 minutes = 11 hours: at most 24,
// above 8 → E-MEA-01 level 2 (the assessor gave 1).
const char* kContacts =
    "id,opened,first_response\n"
    "C1,2026-01-05 09:00,2026-01-05 09:05\n"
    "C2,2026-01-05 09:00,2026-01-05 09:10\n"
    "C3,2026-01-05 09:00,2026-01-05 09:15\n"
    "C4,2026-01-05 09:00,2026-01-05 09:20\n"
    "C5,2026-01-05 09:00,2026-01-05 09:30\n"
    "C6,2026-01-05 09:00,2026-01-05 09:40\n"
    "C7,2026-01-05 09:00,2026-01-05 10:00\n"
    "C8,2026-01-05 09:00,2026-01-05 11:00\n"
    "C9,2026-01-05 09:00,2026-01-05 19:00\n"
    "C10,2026-01-05 09:00,2026-01-06 05:00\n";

// Ten CSAT answers, seven of them 4 or 5: 70 %. On the curve from 50 % (level 0) to 90 %
// (level 4): (70 − 50) / 40 × 4 = 2 → E-MEA-02 level 2 (the assessor gave 3).
const char* kSurveys =
    "id,date,csat\n"
    "A1,2026-01-10,5\nA2,2026-01-10,5\nA3,2026-01-11,5\nA4,2026-01-12,4\nA5,2026-01-12,4\n"
    "A6,2026-01-13,4\nA7,2026-01-13,3\nA8,2026-01-14,2\nA9,2026-01-15,1\nA10,2026-01-31,5\n";

class KpiApply : public ::testing::Test {
 protected:
  void SetUp() override {
    write_text(contacts, kContacts);
    write_text(surveys, kSurveys);
  }
  std::string dir = temp_dir(std::string("kpi-apply-") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
  std::string contacts = dir + "/contacts.csv", surveys = dir + "/surveys.csv", out = dir + "/measured.xml";
  std::vector<std::string> data{"--data-dir", "tests/data/mini"};

  RunResult apply(std::vector<std::string> args) {
    std::vector<std::string> all = {"kpi", contacts, surveys, "--apply", "tests/data/mini-assessment.xml"};
    all.insert(all.end(), args.begin(), args.end());
    all.insert(all.end(), data.begin(), data.end());
    return run_cjb(all);
  }

  nlohmann::json score(const std::string& assessment) {
    std::vector<std::string> args = {"score", assessment, "--format", "json"};
    args.insert(args.end(), data.begin(), data.end());
    RunResult r = run_cjb(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    return nlohmann::json::parse(r.out);
  }

  static double group_score(const nlohmann::json& card, const std::string& id) {
    for (const auto& g : card["groups"])
      if (g["id"] == id) return g["score"].get<double>();
    ADD_FAILURE() << "no group " << id;
    return -1;
  }
};

TEST_F(KpiApply, SetsTheMeasuredItemsAndSaysWhatChanged) {
  RunResult r = apply({"-o", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  nlohmann::json before = score("tests/data/mini-assessment.xml");
  nlohmann::json after = score(out);
  EXPECT_EQ(r.err, fmt::format("E-MEA-01: level 2 measured; the auditor saw 1\n"
                               "E-MEA-02: level 2 measured; the auditor saw 3\n"
                               "J-SUP-O-02: level 1 measured\n"
                               "overall score {:.1f} → {:.1f}\n",
                               before["overall"]["score"].get<double>(), after["overall"]["score"].get<double>()));
  std::string xml = read_text(out);
  EXPECT_NE(xml.find("<response item=\"E-MEA-01\" level=\"2\" source=\"measured\" observed-level=\"1\">\n"
                     "      <evidence>measured by cjb kpi from contacts.csv, surveys.csv (2026-01): first response time, 90th "
                     "percentile 11 hours over 10 contacts → level 2</evidence>"),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("<response item=\"E-MEA-02\" level=\"2\" source=\"measured\" observed-level=\"3\">\n"
                     "      <evidence>measured by cjb kpi from contacts.csv, surveys.csv (2026-01): CSAT (share of 4 and 5) 70 % "
                     "over 10 answers → level 2</evidence>"),
            std::string::npos);
  EXPECT_NE(xml.find("<response item=\"J-SUP-O-02\" level=\"1\" source=\"measured\" observed-level=\"1\">"), std::string::npos);
  // Observed items are left alone, their notes and evidence too.
  EXPECT_NE(xml.find("<response item=\"J-COM-P-01\" level=\"0\">"), std::string::npos);
  EXPECT_NE(xml.find("<evidence>Asked two staff.</evidence>"), std::string::npos);

  // Measurement: E-MEA-01 (weight 1) 25 → 50, E-MEA-02 (weight 2) 75 → 50:
  // (1 × 25 + 2 × 75) / 3 = 58.33 before, (1 × 50 + 2 × 50) / 3 = 50 after.
  EXPECT_NEAR(group_score(before, "measurement"), 175.0 / 3, 1e-9);
  EXPECT_NEAR(group_score(after, "measurement"), 50.0, 1e-9);
  // The overall score is that of the assessment with those two levels changed by hand.
  std::string by_hand = read_text(source_path("tests/data/mini-assessment.xml"));
  for (auto [from, to] : {std::pair{"item=\"E-MEA-01\" level=\"1\"", "item=\"E-MEA-01\" level=\"2\""},
                          std::pair{"item=\"E-MEA-02\" level=\"3\"", "item=\"E-MEA-02\" level=\"2\""}}) {
    size_t at = by_hand.find(from);
    ASSERT_NE(at, std::string::npos);
    by_hand.replace(at, std::string(from).size(), to);
  }
  write_text(dir + "/by-hand.xml", by_hand);
  nlohmann::json expected = score(dir + "/by-hand.xml");
  EXPECT_DOUBLE_EQ(after["overall"]["score"].get<double>(), expected["overall"]["score"].get<double>());
  EXPECT_LT(after["overall"]["score"].get<double>(), before["overall"]["score"].get<double>());
}

// A merged export with a retailer column: records of another retailer never count. Maxi's five
// slow contacts (50 hours) and five CSAT answers of 1 would pull both levels to 0.
TEST_F(KpiApply, RecordsOfAnotherRetailerDoNotCount) {
  auto of_mini = [](const std::string& text, const std::string& maxi) {
    std::string merged;
    std::istringstream lines(text);
    std::string line;
    for (bool header = true; std::getline(lines, line); header = false) merged += line + (header ? ",retailer\n" : ",Mini & Co\n");
    for (int i = 1; i <= 5; ++i) merged += fmt::format("M{},{},Maxi\n", i, maxi);
    return merged;
  };
  write_text(contacts, of_mini(kContacts, "2026-01-05 09:00,2026-01-07 11:00"));
  write_text(surveys, of_mini(kSurveys, "2026-01-10,1"));
  RunResult r = apply({"-o", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("E-MEA-01: level 2 measured; the auditor saw 1\nE-MEA-02: level 2 measured; the auditor saw 3\n"), std::string::npos)
      << r.err;
  std::string xml = read_text(out);
  EXPECT_NE(xml.find("first response time, 90th percentile 11 hours over 10 contacts → level 2"), std::string::npos) << xml;
  EXPECT_NE(xml.find("CSAT (share of 4 and 5) 70 % over 10 answers → level 2"), std::string::npos) << xml;
}

TEST_F(KpiApply, AppliedTwiceKeepsTheAuditorsLevel) {
  ASSERT_EQ(apply({"-o", out}).exit_code, 0);
  std::vector<std::string> again = {"kpi", contacts, "--apply", out, "-o", dir + "/again.xml"};
  again.insert(again.end(), data.begin(), data.end());
  RunResult r = run_cjb(again);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Without the surveys CSAT cannot be measured: E-MEA-02 keeps its measured level.
  EXPECT_NE(r.err.find("E-MEA-01: level 2 measured; the auditor saw 1\n"
                       "E-MEA-02: left as it was: no answers to measure CSAT (share of 4 and 5)\n"),
            std::string::npos)
      << r.err;
  std::string xml = read_text(dir + "/again.xml");
  EXPECT_NE(xml.find("<response item=\"E-MEA-01\" level=\"2\" source=\"measured\" observed-level=\"1\">\n"
                     "      <evidence>measured by cjb kpi from contacts.csv (2026-01): first response time"),
            std::string::npos)
      << xml;
  EXPECT_EQ(xml.find("from contacts.csv, surveys.csv (2026-01): first response"), std::string::npos);
}

// A waived item is a decision someone signed: the data does not overrule it.
TEST_F(KpiApply, LeavesAWaivedItemAlone) {
  std::string text = read_text(source_path("tests/data/mini-assessment.xml"));
  const std::string from = "<response item=\"E-MEA-01\" level=\"1\"/>";
  ASSERT_NE(text.find(from), std::string::npos);
  text.replace(text.find(from), from.size(),
               "<response item=\"E-MEA-01\"><waiver by=\"J. Patel\" date=\"2026-01-02\" expires=\"2026-12-31\">New help desk from "
               "May</waiver></response>");
  write_text(dir + "/waived.xml", text);
  std::vector<std::string> args = {"kpi", contacts, "--apply", dir + "/waived.xml", "-o", out};
  args.insert(args.end(), data.begin(), data.end());
  RunResult r = run_cjb(args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("E-MEA-01: left as it was: waived by J. Patel\n"), std::string::npos) << r.err;
  std::string xml = read_text(out);
  EXPECT_NE(xml.find("<response item=\"E-MEA-01\">\n      <waiver by=\"J. Patel\""), std::string::npos) << xml;
  EXPECT_EQ(score(out)["overall"]["score"], score(dir + "/waived.xml")["overall"]["score"]);
}

TEST_F(KpiApply, ReportsShowMeasuredItemsApart) {
  ASSERT_EQ(apply({"-o", out}).exit_code, 0);
  for (const char* format : {"md", "json", "html"}) {
    std::vector<std::string> args = {"report", out, "--format", format};
    args.insert(args.end(), data.begin(), data.end());
    RunResult r = run_cjb(args);
    ASSERT_EQ(r.exit_code, 0) << format << ": " << r.err;
    EXPECT_NE(r.out.find("Measured and observed items"), std::string::npos) << format;
    // (HTML escapes the apostrophe of "retailer's".)
    EXPECT_NE(r.out.find("own KPI exports (measured); 56 answered items were observed by the assessor. The data and the assessor "
                         "disagree on 2 items."),
              std::string::npos)
        << format;
    if (std::string(format) == "md") {
      EXPECT_NE(r.out.find("3 items were scored from the retailer's own KPI exports"), std::string::npos);
      EXPECT_NE(r.out.find("| E-MEA-01 Mini item 1 of measurement (all). | 2 Defined | 1 Ad hoc<br>disagrees | measured by cjb kpi from contacts.csv, surveys.csv (2026-01): first response time, 90th percentile 11 hours over 10 contacts → level 2 |"), std::string::npos) << r.out;
    }
    EXPECT_NE(r.out.find("disagrees"), std::string::npos) << format;
  }
  std::vector<std::string> args = {"report", "tests/data/mini-assessment.xml", "--format", "md"};
  args.insert(args.end(), data.begin(), data.end());
  EXPECT_EQ(run_cjb(args).out.find("Measured and observed items"), std::string::npos);
}

TEST_F(KpiApply, QuietSaysNothing) {
  RunResult r = apply({"-o", out, "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_NE(read_text(out).find("source=\"measured\""), std::string::npos);
}

TEST_F(KpiApply, WritesTheAssessmentNotTheFigures) {
  RunResult r = apply({});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, 38), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
  RunResult json = apply({"--format", "json"});
  EXPECT_EQ(json.exit_code, 2);
  EXPECT_EQ(json.err, "cjb kpi: --apply writes the assessment, not the figures (expected no --format or --by with it)\n");
}

TEST_F(KpiApply, ABadAssessmentStopsBeforeReading) {
  std::vector<std::string> args = {"kpi", contacts, "--apply", dir + "/missing.xml"};
  args.insert(args.end(), data.begin(), data.end());
  RunResult r = run_cjb(args);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("missing.xml"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace cjb::test
