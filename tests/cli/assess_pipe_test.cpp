// cjb assess driven through a pipe, as a script would: one answer per line on stdin.

#include <csignal>
#include <filesystem>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cli/child_process.h"
#include "support.h"
#include "xml/files.h"

namespace cjb::test {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

const std::vector<std::string> kMini{"--data-dir", "tests/data/mini"};

std::vector<std::string> args(std::vector<std::string> a) {
  a.insert(a.end(), kMini.begin(), kMini.end());
  return a;
}

RunResult assess(std::vector<std::string> a, const std::string& input) {
  a.insert(a.begin(), "assess");
  return run_cjb(args(a), input, {"SOURCE_DATE_EPOCH=1767225600"});
}

int level_of(const Assessment& a, const std::string& id) {
  const Response* r = a.find_response(id);
  return r && r->level ? *r->level : -1;
}

// The scorecard block is render::scorecard_text's, with golden tests of its own: it is cut
// out here so that these transcripts hold only what the session itself prints.
std::string without_scorecard(std::string text) {
  size_t start = text.find("Scorecard: ");
  if (start == std::string::npos) return text;
  size_t end = text.find("\nHow to reach the next level", start);
  if (end == std::string::npos) end = text.find("\nSaved ", start);
  if (end == std::string::npos) return text;
  return text.replace(start, end - start, "[the scorecard of render::scorecard_text]\n");
}

TEST(AssessPipe, TheIssueExampleStartsSavesAndQuits) {
  std::string file = temp_dir("assess-start") + "/a.xml";
  RunResult r = assess({"-o", file, "--profile", "mini-store"}, "3\n2\nn\nq\n");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
  // L-VIS-02 is a yes/no item: 2 is refused with a hint and the question asked again.
  EXPECT_THAT(r.out, HasSubstr("L-VIS-02 [0-1, n, s, b, ?]> 2\n2 is not a level of this item (expected 0 to 1)\n"));
  EXPECT_THAT(r.out, HasSubstr("Saved 2 of 48 answers to " + file + ".\nResume with: cjb assess " + file +
                               " --data-dir tests/data/mini\n"));
  Assessment a = xml::load_assessment(file);
  EXPECT_EQ(level_of(a, "L-VIS-01"), 3);
  EXPECT_TRUE(a.find_response("L-VIS-02")->na);
  EXPECT_EQ(a.responses.size(), 2u);
  EXPECT_EQ(a.scope.profile, "mini-store");
  EXPECT_EQ(a.meta.date, "2026-01-01");
  EXPECT_EQ(a.meta.method, "self-assessment");
  EXPECT_EQ(a.subject.retailer, "My shop");
  EXPECT_EQ(a.subject.site, "Store");
  EXPECT_EQ(a.id, "my-shop-store-2026-01-01");
}

TEST(AssessPipe, EveryCommandOfTheGrammarInOneSessionGolden) {
  std::string file = temp_dir("assess-grammar") + "/rose.xml";
  RunResult r = assess({"-o", file, "--profile", "mini-omnichannel", "--retailer", "Rose & Co", "--site", "High <Street>"},
                       "4\nnote Owner <b>greets</b> & serves\n1\nb\nnote added later\n?\nl\ng complaints\nwhat\n7\n"
                       "s\nn\n2\ng 1\nb\nq\n");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
  std::string transcript = r.out;
  for (size_t at; (at = transcript.find(file)) != std::string::npos;) transcript.replace(at, file.size(), "rose.xml");
  expect_golden(without_scorecard(transcript), "assess-pipe-grammar.txt");
  Assessment a = xml::load_assessment(file);
  EXPECT_EQ(a.subject.retailer, "Rose & Co");
  EXPECT_EQ(a.subject.site, "High <Street>");
  EXPECT_EQ(a.scope.channels, std::vector<std::string>{});
  EXPECT_EQ(level_of(a, "L-VIS-01"), 4);
  EXPECT_EQ(level_of(a, "L-VIS-02"), 1);
  EXPECT_EQ(a.find_response("L-VIS-02")->note, "Owner <b>greets</b> & serves\nadded later");
  EXPECT_EQ(a.find_response("J-COM-P-01"), nullptr);  // skipped
  EXPECT_TRUE(a.find_response("J-COM-P-02")->na);
  EXPECT_EQ(level_of(a, "J-COM-O-01"), 2);
  EXPECT_EQ(a.responses.size(), 4u);
}

TEST(AssessPipe, ResumeContinuesAtTheFirstUnansweredItem) {
  std::string file = temp_dir("assess-resume") + "/a.xml";
  ASSERT_EQ(assess({"-o", file, "--profile", "mini-store"}, "1\ns\n2\n").exit_code, 0);
  RunResult r = assess({file}, "1\nq\n");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
  EXPECT_THAT(r.out, HasSubstr("Welcome back: 2 of 48 items answered. Continuing at the first unanswered one"));
  EXPECT_THAT(r.out, HasSubstr("Item 2 of 48 · 4% done"));
  EXPECT_THAT(r.out, HasSubstr("Saved L-VIS-02: 1 Yes.\n"));
  Assessment a = xml::load_assessment(file);
  EXPECT_EQ(level_of(a, "L-VIS-01"), 1);
  EXPECT_EQ(level_of(a, "L-VIS-02"), 1);
  EXPECT_EQ(level_of(a, "L-ROL-01"), 2);
}

TEST(AssessPipe, ASessionThatChangesNothingLeavesTheFileAsItWas) {
  std::string file = temp_dir("assess-unchanged") + "/a.xml";
  std::string original = read_text(source_path("tests/data/mini-assessment.xml"));
  write_text(file, original);  // hand-written: a comment-free but differently laid-out file
  for (const char* input : {"q\n", "l\n?\nb\ng 3\n", ""}) {
    RunResult r = assess({file}, input);
    EXPECT_EQ(r.exit_code, 0) << input;
    EXPECT_EQ(read_text(file), original) << input;
  }
}

TEST(AssessPipe, OutputOntoTheSameAssessmentResumesAndSaysSo) {
  std::string file = temp_dir("assess-again") + "/a.xml";
  ASSERT_EQ(assess({"-o", file, "--profile", "mini-store"}, "1\n").exit_code, 0);
  RunResult r = assess({"-o", file, "--profile", "mini-store"}, "0\n");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "cjb assess: " + file + " already exists: resuming it, not starting over (a file is never overwritten)\n");
  Assessment a = xml::load_assessment(file);
  EXPECT_EQ(level_of(a, "L-VIS-01"), 1);
  EXPECT_EQ(level_of(a, "L-VIS-02"), 0);
}

