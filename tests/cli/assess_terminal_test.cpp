// cjb assess on a pseudo-terminal: colours, the progress bar, line editing, Ctrl-C.

#include <regex>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cli/child_process.h"
#include "support.h"
#include "xml/files.h"

namespace cjb::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const std::string kFirstPrompt = "L-VIS-01 [0-4, n, s, b, ?]> ";
const std::string kSecondPrompt = "L-VIS-02 [0-1, n, s, b, ?]> ";

Child start(const std::string& file, const std::vector<std::string>& env = {}) {
  return start_cjb_on_terminal({"assess", "-o", file, "--data-dir", "tests/data/mini", "--profile", "mini-store"}, env);
}

bool has_colour(const std::string& text) { return std::regex_search(text, std::regex("\x1b\\[[0-9;]*m")); }

TEST(AssessTerminal, ColoursAndAProgressBar) {
  std::string file = temp_dir("assess-tty-colour") + "/a.xml";
  Child child = start(file);
  std::string out;
  ASSERT_TRUE(read_until(child, out, kFirstPrompt)) << out;
  EXPECT_TRUE(has_colour(out));
  EXPECT_THAT(out, HasSubstr("░░░░░░░░░░\x1b[0m 0/48"));
  send(child, "3\r");
  ASSERT_TRUE(read_until(child, out, kSecondPrompt)) << out;
  EXPECT_THAT(out, HasSubstr("\x1b[32m✓ \x1b[0mSaved L-VIS-01: 3 Consistent."));
  EXPECT_THAT(out, HasSubstr("\x1b[32m█\x1b[0m"));  // one item of 48 fills one cell of the bar
  send(child, "q\r");
  read_rest(child, out);
  EXPECT_EQ(finish(child), 0);
  EXPECT_THAT(out, HasSubstr("Resume with: "));
}

TEST(AssessTerminal, NoColourWithNoColor) {
  std::string file = temp_dir("assess-tty-nocolour") + "/a.xml";
  Child child = start(file, {"NO_COLOR=1"});
  std::string out;
  ASSERT_TRUE(read_until(child, out, kFirstPrompt)) << out;
  send(child, "3\r");
  ASSERT_TRUE(read_until(child, out, kSecondPrompt)) << out;
  send(child, "q\r");
  read_rest(child, out);
  EXPECT_EQ(finish(child), 0);
  EXPECT_FALSE(has_colour(out)) << out;
  EXPECT_THAT(out, HasSubstr("Saved L-VIS-01: 3 Consistent."));
  EXPECT_THAT(out, HasSubstr("░"));  // the progress bar stays: it is not colour
}

TEST(AssessTerminal, LineEditingAndHistory) {
  std::string file = temp_dir("assess-tty-edit") + "/a.xml";
  Child child = start(file, {"NO_COLOR=1"});
  std::string out;
  ASSERT_TRUE(read_until(child, out, kFirstPrompt)) << out;
  // "note xy", Backspace, "z", Home, Ctrl-K wipes it all; "24", Left, Backspace leaves "4".
  send(child, "note xy\x7fz\x1b[H\x0b");
  send(child, "24\x1b[D\x7f\r");
  ASSERT_TRUE(read_until(child, out, kSecondPrompt)) << out;
  EXPECT_THAT(out, HasSubstr("Saved L-VIS-01: 4 Leading."));
  // Ctrl-U clears "0 more"; ↑ recalls "4", which is edited to "1" with Backspace.
  send(child, "0 more\x15\x1b[A\x7f" "1\r");
  ASSERT_TRUE(read_until(child, out, "L-ROL-01 [0-4, n, s, b, ?]> ")) << out;
  EXPECT_THAT(out, HasSubstr("Saved L-VIS-02: 1 Yes."));
  // A note with UTF-8: the cursor moves by characters, not bytes.
  send(child, "note caf\xc3\xa9 ok\x1b[D\x1b[D\x1b[D\x7f\xc3\xa8\r");
  ASSERT_TRUE(read_until(child, out, "Noted:")) << out;
  send(child, "2\r");
  ASSERT_TRUE(read_until(child, out, "L-ROL-02")) << out;
  send(child, "\x04");  // Ctrl-D on an empty line: the end of input
  read_rest(child, out);
  EXPECT_EQ(finish(child), 0);
  EXPECT_THAT(out, HasSubstr("End of input."));
  Assessment a = xml::load_assessment(file);
  EXPECT_EQ(a.find_response("L-VIS-01")->level, 4);
  EXPECT_EQ(a.find_response("L-VIS-01")->note, "");
  EXPECT_EQ(a.find_response("L-VIS-02")->level, 1);
  EXPECT_EQ(a.find_response("L-ROL-01")->note, "cafè ok");
}

TEST(AssessTerminal, CtrlCSavesAndSaysHowToResume) {
  std::string file = temp_dir("assess-tty-ctrlc") + "/a.xml";
  Child child = start(file);
  std::string out;
  ASSERT_TRUE(read_until(child, out, kFirstPrompt)) << out;
  send(child, "2\r");
  ASSERT_TRUE(read_until(child, out, kSecondPrompt)) << out;
  send(child, "1\x03");  // Ctrl-C in the middle of a line
  read_rest(child, out);
  EXPECT_EQ(finish(child), 0);
  EXPECT_THAT(out, HasSubstr("^C"));
  EXPECT_THAT(out, HasSubstr("Interrupted."));
  EXPECT_THAT(out, HasSubstr("Saved 1 of 48 answers to "));
  Assessment a = xml::load_assessment(file);
  EXPECT_EQ(a.find_response("L-VIS-01")->level, 2);
  EXPECT_EQ(a.find_response("L-VIS-02"), nullptr);
}

}  // namespace
}  // namespace cjb::test
