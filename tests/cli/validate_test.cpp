// `cjb validate` end to end: the shipped data, and one test per class of bad input.

#include <gtest/gtest.h>

#include "support.h"

namespace cjb {
namespace {

using test::run_cjb;

TEST(Validate, ShippedDataIsValid) {
  auto r = run_cjb({"validate"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_NE(r.out.find("model cjb-retail"), std::string::npos);
  EXPECT_NE(r.out.find("checklist journey-online"), std::string::npos);
  EXPECT_NE(r.out.find("profile omnichannel-chain"), std::string::npos);
  EXPECT_NE(r.out.find("ok: "), std::string::npos);
}

TEST(Validate, DataDirFromEnvironmentAndOption) {
  auto r = run_cjb({"validate", "-q"}, "", {"CJB_DATA=" + test::source_path("tests/data/mini")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  auto bad = run_cjb({"validate", "--data-dir", "/nonexistent"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err, "cjb: error: --data-dir /nonexistent: no model/model.xml there (expected a cjb data directory)\n");
}

TEST(Validate, MiniAssessmentIsValid) {
  auto r = run_cjb({"validate", "--data-dir", "tests/data/mini", "tests/data/mini-assessment.xml"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("tests/data/mini-assessment.xml: assessment mini-2026-01: 63 responses to 69 items in scope"), std::string::npos);
}

class ValidateBadInput : public ::testing::Test {
 protected:
  std::string dir = test::temp_dir("validate-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
  std::string file(const std::string& name, const std::string& text) {
    std::string path = dir + "/" + name;
    test::write_text(path, text);
    return path;
  }
  test::RunResult validate(const std::vector<std::string>& files) {
    std::vector<std::string> args{"validate", "-q", "--data-dir", "tests/data/mini"};
    args.insert(args.end(), files.begin(), files.end());
    return run_cjb(args);
  }
};

TEST_F(ValidateBadInput, PathThatDoesNotExist) {
  auto r = validate({dir + "/missing.xml"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, dir + "/missing.xml: error: no such file (expected a path to an existing file)\ncjb: 1 problem found\n");
}

TEST_F(ValidateBadInput, Directory) {
  auto r = validate({dir});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, dir + ": error: is a directory (expected a file)\ncjb: 1 problem found\n");
}

TEST_F(ValidateBadInput, FileOverTheSizeLimit) {
  std::string path = file("big.xml", "<checklist>" + std::string(17 * 1024 * 1024, ' ') + "</checklist>");
  auto r = validate({path});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, path + ": error: file is 17825815 bytes (expected at most 16777216 bytes)\ncjb: 1 problem found\n");
}

TEST_F(ValidateBadInput, EmptyFile) {
  std::string path = file("empty.xml", "");
  auto r = validate({path});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, path + ": error: file is empty (expected an XML document)\ncjb: 1 problem found\n");
}

TEST_F(ValidateBadInput, MalformedXml) {
  std::string path = file("bad.xml", "<checklist id=\"x\">\n  <title>T</title>\n  <section>\n</checklist>\n");
  auto r = validate({path});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, path + ":4:3: error: malformed XML: Start-end tags mismatch (expected well-formed XML)\ncjb: 1 problem found\n");
}

TEST_F(ValidateBadInput, InvalidUtf8) {
  std::string path = file("latin1.xml", "<checklist id=\"x\">\n  <title>Caf\xe9</title>\n</checklist>\n");
  auto r = validate({path});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, path + ":2:13: error: invalid UTF-8 byte sequence (expected a UTF-8 encoded file)\ncjb: 1 problem found\n");
}

TEST_F(ValidateBadInput, WrongRoot) {
  std::string path = file("root.xml", "<?xml version=\"1.0\"?>\n<survey/>\n");
  auto r = validate({path});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, path + ":2:1: error: unknown root element <survey> (expected <model>, <checklist>, <profile> or <assessment>)\ncjb: 1 problem found\n");
}

TEST_F(ValidateBadInput, MissingRequiredAttributes) {
  std::string path = file("c.xml", "<checklist model=\"cjb-retail\">\n  <title>T</title>\n  <section group=\"vision\">\n    <item id=\"X-1\"><text>t</text></item>\n  </section>\n</checklist>\n");
  auto r = validate({path});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, path + ":1:1: error: <checklist> has no 'id' attribute (expected the checklist's id)\n" + path +
                       ":3:3: error: <section> has no 'channel' attribute (expected physical, online, or all)\ncjb: 2 problems found\n");
}

TEST_F(ValidateBadInput, DuplicateIdsAcrossFiles) {
  std::string path = file("dup.xml", "<checklist id=\"extra\" model=\"cjb-retail\">\n  <title>T</title>\n  <section group=\"vision\" channel=\"all\">\n    <item id=\"L-VIS-01\"><text>Again.</text></item>\n  </section>\n</checklist>\n");
  auto r = validate({path});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, path + ":4:5: error: duplicate item id 'L-VIS-01', first defined at tests/data/mini/checklists/leadership.xml:6:5 (expected ids unique across all files)\ncjb: 1 problem found\n");
}

TEST_F(ValidateBadInput, DanglingReferences) {
  std::string path = file("refs.xml", "<checklist id=\"extra\" model=\"cjb-retail\">\n  <title>T</title>\n  <section group=\"vision\" channel=\"all\">\n    <item id=\"X-1\" scale=\"stars\"><text>One.</text></item>\n  </section>\n  <section group=\"queueing\" channel=\"physical\">\n    <item id=\"X-2\"><text>Two.</text></item>\n  </section>\n</checklist>\n");
  auto r = validate({path});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, path + ":4:5: error: item 'X-1' names unknown scale 'stars' (expected one of: maturity, yesno)\n" + path +
                       ":7:5: error: item 'X-2' is in unknown group 'queueing'\ncjb: 2 problems found\n");
}

TEST_F(ValidateBadInput, AssessmentProblemsAreAllReported) {
  std::string path = file("a.xml", R"(<assessment id="a">
  <subject retailer="R" site="S"/>
  <meta date="2026-02-30"/>
  <scope model="cjb-retail" profile="mini-store"/>
  <responses>
    <response item="L-VIS-01" level="7"/>
    <response item="J-RES-O-01" level="1"/>
    <response item="NOPE" level="1"/>
    <response item="L-VIS-01" level="1"/>
    <response item="L-ROL-01" level="1" na="true"/>
  </responses>
</assessment>
)");
  auto r = validate({path});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, path + ":3:3: error: date '2026-02-30' is not a date (expected YYYY-MM-DD)\n" + path +
                       ":10:5: error: response to 'L-ROL-01' has both a level and na=\"true\" (expected one of them)\ncjb: 2 problems found\n");
  // With the structure fixed, the meaning checks run.
  std::string fixed = test::read_text(path);
  fixed.replace(fixed.find("2026-02-30"), 10, "2026-02-28");
  fixed.replace(fixed.find(" na=\"true\""), 10, "");
  test::write_text(path, fixed);
  r = validate({path});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, path + ":6:5: error: level 7 is outside the scale of item 'L-VIS-01' (expected 0 to 4)\n" + path +
                       ":7:5: error: item 'J-RES-O-01' is outside the declared scope (expected an item of the checklists, channels and profile in <scope>)\n" + path +
                       ":8:5: error: unknown item 'NOPE' (expected an item id of the checklists in scope)\n" + path +
                       ":9:5: error: a second response to item 'L-VIS-01' (expected one response per item; the first is at line 6)\ncjb: 4 problems found\n");
}

TEST_F(ValidateBadInput, ProfileThatCannotBeFound) {
  std::string path = file("a.xml", "<assessment id=\"a\">\n  <subject retailer=\"R\" site=\"S\"/>\n  <meta date=\"2026-02-01\"/>\n  <scope model=\"cjb-retail\" profile=\"corner-shop\"/>\n  <responses/>\n</assessment>\n");
  auto r = validate({path});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, path + ":4:3: error: profile 'corner-shop' cannot be found (expected one of: mini-omnichannel, mini-store)\ncjb: 1 problem found\n");
}

}  // namespace
}  // namespace cjb