TEST(AssessPipe, ChannelsInAnotherOrderAreTheSameScope) {
  std::string file = temp_dir("assess-channels") + "/a.xml";
  ASSERT_EQ(assess({"-o", file, "--channels", "physical,online"}, "1\n").exit_code, 0);
  RunResult r = assess({"-o", file, "--channels", "online physical"}, "0\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  r = assess({"-o", file, "--channels", "online"}, "0\n");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("its channels are physical,online, not online"));
}

TEST(AssessPipe, OutputOntoADifferentAssessmentIsRefused) {
  std::string file = temp_dir("assess-other") + "/a.xml";
  ASSERT_EQ(assess({"-o", file, "--profile", "mini-store"}, "1\n").exit_code, 0);
  std::string before = read_text(file);
  RunResult r = assess({"-o", file, "--profile", "mini-omnichannel", "--retailer", "Other"}, "2\n");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "cjb assess: error: " + file +
                       " already exists and differs from the options given: its profile is 'mini-store', not "
                       "'mini-omnichannel'; its retailer is 'My shop'\ncjb assess: " + file +
                       " was left untouched (resume it with cjb assess " + file + ", or choose another name with -o)\n");
  EXPECT_EQ(read_text(file), before);
}

TEST(AssessPipe, AFileThatIsNotAnAssessmentIsNeverOverwritten) {
  std::string dir = temp_dir("assess-foreign");
  std::string checklist = dir + "/leadership.xml";
  fs::copy_file(source_path("tests/data/mini/checklists/leadership.xml"), checklist);
  std::string notes = dir + "/notes.xml";
  write_text(notes, "my shopping list\n");
  for (const auto& file : {checklist, notes}) {
    std::string before = read_text(file);
    for (const auto& how : {std::vector<std::string>{file}, std::vector<std::string>{"-o", file}}) {
      RunResult r = assess(how, "3\n");
      EXPECT_EQ(r.exit_code, 2) << file;
      EXPECT_EQ(r.out, "") << file;
      EXPECT_THAT(r.err, HasSubstr("cjb assess: " + file + " was left untouched")) << file;
      EXPECT_EQ(read_text(file), before) << file;
    }
  }
  EXPECT_THAT(assess({checklist}, "").err,
              HasSubstr(checklist + ":1:1: error: this is a checklist file, not an assessment (expected an assessment started with cjb assess -o)\n"));
}

