// cjb init: a blank assessment that assess and import --into fill, never written over an existing file.

#include <filesystem>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support.h"
#include "xml/files.h"

namespace cjb::test {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

RunResult cjb(std::vector<std::string> a, const std::string& input = "") {
  a.insert(a.end(), {"--data-dir", "tests/data/mini"});
  return run_cjb(a, input, {"SOURCE_DATE_EPOCH=1767225600"});
}

TEST(Init, ThenAssessThenScore) {
  std::string file = temp_dir("init-assess") + "/marlow.xml";
  RunResult r = cjb({"init", "-o", file, "--profile", "mini-store", "--retailer", "Rose & Co", "--site", "Marlow",
                     "--assessor", "R. Okafor", "--date", "2026-03-14"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "cjb: " + file + " started: 48 items of profile mini-store to answer; fill it with cjb assess " + file + "\n");
  Assessment blank = xml::load_assessment(file);
  EXPECT_TRUE(blank.responses.empty());
  EXPECT_EQ(blank.id, "rose-co-marlow-2026-03-14");
  EXPECT_EQ(blank.meta.method, "audit");

  std::string answers;
  for (int i = 0; i < 48; ++i) answers += i % 4 == 0 ? "2\n" : "1\n";  // 1 and 2 are levels of every scale but yes/no
  r = cjb({"assess", file}, answers);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
  Assessment filled = xml::load_assessment(file);
  EXPECT_EQ(filled.subject.retailer, "Rose & Co");
  EXPECT_EQ(filled.subject.site, "Marlow");
  EXPECT_EQ(filled.meta.assessor, "R. Okafor");
  EXPECT_EQ(filled.meta.date, "2026-03-14") << "assess keeps the date init wrote";
  EXPECT_GT(filled.responses.size(), 40u);

  r = cjb({"score", file, "--format", "json"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
  EXPECT_THAT(r.out, HasSubstr("\"retailer\": \"Rose & Co\""));
}

TEST(Init, ThenImportInto) {
  std::string dir = temp_dir("init-import");
  ASSERT_EQ(cjb({"init", "-q", "-o", dir + "/a.xml", "--profile", "mini-store", "--date", "2026-03-14"}).exit_code, 0);
  RunResult r = cjb({"export", "--profile", "mini-store", "-o", dir + "/sheet.csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = cjb({"import", dir + "/sheet.csv", "--into", dir + "/a.xml"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(xml::load_assessment(dir + "/a.xml").meta.date, "2026-03-14");
}

TEST(Init, NeverWritesOverAFile) {
  std::string file = temp_dir("init-exists") + "/a.xml";
  write_text(file, "my notes\n");
  RunResult r = cjb({"init", "-o", file, "--profile", "mini-store"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "cjb init: " + file + " already exists and was left untouched (expected a new file; fill it with cjb assess " +
                       file + ")\n");
  EXPECT_EQ(read_text(file), "my notes\n");
}

TEST(Init, BadUsageWritesNothing) {
  std::string dir = temp_dir("init-usage");
  RunResult r = cjb({"init", "-o", dir + "/a.xml"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("--profile"));
  r = cjb({"init", "-o", dir + "/a.xml", "--profile", "nope"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("init: no profile 'nope' (expected one of: mini-omnichannel, mini-store)"));
  r = cjb({"init", "-o", dir + "/a.xml", "--profile", "mini-store", "--date", "14/03/2026"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("init: --date '14/03/2026' is not a date (expected YYYY-MM-DD)"));
  EXPECT_FALSE(fs::exists(dir + "/a.xml"));
  r = cjb({"init", "-o", dir + "/a.xml", "--profile", "mini-store"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(xml::load_assessment(dir + "/a.xml").meta.date, "2026-01-01") << "today, from SOURCE_DATE_EPOCH";
}

}  // namespace
}  // namespace cjb::test
