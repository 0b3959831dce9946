// cjb agree: two audits of one visit, text and JSON, and the refusals.

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support.h"

namespace cjb::test {
namespace {

using ::testing::HasSubstr;

RunResult cjb(std::vector<std::string> a) {
  a.insert(a.end(), {"--data-dir", "tests/data/mini"});
  return run_cjb(a);
}

std::string audit(const std::string& assessor, const std::string& responses, const std::string& channels = "") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<assessment id=\"visit-" + assessor + "\">\n"
         "  <subject retailer=\"Mini &amp; Co\" site=\"High Street\"/>\n"
         "  <meta assessor=\"" + assessor + "\" date=\"2026-03-14\" method=\"audit\"/>\n"
         "  <scope model=\"cjb-retail\" profile=\"mini-store\"" + channels + "/>\n"
         "  <responses>\n" + responses + "  </responses>\n</assessment>\n";
}

std::string response(const std::string& item, const std::string& level) {
  return "    <response item=\"" + item + "\" " + (level == "na" ? "na=\"true\"" : "level=\"" + level + "\"") + "/>\n";
}

// Ann and Raj on five maturity items and two yes/no items. Maturity: 0 1 2 3 4 against
// 0 1 2 3 3, κ = 16/17 as worked in CohenKappa.OneDisagreement. Yes/no: A = 1 0, B = 1 1:
// po = ½; A yes ½, B yes 1, so pe = ½·1 + ½·0 = ½ and κ = (½ − ½)/(1 − ½) = 0.
void write_audits(const std::string& dir) {
  std::string ann, raj;
  const char* maturity[] = {"L-VIS-01", "L-ROL-01", "L-STR-01", "L-CUL-01", "L-EMP-01"};
  for (int i = 0; i < 5; ++i) {
    ann += response(maturity[i], std::to_string(i));
    raj += response(maturity[i], std::to_string(i == 4 ? 3 : i));
  }
  const char* yesno[] = {"L-VIS-02", "J-SUP-P-02"};
  const char* a_levels[] = {"1", "0"};
  const char* b_levels[] = {"1", "1"};
  for (int i = 0; i < 2; ++i) {
    ann += response(yesno[i], a_levels[i]);
    raj += response(yesno[i], b_levels[i]);
  }
  write_text(dir + "/ann.xml", audit("Ann", ann));
  write_text(dir + "/raj.xml", audit("Raj", raj));
}

TEST(Agree, JsonHasTheHandWorkedKappas) {
  std::string dir = temp_dir("agree-json");
  write_audits(dir);
  RunResult r = cjb({"agree", dir + "/ann.xml", dir + "/raj.xml", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["schema"], "cjb.agree/1");
  EXPECT_EQ(j["compared"], 7);
  EXPECT_EQ(j["alike"], 5);
  ASSERT_EQ(j["kappas"].size(), 2u);
  EXPECT_EQ(j["kappas"][0]["scale"], "maturity");
  EXPECT_EQ(j["kappas"][0]["weights"], "quadratic");
  EXPECT_NEAR(j["kappas"][0]["kappa"].get<double>(), 16.0 / 17.0, 1e-9);
  EXPECT_EQ(j["kappas"][1]["weights"], "plain");
  EXPECT_NEAR(j["kappas"][1]["kappa"].get<double>(), 0.0, 1e-9);
  ASSERT_EQ(j["disagreements"].size(), 2u);
  EXPECT_EQ(j["disagreements"][0]["item"], "J-SUP-P-02") << "a whole yes/no step is wider than one of four";
  EXPECT_EQ(j["disagreements"][1]["item"], "L-EMP-01");
  EXPECT_DOUBLE_EQ(j["disagreements"][1]["gap"].get<double>(), 0.25);
  EXPECT_FALSE(j["overall"]["difference"].is_null());
}

TEST(Agree, TextSaysShareKappaGapsAndScores) {
  std::string dir = temp_dir("agree-text");
  write_audits(dir);
  RunResult r = cjb({"agree", dir + "/ann.xml", dir + "/raj.xml"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_THAT(r.out, HasSubstr("Answered alike: 5 of 7 items answered in either (71.4%)\n"));
  EXPECT_THAT(r.out, HasSubstr("  scale     levels  weighting           items  kappa\n"
                               "  maturity  0–4     quadratic-weighted      5  0.94 almost perfect\n"));
  EXPECT_THAT(r.out, HasSubstr("  yesno     0–1     plain                   2  0.00 slight\n"));
  EXPECT_THAT(r.out, HasSubstr("Widest disagreements (2 of 2)\n"));
  EXPECT_THAT(r.out, HasSubstr("  J-SUP-P-02  0  1  100%\n    Mini item 2 of support (physical).\n  L-EMP-01    4  3   25%\n"));
  EXPECT_THAT(r.out, HasSubstr("  overall"));
}

TEST(Agree, AuditsOfTwoDatesAreNotedNotRefused) {
  std::string dir = temp_dir("agree-dates");
  write_audits(dir);
  std::string later = read_text(dir + "/raj.xml");
  later.replace(later.find("2026-03-14"), 10, "2026-03-21");
  write_text(dir + "/raj.xml", later);
  RunResult r = cjb({"agree", dir + "/ann.xml", dir + "/raj.xml", "--format", "json"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "cjb agree: note: " + dir + "/ann.xml is dated 2026-03-14 and " + dir +
                       "/raj.xml 2026-03-21: the figures measure two visits as well as two auditors (what changed between visits "
                       "is for cjb compare)\n");
  EXPECT_EQ(cjb({"agree", "-q", dir + "/ann.xml", dir + "/raj.xml"}).err, "");
}

TEST(Agree, AnotherScopeOrOneFileIsRefused) {
  std::string dir = temp_dir("agree-refused");
  write_audits(dir);
  write_text(dir + "/online.xml", audit("Kim", "", " channels=\"online\""));
  RunResult r = cjb({"agree", dir + "/ann.xml", dir + "/online.xml"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_THAT(r.err, HasSubstr("online.xml:5:3: error: its scope has channels online, but " + dir +
                               "/ann.xml has channels (none) (expected two audits of the same scope)"));
  r = cjb({"agree", dir + "/ann.xml"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("agree: 1 file given (expected two audits of one visit: A B)"));
  r = cjb({"agree", dir + "/ann.xml", dir + "/raj.xml", "--format", "pdf"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("agree: --format 'pdf' is not known (expected text or json)"));
}

}  // namespace
}  // namespace cjb::test