TEST(AssessPipe, AnAssessmentOfOtherChecklistsIsRefused) {
  std::string file = temp_dir("assess-foreign-items") + "/a.xml";
  std::string text = read_text(source_path("tests/data/mini-assessment.xml"));
  text.replace(text.find("L-VIS-01"), 8, "X-OTHER-1");
  write_text(file, text);
  RunResult r = assess({file}, "3\n");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_THAT(r.err, HasSubstr("error: unknown item 'X-OTHER-1' (expected an item id of the checklists in scope)\n"));
  EXPECT_THAT(r.err, HasSubstr("was left untouched: it does not match the model and checklists in use"));
  EXPECT_EQ(read_text(file), text);

  std::string other_model = temp_dir("assess-foreign-model") + "/a.xml";
  text = read_text(source_path("tests/data/mini-assessment.xml"));
  text.replace(text.find("model=\"cjb-retail\""), 18, "model=\"other\"");
  write_text(other_model, text);
  r = assess({other_model}, "3\n");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("the assessment is for model 'other', but the loaded model is 'cjb-retail'"));
  EXPECT_EQ(read_text(other_model), text);
}

TEST(AssessPipe, BadUsage) {
  std::string dir = temp_dir("assess-usage");
  RunResult r = assess({}, "");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("expected -o FILE to start an assessment or FILE to resume one"));
  r = assess({dir + "/missing.xml"}, "");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("missing.xml: no such file (expected an assessment to resume; start one with cjb assess -o "));
  r = assess({"-o", dir + "/a.xml", "--profile", "nope"}, "");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("no profile 'nope' (expected one of: mini-omnichannel, mini-store)"));
  r = assess({"-o", dir + "/a.xml", "--channels", "physical,moon"}, "");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("no channel 'moon' (expected a list of: physical, online)"));
  r = assess({"-o", dir + "/no-such-dir/a.xml"}, "");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("cannot write"));
  EXPECT_FALSE(fs::exists(dir + "/a.xml"));
}

TEST(AssessPipe, EndOfInputSavesAndSaysHowToResume) {
  std::string file = temp_dir("assess-eof") + "/a.xml";
  RunResult r = assess({"-o", file, "--channels", "online", "--profile", "mini-omnichannel"}, "2\n1");  // no final newline
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
  EXPECT_THAT(r.out, HasSubstr("\nEnd of input.\nSaved 2 of "));
  EXPECT_THAT(r.out, HasSubstr("Resume with: cjb assess "));
  Assessment a = xml::load_assessment(file);
  EXPECT_EQ(a.scope.channels, std::vector<std::string>{"online"});
  EXPECT_EQ(level_of(a, "L-VIS-02"), 1);
}

