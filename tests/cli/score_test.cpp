// cjb score on the command line: formats, golden outputs, exit codes, -o.

#include <cstdlib>
#include <filesystem>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "support.h"

namespace cjb::test {
namespace {

const std::vector<std::string> kMini = {"--data-dir", "tests/data/mini"};

std::vector<std::string> args(std::vector<std::string> first, const std::vector<std::string>& rest = kMini) {
  first.insert(first.end(), rest.begin(), rest.end());
  return first;
}

TEST(ScoreCommand, TextGolden) {
  RunResult r = run_cjb(args({"score", "tests/data/mini-assessment.xml"}));
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << "no colour in a pipe";
  expect_golden(r, "score-mini.txt");
}

TEST(ScoreCommand, JsonGolden) {
  RunResult r = run_cjb(args({"score", "tests/data/mini-assessment.xml", "--format", "json"}));
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
  auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["schema"], "cjb.score/1");
  EXPECT_EQ(doc["assessment"]["retailer"], "Mini & Co");
  expect_golden(r, "score-mini.json");
}

TEST(ScoreCommand, CsvGolden) {
  RunResult r = run_cjb(args({"score", "tests/data/mini-assessment.xml", "--format", "csv"}));
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
  expect_golden(r, "score-mini.csv");
}

TEST(ScoreCommand, MarkdownGolden) {
  RunResult r = run_cjb(args({"score", "tests/data/mini-assessment.xml", "--format", "markdown"}));
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out.find("<script>"), std::string::npos) << "a note's markup is escaped";
  EXPECT_EQ(r.out.find("<1>"), std::string::npos) << "the site's name is escaped";
  expect_golden(r, "score-mini.md");
}

TEST(ScoreCommand, OutputFileIsWrittenAndStdoutStaysEmpty) {
  std::string dir = temp_dir("score-output");
  std::string path = dir + "/mini.json";
  RunResult r = run_cjb(args({"score", "tests/data/mini-assessment.xml", "-f", "json", "-o", path}));
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "");
  RunResult to_stdout = run_cjb(args({"score", "tests/data/mini-assessment.xml", "-f", "json"}));
  EXPECT_EQ(read_text(path), to_stdout.out);
}

TEST(ScoreCommand, SameInputSameBytes) {
  RunResult a = run_cjb(args({"score", "tests/data/mini-assessment.xml", "-f", "json"}));
  RunResult b = run_cjb(args({"score", "tests/data/mini-assessment.xml", "-f", "json"}));
  EXPECT_EQ(a.out, b.out);
}

TEST(ScoreCommand, BadAssessmentExitsTwoWithLocatedMessages) {
  std::string dir = temp_dir("score-bad");
  std::string path = dir + "/bad.xml";
  write_text(path, R"(<?xml version="1.0" encoding="UTF-8"?>
<assessment id="bad">
  <subject retailer="R" site="S"/>
  <meta date="2026-01-15"/>
  <scope model="cjb-retail" profile="mini-store"/>
  <responses>
    <response item="X-NOPE-01" level="1"/>
    <response item="L-VIS-01" level="7"/>
  </responses>
</assessment>
)");
  RunResult r = run_cjb(args({"score", path}));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, path + ":7:5: error: unknown item 'X-NOPE-01' (expected an item id of the checklists in scope)\n" + path +
                       ":8:5: error: level 7 is outside the scale of item 'L-VIS-01' (expected 0 to 4)\n");
}

TEST(ScoreCommand, BadOutputLeavesNoFile) {
  std::string dir = temp_dir("score-bad-output");
  std::string bad = dir + "/bad.xml";
  write_text(bad, "<assessment id=\"x\"><subject retailer=\"R\" site=\"S\"/><meta date=\"2026-13-01\"/>"
                  "<scope model=\"cjb-retail\" profile=\"mini-store\"/><responses/></assessment>\n");
  std::string out = dir + "/out.json";
  RunResult r = run_cjb(args({"score", bad, "-f", "json", "-o", out}));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, bad + ":1:52: error: date '2026-13-01' is not a date (expected YYYY-MM-DD)\n");
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST(ScoreCommand, UsageErrors) {
  RunResult unknown = run_cjb(args({"score", "tests/data/mini-assessment.xml", "--format", "pdf"}));
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_EQ(unknown.out, "");
  EXPECT_EQ(unknown.err, "cjb score: --format 'pdf' is not known (expected text, json, csv, markdown or md)\n");
  RunResult missing = run_cjb({"score"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_EQ(missing.err, "cjb score: expected an ASSESSMENT file (see 'cjb score --help')\n");
  RunResult no_file = run_cjb(args({"score", "tests/data/no-such-file.xml"}));
  EXPECT_EQ(no_file.exit_code, 2);
  EXPECT_NE(no_file.err.find("tests/data/no-such-file.xml"), std::string::npos) << no_file.err;
}

TEST(ScoreCommand, HelpHasAnExample) {
  RunResult r = run_cjb({"score", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
  EXPECT_NE(r.out.find("usage: cjb score ASSESSMENT"), std::string::npos);
  EXPECT_NE(r.out.find("Example:\n  cjb score "), std::string::npos);
}

}  // namespace
}  // namespace cjb::test

namespace cjb::cli {
namespace {

// Runs `cjb score` in process with stdout said to be a terminal, NO_COLOR as given.
std::string score_on_a_terminal(const char* no_colour) {
  std::string saved = std::getenv("NO_COLOR") ? std::getenv("NO_COLOR") : "";
  bool had = std::getenv("NO_COLOR") != nullptr;
  if (no_colour) setenv("NO_COLOR", no_colour, 1);
  else unsetenv("NO_COLOR");
  std::ostringstream out, err;
  Context context{out, err, true, true};
  int code = run({"score", "tests/data/mini-assessment.xml", "--data-dir", "tests/data/mini"}, context);
  if (had) setenv("NO_COLOR", saved.c_str(), 1);
  else unsetenv("NO_COLOR");
  EXPECT_EQ(code, 0) << err.str();
  return out.str();
}

TEST(ScoreColour, OnlyOnATerminalAndNeverWithNoColor) {
  EXPECT_NE(score_on_a_terminal(nullptr).find("\x1b["), std::string::npos) << "a terminal gets colour";
  EXPECT_EQ(score_on_a_terminal("1").find('\x1b'), std::string::npos) << "NO_COLOR turns it off";
  // The same text apart from the colour codes.
  std::string coloured = score_on_a_terminal(nullptr), plain = score_on_a_terminal("1");
  std::string stripped;
  for (size_t i = 0; i < coloured.size(); ++i) {
    if (coloured[i] == '\x1b') {
      i = coloured.find('m', i);
      continue;
    }
    stripped += coloured[i];
  }
  EXPECT_EQ(stripped, plain);
}

}  // namespace
}  // namespace cjb::cli
