// Reports a consultancy would sign (issue 15): critical findings first in every format, the
// findings quoted, gaps ordered by gap, who the report is from, one band legend, no file paths
// in a client's document, and usage that refuses what it cannot do.

#include <cstdio>
#include <regex>
#include <set>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "core/error.h"
#include "support.h"

namespace cjb::test {
namespace {

using Json = nlohmann::json;

const std::string kGrocer = "examples/grocer-omnichannel.xml";
const std::string kRevisit = "examples/grocer-omnichannel-revisit.xml";
const std::string kSelf = "examples/self-assessment-in-progress.xml";

std::string shell(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return out;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  pclose(pipe);
  return out;
}

Json run_json(const std::vector<std::string>& args) {
  RunResult r = run_cjb(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  return Json::parse(r.out);
}

const Json* section(const Json& report, const std::string& id) {
  for (const auto& s : report["sections"])
    if (s["id"] == id) return &s;
  return nullptr;
}

// The bullets that follow a heading in a section of the report JSON.
std::vector<std::string> bullets_after(const Json& s, const std::string& heading) {
  bool found = false;
  for (const auto& b : s["blocks"]) {
    if (b["type"] == "heading") found = b["text"] == heading;
    else if (found && b["type"] == "bullets") return b["items"].get<std::vector<std::string>>();
  }
  return {};
}

// Item ids of the action plan tables, in order, with the heading each sits under.
std::vector<std::pair<std::string, std::string>> plan_rows(const Json& report) {
  std::vector<std::pair<std::string, std::string>> rows;
  const Json* actions = section(report, "actions");
  EXPECT_NE(actions, nullptr);
  if (!actions) return rows;
  std::string under;
  for (const auto& b : (*actions)["blocks"]) {
    if (b["type"] == "heading") under = b["text"];
    if (b["type"] != "table" || b["header"][0] != "#") continue;
    for (const auto& row : b["rows"]) {
      std::string item = row["cells"][1]["text"];
      rows.emplace_back(item.substr(0, item.find(' ')), under);
    }
  }
  return rows;
}

// A critical item at level 0 is listed first — a blocked fire exit before any leadership
// item — in cjb score (text, JSON, Markdown) and in the report (JSON, Markdown), in one order.
TEST(ActionOrder, CriticalFailuresFirstInEveryFormat) {
  Json score = run_json({"score", kGrocer, "--format", "json"});
  std::set<std::string> failures;
  for (const auto& id : score["critical_failures"]) failures.insert(id.get<std::string>());
  ASSERT_TRUE(failures.count("J-ARR-P-03"));
  ASSERT_TRUE(failures.count("J-PUR-P-04"));
  std::vector<std::string> order;
  for (const auto& a : score["actions"]) order.push_back(a["item"]);
  for (size_t i = 0; i < order.size(); ++i) {
    bool fix_now = score["actions"][i]["fix_now"];
    EXPECT_EQ(fix_now, i < failures.size()) << order[i] << " at " << i;
    EXPECT_EQ(failures.count(order[i]) == 1, fix_now) << order[i];
  }
  // Within each block, by impact.
  for (size_t i = 1; i < order.size(); ++i) {
    if (score["actions"][i]["fix_now"] == score["actions"][i - 1]["fix_now"]) {
      EXPECT_LE(score["actions"][i]["impact"].get<double>(), score["actions"][i - 1]["impact"].get<double>() + 1e-9) << order[i];
    }
  }

  Json report = run_json({"report", kGrocer, "--format", "json", "--actions", "0"});
  auto rows = plan_rows(report);
  ASSERT_EQ(rows.size(), order.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i].first, order[i]) << i;
    EXPECT_EQ(rows[i].second, i < failures.size() ? "Fix now: critical failures" : "Then, by impact") << i;
  }

