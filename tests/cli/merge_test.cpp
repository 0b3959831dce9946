// cjb merge: two auditors' halves of one visit into one assessment; conflicts listed, never guessed.

#include <filesystem>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cli/commands.h"
#include "core/error.h"
#include "support.h"
#include "xml/files.h"

namespace cjb::test {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

RunResult cjb(std::vector<std::string> a) {
  a.insert(a.end(), {"--data-dir", "tests/data/mini"});
  return run_cjb(a);
}

// A partial assessment of the mini store by one assessor; responses are <response> elements.
std::string half(const std::string& assessor, const std::string& responses, const std::string& site = "High Street") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<assessment id=\"mini-visit\">\n"
         "  <subject retailer=\"Mini &amp; Co\" site=\"" + site + "\"/>\n"
         "  <meta assessor=\"" + assessor + "\" date=\"2026-03-14\" method=\"audit\"/>\n"
         "  <scope model=\"cjb-retail\" profile=\"mini-store\"/>\n"
         "  <responses>\n" + responses + "  </responses>\n</assessment>\n";
}

const std::string kAnn = "    <response item=\"L-VIS-01\" level=\"3\"><note>Vision on the wall</note></response>\n"
                         "    <response item=\"L-VIS-02\" level=\"1\"/>\n"
                         "    <response item=\"L-ROL-01\" level=\"2\"/>\n";

