// cjb kpi on a pseudo-terminal: the progress line on stderr (docs/kpi.md, "Large exports").

#include <regex>

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cli/child_process.h"
#include "support.h"

namespace cjb::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// About 10.7 MB (10.2 MiB) of contacts: the progress line shows after the first 1 MiB read and again every
// 8 MiB.
std::string write_export(const std::string& dir) {
  std::string text = "id,site,channel,opened,first_response,resolved\n";
  for (int i = 0; i < 150000; ++i)
    text += fmt::format("C{:07},S{:03},email,2026-01-{:02} 09:00,2026-01-{:02} 09:30,2026-01-{:02} 17:00\n", i, i % 40, 1 + i % 28,
                        1 + i % 28, 1 + i % 28);
  std::string file = dir + "/contacts.csv";
  write_text(file, text);
  return file;
}

TEST(KpiTerminal, ProgressLineRewrittenInPlaceThenCleared) {
  std::string dir = temp_dir("kpi-tty-progress");
  std::string file = write_export(dir);
  Child child = start_cjb_on_terminal({"kpi", file, "--format", "json", "-o", dir + "/kpi.json"});
  std::string out;
  read_rest(child, out);
  EXPECT_EQ(finish(child), 0) << out;
  // "\rreading …/contacts.csv: 10% (1 of 10 MB)", then at 9 MiB "…: 90% (9 of 10 MB)".
  std::regex line("\rreading " + file + R"(: ([0-9]+)% \(([0-9]+) of 10 MB\))");
  std::vector<int> percents;
  for (auto it = std::sregex_iterator(out.begin(), out.end(), line); it != std::sregex_iterator(); ++it)
    percents.push_back(std::stoi((*it)[1]));
  ASSERT_EQ(percents.size(), 2u) << out;
  EXPECT_LT(percents[0], percents[1]);
  EXPECT_GE(percents[0], 9);
  EXPECT_LE(percents[1], 100);
  // The line is wiped before cjb ends: nothing of it is left on the screen, and nothing else is
  // written to the terminal (the figures go to the file).
  EXPECT_EQ(out.substr(out.size() - 4), "\r\x1b[K") << out;
  EXPECT_EQ(out.find('\n'), std::string::npos) << out;
  EXPECT_THAT(read_text(dir + "/kpi.json"), HasSubstr("\"contacts\": 150000"));
}

TEST(KpiTerminal, NoProgressWhenQuiet) {
  std::string dir = temp_dir("kpi-tty-quiet");
  std::string file = write_export(dir);
  Child child = start_cjb_on_terminal({"kpi", file, "--quiet", "--format", "json", "-o", dir + "/kpi.json"});
  std::string out;
  read_rest(child, out);
  EXPECT_EQ(finish(child), 0) << out;
  EXPECT_THAT(out, Not(HasSubstr("reading")));
  EXPECT_EQ(out, "");
}

}  // namespace
}  // namespace cjb::test
