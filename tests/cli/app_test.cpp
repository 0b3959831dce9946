// The program shell: help, version, unknown commands, option parsing without side effects.

#include <gtest/gtest.h>

#include "cli/command.h"
#include "cli/commands.h"
#include "core/error.h"
#include "support.h"

namespace cjb::cli {
namespace {

using test::run_cjb;

TEST(App, HelpListsEveryCommand) {
  auto r = run_cjb({"--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
  for (const auto& c : commands()) EXPECT_NE(r.out.find(std::string("  ") + c.name + " "), std::string::npos) << c.name;
}

TEST(App, NoArgumentsIsBadUsage) {
  auto r = run_cjb({});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("usage: cjb"), std::string::npos);
}

TEST(App, Version) {
  auto r = run_cjb({"--version"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.rfind("cjb ", 0), 0u);
  EXPECT_EQ(r.err, "");
}

TEST(App, UnknownCommandSuggestsTheClosest) {
  auto r = run_cjb({"valdate"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "cjb: error: 'valdate' is not a cjb command (did you mean 'validate'?)\nRun 'cjb --help' for the list of commands.\n");
  EXPECT_EQ(suggest_command("xyzzy-plugh"), "");
}

TEST(App, UnknownOptionOfACommand) {
  auto r = run_cjb({"validate", "--frobnicate"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "cjb validate: unrecognised option '--frobnicate' (see 'cjb validate --help')\n");
}

TEST(App, EveryCommandHasHelpWithAnExample) {
  for (const auto& c : commands()) {
    auto r = run_cjb({c.name, "--help"});
    EXPECT_EQ(r.exit_code, 0) << c.name;
    EXPECT_EQ(r.err, "") << c.name;
    EXPECT_NE(r.out.find("usage: cjb " + std::string(c.name)), std::string::npos) << c.name;
    EXPECT_NE(r.out.find("Example:\n  cjb " + std::string(c.name)), std::string::npos) << c.name;
  }
}

TEST(CommandParsing, ParsesWithoutDoingWork) {
  // Parsing names files that do not exist: nothing is opened until run().
  auto command = make_validate();
  command->parse({"--data-dir", "/nowhere", "a.xml", "b.xml"});
  EXPECT_EQ(command->data_dir_option(), "/nowhere");
  EXPECT_FALSE(command->help_requested());
}

TEST(CommandParsing, HelpWinsOverEverythingElse) {
  auto command = make_validate();
  command->parse({"--bogus-but-ignored", "--help"});
  EXPECT_TRUE(command->help_requested());
}

TEST(CommandParsing, MissingOptionValueIsAUsageError) {
  auto command = make_validate();
  EXPECT_THROW(command->parse({"--data-dir"}), UsageError);
}

}  // namespace
}  // namespace cjb::cli