TEST(AssessPipe, ACompleteSessionEndsWithScorecardActionsAndReportCommand) {
  std::string file = temp_dir("assess-complete") + "/a.xml";
  std::string input;
  for (int i = 0; i < 48; ++i) input += i % 3 == 1 ? "n\n" : "1\n";  // 1 is a level of every scale
  RunResult r = assess({"-o", file, "--profile", "mini-store"}, input);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
  EXPECT_THAT(r.out, HasSubstr("Scorecard: My shop — Store\n"));
  EXPECT_THAT(r.out, HasSubstr("Top actions (5 of "));
  EXPECT_THAT(r.out, HasSubstr("Render the full report with:\n  cjb report " + file + " --data-dir tests/data/mini -o report.pdf\n"));
  Assessment a = xml::load_assessment(file);
  EXPECT_EQ(a.responses.size(), 48u);
  // Resuming a finished assessment shows the scorecard again at the end of the input.
  r = assess({file}, "");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.out, HasSubstr("Every one of the 48 items is answered."));
  EXPECT_THAT(r.out, HasSubstr("Scorecard: My shop — Store\n"));
}

TEST(AssessPipe, InterruptSavesAndSaysHowToResume) {
  std::string file = temp_dir("assess-sigint") + "/a.xml";
  Child child = start_cjb_piped(args({"assess", "-o", file, "--profile", "mini-store"}));
  std::string out;
  send(child, "3\n");
  ASSERT_TRUE(read_until(child, out, "L-VIS-02 [0-1, n, s, b, ?]> "));
  ::kill(child.pid, SIGINT);
  read_rest(child, out);
  EXPECT_EQ(finish(child), 0);
  EXPECT_THAT(out, HasSubstr("^C\n\nInterrupted.\nSaved 1 of 48 answers to " + file + ".\nResume with: cjb assess "));
  EXPECT_EQ(level_of(xml::load_assessment(file), "L-VIS-01"), 3);
}

TEST(AssessPipe, TerminateSavesAndSaysHowToResume) {
  std::string file = temp_dir("assess-sigterm") + "/a.xml";
  Child child = start_cjb_piped(args({"assess", "-o", file, "--profile", "mini-store"}));
  std::string out;
  ASSERT_TRUE(read_until(child, out, "L-VIS-01 [0-4, n, s, b, ?]> "));
  ::kill(child.pid, SIGTERM);
  read_rest(child, out);
  EXPECT_EQ(finish(child), 0);
  EXPECT_THAT(out, HasSubstr("^C\n\nInterrupted.\nSaved 0 of 48 answers to "));
  EXPECT_EQ(xml::load_assessment(file).responses.size(), 0u);
}

TEST(AssessPipe, AFileChangedByAnotherProgramIsNotOverwritten) {
  std::string file = temp_dir("assess-changed") + "/a.xml";
  Child child = start_cjb_piped(args({"assess", "-o", file, "--profile", "mini-store"}), true);
  std::string out;
  send(child, "3\n");
  ASSERT_TRUE(read_until(child, out, "L-VIS-02 [0-1, n, s, b, ?]> "));
  std::string theirs = read_text(file);
  theirs.replace(theirs.find("level=\"3\""), 9, "level=\"1\"");
  write_text(file, theirs);  // in place, as an editor would
  send(child, "1\n");
  read_rest(child, out);
  EXPECT_EQ(finish(child), 2);
  EXPECT_THAT(out, HasSubstr("cjb: error: " + file + " was changed or removed by another program during this session; "
                             "your last answer was not saved, and the file was left as it is"));
  EXPECT_THAT(out, Not(HasSubstr("Saved L-VIS-02")));
  EXPECT_EQ(read_text(file), theirs);
}

}  // namespace
}  // namespace cjb::test
