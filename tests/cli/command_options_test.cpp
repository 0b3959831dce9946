// Every command's parse(): a missing argument is named as the usage line names it, every
// option value is checked before any work is done, and the allowed values a message lists
// are the command's own table (issue 13, points 5 and 6). Also `cjb help COMMAND`.

#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cli/command.h"
#include "cli/command_doc.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "core/error.h"

namespace cjb::cli {
namespace {

// The UsageError parse() throws for args, or "no error". Files named here do not exist:
// parse() must not look at them.
std::string usage_error(const char* command, const std::vector<std::string>& args) {
  for (const auto& info : commands()) {
    if (std::string(info.name) != command) continue;
    auto parsed = info.create();
    try {
      parsed->parse(args);
    } catch (const UsageError& e) {
      return e.what();
    }
    return "no error";
  }
  return std::string("no command ") + command;
}

struct Ran {
  int exit_code;
  std::string out, err;
};

Ran run_in_process(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  Context context{out, err};
  int code = run(args, context);
  return {code, out.str(), err.str()};
}

TEST(CommandOptions, AMissingArgumentIsNamedAsTheUsageLineNamesIt) {
  EXPECT_EQ(usage_error("score", {}), "score: expected an ASSESSMENT file (see 'cjb score --help')");
  EXPECT_EQ(usage_error("actions", {}), "actions: expected an ASSESSMENT file (see 'cjb actions --help')");
  EXPECT_EQ(usage_error("report", {"-o", "r.pdf"}), "report: expected an ASSESSMENT file (see 'cjb report --help')");
  EXPECT_EQ(usage_error("import", {"--into", "a.xml"}), "import: expected a SHEET file (see 'cjb import --help')");
  EXPECT_EQ(usage_error("kpi", {}), "kpi: expected an EXPORT file (see 'cjb kpi --help')");
  EXPECT_EQ(usage_error("benchmark", {}), "benchmark: expected a PATH (see 'cjb benchmark --help')");
  EXPECT_EQ(usage_error("init", {"--profile", "p"}), "init: expected -o FILE (see 'cjb init --help')");
  EXPECT_EQ(usage_error("init", {"-o", "new.xml"}), "init: expected --profile P (see 'cjb init --help')");
  EXPECT_EQ(usage_error("merge", {"a.xml", "b.xml"}), "merge: expected -o FILE (see 'cjb merge --help')");
  EXPECT_EQ(usage_error("merge", {"a.xml", "-o", "m.xml"}), "merge: expected at least two assessments to merge (got 1)");
  EXPECT_EQ(usage_error("compare", {}), "compare: 0 files given (expected two: OLD NEW)");
  EXPECT_EQ(usage_error("agree", {"a.xml"}), "agree: 1 file given (expected two audits of one visit: A B)");
  EXPECT_EQ(usage_error("diagram", {}),
            "diagram: expected an ASSESSMENT file, or --blank for the map of the model (see 'cjb diagram --help')");
  EXPECT_EQ(usage_error("export", {}), "export: give an ASSESSMENT or --profile P (expected exactly one of them)");
  EXPECT_EQ(usage_error("assess", {}),
            "assess: expected -o FILE to start an assessment or FILE to resume one (see 'cjb assess --help')");
  EXPECT_EQ(usage_error("validate", {}), "no error") << "the data directory";
}

TEST(CommandOptions, EveryFormatIsCheckedAgainstTheCommandsTable) {
  EXPECT_EQ(usage_error("score", {"a.xml", "-f", "pdf"}), "score: --format 'pdf' is not known (expected text, json, csv, markdown or md)");
  EXPECT_EQ(usage_error("agree", {"a.xml", "b.xml", "-f", "csv"}), "agree: --format 'csv' is not known (expected text or json)");
  EXPECT_EQ(usage_error("compare", {"a.xml", "b.xml", "-f", "md"}), "compare: --format 'md' is not known (expected text, json, csv or html)");
  EXPECT_EQ(usage_error("kpi", {"c.csv", "-f", "pdf"}), "kpi: --format 'pdf' is not known (expected text, json, csv or html)");
  EXPECT_EQ(usage_error("actions", {"a.xml", "-f", "pdf"}), "actions: --format 'pdf' is not known (expected csv, xlsx, markdown, md or json)");
  EXPECT_EQ(usage_error("report", {"a.xml", "-f", "docx"}), "report: --format 'docx' is not known (expected pdf, html, markdown, md, svg or json)");
  EXPECT_EQ(usage_error("diagram", {"a.xml", "-f", "jpeg"}), "diagram: --format 'jpeg' is not known (expected svg, pdf, png or dot)");
  EXPECT_EQ(usage_error("export", {"--profile", "p", "--format", "ods"}), "export: --format 'ods' is not known (expected csv or xlsx)");
  EXPECT_EQ(usage_error("benchmark", {"audits", "-f", "xlsx"}), "benchmark: --format 'xlsx' is not known (expected text, json, csv, html, pdf or svg)");
}

// A usage line that lists the formats lists the command's table, in its order; so do --help,
// the man page and the completion (tests/cli/command_doc_test.cpp), which read the option.
TEST(CommandOptions, UsageLinesListTheFormatsOfTheTable) {
  int listed = 0;
  for (const auto& doc : describe_commands()) {
    std::smatch match;
    if (!std::regex_search(doc.usage, match, std::regex(R"(--format ([a-z|]+))"))) continue;
    ++listed;
    for (const auto& o : doc.options) {
      if (o.long_name == "format") {
        EXPECT_EQ(match[1].str(), text::join(o.choices, "|")) << doc.name;
      }
    }
  }
  EXPECT_EQ(listed, 7) << "score, actions, export, compare, agree, benchmark, kpi";
}

TEST(CommandOptions, MarkdownIsMdOrMarkdownWhereverMarkdownIsWritten) {
  for (const char* command : {"score", "actions", "report"}) {
    for (const char* name : {"md", "markdown"}) EXPECT_EQ(usage_error(command, {"a.xml", "--format", name}), "no error") << command << " " << name;
    EXPECT_EQ(usage_error(command, {"a.xml", "-o", "a.md"}), "no error") << command;
    EXPECT_EQ(usage_error(command, {"a.xml", "-o", "a.markdown", "-f", "md"}), "no error") << command;
  }
  FormatTable table{{"text"}, {"markdown"}, {"md", nullptr, {}, kMarkdown}};
  EXPECT_EQ(table.find("md"), kMarkdown);
  EXPECT_EQ(table.find("markdown"), kMarkdown);
  EXPECT_EQ(table.find("html"), std::nullopt);
  EXPECT_EQ(table.names(), "text, markdown or md");
}

TEST(CommandOptions, OptionValuesAreCheckedInParse) {
  EXPECT_EQ(usage_error("score", {"a.xml", "--top", "-1"}), "score: --top -1 is negative (expected how many actions to list)");
  EXPECT_EQ(usage_error("score", {"a.xml", "--evidence", "hearsay"}), "score: unknown evidence kind 'hearsay' (expected observed, asked or records)");
  EXPECT_EQ(usage_error("report", {"a.xml", "--evidence", "rumour"}), "report: unknown evidence kind 'rumour' (expected observed, asked or records)");
  EXPECT_EQ(usage_error("report", {"a.xml", "--paper", "a5"}), "report: --paper 'a5' is not known (expected a4 or letter)");
  EXPECT_EQ(usage_error("agree", {"a.xml", "b.xml", "--top", "-2"}), "agree: --top -2 is negative (expected 0 or more)");
  EXPECT_EQ(usage_error("kpi", {"c.csv", "--by", "week"}), "kpi: --by 'week' is not a field (expected site, channel or month)");
  EXPECT_EQ(usage_error("kpi", {"c.csv", "--apply", "a.xml", "--by", "site"}),
            "kpi: --apply writes the assessment, not the figures (expected no --format or --by with it)");
  EXPECT_EQ(usage_error("kpi", {"c.csv", "--tz", "Mars/Olympus"}),
            "kpi: --tz 'Mars/Olympus' is not a time zone (expected an IANA name such as Europe/Amsterdam or America/New_York)");
  EXPECT_EQ(usage_error("export", {"--profile", "p", "--sheets", "page"}), "export: --sheets 'page' is not known (expected layer or channel)");
  EXPECT_EQ(usage_error("export", {"--profile", "p", "--format", "csv", "-o", "s.xlsx"}),
            "export: --format csv does not fit the file name s.xlsx (expected a .csv file)");
  EXPECT_EQ(usage_error("import", {"s.csv", "--into", "a.xml", "--delimiter", "pipe"}),
            "import: --delimiter 'pipe' is not a separator (expected comma, semicolon or tab)");
  EXPECT_EQ(usage_error("import", {"s.csv", "--profile", "p"}), "import: a new assessment needs --retailer, --site, --date, -o (or use --into ASSESSMENT)");
  EXPECT_EQ(usage_error("import", {"s.csv", "--profile", "p", "--retailer", "R", "--site", "S", "--date", "14/03/2026", "-o", "n.xml"}),
            "import: --date '14/03/2026' is not a date (expected YYYY-MM-DD)");
  EXPECT_EQ(usage_error("merge", {"a.xml", "b.xml", "-o", "m.xml", "--prefer", "c.xml"}),
            "merge: --prefer c.xml is not one of the assessments merged (expected one of: a.xml, b.xml)");
  EXPECT_EQ(usage_error("diagram", {"a.xml", "--blank"}), "diagram: give an ASSESSMENT or --blank, not both (see 'cjb diagram --help')");
  EXPECT_EQ(usage_error("diagram", {"a.xml", "--profile", "p"}), "diagram: --profile goes with --blank; an assessment names its own profile");
  EXPECT_EQ(usage_error("assess", {"a.xml", "-o", "b.xml"}), "assess: give either -o FILE (start) or FILE (resume), not both (see 'cjb assess --help')");
  EXPECT_EQ(usage_error("assess", {"-o", "b.xml", "--retailer", " "}), "assess: --retailer and --site need a name (expected text such as --retailer 'Rose & Co')");
  EXPECT_EQ(usage_error("benchmark", {"audits", "--period", "week"}), "benchmark: --period 'week' is not known (expected month, quarter or year)");
  EXPECT_EQ(usage_error("benchmark", {"audits", "--jobs", "2000"}), "benchmark: --jobs 2000 is out of range (expected 1 to 1024, or 0 for every core)");
  EXPECT_EQ(usage_error("validate", {"--frobnicate"}), "validate: unrecognised option '--frobnicate' (see 'cjb validate --help')");
}

TEST(CommandOptions, AnOutputExtensionNamesTheFormatOrIsRefused) {
  EXPECT_EQ(usage_error("actions", {"a.xml", "-o", "p.docx"}),
            "actions: -o p.docx: the extension '.docx' is not an action plan format (expected .csv, .xlsx, .md, .markdown or .json, or "
            "--format to write that file anyway)");
  EXPECT_EQ(usage_error("actions", {"a.xml", "-o", "p.docx", "-f", "csv"}), "no error");
  EXPECT_EQ(usage_error("diagram", {"a.xml", "-o", "map"}),
            "diagram: -o map: the name has no extension to tell the format by (expected .svg, .pdf, .png, .dot or .gv, or --format)");
  EXPECT_EQ(usage_error("benchmark", {"audits", "-o", "league.txt"}), "no error") << "text, when the extension names no format";
  EXPECT_EQ(usage_error("benchmark", {"audits", "-o", "league.pdf"}), "no error");
  EXPECT_EQ(usage_error("benchmark", {"audits", "--format", "pdf"}), "benchmark: --format pdf needs -o FILE (a PDF is not written to a terminal)");
}

TEST(CommandOptions, HelpCommandIsCommandHelp) {
  for (const auto& info : commands()) {
    Ran help = run_in_process({"help", info.name});
    Ran option = run_in_process({info.name, "--help"});
    EXPECT_EQ(help.exit_code, 0) << info.name;
    EXPECT_EQ(help.err, "") << info.name;
    EXPECT_EQ(help.out, option.out) << info.name;
    EXPECT_EQ(help.out.rfind(std::string("usage: cjb ") + info.name, 0), 0u) << info.name;
  }
  Ran help = run_in_process({"help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_EQ(help.out, run_in_process({"--help"}).out);
  EXPECT_NE(help.out.find("Run 'cjb help COMMAND' or 'cjb COMMAND --help'"), std::string::npos);
  Ran unknown = run_in_process({"help", "scroe"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_EQ(unknown.out, "");
  EXPECT_EQ(unknown.err, "cjb: error: 'scroe' is not a cjb command (did you mean 'score'?)\nRun 'cjb --help' for the list of commands.\n");
}

}  // namespace
}  // namespace cjb::cli
