#include "render/report_document.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "render/escape.h"

#include "core/error.h"
#include "render/report_html.h"
#include "render/report_text.h"
#include "support.h"
#include "xml/catalog_loader.h"
#include "xml/files.h"

namespace cjb::render {
namespace {

std::string error_of(const std::string& text) {
  try {
    parse_template(text, "t.json");
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(ReportTemplate, ParsesSectionsColoursFontsAndTexts) {
  ReportTemplate t = parse_template(R"({"title": "Gap report", "consultancy": "Acme", "fonts": {"body": "DejaVu Serif", "size": 10},
    "colours": {"primary": "#112233"}, "sections": [{"id": "cover", "title": "Cover"}, {"id": "actions", "title": "Do this", "intro": "Now."}],
    "texts": {"footer": "{consultancy}"}})",
                                    "t.json");
  EXPECT_EQ(t.title, "Gap report");
  EXPECT_EQ(t.style.body_font, "DejaVu Serif");
  EXPECT_EQ(t.style.body_size, 10);
  EXPECT_EQ(t.style.colour("primary"), "#112233");
  EXPECT_EQ(t.style.colour("accent"), "#2F6DB5");  // a default
  ASSERT_EQ(t.sections.size(), 2u);
  EXPECT_EQ(t.sections[1].title, "Do this");
  EXPECT_EQ(t.sections[1].intro, "Now.");
  EXPECT_EQ(t.text("footer"), "{consultancy}");
  EXPECT_EQ(t.text("missing", "fallback"), "fallback");
}

TEST(ReportTemplate, ErrorsNameTheFileThePlaceAndWhatWasExpected) {
  EXPECT_EQ(error_of("{\n  \"title\": \"x\",\n  oops\n}"),
            "t.json:3:3: error: malformed JSON: syntax error while parsing object key - invalid literal; last read: '\"x\",<U+000A>  o'; expected string literal");
  EXPECT_EQ(error_of(R"({"sections": [{"id": "cover", "title": "C"}]})"), "t.json: error: missing \"title\" (expected a string)");
  // Found by fuzz_template: a number beyond a double escaped as nlohmann's out_of_range.
  EXPECT_EQ(error_of("{\n  \"title\": 1e999\n}"),
            "t.json:2:12: error: malformed JSON: the number 1e999 is too large (expected a number such as 10 or 0.5)");
  EXPECT_EQ(error_of("{\"size\": 333000000000000000000000009600e008669001}"),
            "t.json:1:10: error: malformed JSON: the number 33300000000000000000… is too large (expected a number such as 10 or 0.5)");
  EXPECT_EQ(error_of(R"({"title": "T", "sections": [{"id": "preface", "title": "P"}]})"),
            "t.json: error: sections[0]: unknown section \"preface\" (expected one of cover, summary, scorecard, charts, journey, drivers, actions, appendix)");
  EXPECT_EQ(error_of(R"({"title": "T", "colours": {"primary": "blue"}, "sections": [{"id": "cover", "title": "C"}]})"),
            "t.json: error: colours: \"primary\" is not a colour (expected \"#RRGGBB\")");
  EXPECT_EQ(error_of(R"({"title": "T", "sections": []})"),
            "t.json: error: missing \"sections\" (expected a non-empty array of {\"id\": …, \"title\": …})");
  EXPECT_EQ(error_of("[1]"), "t.json: error: a report template must be a JSON object (expected {\"title\": …, \"sections\": […]})");
}

TEST(ReportText, Helpers) {
  EXPECT_EQ(ink_on("#FFFFFF"), "#1A1A1A");
  EXPECT_EQ(ink_on("#1F3A5F"), "#FFFFFF");
  EXPECT_EQ(ink_on("#F5C542"), "#1A1A1A");
  EXPECT_EQ(ink_on("#D64541"), "#000000");  // 4.8:1, where white gives 4.4:1 and #1A1A1A 4.0:1
  EXPECT_EQ(change_text(60.04, 55.0), "+5.0");
  EXPECT_EQ(change_text(50.0, 51.25), "−1.2");
  EXPECT_EQ(change_text(50.0, 50.01), "0.0");
  EXPECT_EQ(change_text(std::nullopt, 50.0), "–");
  Assessment a;
  a.subject.retailer = "A & B";
  a.subject.site = "<x>";
  a.meta.date = "2026-01-15";
  EXPECT_EQ(fill_placeholders("{retailer}/{site}/{date}/{consultancy}/{other}", a, "C"), "A & B/<x>/2026-01-15/C/{other}");
  EXPECT_EQ(markdown_escape("a|b *c* <script>&amp;\nx", MarkdownBreak::Html), "a\\|b \\*c\\* &lt;script&gt;&amp;amp;<br>x");
  EXPECT_EQ(html_escape("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
}

class MiniReport : public ::testing::Test {
 protected:
  Catalog catalog = xml::load_catalog(test::source_path("tests/data/mini"));
  Assessment assessment = xml::load_assessment(test::source_path("tests/data/mini-assessment.xml"));
  Instrument instrument = resolve_scope(catalog, assessment.scope);
  Scorecard card = score_assessment(instrument, assessment);
  ReportTemplate tpl = parse_template(test::read_text(test::source_path("reports/default/template.json")), "default");
};

TEST_F(MiniReport, SectionsFollowTheTemplate) {
  Document d = build_report_document(card, tpl);
  std::vector<std::string> ids;
  for (const auto& s : d.sections) ids.push_back(s.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"cover", "summary", "scorecard", "charts", "journey", "drivers", "actions", "appendix"}));
  EXPECT_EQ(d.cover.title, "Mini & Co");
  EXPECT_EQ(d.cover.subtitle, "High Street <1>");
  EXPECT_EQ(d.cover.score, "53.8");
  EXPECT_EQ(d.cover.band, "Developing");
  EXPECT_EQ(d.header_text, "Mini & Co · High Street <1> · 2026-01-15");

  tpl.sections = {{"actions", "Do this", ""}, {"summary", "Sum", ""}};
  Document short_one = build_report_document(card, tpl);
  ASSERT_EQ(short_one.sections.size(), 2u);
  EXPECT_EQ(short_one.sections[0].title, "Do this");
  EXPECT_EQ(short_one.sections[1].id, "summary");
}

// The rows of every action table of the plan ("Fix now", then "by impact"), in order.
std::vector<std::vector<Cell>> action_rows(const Document& d, std::string* note = nullptr) {
  std::vector<std::vector<Cell>> rows;
  const Section* actions = d.find_section("actions");
  EXPECT_NE(actions, nullptr);
  if (!actions) return rows;
  for (const auto& b : actions->blocks) {
    if (const Table* t = std::get_if<Table>(&b); t && t->header[0] == "#") rows.insert(rows.end(), t->rows.begin(), t->rows.end());
    if (const Paragraph* p = std::get_if<Paragraph>(&b); p && note && p->text.rfind("Impact:", 0) == 0) *note = p->text;
  }
  return rows;
}

TEST_F(MiniReport, ActionRowsShowNowFindingNextLevelHintAndImpact) {
  Document d = build_report_document(card, tpl);
  auto rows = action_rows(d);
  ASSERT_EQ(card.actions.size(), 45u);
  ASSERT_EQ(rows.size(), 30u);  // ReportInputs::max_actions by default
  // The critical failures come first (core order_actions), as the "Fix now" table.
  ASSERT_TRUE(card.actions[0].fix_now);
  const Section* actions = d.find_section("actions");
  bool fix_now_heading = false;
  for (const auto& b : actions->blocks)
    if (const Heading* h = std::get_if<Heading>(&b); h && h->text == "Fix now: critical failures") fix_now_heading = true;
  EXPECT_TRUE(fix_now_heading);
  for (size_t i = 0; i < rows.size(); ++i) {
    const ItemResult* item = card.find_item(card.actions[i].item);
    const auto& row = rows[i];
    EXPECT_EQ(row[0].text, std::to_string(i + 1));
    EXPECT_EQ(row[1].text.substr(0, item->id.size()), item->id);
    EXPECT_EQ(row[6].text, fmt::format("+{:.2f}", card.actions[i].impact));
    if (*item->level > 1) continue;  // the scale labels below are those of levels 0 and 1
    EXPECT_EQ(row[2].text.substr(0, row[2].text.find('\n')), fmt::format("{} {}", *item->level, *item->level == 0 ? "Absent" : "Ad hoc"));
    EXPECT_EQ(row[3].text, item->response->note);
    EXPECT_EQ(row[3].detail, item->response->evidence.empty() ? "" : "Evidence: " + item->response->evidence);
    EXPECT_EQ(row[4].text, fmt::format("{} {}: Mini level {}.", *item->level + 1, *item->level == 0 ? "Ad hoc" : "Defined", *item->level + 1));
    EXPECT_EQ(row[5].text, fmt::format("Mini improve {}.", *item->level));
  }
}

// The plan lists the largest actions and counts the rest; 0 lists every one.
TEST_F(MiniReport, ActionPlanListsTheLargestAndCountsTheRest) {
  auto plan = [&](int max_actions, size_t& rows, std::string& note) {
    ReportInputs inputs;
    inputs.max_actions = max_actions;
    note.clear();
    rows = action_rows(build_report_document(card, tpl, inputs), &note).size();
  };
  size_t rows = 0;
  std::string note;
  plan(5, rows, note);
  EXPECT_EQ(rows, 5u);
  double largest_left = 0;
  for (size_t i = 5; i < card.actions.size(); ++i) largest_left = std::max(largest_left, card.actions[i].impact);
  EXPECT_EQ(note, fmt::format("Impact: overall points gained by raising the item to its top level, all else equal. 40 further actions, "
                              "worth +{:.2f} points or less each, are not listed here (cjb score lists every one; cjb report --actions 0 puts them all in the report).", largest_left));
  plan(44, rows, note);
  EXPECT_NE(note.find(" 1 further action, worth"), std::string::npos) << note;
  EXPECT_NE(note.find(" is not listed"), std::string::npos) << note;
  plan(0, rows, note);
  EXPECT_EQ(rows, card.actions.size());
  EXPECT_EQ(note, "Impact: overall points gained by raising the item to its top level, all else equal.");
}

TEST_F(MiniReport, PreviousAndPeersAddColumns) {
  Assessment before = assessment;
  before.id = "mini-2025-01";
  before.meta.date = "2025-01-15";
  for (auto& r : before.responses)
    if (r.level && *r.level > 0) r.level = *r.level - 1;
  Scorecard old = score_assessment(instrument, before);
  // Two other sites: the peers. The previous visit and the assessment itself are of the
  // subject's own site, so never its peers.
  Assessment p1 = before, p2 = assessment;
  p1.subject.site_id = "P1";
  p2.subject.site_id = "P2";
  Scorecard peer1 = score_assessment(instrument, p1), peer2 = score_assessment(instrument, p2);
  PeerComparison peers = compare_with_peers(card, {&old, &card, &peer1, &peer2});
  ReportInputs inputs;
  inputs.previous = &old;
  inputs.peers = &peers;
  Document d = build_report_document(card, tpl, inputs);
  std::string md = render_markdown(d);
  EXPECT_NE(md.find("### Change since the previous assessment"), std::string::npos);
  EXPECT_NE(md.find("| Scope | Previous (2025-01-15) | Now | Change |"), std::string::npos);
  EXPECT_NE(md.find(fmt::format("| **Overall** | **{:.1f}** | **53.8** | **+{:.1f}** |", *old.overall.score, 53.8 - *old.overall.score).substr(0, 20)),
            std::string::npos);
  EXPECT_NE(md.find("| Peer median | Peer rank |"), std::string::npos);
  EXPECT_NE(md.find("compare with 2 peer assessments."), std::string::npos);
  EXPECT_NE(md.find("With too few peers to rank (n = 2, fewer than 5) no peer rank is given."), std::string::npos) << md;
  EXPECT_NE(md.find("Like for like: 2 visits of the subject's own site left out."), std::string::npos);
  EXPECT_NE(md.find("| too few (n = 2) |"), std::string::npos);
  EXPECT_NE(md.find("Peer median |"), std::string::npos);  // a radar series
}

}  // namespace
}  // namespace cjb::render