  RunResult text = run_cjb({"score", kGrocer, "--top", "3"});
  size_t fix_now_text = text.out.find("Fix now (critical failures):\n  1. +");
  ASSERT_NE(fix_now_text, std::string::npos) << text.out;
  EXPECT_LT(text.out.find(order[0], fix_now_text), text.out.find("2. +", fix_now_text)) << text.out;
  RunResult md = run_cjb({"score", kGrocer, "--format", "markdown"});
  EXPECT_NE(md.out.find(fmt::format("| 1 | {} |", order[0])), std::string::npos);
  EXPECT_NE(md.out.find("(fix now)"), std::string::npos);
  RunResult report_md = run_cjb({"report", kGrocer, "--format", "md"});
  size_t fix_now = report_md.out.find("Fix now: critical failures");
  ASSERT_NE(fix_now, std::string::npos);
  EXPECT_LT(report_md.out.find(fmt::format("| 1 | {} ", order[0]), fix_now), report_md.out.find("Then, by impact")) << report_md.out;
}

// Each action line sets what was found (note, evidence) beside what good looks like.
TEST(ActionOrder, EachLineShowsTheFindingBesideTheNextLevel) {
  Json report = run_json({"report", kGrocer, "--format", "json"});
  const Json* actions = section(report, "actions");
  ASSERT_NE(actions, nullptr);
  bool checked = false;
  for (const auto& b : (*actions)["blocks"]) {
    if (b["type"] != "table" || b["header"][0] != "#") continue;
    EXPECT_EQ(b["header"][3], "What was found");
    EXPECT_EQ(b["header"][4], "What good looks like");
    for (const auto& row : b["rows"]) {
      const Json& cells = row["cells"];
      if (cells[1]["text"].get<std::string>().rfind("J-ARR-P-03 ", 0) != 0) continue;
      EXPECT_NE(cells[3]["text"].get<std::string>().find("roll cage of chilled stock was left across the fire exit"), std::string::npos);
      EXPECT_EQ(cells[3]["detail"], "Evidence: Photos 1 to 3, 8 April, 15:40 to 16:50; duty manager informed 16:52.");
      EXPECT_EQ(cells[4]["text"].get<std::string>().rfind("1 ", 0), 0u) << cells[4];
      checked = true;
    }
  }
  EXPECT_TRUE(checked);
}

// The summary names critical failures by what was found, and lists the biggest gaps by gap.
TEST(ReportSummary, CriticalFailuresQuoteFindingsAndGapsAreOrderedByGap) {
  Json report = run_json({"report", kGrocer, "--format", "json"});
  const Json* summary = section(report, "summary");
  ASSERT_NE(summary, nullptr);
  auto failures = bullets_after(*summary, "Critical failures");
  ASSERT_FALSE(failures.empty());
  bool fire_exit = false;
  for (const auto& f : failures) fire_exit |= f.find("J-ARR-P-03") == 0 && f.find("roll cage") != std::string::npos;
  EXPECT_TRUE(fire_exit) << failures[0];

  Json revisit = run_json({"report", kRevisit, "--format", "json"});
  Json score = run_json({"score", kRevisit, "--format", "json"});
  std::vector<std::pair<double, std::string>> gaps;  // the five largest, from cjb score
  for (const auto& g : score["groups"])
    if (!g["gap"].is_null() && g["gap"].get<double>() > 0.005) gaps.emplace_back(g["gap"].get<double>(), g["label"].is_string() ? g["label"].get<std::string>() : g["id"].get<std::string>());
  std::stable_sort(gaps.begin(), gaps.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  auto lines = bullets_after(*section(revisit, "summary"), "Biggest gaps");
  ASSERT_EQ(lines.size(), std::min<size_t>(5, gaps.size()));
  double previous = 1e9;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::smatch m;
    ASSERT_TRUE(std::regex_search(lines[i], m, std::regex("; ([0-9.]+) points below target"))) << lines[i];
    double gap = std::stod(m[1]);
    EXPECT_LE(gap, previous) << lines[i];
    EXPECT_NEAR(gap, gaps[i].first, 0.051) << lines[i];  // as printed, to one decimal
    previous = gap;
  }
  std::string all = fmt::format("{}", fmt::join(lines, "\n"));
  EXPECT_NE(all.find("Technology and CRM"), std::string::npos) << all;
  EXPECT_NE(all.find(". Found: "), std::string::npos) << all;
}

// A self-assessment is the retailer's own: no consultancy's name anywhere in the PDF's text or
// metadata, the retailer as author, no claim of an agreed target. An audit keeps the branding.
TEST(ReportFrom, SelfAssessmentGetsTheNeutralTemplate) {
  std::string dir = temp_dir("report-from");
  RunResult self = run_cjb({"report", kSelf, "-o", dir + "/self.pdf"});
  ASSERT_EQ(self.exit_code, 0) << self.err;
  std::string text = shell("pdftotext " + dir + "/self.pdf -");
  std::string info = shell("pdfinfo " + dir + "/self.pdf");
  ASSERT_NE(text.find("Self-assessment"), std::string::npos) << text.substr(0, 400);
  // ("agreed" alone appears in checklist items: "arrive on the agreed day".)
  for (const char* word : {"Meridian", "MERIDIAN", "Advisory", "ADVISORY", "target agreed", "agreed target", "Prepared for"}) {
    EXPECT_EQ(text.find(word), std::string::npos) << word;
    EXPECT_EQ(info.find(word), std::string::npos) << word;
  }
  Json assessment_author = run_json({"report", kSelf, "--format", "json"});
  std::string retailer = assessment_author["cover"]["title"];
  EXPECT_EQ(assessment_author["author"], retailer);
  EXPECT_NE(info.find("Author:          " + retailer), std::string::npos) << info;

  RunResult audit = run_cjb({"report", kGrocer, "-o", dir + "/audit.pdf"});
  ASSERT_EQ(audit.exit_code, 0) << audit.err;
  EXPECT_NE(shell("pdfinfo " + dir + "/audit.pdf").find("Author:          Meridian Retail Advisory"), std::string::npos);
  // --template still chooses.
  Json forced = run_json({"report", kSelf, "--format", "json", "--template", "default"});
  EXPECT_EQ(forced["author"], "Meridian Retail Advisory");
}

// One band legend, written from the model, in the report, the SVG summary and the diagram.
TEST(BandLegend, OneLegendEverywhere) {
  Json report = run_json({"report", kGrocer, "--format", "json"});
  std::vector<std::string> ranges;
  for (const auto& s : report["sections"])
    for (const auto& b : s["blocks"])
      if (b["type"] == "legend" && ranges.empty())
        for (const auto& e : b["entries"]) ranges.push_back(e["range"]);
  ASSERT_EQ(ranges.size(), 5u);
  EXPECT_EQ(ranges[0], "0–39.9");
  EXPECT_EQ(ranges[4], "90–100");
  RunResult svg = run_cjb({"report", kGrocer, "--format", "svg"});
  RunResult dot = run_cjb({"diagram", kGrocer, "--format", "dot"});
  ASSERT_EQ(dot.exit_code, 0) << dot.err;
  for (const auto& range : ranges) {
    EXPECT_NE(svg.out.find(" " + range + "<"), std::string::npos) << range;
    std::string escaped = std::regex_replace(range, std::regex("–"), "&#8211;");
    EXPECT_NE(dot.out.find(">" + escaped + "<"), std::string::npos) << range;
  }
}

// In the SVG summary, the "!" badge of a critical failure never covers the cell's figure: the
// figure's box (bold 9 px text, about 0.62 em a character) and the badge's disc are apart.
TEST(BandLegend, BadgesNeverCoverAFigure) {
  RunResult svg = run_cjb({"report", kGrocer, "--format", "svg"});
  ASSERT_EQ(svg.exit_code, 0) << svg.err;
  std::regex cell(R"re(<text x="([0-9.]+)" y="([0-9.]+)" font-size="9" font-weight="bold" text-anchor="middle" fill="#[0-9A-F]+">([^<]+)</text><circle cx="([0-9.]+)" cy="([0-9.]+)" r="([0-9.]+)")re");
  int badges = 0;
  for (auto it = std::sregex_iterator(svg.out.begin(), svg.out.end(), cell); it != std::sregex_iterator(); ++it, ++badges) {
    const std::smatch& m = *it;
    double tx = std::stod(m[1]), ty = std::stod(m[2]), half = 0.62 * 9 * static_cast<double>(m[3].str().size()) / 2;
    double bx = std::stod(m[4]), by = std::stod(m[5]), r = std::stod(m[6]);
    bool apart = bx - r >= tx + half || bx + r <= tx - half || by - r >= ty || by + r <= ty - 7;
    EXPECT_TRUE(apart) << m[0];
  }
  EXPECT_GE(badges, 2);  // the grocer has critical failures in two cells at least
}

// The KPI section names its exports by file name and period: no path, no internal document.
TEST(ReportKpis, SourcesByFileNameAndPeriod) {
  std::string contacts = source_path("examples/kpi/contacts.csv"), surveys = source_path("examples/kpi/surveys.csv");
  RunResult r = run_cjb({"report", kGrocer, "--format", "md", "--kpi", contacts, surveys});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  size_t at = r.out.find("From contacts.csv (");
  ASSERT_NE(at, std::string::npos) << r.out;
  std::string line = r.out.substr(at, r.out.find('\n', at) - at);
  EXPECT_NE(line.find("surveys.csv ("), std::string::npos) << line;
  EXPECT_TRUE(std::regex_search(line, std::regex("records of \\d{4}-\\d{2}( to \\d{4}-\\d{2})?"))) << line;
  EXPECT_EQ(r.out.find(source_dir()), std::string::npos);
  EXPECT_EQ(r.out.find("docs/"), std::string::npos);
}

std::string usage_error(std::unique_ptr<cli::Command> command, const std::vector<std::string>& args) {
  try {
    command->parse(args);
  } catch (const UsageError& e) {
    return e.what();
  }
  return "no error";
}

// Usage mistakes are refused by parse(), before any file is read.
TEST(ReportUsage, UnknownExtensionAndNegativeCountsAreRefusedInParse) {
  EXPECT_EQ(usage_error(cli::make_report(), {"a.xml", "-o", "x.docx"}),
            "report: -o x.docx: the extension '.docx' is not a report format (expected .pdf, .html, .htm, .md, .markdown, .svg or .json, or --format "
            "to write that file anyway)");
  EXPECT_EQ(usage_error(cli::make_report(), {"a.xml", "-o", "x.docx", "--format", "html"}), "no error");
  EXPECT_EQ(usage_error(cli::make_report(), {"a.xml", "-o", "report"}), "no error");
  EXPECT_EQ(usage_error(cli::make_report(), {"a.xml", "-o", "x.pdf", "--actions", "-3"}),
            "report: --actions -3 is negative (expected 0 for every action, or how many to list)");
  EXPECT_EQ(usage_error(cli::make_score(), {"a.xml", "--top", "-3"}), "score: --top -3 is negative (expected how many actions to list)");
  EXPECT_EQ(usage_error(cli::make_score(), {"a.xml", "--top", "0"}), "no error");
  RunResult docx = run_cjb({"report", kGrocer, "-o", temp_dir("report-docx") + "/x.docx"});
  EXPECT_EQ(docx.exit_code, 2);
  EXPECT_NE(docx.err.find("is not a report format"), std::string::npos) << docx.err;
}

}  // namespace
}  // namespace cjb::test
