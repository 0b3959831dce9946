// Readers of every file kind on inline XML, asserting the exact diagnostics.

#include "xml/files.h"

#include <gtest/gtest.h>

#include "core/checks.h"

namespace cjb::xml {
namespace {

const char* kModel = R"(<model id="m" version="1" critical-cap="40">
  <title>M</title>
  <channels><channel id="physical"/><channel id="online"/></channels>
  <scales>
    <scale id="maturity"><level value="0" label="a"/><level value="1" label="b"/><level value="2" label="c"/></scale>
    <scale id="yesno"><level value="0" label="No"/><level value="1" label="Yes"/></scale>
  </scales>
  <bands><band id="low" lower="0" colour="#FF0000"/><band id="high" lower="50" colour="#00FF00"/></bands>
  <layers>
    <layer id="leadership"><group id="vision"/></layer>
    <layer id="enablers"><group id="people"/></layer>
    <layer id="journey" weight="2"><group id="welcome" channels="physical"/><group id="support" channels="physical online"/></layer>
  </layers>
  <transitions><transition from="support" from-channel="online" to="welcome" to-channel="physical"/></transitions>
</model>
)";

template <typename F>
std::string error_of(F&& parse) {
  try {
    parse();
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

std::string messages(const std::vector<Diagnostic>& diagnostics) { return format_diagnostics(diagnostics); }

TEST(ModelReader, ReadsTheModel) {
  Model m = parse_model(kModel, "m.xml");
  EXPECT_EQ(m.id, "m");
  EXPECT_EQ(m.critical_cap, 40);
  EXPECT_EQ(m.target, 75);
  ASSERT_EQ(m.groups.size(), 4u);
  EXPECT_EQ(m.groups[2].id, "welcome");
  EXPECT_EQ(m.groups[2].layer, "journey");
  EXPECT_EQ(m.groups[2].channels, std::vector<std::string>{"physical"});
  EXPECT_EQ(m.groups[0].channels, std::vector<std::string>{"all"});
  EXPECT_EQ(m.find_scale("maturity")->max_level(), 2);
  EXPECT_EQ(m.band_for(49.9)->id, "low");
  EXPECT_EQ(m.band_for(50)->id, "high");
  EXPECT_EQ(messages(check_model(m)), "");
}

TEST(ModelReader, WrongRoot) {
  EXPECT_EQ(error_of([] { parse_model("<checklist/>", "m.xml"); }),
            "m.xml:1:1: error: root element is <checklist> (expected <model>)");
}

TEST(ModelReader, MissingRequiredPartsAreAllReported) {
  EXPECT_EQ(error_of([] { parse_model("<model id=\"m\">\n<title>t</title>\n</model>", "m.xml"); }),
            "m.xml:1:1: error: <model> has no 'critical-cap' attribute (expected the score cap of a section with a critical failure, e.g. 40)\n"
            "m.xml:1:1: error: <model> has no <channels> element (expected one)\n"
            "m.xml:1:1: error: <model> has no <scales> element (expected one)\n"
            "m.xml:1:1: error: <model> has no <bands> element (expected one)\n"
            "m.xml:1:1: error: <model> has no <layers> element (expected one)");
}

TEST(ModelReader, UnknownElementAndAttributeAndBadNumber) {
  std::string text = kModel;
  text.replace(text.find("<title>M</title>"), 16, "<title>M</title><colour/>");
  text.replace(text.find("critical-cap=\"40\""), 17, "critical-cap=\"forty\" size=\"2\"");
  EXPECT_EQ(error_of([&] { parse_model(text, "m.xml"); }),
            "m.xml:1:1: error: unknown attribute 'size' on <model> (expected id, version, critical-cap, target)\n"
            "m.xml:2:19: error: unexpected element <colour> in <model> (expected <title>, <description>, <channels>, <scales>, <bands>, <layers>, <transitions>, <service-standards>)\n"
            "m.xml:1:1: error: 'critical-cap' is 'forty' (expected a decimal number such as 2 or 0.5)");
}

TEST(ModelChecks, BandsOutOfOrderBadColourAndUnknownReferences) {
  std::string text = kModel;
  text.replace(text.find("lower=\"50\" colour=\"#00FF00\""), 27, "lower=\"0\" colour=\"green\"");
  text.replace(text.find("to=\"welcome\" to-channel=\"physical\""), 34, "to=\"welcome\" to-channel=\"online\"");
  text.replace(text.find("<group id=\"people\"/>"), 20, "<group id=\"people\" weight=\"0\"/>");
  Model m = parse_model(text, "m.xml");
  EXPECT_EQ(messages(check_model(m)),
            "m.xml:11:26: error: group 'people' has weight 0 (expected a weight > 0)\n"
            "m.xml:8:53: error: band 'high' has colour 'green' (expected #RRGGBB)\n"
            "m.xml:8:53: error: band 'high' has lower bound 0, not above the previous band's 0 (expected bands in ascending order)\n"
            "m.xml:14:16: error: transition names touchpoint 'welcome' in channel 'online' (expected one of its channels: physical)");
}

TEST(ModelChecks, MissingFixedLayer) {
  std::string text = kModel;
  text.replace(text.find("<layer id=\"enablers\">"), 21, "<layer id=\"enabler\">");
  Model m = parse_model(text, "m.xml");
  EXPECT_EQ(messages(check_model(m)),
            "m.xml:11:5: error: unknown layer 'enabler' (expected one of: leadership, enablers, journey)\n"
            "m.xml:1:1: error: the model has no layer 'enablers' (expected the layers leadership, enablers, journey)");
}

const char* kChecklist = R"(<checklist id="c" model="m">
  <title>C</title>
  <section group="support" channel="online">
    <item id="S1" weight="2" critical="true" drivers="people vision">
      <text>Replies come within a day.</text>
      <guidance>Send two e-mails.</guidance>
      <evidence>Timestamps.</evidence>
      <levels>
        <level value="0"><descriptor>No reply.</descriptor><improve>Answer.</improve></level>
        <level value="1"><descriptor>Slow.</descriptor><improve>Faster.</improve></level>
        <level value="2"><descriptor>Within a day.</descriptor></level>
      </levels>
    </item>
  </section>
</checklist>
)";

TEST(ChecklistReader, ReadsItems) {
  Model m = parse_model(kModel, "m.xml");
  Checklist c = parse_checklist(kChecklist, "c.xml");
  ASSERT_EQ(c.items.size(), 1u);
  const Item& item = c.items[0];
  EXPECT_EQ(item.id, "S1");
  EXPECT_EQ(item.group, "support");
  EXPECT_EQ(item.channel, "online");
  EXPECT_EQ(item.scale, "maturity");
  EXPECT_EQ(item.weight, 2);
  EXPECT_TRUE(item.critical);
  EXPECT_EQ(item.drivers, (std::vector<std::string>{"people", "vision"}));
  ASSERT_EQ(item.levels.size(), 3u);
  EXPECT_EQ(item.levels[1].improve, "Faster.");
  EXPECT_EQ(item.where.line, 4);
  EXPECT_EQ(item.where.column, 5);
  EXPECT_EQ(messages(check_checklist(m, c)), "");
}

TEST(ChecklistReader, MissingTextAndBadAttributes) {
  std::string text = kChecklist;
  text.replace(text.find("<text>Replies come within a day.</text>"), 39, "");
  text.replace(text.find("critical=\"true\""), 15, "critical=\"yes\"");
  text.replace(text.find("<item id=\"S1\""), 13, "<item");
  EXPECT_EQ(error_of([&] { parse_checklist(text, "c.xml"); }),
            "c.xml:4:5: error: <item> has no 'id' attribute (expected an item id unique across all checklists)\n"
            "c.xml:4:5: error: 'critical' is 'yes' (expected true or false)\n"
            "c.xml:4:5: error: <item> has no <text> element (expected the statement of good practice an auditor checks)");
}

TEST(ChecklistReader, EvidenceKindOfAnItem) {
  EXPECT_FALSE(parse_checklist(kChecklist, "c.xml").items[0].evidence_kind.has_value());
  std::string text = kChecklist;
  text.replace(text.find("<item id=\"S1\""), 13, "<item id=\"S1\" evidence=\"observed\"");
  EXPECT_EQ(parse_checklist(text, "c.xml").items[0].evidence_kind, EvidenceKind::Observed);
  text.replace(text.find("evidence=\"observed\""), 19, "evidence=\"mystery\"");
  EXPECT_EQ(error_of([&] { parse_checklist(text, "c.xml"); }),
            "c.xml:4:5: error: 'evidence' is 'mystery' (expected observed, asked or records)");
}

TEST(ChecklistChecks, DanglingReferences) {
  Model m = parse_model(kModel, "m.xml");
  std::string text = kChecklist;
  text.replace(text.find("channel=\"online\""), 16, "channel=\"phone\"");
  text.replace(text.find("drivers=\"people vision\""), 23, "drivers=\"people welcome ceo\" scale=\"stars\"");
  text.replace(text.find("weight=\"2\""), 10, "weight=\"-1\"");
  Checklist c = parse_checklist(text, "c.xml");
  EXPECT_EQ(messages(check_checklist(m, c)),
            "c.xml:4:5: error: item 'S1' has channel 'phone', where touchpoint 'support' does not exist (expected one of: physical, online)\n"
            "c.xml:4:5: error: item 'S1' names unknown driver 'welcome' (expected a leadership or enabler group: vision, people)\n"
            "c.xml:4:5: error: item 'S1' names unknown driver 'ceo' (expected a leadership or enabler group: vision, people)\n"
            "c.xml:4:5: error: item 'S1' has weight -1 (expected a weight > 0)\n"
            "c.xml:4:5: error: item 'S1' names unknown scale 'stars' (expected one of: maturity, yesno)");
}

TEST(ChecklistChecks, LevelsMustMatchTheScale) {
  Model m = parse_model(kModel, "m.xml");
  std::string text = kChecklist;
  text.replace(text.find("<item id=\"S1\""), 13, "<item id=\"S1\" scale=\"yesno\"");
  Checklist c = parse_checklist(text, "c.xml");
  EXPECT_EQ(messages(check_checklist(m, c)),
            "c.xml:4:5: error: item 'S1' describes levels that do not match scale 'yesno' (expected one <level> for each value 0 to 1, in order)");
}

TEST(CatalogChecks, DuplicateIdsAcrossFiles) {
  Catalog catalog;
  catalog.model = parse_model(kModel, "m.xml");
  catalog.checklists.push_back(parse_checklist(kChecklist, "a.xml"));
  std::string other = kChecklist;
  other.replace(other.find("id=\"c\""), 6, "id=\"d\"");
  catalog.checklists.push_back(parse_checklist(other, "b.xml"));
  catalog.index();
  EXPECT_EQ(messages(check_unique_ids(catalog)),
            "b.xml:4:5: error: duplicate item id 'S1', first defined at a.xml:4:5 (expected ids unique across all files)");
}

TEST(ProfileReader, ReadsScopeWeightsTargets) {
  Profile p = parse_profile(R"(<profile id="p" model="m">
  <title>P</title>
  <scope channels="online"><checklist ref="c"/><exclude item="S1" reason="x"/></scope>
  <weights><weight group="support" value="2"/></weights>
  <targets><target overall="70"/><target layer="journey" value="80"/></targets>
</profile>)", "p.xml");
  EXPECT_EQ(p.channels, std::vector<std::string>{"online"});
  EXPECT_EQ(p.checklists, std::vector<std::string>{"c"});
  ASSERT_EQ(p.exclusions.size(), 1u);
  EXPECT_EQ(p.exclusions[0].id, "S1");
  ASSERT_EQ(p.targets.size(), 2u);
  EXPECT_EQ(p.targets[0].kind, Override::Kind::Overall);
  EXPECT_EQ(p.targets[0].value, 70);
  EXPECT_EQ(p.targets[1].id, "journey");
  EXPECT_FALSE(p.evidence.has_value());
}

TEST(ProfileReader, ScopeMayKeepOnlyOneEvidenceKind) {
  const std::string text = R"(<profile id="p" model="m"><title>P</title>
  <scope channels="online" evidence="observed"><checklist ref="c"/></scope>
</profile>)";
  EXPECT_EQ(parse_profile(text, "p.xml").evidence, EvidenceKind::Observed);
  std::string bad = text;
  bad.replace(bad.find("observed"), 8, "watched");
  EXPECT_EQ(error_of([&] { parse_profile(bad, "p.xml"); }),
            "p.xml:2:3: error: 'evidence' is 'watched' (expected observed, asked or records)");
}

TEST(ProfileChecks, UnknownReferences) {
  Catalog catalog;
  catalog.model = parse_model(kModel, "m.xml");
  catalog.checklists.push_back(parse_checklist(kChecklist, "c.xml"));
  catalog.index();
  Profile p = parse_profile(R"(<profile id="p" model="m">
  <title>P</title>
  <scope channels="online"><checklist ref="c"/><checklist ref="x"/><exclude item="S9"/></scope>
  <weights><weight group="nothing" value="2"/></weights>
  <targets><target layer="journey" value="180"/></targets>
</profile>)", "p.xml");
  EXPECT_EQ(messages(check_profile(catalog, p)),
            "p.xml:1:1: error: profile 'p' names unknown checklist 'x' (expected one of: c)\n"
            "p.xml:3:68: error: exclusion of unknown item 'S9'\n"
            "p.xml:4:12: error: weight of unknown 'nothing'\n"
            "p.xml:5:12: error: target 180 (expected 0 to 100)");
}

}  // namespace
}  // namespace cjb::xml
