// cjb report end to end: every format from the mini data set, checked with poppler, pugixml
// and rsvg-convert as a reader would open them.

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <regex>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "core/scoring.h"
#include "render/format.h"
#include "support.h"
#include "xml/catalog_loader.h"
#include "xml/files.h"

namespace cjb::test {
namespace {

const std::string kAssessment = "tests/data/mini-assessment.xml";
const std::string kNote = "No complaints procedure <script>alert(1)</script>";

// Output of a shell command line (the poppler and librsvg tools).
std::string shell(const std::string& command, int* status = nullptr) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return out;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  int rc = pclose(pipe);
  if (status) *status = rc;
  return out;
}

RunResult report(const std::vector<std::string>& extra, const std::vector<std::string>& env = {}) {
  std::vector<std::string> args = {"report", kAssessment, "--data-dir", "tests/data/mini"};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_cjb(args, "", env);
}

std::string collapse_spaces(const std::string& text) { return std::regex_replace(text, std::regex("\\s+"), " "); }

class ReportPdf : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = temp_dir("report-pdf");
    RunResult r = report({"-o", dir_ + "/r.pdf"}, {"SOURCE_DATE_EPOCH=1767225600"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    ASSERT_EQ(r.out, "");
    ASSERT_EQ(r.err, "");
    text_ = collapse_spaces(shell("pdftotext " + dir_ + "/r.pdf -"));
  }
  static std::string dir_, text_;
};
std::string ReportPdf::dir_, ReportPdf::text_;

TEST_F(ReportPdf, ShowsTheScoresAsScoredEverySectionAndTheTopAction) {
  Catalog catalog = xml::load_catalog(source_path("tests/data/mini"));
  Assessment a = xml::load_assessment(source_path(kAssessment));
  Instrument inst = resolve_scope(catalog, a.scope);
  Scorecard card = score_assessment(inst, a);
  EXPECT_NE(text_.find("Overall score " + render::score_text(card.overall.score)), std::string::npos) << text_.substr(0, 600);
  for (const auto& layer : card.layers) {
    std::string label = catalog.model.find_layer(layer.id)->label;
    EXPECT_NE(text_.find(label + " " + render::score_text(layer.figure.score)), std::string::npos) << label;
  }
  for (const char* title : {"Executive summary", "Scorecard", "Scores at a glance", "Customer journey", "Driver analysis", "Action plan",
                            "Appendix: responses"})
    EXPECT_NE(text_.find(title), std::string::npos) << title;
  ASSERT_FALSE(card.actions.empty());
  const Action& top = card.actions.front();
  EXPECT_NE(text_.find(fmt::format("1 {} ", top.item)), std::string::npos) << top.item;
  EXPECT_NE(text_.find(fmt::format("+{:.2f}", top.impact)), std::string::npos);
  // The user's note is text, not markup.
  EXPECT_NE(text_.find("No complaints procedure"), std::string::npos);
  EXPECT_NE(text_.find("<script>alert(1)</script>"), std::string::npos);
}

TEST_F(ReportPdf, IsA4WithPagesNumberedAndFontsEmbedded) {
  std::string info = shell("pdfinfo " + dir_ + "/r.pdf");
  EXPECT_NE(info.find("Page size:       595.276 x 841.89 pts (A4)"), std::string::npos) << info;
  std::smatch pages;
  ASSERT_TRUE(std::regex_search(info, pages, std::regex("Pages:\\s+(\\d+)")));
  int count = std::stoi(pages[1]);
  EXPECT_GE(count, 10);
  EXPECT_LE(count, 20);
  // Every page but the cover says where it stands: "Page N of M".
  for (int page = 2; page <= count; ++page) EXPECT_NE(text_.find(fmt::format("Page {} of {}", page, count)), std::string::npos) << page;
  EXPECT_EQ(text_.find("Page 1 of"), std::string::npos);
  EXPECT_NE(info.find("CreationDate:    Thu Jan  1 00:00:00 2026 UTC"), std::string::npos) << info;
  std::string fonts = shell("pdffonts " + dir_ + "/r.pdf");
  EXPECT_NE(fonts.find("DejaVuSans"), std::string::npos) << fonts;
  // Every font line says "emb yes": no line after the header has " no " in the emb column.
  std::istringstream lines(fonts);
  std::string line;
  int font_lines = 0;
  while (std::getline(lines, line)) {
    if (line.find("TrueType") == std::string::npos) continue;
    ++font_lines;
    EXPECT_TRUE(std::regex_search(line, std::regex("\\s+yes\\s+yes\\s+yes\\s+\\d+\\s+0$"))) << line;
  }
  EXPECT_GT(font_lines, 0);
}

TEST_F(ReportPdf, IsByteIdenticalWithSourceDateEpoch) {
  RunResult again = report({"-o", dir_ + "/again.pdf"}, {"SOURCE_DATE_EPOCH=1767225600"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_TRUE(read_text(dir_ + "/r.pdf") == read_text(dir_ + "/again.pdf"));
}

TEST(ReportCli, LetterPaperAndTheMinimalTemplate) {
  std::string dir = temp_dir("report-letter");
  RunResult r = report({"-o", dir + "/r.pdf", "--paper", "letter", "--template", "minimal"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string info = shell("pdfinfo " + dir + "/r.pdf");
  EXPECT_NE(info.find("612 x 792 pts (letter)"), std::string::npos) << info;
  std::string text = collapse_spaces(shell("pdftotext " + dir + "/r.pdf -"));
  EXPECT_NE(text.find("What to do next"), std::string::npos);
  EXPECT_NE(text.find("All scores"), std::string::npos);
  EXPECT_EQ(text.find("Driver analysis"), std::string::npos);
  EXPECT_NE(text.find("SERVICE CHECK"), std::string::npos);
}

TEST(ReportCli, HtmlIsOneWellFormedFileWithTheNoteAsText) {
  RunResult r = report({"--format", "html"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  pugi::xml_document doc;
  pugi::xml_parse_result parsed = doc.load_string(r.out.c_str(), pugi::parse_default | pugi::parse_doctype);
  ASSERT_TRUE(parsed) << parsed.description() << " at " << parsed.offset;
  EXPECT_EQ(doc.select_nodes("//script").size(), 0u);
  EXPECT_EQ(r.out.find("<script>"), std::string::npos);
  bool found = false;
  for (const auto& td : doc.select_nodes("//td"))
    if (std::string(td.node().child_value()) == kNote) found = true;
  EXPECT_TRUE(found) << "the note as a table cell's text";
  EXPECT_EQ(doc.select_nodes("//section").size(), 7u);
  EXPECT_GE(doc.select_nodes("//*[local-name()='svg']").size(), 4u);  // radar, bars, diagram, heatmap
  // The journey diagram of `cjb diagram` inline: a Graphviz node for every touchpoint of each
  // lane (mini: 12 in store + 11 online), escaped like the rest.
  auto diagram_nodes = doc.select_nodes("//section[@id='journey']//*[local-name()='g'][starts-with(@class,'node')]");
  EXPECT_GE(diagram_nodes.size(), 23u);
  EXPECT_EQ(r.out.find("<?xml", 1), std::string::npos) << "no XML prolog inside the page";
  // Self-contained: nothing fetched.
  for (const char* fetch : {"src=", "href=\"http", "<link", "@import", "url("}) EXPECT_EQ(r.out.find(fetch), std::string::npos) << fetch;
}

TEST(ReportCli, MarkdownMatchesItsGoldenFile) {
  RunResult r = report({"--format", "md"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_NE(r.out.find("No complaints procedure &lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(r.out.find("<script>"), std::string::npos);
  expect_golden(r, "report-mini.md");
}

TEST(ReportCli, SvgSummaryIsValidForAnSvgRenderer) {
  std::string dir = temp_dir("report-svg");
  RunResult r = report({"-o", dir + "/r.svg"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  int status = -1;
  shell("rsvg-convert -o " + dir + "/r.png " + dir + "/r.svg 2>&1", &status);
  EXPECT_EQ(status, 0);
  std::string png = read_text(dir + "/r.png");
  EXPECT_EQ(png.substr(1, 3), "PNG");
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_file((dir + "/r.svg").c_str()));
  std::string svg = read_text(dir + "/r.svg");
  EXPECT_NE(svg.find("Mini &amp; Co"), std::string::npos);
  EXPECT_NE(svg.find("High Street &lt;1&gt;"), std::string::npos);
  EXPECT_NE(svg.find(">Scorecard<"), std::string::npos);
  EXPECT_NE(svg.find(">Customer journey<"), std::string::npos);
}

TEST(ReportCli, JsonIsTheDocument) {
  RunResult r = report({"--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("{\n  \"schema\": \"cjb.report/1\",", 0), 0u);
  EXPECT_NE(r.out.find("\"text\": \"No complaints procedure <script>alert(1)</script>\""), std::string::npos);
}

TEST(ReportCli, TextFormatsAreByteIdenticalAcrossRuns) {
  for (const char* format : {"html", "md", "json", "svg"}) {
    RunResult a = report({"--format", format});
    RunResult b = report({"--format", format});
    EXPECT_EQ(a.exit_code, 0);
    EXPECT_TRUE(a.out == b.out) << format;
  }
}

TEST(ReportCli, PreviousAndPeers) {
  std::string dir = temp_dir("report-previous");
  std::string old = read_text(source_path(kAssessment));
  old = std::regex_replace(old, std::regex("level=\"4\""), "level=\"2\"");
  old = std::regex_replace(old, std::regex("2026-01-15"), "2025-01-10");
  write_text(dir + "/old.xml", old);
  // The previous visit passed as a peer is of the subject's own site: left out, and said.
  RunResult r = report({"--format", "md", "--previous", dir + "/old.xml", "--peers", dir + "/old.xml", kAssessment});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("### Change since the previous assessment"), std::string::npos);
  EXPECT_NE(r.out.find("Previous (2025-01-10)"), std::string::npos);
  EXPECT_NE(r.out.find("compare with 0 peer assessments."), std::string::npos);
  EXPECT_NE(r.out.find("Like for like: 2 visits of the subject's own site left out."), std::string::npos);
  // Other sites count.
  std::vector<std::string> args{"--format", "md", "--peers"};
  for (int i = 0; i < 5; ++i) {
    std::string other = std::regex_replace(old, std::regex("<subject "), "<subject site-id=\"P" + std::to_string(i) + "\" ");
    write_text(dir + "/p" + std::to_string(i) + ".xml", other);
    args.push_back(dir + "/p" + std::to_string(i) + ".xml");
  }
  RunResult peers = report(args);
  ASSERT_EQ(peers.exit_code, 0) << peers.err;
  EXPECT_NE(peers.out.find("compare with 5 peer assessments."), std::string::npos) << peers.out;
  EXPECT_EQ(peers.out.find("too few"), std::string::npos);
}

// --kpi adds the Service KPIs section, with the audit's own score of measurement when the model
// has that group; without --kpi the section is left out, numbering and all.
TEST(ReportCli, KpiSection) {
  RunResult with = report({"--format", "md", "--kpi", "examples/kpi/contacts.csv", "examples/kpi/surveys.csv"});
  ASSERT_EQ(with.exit_code, 0) << with.err;
  EXPECT_EQ(with.err, "");
  EXPECT_NE(with.out.find("Service KPIs"), std::string::npos);
  EXPECT_NE(with.out.find("The audit scored Measurement and KPIs at 58.3 (Developing), against a target of 80.0."), std::string::npos);
  EXPECT_NE(with.out.find("| Net Promoter Score | **-3** | 58 | 21 promoters, 14 passives, 23 detractors; 95% CI -26 to +19 |"), std::string::npos) << with.out;
  // The exports by file name and period, never by path (issue 15).
  EXPECT_NE(with.out.find("From contacts.csv (71 contacts), surveys.csv (66 survey answers), records of "), std::string::npos) << with.out;
  EXPECT_NE(with.out.find(": all their records."), std::string::npos);
  EXPECT_EQ(with.out.find("examples/kpi/"), std::string::npos);
  RunResult without = report({"--format", "md"});
  ASSERT_EQ(without.exit_code, 0) << without.err;
  EXPECT_EQ(without.out.find("Service KPIs"), std::string::npos);

  std::string dir = temp_dir("report-kpi-bad");
  // Records naming the assessment's site (the mini assessment has no site-id: its name) count
  // alone.
  write_text(dir + "/site.csv", "id,site,opened,first_response\n1,High Street <1>,2026-01-05 09:00,2026-01-05 09:07\n"
                                "2,Elsewhere,2026-01-05 09:00,2026-01-05 11:00\n");
  RunResult one = report({"--format", "md", "--kpi", dir + "/site.csv"});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_NE(one.out.find("| First response time, median | **7.0 min** | 1 |"), std::string::npos) << one.out;
  EXPECT_NE(one.out.find("From site.csv (2 contacts), records of 2026-01: the records of site High Street &lt;1&gt;."), std::string::npos) << one.out;
  // A merged export: another retailer's records at a site of the same name never count.
  write_text(dir + "/merged.csv", "id,retailer,site,opened,first_response\n1,Mini & Co,High Street <1>,2026-01-05 09:00,2026-01-05 09:07\n"
                                  "2,Maxi,High Street <1>,2026-01-05 09:00,2026-01-05 11:00\n3,,High Street <1>,2026-01-05 09:00,2026-01-05 09:09\n");
  RunResult merged = report({"--format", "md", "--kpi", dir + "/merged.csv"});
  ASSERT_EQ(merged.exit_code, 0) << merged.err;
  EXPECT_NE(merged.out.find("| First response time, median | **8.0 min** | 2 |"), std::string::npos) << merged.out;
  write_text(dir + "/bad.csv", "id,opened\nC1,soon\n");
  RunResult bad = report({"--format", "md", "--kpi", dir + "/bad.csv"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.out, "");
  EXPECT_EQ(bad.err, dir + "/bad.csv:2:4: error: opened 'soon' is not a local time (expected YYYY-MM-DD HH:MM, with :SS or a T if you like)\n");
}

TEST(ReportCli, BadUsageAndBadInput) {
  RunResult format = report({"--format", "docx"});
  EXPECT_EQ(format.exit_code, 2);
  EXPECT_EQ(format.err, "cjb report: --format 'docx' is not known (expected pdf, html, markdown, md, svg or json)\n");
  RunResult paper = report({"--paper", "a3", "-o", "x.pdf"});
  EXPECT_EQ(paper.exit_code, 2);
  EXPECT_EQ(paper.err, "cjb report: --paper 'a3' is not known (expected a4 or letter)\n");
  RunResult actions = report({"--actions", "-1", "-o", "x.pdf"});
  EXPECT_EQ(actions.exit_code, 2);
  EXPECT_EQ(actions.err, "cjb report: --actions -1 is negative (expected 0 for every action, or how many to list)\n");
  RunResult missing = report({"--format", "md", "--template", "nope"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("cjb report: template 'nope' not found; tried "), std::string::npos) << missing.err;
  std::string dir = temp_dir("report-bad-template");
  write_text(dir + "/t/template.json", "{\"title\": \"T\", \"sections\": [{\"id\": \"foreword\", \"title\": \"F\"}]}");
  RunResult bad = report({"--format", "md", "--template", dir + "/t"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err, dir + "/t/template.json: error: sections[0]: unknown section \"foreword\" (expected one of cover, summary, scorecard, "
                             "charts, journey, drivers, actions, appendix)\n");
  RunResult no_file = run_cjb({"report", dir + "/absent.xml", "--data-dir", "tests/data/mini", "--format", "md"});
  EXPECT_EQ(no_file.exit_code, 2);
  EXPECT_EQ(no_file.out, "");
  RunResult bad_epoch = report({"-o", dir + "/x.pdf"}, {"SOURCE_DATE_EPOCH=yesterday"});
  EXPECT_EQ(bad_epoch.exit_code, 2);
  EXPECT_FALSE(std::ifstream(dir + "/x.pdf").good()) << "no half-written file";
}

}  // namespace
}  // namespace cjb::test

namespace cjb::test {
namespace {

// Every bundled example: the PDF shows the overall and layer scores that `cjb score` prints,
// rounded as the report prints them, and the top action.
TEST(ReportExamples, PdfAgreesWithCjbScore) {
  std::string dir = temp_dir("report-examples");
  int checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(source_path("examples"))) {
    if (entry.path().extension() != ".xml") continue;
    std::string path = entry.path().string();
    RunResult score = run_cjb({"score", path, "--format", "json"});
    ASSERT_EQ(score.exit_code, 0) << path << score.err;
    auto json = nlohmann::json::parse(score.out);
    std::string pdf = dir + "/" + entry.path().stem().string() + ".pdf";
    RunResult r = run_cjb({"report", path, "-o", pdf});
    ASSERT_EQ(r.exit_code, 0) << path << r.err;
    EXPECT_EQ(r.err, "");
    std::string text = collapse_spaces(shell("pdftotext " + pdf + " -"));
    auto printed = [](const nlohmann::json& v) { return v.is_null() ? std::string("–") : render::score_text(v.get<double>()); };
    EXPECT_NE(text.find("Overall score " + printed(json["overall"]["score"])), std::string::npos) << path;
    EXPECT_NE(text.find("Overall " + printed(json["overall"]["score"])), std::string::npos) << path;
    for (const auto& layer : json["layers"]) {
      std::string shown = printed(layer["score"]);
      EXPECT_NE(text.find(" " + shown + " "), std::string::npos) << path << " " << layer["id"];
    }
    if (!json["actions"].empty()) {
      EXPECT_NE(text.find("1 " + json["actions"][0]["item"].get<std::string>() + " "), std::string::npos) << path;
    }
    for (const char* title : {"Executive summary", "Scorecard", "Customer journey", "Driver analysis", "Action plan", "Appendix: responses"})
      EXPECT_NE(text.find(title), std::string::npos) << path << " " << title;
    ++checked;
  }
  EXPECT_GE(checked, 4);
}

}  // namespace
}  // namespace cjb::test