TEST(Merge, TwoHalvesWithoutConflict) {
  std::string dir = temp_dir("merge-halves");
  write_text(dir + "/ann.xml", half("Ann", kAnn));
  write_text(dir + "/raj.xml", half("Raj", "    <response item=\"L-VIS-01\" level=\"3\"/>\n"
                                          "    <response item=\"L-ROL-02\" na=\"true\"><note>No roles yet</note></response>\n"));
  RunResult r = cjb({"merge", dir + "/ann.xml", dir + "/raj.xml", "-o", dir + "/visit.xml"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "cjb: 2 assessments merged into " + dir + "/visit.xml: 4 responses to 48 items in scope\n");
  Assessment merged = xml::load_assessment(dir + "/visit.xml");
  EXPECT_EQ(merged.meta.assessor, "Ann, Raj");
  ASSERT_EQ(merged.responses.size(), 4u);
  EXPECT_EQ(merged.find_response("L-VIS-01")->note, "Vision on the wall");
  EXPECT_TRUE(merged.find_response("L-ROL-02")->na);
  EXPECT_EQ(cjb({"validate", "-q", dir + "/visit.xml"}).exit_code, 0);
}

TEST(Merge, ConflictsAreListedAndNothingIsWritten) {
  std::string dir = temp_dir("merge-conflicts");
  write_text(dir + "/ann.xml", half("Ann", kAnn));
  write_text(dir + "/raj.xml", half("Raj", "    <response item=\"L-VIS-01\" level=\"1\"><note>Nobody could name it</note></response>\n"
                                          "    <response item=\"L-ROL-01\" na=\"true\"/>\n"));
  RunResult r = cjb({"merge", dir + "/ann.xml", dir + "/raj.xml", "-o", dir + "/visit.xml"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "cjb merge: 2 items answered differently; nothing was written (settle them with --prefer FILE, or correct the answer in "
            "one file and merge again):\n"
            "L-VIS-01 — Mini item 1 of vision (all).\n"
            "  " + dir + "/ann.xml:7:5: level 3 — note: Vision on the wall\n"
            "  " + dir + "/raj.xml:7:5: level 1 — note: Nobody could name it\n"
            "L-ROL-01 — Mini item 1 of role-modelling (all).\n"
            "  " + dir + "/ann.xml:9:5: level 2\n"
            "  " + dir + "/raj.xml:8:5: N/A\n");
  EXPECT_FALSE(fs::exists(dir + "/visit.xml"));

  r = cjb({"merge", dir + "/ann.xml", dir + "/raj.xml", "-o", dir + "/visit.xml", "--prefer", dir + "/raj.xml"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "cjb merge: L-VIS-01: level 1 in " + dir + "/raj.xml (--prefer) is kept over level 3 in " + dir + "/ann.xml\n"
                   "cjb merge: L-ROL-01: N/A in " + dir + "/raj.xml (--prefer) is kept over level 2 in " + dir + "/ann.xml\n"
                   "cjb: 2 assessments merged into " + dir + "/visit.xml: 3 responses to 48 items in scope, 2 settled by --prefer\n");
  Assessment merged = xml::load_assessment(dir + "/visit.xml");
  EXPECT_EQ(*merged.find_response("L-VIS-01")->level, 1);
  EXPECT_TRUE(merged.find_response("L-ROL-01")->na);
}

TEST(Merge, PhotoPathsStayTrueFromTheMergedFilesFolder) {
  std::string dir = temp_dir("merge-photos");
  fs::create_directories(dir + "/ann");
  write_text(dir + "/ann/ann.xml",
             half("Ann", "    <response item=\"L-VIS-01\" level=\"3\"><evidence file=\"photos/wall.jpg\">The vision</evidence></response>\n"));
  write_text(dir + "/raj.xml", half("Raj", "    <response item=\"L-ROL-01\" level=\"2\"/>\n"));
  RunResult r = cjb({"merge", "-q", dir + "/ann/ann.xml", dir + "/raj.xml", "-o", dir + "/visit.xml"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  Assessment merged = xml::load_assessment(dir + "/visit.xml");
  const Response* vision = merged.find_response("L-VIS-01");
  ASSERT_EQ(vision->photos.size(), 1u);
  EXPECT_EQ(vision->photos[0].file, "ann/photos/wall.jpg");
  EXPECT_EQ(vision->photos[0].caption, "The vision");
}

TEST(Merge, AnotherSiteIsBadInput) {
  std::string dir = temp_dir("merge-site");
  write_text(dir + "/ann.xml", half("Ann", kAnn));
  write_text(dir + "/other.xml", half("Raj", "", "Market Square"));
  RunResult r = cjb({"merge", dir + "/ann.xml", dir + "/other.xml", "-o", dir + "/visit.xml"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, dir + "/other.xml:2:1: error: this is site 'Market Square' of 'Mini & Co', but " + dir +
                       "/ann.xml is site 'High Street' of 'Mini & Co' (expected partial assessments of the same site)\n");
  EXPECT_FALSE(fs::exists(dir + "/visit.xml"));
}

TEST(Merge, RefusesAnExistingOutputAndAStrangerPreferred) {
  std::string dir = temp_dir("merge-usage");
  write_text(dir + "/ann.xml", half("Ann", kAnn));
  write_text(dir + "/raj.xml", half("Raj", ""));
  RunResult r = cjb({"merge", dir + "/ann.xml", dir + "/raj.xml", "-o", dir + "/ann.xml"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("merge: " + dir + "/ann.xml already exists and was left untouched (expected a new file for the merged assessment)"));
  r = cjb({"merge", dir + "/ann.xml", dir + "/raj.xml", "-o", dir + "/v.xml", "--prefer", "kim.xml"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("merge: --prefer kim.xml is not one of the assessments merged (expected one of: " + dir + "/ann.xml, " + dir +
                               "/raj.xml)"));
  EXPECT_FALSE(fs::exists(dir + "/v.xml"));
}

TEST(MergeOptions, NeedsTwoAssessmentsAndAnOutput) {
  auto merge = cli::make_merge();
  try {
    merge->parse({"a.xml", "-o", "c.xml"});
    FAIL() << "one assessment accepted";
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(), "merge: expected at least two assessments to merge (got 1)");
  }
  EXPECT_THROW(cli::make_merge()->parse({"a.xml", "b.xml"}), UsageError);
  EXPECT_NO_THROW(cli::make_merge()->parse({"a.xml", "b.xml", "-o", "c.xml", "--prefer", "b.xml"}));
}

}  // namespace
}  // namespace cjb::test
