// A client's profile extending a standard one, with a checklist of its own: cjb validate checks
// them like the shipped files, and a data directory holding them scores with them.

#include <filesystem>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support.h"

namespace cjb::test {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

std::string item(const std::string& id, const std::string& channel) {
  std::string levels;
  for (int v = 0; v <= 4; ++v)
    levels += "<level value=\"" + std::to_string(v) + "\"><descriptor>Level " + std::to_string(v) + ".</descriptor>" +
              (v < 4 ? "<improve>Do more.</improve>" : "") + "</level>";
  return "    <item id=\"" + id + "\" scale=\"maturity\" evidence=\"observed\">\n      <text>Fresh &amp; Co practice " + id + " (" +
         channel + ").</text>\n      <levels>" + levels + "</levels>\n    </item>\n";
}

// Two items of the client's own: one in vision (all channels), one at arrival in store.
const std::string kClientChecklist =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checklist id=\"fresh-co-extras\" model=\"cjb-retail\" version=\"1.0\">\n"
    "  <title>Fresh &amp; Co's own items</title>\n  <section group=\"vision\" channel=\"all\">\n" + item("FC-01", "all") +
    "  </section>\n  <section group=\"arrival\" channel=\"physical\">\n" + item("FC-02", "physical") + "  </section>\n</checklist>\n";

// mini-store (48 items) with the client's 2, less L-VIS-02 and the 2 complaints items: 47.
const std::string kClientProfile =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<profile id=\"fresh-co\" model=\"cjb-retail\" version=\"1.0\" extends=\"mini-store\">\n"
    "  <title>Fresh &amp; Co stores</title>\n"
    "  <scope>\n    <checklist ref=\"fresh-co-extras\"/>\n"
    "    <exclude item=\"L-VIS-02\" reason=\"Not asked of this client.\"/>\n"
    "    <exclude group=\"complaints\" reason=\"Head office handles complaints.\"/>\n  </scope>\n"
    "  <weights>\n    <weight item=\"FC-02\" value=\"3\"/>\n  </weights>\n"
    "  <targets>\n    <target overall=\"85\"/>\n  </targets>\n</profile>\n";

TEST(ValidateProfiles, AClientProfileAndItsChecklistAreValid) {
  std::string dir = temp_dir("validate-client");
  write_text(dir + "/fresh-co.xml", kClientProfile);
  write_text(dir + "/fresh-co-extras.xml", kClientChecklist);
  RunResult r = run_cjb({"validate", "--data-dir", "tests/data/mini", dir + "/fresh-co.xml", dir + "/fresh-co-extras.xml"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_THAT(r.out, HasSubstr(dir + "/fresh-co-extras.xml: checklist fresh-co-extras: 2 items in 2 sections, 0 critical\n"));
  EXPECT_THAT(r.out, HasSubstr(dir + "/fresh-co.xml: profile fresh-co (extends mini-store): 47 items in scope\n"));
}

TEST(ValidateProfiles, DanglingIdsAndCyclesWithExactMessages) {
  std::string dir = temp_dir("validate-dangling");
  std::string profile = kClientProfile;
  profile.replace(profile.find("extends=\"mini-store\""), 20, "extends=\"mini-stor\"");
  write_text(dir + "/fresh-co.xml", profile);
  std::string dangling = kClientProfile;
  dangling.replace(dangling.find("id=\"fresh-co\""), 13, "id=\"fresh-co-2\"");
  dangling.replace(dangling.find("item=\"L-VIS-02\""), 15, "item=\"L-VIS-99\"");
  dangling.replace(dangling.find("ref=\"fresh-co-extras\""), 21, "ref=\"fresh-co-extra\"");
  write_text(dir + "/fresh-co-2.xml", dangling);
  write_text(dir + "/a.xml", "<profile id=\"a\" model=\"cjb-retail\" extends=\"b\"><title>A</title></profile>\n");
  write_text(dir + "/b.xml", "<profile id=\"b\" model=\"cjb-retail\" extends=\"a\"><title>B</title></profile>\n");
  write_text(dir + "/fresh-co-extras.xml", kClientChecklist);
  RunResult r = run_cjb({"validate", "-q", "--data-dir", "tests/data/mini", dir + "/a.xml", dir + "/b.xml", dir + "/fresh-co.xml",
                         dir + "/fresh-co-2.xml", dir + "/fresh-co-extras.xml"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            dir + "/a.xml:1:1: error: profile 'a' extends itself through a → b → a (expected a chain of extends= that ends at a "
                  "profile extending none)\n" +
                dir + "/fresh-co.xml:2:1: error: profile 'fresh-co' extends unknown profile 'mini-stor' (expected one of: a, b, "
                      "fresh-co-2, mini-omnichannel, mini-store)\n" +
                dir + "/fresh-co-2.xml:2:1: error: profile 'fresh-co-2' names unknown checklist 'fresh-co-extra' (expected one of: "
                      "enablers, journey-online, journey-physical, leadership, fresh-co-extras)\n" +
                dir + "/fresh-co-2.xml:6:5: error: exclusion of unknown item 'L-VIS-99'\n"
                "cjb: 4 problems found\n");
}

TEST(ValidateProfiles, AClientDataDirectoryScoresWithTheClientProfile) {
  std::string data = temp_dir("client-data") + "/data";
  fs::copy(source_path("tests/data/mini"), data, fs::copy_options::recursive);
  write_text(data + "/checklists/profiles/fresh-co.xml", kClientProfile);
  write_text(data + "/checklists/fresh-co-extras.xml", kClientChecklist);
  std::string file = fs::path(data).parent_path().string() + "/visit.xml";
  RunResult r = run_cjb({"init", "-o", file, "--profile", "fresh-co", "--date", "2026-03-14", "--data-dir", data});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("47 items of profile fresh-co to answer"));
  std::string answers;
  for (int i = 0; i < 47; ++i) answers += "1\n";
  r = run_cjb({"assess", file, "--data-dir", data}, answers);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  r = run_cjb({"score", file, "--format", "json", "--data-dir", data});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("\"FC-02\""));
  EXPECT_THAT(r.out, Not(HasSubstr("\"L-VIS-02\"")));
  EXPECT_THAT(r.out, HasSubstr("\"target\": 85"));
}

}  // namespace
}  // namespace cjb::test
