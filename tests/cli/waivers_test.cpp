// Waivers: an item left out of the score on purpose, visible in every output; an expired one
// scored as unanswered and flagged.

#include <regex>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "pipeline/scored_assessment.h"
#include "support.h"
#include "xml/catalog_loader.h"
#include "xml/files.h"

namespace cjb::test {
namespace {

const std::string kMini = "tests/data/mini-assessment.xml";  // dated 2026-01-15
const std::string kInForce =
    "<response item=\"L-VIS-02\"><waiver by=\"J. Smith, regional manager\" date=\"2026-01-02\" expires=\"2026-12-31\">"
    "No written vision at a franchise store: the franchisor's applies</waiver></response>";
const std::string kExpired =
    "<response item=\"L-ROL-02\"><waiver by=\"A. Jones\" date=\"2025-06-01\" expires=\"2026-01-10\">Refit under way</waiver></response>";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// The mini assessment with L-VIS-02 waived (in force) and L-ROL-02 waived (expired), and the
// same with L-VIS-02 N/A and L-ROL-02 left out, which must score the same.
struct Files {
  std::string waived, equivalent;
};

Files write_files(const std::string& dir) {
  std::string mini = read_text(source_path(kMini));
  std::string waived = replaced(replaced(mini, "<response item=\"L-VIS-02\" level=\"1\"/>", kInForce),
                                "<response item=\"L-ROL-02\" level=\"1\"/>", kExpired);
  std::string equivalent = replaced(replaced(mini, "<response item=\"L-VIS-02\" level=\"1\"/>", "<response item=\"L-VIS-02\" na=\"true\"/>"),
                                    "<response item=\"L-ROL-02\" level=\"1\"/>", "");
  write_text(dir + "/waived.xml", waived);
  write_text(dir + "/equivalent.xml", equivalent);
  return {dir + "/waived.xml", dir + "/equivalent.xml"};
}

RunResult cjb(const std::vector<std::string>& args) {
  std::vector<std::string> all = args;
  all.insert(all.end(), {"--data-dir", "tests/data/mini"});
  return run_cjb(all);
}

const nlohmann::json* item_of(const nlohmann::json& score, const std::string& id) {
  for (const auto& i : score.at("items"))
    if (i.at("id") == id) return &i;
  return nullptr;
}

class Waivers : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = temp_dir("waivers");
    files_ = write_files(dir_);
  }
  static std::string dir_;
  static Files files_;
};
std::string Waivers::dir_;
Files Waivers::files_;

TEST_F(Waivers, ScoreLeavesAWaiverOutLikeNaAndAnExpiredOneUnanswered) {
  auto waived = cjb({"score", files_.waived, "--format", "json"});
  auto equivalent = cjb({"score", files_.equivalent, "--format", "json"});
  ASSERT_EQ(waived.exit_code, 0) << waived.err;
  ASSERT_EQ(equivalent.exit_code, 0) << equivalent.err;
  auto a = nlohmann::json::parse(waived.out), b = nlohmann::json::parse(equivalent.out);
  EXPECT_EQ(a.at("overall"), b.at("overall"));
  EXPECT_EQ(a.at("layers"), b.at("layers"));
  EXPECT_EQ(a.at("unanswered"), b.at("unanswered"));
  EXPECT_NE(std::find(a.at("unanswered").begin(), a.at("unanswered").end(), "L-ROL-02"), a.at("unanswered").end());
}

