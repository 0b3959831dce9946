// The options every command shares (--quiet, --data-dir, --help; --color on the commands that
// colour) and `cjb --version`.

#include <cstdlib>
#include <regex>

#include <gtest/gtest.h>

#include "cli/command.h"
#include "cli/commands.h"
#include "cli/version.h"
#include "core/error.h"
#include "support.h"

namespace cjb::cli {
namespace {

using test::run_cjb;
using test::source_path;

TEST(SharedOptions, EveryCommandTakesQuietAndDataDir) {
  for (const auto& info : commands()) {
    auto command = info.create();
    EXPECT_FALSE(command->quiet()) << info.name;
    // --help short-circuits parsing, so the shared options are parsed here with a value each.
    try {
      command->parse({"--quiet", "--data-dir", "/d"});
    } catch (const UsageError& e) {
      // Commands with required arguments complain about those, never about the shared options.
      EXPECT_EQ(std::string(e.what()).find("unrecognised"), std::string::npos) << info.name << ": " << e.what();
      continue;
    }
    EXPECT_TRUE(command->quiet()) << info.name;
    EXPECT_EQ(command->data_dir_option(), "/d") << info.name;
  }
  auto command = make_score();
  command->parse({"-q", "a.xml"});
  EXPECT_TRUE(command->quiet());
}

TEST(SharedOptions, ColorOnlyOnCommandsThatColour) {
  for (const auto& info : commands()) {
    auto command = info.create();
    std::string help = command->help_text();
    EXPECT_NE(help.find("-q [ --quiet ]"), std::string::npos) << info.name;
    EXPECT_EQ(help.find("--color WHEN") != std::string::npos, command->colours()) << info.name;
  }
  EXPECT_TRUE(make_score()->colours());
  EXPECT_TRUE(make_assess()->colours());
  EXPECT_FALSE(make_validate()->colours());
  auto r = run_cjb({"validate", "--color=never"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "cjb validate: unrecognised option '--color=never' (see 'cjb validate --help')\n");
}

TEST(SharedOptions, ColorChoices) {
  auto parsed = [](std::vector<std::string> args) {
    auto command = make_score();
    args.push_back("a.xml");
    command->parse(args);
    return command;
  };
  unsetenv("NO_COLOR");
  EXPECT_TRUE(parsed({})->colour(true)) << "auto: a terminal";
  EXPECT_FALSE(parsed({})->colour(false)) << "auto: not a terminal";
  EXPECT_TRUE(parsed({"--color=always"})->colour(false));
  EXPECT_FALSE(parsed({"--color", "never"})->colour(true));
  setenv("NO_COLOR", "1", 1);
  EXPECT_FALSE(parsed({})->colour(true)) << "NO_COLOR turns auto off";
  EXPECT_FALSE(parsed({"--color=auto"})->colour(true));
  EXPECT_TRUE(parsed({"--color=always"})->colour(true)) << "an explicit --color=always wins over NO_COLOR";
  setenv("NO_COLOR", "", 1);
  EXPECT_TRUE(parsed({})->colour(true)) << "an empty NO_COLOR is not set";
  unsetenv("NO_COLOR");
  try {
    parsed({"--color=sometimes"});
    FAIL() << "--color=sometimes accepted";
  } catch (const UsageError& e) {
    EXPECT_EQ(std::string(e.what()), "score: --color 'sometimes' is not known (expected auto, always or never)");
  }
}

TEST(SharedOptions, ColorAlwaysColoursAPipe) {
  std::string file = source_path("examples/grocer-omnichannel.xml");
  auto plain = run_cjb({"score", file});
  auto always = run_cjb({"score", file, "--color=always"});  // run_cjb sets NO_COLOR=1
  EXPECT_EQ(plain.out.find('\x1b'), std::string::npos);
  EXPECT_NE(always.out.find("\x1b["), std::string::npos);
  EXPECT_EQ(std::regex_replace(always.out, std::regex("\x1b\\[[0-9;]*m"), ""), plain.out);
}

TEST(SharedOptions, QuietLeavesOnlyProblemsAndOutput) {
  auto loud = run_cjb({"validate"});
  auto quiet = run_cjb({"validate", "--quiet"});
  EXPECT_EQ(loud.exit_code, 0);
  EXPECT_NE(loud.out.find("ok: "), std::string::npos);
  EXPECT_EQ(quiet.exit_code, 0);
  EXPECT_EQ(quiet.out, "");
  EXPECT_EQ(quiet.err, "");
  auto bad = run_cjb({"validate", "-q", source_path("tests/data/mini-assessment.xml"), "--data-dir", "/nowhere"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err, "") << "problems are still reported";
}

TEST(SharedOptions, QuietDropsTheNotesOfImport) {
  std::string dir = test::temp_dir("quiet-import");
  ASSERT_EQ(run_cjb({"export", "--profile", "small-independent", "-o", dir + "/sheet.csv"}).exit_code, 0);
  std::vector<std::string> import = {"import", dir + "/sheet.csv", "--profile", "small-independent", "--retailer", "R",
                                     "--site", "S", "--date", "2026-01-01", "-o"};
  auto args = import;
  args.push_back(dir + "/loud.xml");
  auto loud = run_cjb(args);
  EXPECT_EQ(loud.exit_code, 0);
  EXPECT_NE(loud.err, "") << "a note of what was read";
  args = import;
  args.push_back(dir + "/quiet.xml");
  args.push_back("--quiet");
  auto quiet = run_cjb(args);
  EXPECT_EQ(quiet.exit_code, 0);
  EXPECT_EQ(quiet.err, "");
  EXPECT_EQ(test::read_text(dir + "/quiet.xml").size(), test::read_text(dir + "/loud.xml").size()) << "the same work, done quietly";
}

TEST(Version, NamesTheCommitAndEveryLibrary) {
  auto r = run_cjb({"--version"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out.rfind("cjb " + version() + "\ncommit ", 0), 0u) << r.out;
  EXPECT_EQ(r.out, version_text());
  EXPECT_NE(build_commit(), "");
  for (const char* library : {"fmt", "pugixml", "Boost", "cairo", "pango", "Graphviz", "libcsv", "nlohmann_json"})
    EXPECT_TRUE(std::regex_search(r.out, std::regex(std::string("\n") + library + " [0-9]+\\.[0-9]+(\\.[0-9]+)?\n"))) << library << "\n"
                                                                                                                 << r.out;
  EXPECT_EQ(run_cjb({"-V"}).out, r.out);
}

}  // namespace
}  // namespace cjb::cli