TEST_F(Waivers, JsonStatusWaivedWithTheWaiver) {
  auto r = cjb({"score", files_.waived, "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto doc = nlohmann::json::parse(r.out);
  const auto* in_force = item_of(doc, "L-VIS-02");
  ASSERT_NE(in_force, nullptr);
  EXPECT_EQ(in_force->at("status"), "waived");
  EXPECT_TRUE(in_force->at("level").is_null());
  EXPECT_EQ(in_force->at("waiver").at("by"), "J. Smith, regional manager");
  EXPECT_EQ(in_force->at("waiver").at("date"), "2026-01-02");
  EXPECT_EQ(in_force->at("waiver").at("expires"), "2026-12-31");
  EXPECT_EQ(in_force->at("waiver").at("justification"), "No written vision at a franchise store: the franchisor's applies");
  EXPECT_FALSE(in_force->at("waiver").at("expired").get<bool>());
  const auto* expired = item_of(doc, "L-ROL-02");
  ASSERT_NE(expired, nullptr);
  EXPECT_EQ(expired->at("status"), "unanswered");
  EXPECT_TRUE(expired->at("waiver").at("expired").get<bool>());
  ASSERT_EQ(doc.at("waivers").size(), 2u);
  EXPECT_EQ(doc.at("waivers").at(0).at("item"), "L-VIS-02");
  EXPECT_EQ(doc.at("waivers").at(1).at("item"), "L-ROL-02");
  // No waivers, no list: other outputs stay as they were.
  auto plain = cjb({"score", kMini, "--format", "json"});
  EXPECT_FALSE(nlohmann::json::parse(plain.out).contains("waivers"));
}

TEST_F(Waivers, ScoreTextAndMarkdownShowThem) {
  auto text = cjb({"score", files_.waived});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("Waivers: 2 items left out of the score on purpose:\n"
                          "  L-VIS-02  approved by J. Smith, regional manager on 2026-01-02, expires 2026-12-31\n"
                          "     No written vision at a franchise store: the franchisor's applies\n"),
            std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("  L-ROL-02  approved by A. Jones on 2025-06-01, expired 2026-01-10 — EXPIRED: scored as unanswered\n"), std::string::npos);
  auto md = cjb({"score", files_.waived, "--format", "markdown"});
  EXPECT_NE(md.out.find("## Waivers"), std::string::npos);
  EXPECT_NE(md.out.find("| L-ROL-02 | Refit under way | A. Jones | 2025-06-01 | 2026-01-10 | expired: scored as unanswered |"),
            std::string::npos)
      << md.out.substr(md.out.find("## Waivers"));
}

TEST_F(Waivers, EveryReportFormatListsThemInTheirSectionAndTheAppendix) {
  for (const char* format : {"json", "md", "html", "svg", "pdf"}) {
    auto r = cjb({"report", files_.waived, "-o", dir_ + "/report." + format});
    ASSERT_EQ(r.exit_code, 0) << format << ": " << r.err;
    EXPECT_EQ(r.err, "") << format;
  }
  auto doc = nlohmann::json::parse(read_text(dir_ + "/report.json"));
  std::string waivers_section, appendix;
  for (const auto& s : doc.at("sections")) {
    if (s.at("id") == "waivers") waivers_section = s.dump();
    if (s.at("id") == "appendix") appendix = s.dump();
  }
  ASSERT_NE(waivers_section, "") << "a waivers section";
  for (const char* text : {"No written vision at a franchise store", "J. Smith, regional manager", "2026-01-02", "in force until 2026-12-31",
                           "expired on 2026-01-10: scored as unanswered"})
    EXPECT_NE(waivers_section.find(text), std::string::npos) << text;
  EXPECT_NE(appendix.find("Waiver: No written vision at a franchise store: the franchisor's applies — approved by J. Smith, regional "
                          "manager on 2026-01-02; in force until 2026-12-31"),
            std::string::npos);
  EXPECT_NE(appendix.find("waiver expired"), std::string::npos);
  std::string md = read_text(dir_ + "/report.md"), html = read_text(dir_ + "/report.html"), svg = read_text(dir_ + "/report.svg");
  EXPECT_NE(md.find("Waivers"), std::string::npos);
  EXPECT_NE(md.find("Refit under way"), std::string::npos);
  EXPECT_NE(html.find("J. Smith, regional manager"), std::string::npos);
  EXPECT_NE(html.find("expired on 2026-01-10: scored as unanswered"), std::string::npos);
  EXPECT_NE(svg.find("Waived: L-ROL-02 — Refit under way (approved by A. Jones on 2025-06-01; expired on 2026-01-10: scored as unanswered)"),
            std::string::npos);
  FILE* pipe = popen(("pdftotext " + dir_ + "/report.pdf -").c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string pdf;
  char buffer[4096];
  for (size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) pdf.append(buffer, n);
  pclose(pipe);
  pdf = std::regex_replace(pdf, std::regex("\\s+"), " ");
  EXPECT_NE(pdf.find("Waivers"), std::string::npos);
  EXPECT_NE(pdf.find("Refit under way"), std::string::npos);
  EXPECT_NE(pdf.find("J. Smith, regional manager"), std::string::npos);
  // A template without the section still shows it, before the appendix or at the end.
  auto minimal = cjb({"report", files_.waived, "--format", "json", "--template", "minimal"});
  ASSERT_EQ(minimal.exit_code, 0) << minimal.err;
  EXPECT_NE(minimal.out.find("\"id\": \"waivers\""), std::string::npos);
  auto none = cjb({"report", kMini, "--format", "json"});
  EXPECT_EQ(none.out.find("\"id\": \"waivers\""), std::string::npos);
}

TEST_F(Waivers, AWaiverSurvivesWritingTheAssessment) {
  Assessment a = xml::parse_assessment(read_text(files_.waived), "waived.xml");
  Assessment again = xml::parse_assessment(xml::write_assessment(a), "again.xml");
  const Response* r = again.find_response("L-VIS-02");
  ASSERT_NE(r, nullptr);
  ASSERT_TRUE(r->waiver);
  EXPECT_EQ(r->waiver->by, "J. Smith, regional manager");
  EXPECT_EQ(r->waiver->expires, "2026-12-31");
  EXPECT_EQ(r->waiver->justification, "No written vision at a franchise store: the franchisor's applies");
  EXPECT_FALSE(r->level);
  EXPECT_FALSE(r->na);
  EXPECT_EQ(cjb({"validate", files_.waived}).exit_code, 0);
}

std::string problems_of(const std::string& response) {
  std::string text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<assessment id=\"t\">\n  <subject retailer=\"R\" site=\"S\"/>\n"
                     "  <meta date=\"2026-01-15\"/>\n  <scope model=\"cjb-retail\" profile=\"mini-store\"/>\n  <responses>\n    " +
                     response + "\n  </responses>\n</assessment>\n";
  try {
    xml::parse_assessment(text, "a.xml");
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(WaiverInput, ExactMessages) {
  EXPECT_EQ(problems_of("<response item=\"L-VIS-01\" level=\"2\"><waiver by=\"J\" date=\"2026-01-01\" expires=\"2026-02-01\">x</waiver></response>"),
            "a.xml:7:5: error: response to 'L-VIS-01' has both a waiver and a level (expected one of them: a waived item has no answer)");
  EXPECT_EQ(problems_of("<response item=\"L-VIS-01\" na=\"true\"><waiver by=\"J\" date=\"2026-01-01\" expires=\"2026-02-01\">x</waiver></response>"),
            "a.xml:7:5: error: response to 'L-VIS-01' has both a waiver and na=\"true\" (expected one of them: a waived item has no answer)");
  EXPECT_EQ(problems_of("<response item=\"L-VIS-01\"><waiver date=\"2026-01-01\" expires=\"2025-12-01\"> </waiver></response>"),
            "a.xml:7:31: error: <waiver> has no 'by' attribute (expected who approved the waiver, e.g. by=\"J. Smith, regional manager\")\n"
            "a.xml:7:31: error: waiver of 'L-VIS-01' expires on 2025-12-01, before it was given on 2026-01-01 (expected an expiry on or after the date)\n"
            "a.xml:7:31: error: waiver of 'L-VIS-01' has no justification (expected why the item does not apply, as the element's text)");
  EXPECT_EQ(problems_of("<response item=\"L-VIS-01\"><waiver by=\"J\" date=\"1 Jan\" expires=\"2026-02-01\">x</waiver><waiver by=\"K\" "
                        "date=\"2026-01-01\" expires=\"2026-02-01\">y</waiver></response>"),
            "a.xml:7:90: error: second <waiver> in <response> (expected one)\n"
            "a.xml:7:31: error: waiver of 'L-VIS-01': date '1 Jan' is not a date (expected YYYY-MM-DD)");
}

}  // namespace
}  // namespace cjb::test
