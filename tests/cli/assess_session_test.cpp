// The session state machine on inline input: every command of the grammar, without a process.

#include "cli/assess_session.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/worked_example.h"
#include "support.h"
#include "xml/catalog_loader.h"

namespace cjb::cli {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// The worked example's eight items (L1 L2 | R1 | R2 R3 | C1 C2 | C3), nothing answered yet.
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

class Session : public ::testing::Test {
 protected:
  Session() {
    assessment = test::worked_example_assessment();
    assessment.responses.clear();
    instrument = resolve_scope(catalog, assessment.scope);
  }
  AssessSession make(SessionStyle style = {}) { return AssessSession(instrument, assessment, {"a.xml", ""}, style); }
  std::string id_of_current(const AssessSession& s) const { return instrument.items[s.current()].item->id; }
  const Response* response(const std::string& id) const { return assessment.find_response(id); }

  Catalog catalog = test::worked_example_catalog();
  Assessment assessment;
  Instrument instrument;
};

TEST_F(Session, StartsAtTheFirstItemWithProgressAndLevels) {
  AssessSession s = make();
  SessionReply r = s.start();
  EXPECT_FALSE(r.done);
  EXPECT_FALSE(r.changed);
  EXPECT_THAT(r.text, HasSubstr("8 items in 3 groups."));
  EXPECT_THAT(r.text, HasSubstr("Item 1 of 8 · 0% done · Leadership › Vision\n"));
  EXPECT_THAT(r.text, HasSubstr("\nItem L1\n"));
  EXPECT_THAT(r.text, HasSubstr("  0  L0\n  1  L1\n  2  L2\n  3  L3\n  4  L4\n"));
  EXPECT_EQ(s.prompt(), "L1 [0-4, n, s, b, ?]> ");
  EXPECT_THAT(r.text, Not(HasSubstr("\x1b[")));
}

TEST_F(Session, ALevelIsSavedAndTheNextItemAsked) {
  AssessSession s = make();
  s.start();
  SessionReply r = s.handle(" 3 ");
  EXPECT_TRUE(r.changed);
  EXPECT_FALSE(r.done);
  ASSERT_NE(response("L1"), nullptr);
  EXPECT_EQ(response("L1")->level, 3);
  EXPECT_THAT(r.text, HasSubstr("Saved L1: 3 L3.\n"));
  EXPECT_THAT(r.text, HasSubstr("Item 2 of 8 · 12% done"));
  EXPECT_EQ(id_of_current(s), "L2");
}

TEST_F(Session, TheAssessorsAnswerReplacesAMeasuredLevel) {
  Response measured;
  measured.item = "L1";
  measured.level = 2;
  measured.measured = true;
  measured.observed_level = 4;
  assessment.responses.push_back(measured);
  AssessSession s = make();
  s.start();
  EXPECT_EQ(id_of_current(s), "L2");  // the first item not answered yet
  s.handle("b");
  ASSERT_EQ(id_of_current(s), "L1");
  s.handle("3");
  ASSERT_NE(response("L1"), nullptr);
  EXPECT_EQ(response("L1")->level, 3);
  EXPECT_FALSE(response("L1")->measured);
  EXPECT_FALSE(response("L1")->observed_level);
}

TEST_F(Session, NotApplicableIsSaved) {
  AssessSession s = make();
  s.start();
  SessionReply r = s.handle("N");
  EXPECT_TRUE(r.changed);
  ASSERT_NE(response("L1"), nullptr);
  EXPECT_TRUE(response("L1")->na);
  EXPECT_FALSE(response("L1")->level.has_value());
  EXPECT_THAT(r.text, HasSubstr("Saved L1: not applicable.\n"));
}

TEST_F(Session, ALevelAboveTheScaleIsAHintAndTheSameQuestion) {
  AssessSession s = make();
  s.start();
  s.handle("4");
  s.handle("4");
  s.handle("4");  // now R2, a yes/no item
  ASSERT_EQ(id_of_current(s), "R2");
  SessionReply r = s.handle("2");
  EXPECT_FALSE(r.changed);
  EXPECT_EQ(r.text, "2 is not a level of this item (expected 0 to 1)\nR2: Item R2\n");
  EXPECT_EQ(id_of_current(s), "R2");
  EXPECT_EQ(s.prompt(), "R2 [0-1, n, s, b, ?]> ");
}

TEST_F(Session, AnythingElseIsAOneLineHint) {
  AssessSession s = make();
  s.start();
  for (const char* typed : {"yes", "3 and a half", "-1", "q now", "", "   "}) {
    SessionReply r = s.handle(typed);
    EXPECT_FALSE(r.changed) << typed;
    EXPECT_FALSE(r.done) << typed;
    EXPECT_EQ(r.text.substr(r.text.find('\n') + 1), "L1: Item L1\n") << typed;
    EXPECT_EQ(id_of_current(s), "L1");
  }
  EXPECT_EQ(s.handle("yes").text,
            "'yes' is not an answer: type a level 0-4, n, s, b, note TEXT, l, g GROUP or q; ? explains them\nL1: Item L1\n");
  EXPECT_EQ(s.handle("").text.substr(0, 14), "Nothing typed:");
  EXPECT_TRUE(assessment.responses.empty());
}

TEST_F(Session, SkipLeavesTheItemUnansweredAndComesBackAfterTheLast) {
  AssessSession s = make();
  s.start();
  SessionReply r = s.handle("s");
  EXPECT_FALSE(r.changed);
  EXPECT_THAT(r.text, HasSubstr("Skipped L1 for now.\n"));
  EXPECT_EQ(response("L1"), nullptr);
  for (const char* level : {"1", "1", "1", "1", "1", "1"}) s.handle(level);
  ASSERT_EQ(id_of_current(s), "C3");
  r = s.handle("s");
  EXPECT_THAT(r.text, HasSubstr("That was the last item. 2 items are still open: here is the first one."));
  EXPECT_EQ(id_of_current(s), "L1");
  r = s.handle("2");
  EXPECT_EQ(id_of_current(s), "C3");
  r = s.handle("2");
  EXPECT_TRUE(r.done);
  EXPECT_THAT(r.text, HasSubstr("Scorecard: Example — Example\n"));
}

TEST_F(Session, BackReturnsToThePreviousItemAndAnAnswerReplacesTheOldOne) {
  AssessSession s = make();
  s.start();
  s.handle("1");
  s.handle("2");
  ASSERT_EQ(id_of_current(s), "R1");
  SessionReply r = s.handle("b");
  EXPECT_FALSE(r.changed);
  EXPECT_EQ(id_of_current(s), "L2");
  EXPECT_THAT(r.text, HasSubstr("Your answer: 2 L2\n"));
  s.handle("b");
  EXPECT_EQ(id_of_current(s), "L1");
  EXPECT_THAT(s.handle("b").text, HasSubstr("This is the first item: there is nothing before it."));
  s.handle("4");
  EXPECT_EQ(response("L1")->level, 4);
  EXPECT_EQ(assessment.responses.size(), 2u);
  EXPECT_EQ(id_of_current(s), "R1");  // on to the next unanswered item, past L2
}

TEST_F(Session, BackWithoutHistoryIsThePreviousItemInOrder) {
  assessment.responses.push_back({"L1", 1, false, "", "", {}});
  AssessSession s = make();
  s.start();
  ASSERT_EQ(id_of_current(s), "L2");
  s.handle("b");
  EXPECT_EQ(id_of_current(s), "L1");
}

TEST_F(Session, ANoteOnAnAnsweredItemIsSavedAtOnce) {
  AssessSession s = make();
  s.start();
  s.handle("3");
  s.handle("b");
  SessionReply r = s.handle("note Staff  knew\tthe <vision> & values");
  EXPECT_TRUE(r.changed);
  EXPECT_EQ(r.text, "Saved the note on L1.\n");
  EXPECT_EQ(response("L1")->note, "Staff knew the <vision> & values");
  s.handle("NOTE second");
  EXPECT_EQ(response("L1")->note, "Staff knew the <vision> & values\nsecond");
}

TEST_F(Session, ANoteOnAnUnansweredItemIsSavedWithTheAnswer) {
  AssessSession s = make();
  s.start();
  SessionReply r = s.handle("note asked two staff");
  EXPECT_FALSE(r.changed);
  EXPECT_EQ(r.text, "Noted: the note is saved with your answer to L1.\n");
  EXPECT_EQ(response("L1"), nullptr);
  s.handle("2");
  EXPECT_EQ(response("L1")->note, "asked two staff");
  EXPECT_THAT(s.handle("note").text, HasSubstr("A note needs text"));
}

TEST_F(Session, ANoteLeftWithoutAnAnswerIsReportedOnQuit) {
  AssessSession s = make();
  s.start();
  s.handle("note nothing yet");
  SessionReply r = s.handle("q");
  EXPECT_THAT(r.text, HasSubstr("Not saved: your note on L1 (it is kept only with an answer): nothing yet\n"));
}

TEST_F(Session, HelpListsTheGrammar) {
  AssessSession s = make();
  s.start();
  SessionReply r = s.handle("?");
  EXPECT_FALSE(r.changed);
  for (const char* command : {"  0-4 ", "  n ", "  s ", "  b ", "  note TEXT ", "  l ", "  g GROUP ", "  q "})
    EXPECT_THAT(r.text, HasSubstr(command));
  EXPECT_THAT(r.text, HasSubstr("resume later with: cjb assess a.xml\n"));
}

TEST_F(Session, ListShowsGroupsWithCompletenessAndWhereYouAre) {
  AssessSession s = make();
  s.start();
  s.handle("1");
  s.handle("n");
  SessionReply r = s.handle("l");
  EXPECT_FALSE(r.changed);
  EXPECT_THAT(r.text, HasSubstr("Leadership\n   1  vision    Vision"));
  EXPECT_THAT(r.text, HasSubstr("2/2\n"));
  EXPECT_THAT(r.text, HasSubstr("Customer journey\n   2  research  Research"));
  EXPECT_THAT(r.text, HasSubstr("0/3  ← you are here\n"));
  EXPECT_THAT(r.text, HasSubstr("   3  checkout  Checkout"));
}

TEST_F(Session, ANarrowTerminalCutsGroupNames) {
  catalog.model.groups[0].id = "a-very-long-group-identifier";
  catalog.model.groups[0].label = "A group name far too long for forty columns";
  for (auto& list : catalog.checklists)
    for (auto& item : list.items)
      if (item.group == "vision") item.group = "a-very-long-group-identifier";
  catalog.model.layers[0].groups = {"a-very-long-group-identifier"};
  catalog.index();
  instrument = resolve_scope(catalog, assessment.scope);
  AssessSession s = make({false, false, 40});
  s.start();
  std::string text = s.handle("l").text;
  EXPECT_THAT(text, HasSubstr("   1  a-very-long-group-identifier  A group…    0/2  ← you are here\n"));
}

TEST_F(Session, JumpGoesToTheFirstUnansweredItemOfAGroup) {
  AssessSession s = make();
  s.start();
  SessionReply r = s.handle("g checkout");
  EXPECT_FALSE(r.changed);
  EXPECT_EQ(id_of_current(s), "C1");
  EXPECT_THAT(r.text, HasSubstr("Item 6 of 8"));
  s.handle("4");
  s.handle("g 3");
  EXPECT_EQ(id_of_current(s), "C2");
  s.handle("g RES");
  EXPECT_EQ(id_of_current(s), "R1");
  s.handle("b");
  EXPECT_EQ(id_of_current(s), "C2");  // back to where the jump started
  EXPECT_EQ(s.handle("g 9").text, "No group '9' (expected a number or name from the list that l shows)\nC2: Item C2\n");
  EXPECT_EQ(s.handle("g").text, "g needs a group: g 3 or g research (l lists the groups)\nC2: Item C2\n");
  EXPECT_EQ(id_of_current(s), "C2");
}

TEST_F(Session, AnAmbiguousJumpNamesTheCandidates) {
  catalog.model.groups[2].label = "Research checkout";  // "res" now starts two names
  AssessSession s = make();
  s.start();
  EXPECT_EQ(s.handle("g res").text, "'res' matches research, checkout (type more of the name)\nL1: Item L1\n");
  EXPECT_EQ(id_of_current(s), "L1");
}

TEST_F(Session, QuitHalfWaySavesAndSaysHowToResume) {
  AssessSession s = make();
  s.start();
  s.handle("2");
  SessionReply r = s.handle("q");
  EXPECT_TRUE(r.done);
  EXPECT_FALSE(r.changed);  // the answer was saved when it was given
  EXPECT_EQ(r.text, "Saved 1 of 8 answers to a.xml.\nResume with: cjb assess a.xml\n");
  EXPECT_TRUE(s.done());
}

TEST_F(Session, QuitAtTheLastItemShowsTheScorecard) {
  AssessSession s = make();
  s.start();
  s.handle("g checkout");
  s.handle("s");
  s.handle("s");
  ASSERT_EQ(id_of_current(s), "C3");
  SessionReply r = s.handle("q");
  EXPECT_TRUE(r.done);
  EXPECT_THAT(r.text, HasSubstr("Scorecard: Example — Example\n"));
  EXPECT_THAT(r.text, HasSubstr("8 items are still unanswered. Finish them with:\n  cjb assess a.xml\n"));
  EXPECT_THAT(r.text, HasSubstr("Render the full report with:\n  cjb report a.xml -o report.pdf\n"));
}

TEST_F(Session, EndOfInputSavesAndSaysHowToResume) {
  AssessSession s = make();
  s.start();
  s.handle("1");
  SessionReply r = s.stop("End of input.");
  EXPECT_TRUE(r.done);
  EXPECT_FALSE(r.changed);
  EXPECT_EQ(r.text, "\nEnd of input.\nSaved 1 of 8 answers to a.xml.\nResume with: cjb assess a.xml\n");
}

TEST_F(Session, ResumingStartsAtTheFirstUnansweredItem) {
  assessment = test::worked_example_assessment();  // C2 is the one unanswered item
  AssessSession s = AssessSession(instrument, assessment, {"my shop.xml", " --data-dir d"});
  SessionReply r = s.start();
  EXPECT_THAT(r.text, HasSubstr("Welcome back: 7 of 8 items answered."));
  EXPECT_THAT(r.text, HasSubstr("\nAnswers are saved to my shop.xml\n"));
  EXPECT_EQ(id_of_current(s), "C2");
  r = s.handle("3");
  EXPECT_TRUE(r.done);
  EXPECT_TRUE(r.changed);
}

// The end of a session: the worked example completed with C2 at 4.
TEST_F(Session, TheEndShowsScorecardActionsAndTheReportCommand) {
  assessment = test::worked_example_assessment();
  AssessSession s = AssessSession(instrument, assessment, {"a.xml", ""});
  s.start();
  SessionReply r = s.handle("4");
  EXPECT_TRUE(r.done);
  EXPECT_THAT(r.text, HasSubstr("Saved C2: 4 L4.\n"));
  EXPECT_THAT(r.text, HasSubstr("\nOverall                                68.3  Established"));
  EXPECT_THAT(r.text, HasSubstr("Critical failures (the section scores at most 40)\n  R3  Research · Online"));
  // The critical failure first (core order_actions), then by impact.
  EXPECT_THAT(r.text, HasSubstr("Top actions (4 of 4; overall points gained by raising one item to its top level)\n"
                                "  Fix now (critical failures):\n  1. +"));
  EXPECT_THAT(r.text, HasSubstr("  Then, by impact:\n  2. +11.11  C3  Checkout · Online, level 2 (L2) → 4 (L4)\n"));
  EXPECT_THAT(r.text, HasSubstr("Render the full report with:\n  cjb report a.xml -o report.pdf\n"));
  EXPECT_THAT(r.text, Not(HasSubstr("unanswered")));
}

TEST_F(Session, AFinishedAssessmentIsReviewedInOrder) {
  assessment = test::worked_example_assessment();
  assessment.responses.push_back({"C2", 1, false, "", "", {}});
  AssessSession s = make();
  SessionReply r = s.start();
  EXPECT_THAT(r.text, HasSubstr("Every one of the 8 items is answered."));
  EXPECT_EQ(id_of_current(s), "L1");
  s.handle("3");
  EXPECT_EQ(id_of_current(s), "L2");
  EXPECT_EQ(response("L1")->level, 3);
  EXPECT_THAT(s.handle("q").text, HasSubstr("Scorecard: Example — Example\n"));
}

TEST_F(Session, ColourAndProgressBarOnlyWhenAsked) {
  AssessSession plain = make();
  EXPECT_THAT(plain.start().text, Not(HasSubstr("\x1b[")));
  AssessSession coloured = make({true, true, 80});
  std::string text = coloured.start().text;
  EXPECT_THAT(text, HasSubstr("\x1b[1mItem 1 of 8\x1b[0m"));
  EXPECT_THAT(text, HasSubstr("░░░░"));
  EXPECT_THAT(text, HasSubstr(" 0/8\n"));
  EXPECT_THAT(coloured.handle("2").text, HasSubstr("\x1b[32m✓ \x1b[0mSaved L1: 2 L2."));
}

TEST(AssessSessionText, TheQuestionLayoutOfTheMiniDataGolden) {
  Catalog catalog = xml::load_catalog(test::source_path("tests/data/mini"));
  Instrument instrument = resolve_profile(catalog, *catalog.find_profile("mini-store"));
  Assessment assessment;
  assessment.id = "rose-high-street";
  assessment.meta.date = "2026-01-01";
  assessment.meta.method = "self-assessment";
  assessment.subject.retailer = "Rose & Co";
  assessment.subject.site = "High Street";
  AssessSession s(instrument, assessment, {"rose.xml", ""});
  std::string transcript = s.start().text;
  for (const char* line : {"3", "note Tidy <window> display", "b", "l", "g complaints", "1", "q"})
  {
    transcript += s.prompt() + line + "\n";  // the prompt of the question being answered
    transcript += s.handle(line).text;
  }
  test::expect_golden(without_scorecard(transcript), "assess-session.txt");
}

TEST(CleanUserText, KeepsWordsAndDropsWhatXmlCannotHold) {
  EXPECT_EQ(clean_user_text("  café\t au\x01 lait \r\n"), "café au lait");
  EXPECT_EQ(clean_user_text("a\xff\xfe b"), "a b");
  EXPECT_EQ(clean_user_text("\xc0\xaf overlong"), "overlong");
  EXPECT_EQ(clean_user_text("\xed\xa0\x80 surrogate"), "surrogate");
  EXPECT_EQ(clean_user_text("<b> & \"q\""), "<b> & \"q\"");
  EXPECT_EQ(clean_user_text("\x7f"), "");
}

TEST(ShellQuote, QuotesOnlyWhenNeeded) {
  EXPECT_EQ(shell_quote("examples/a-1.xml"), "examples/a-1.xml");
  EXPECT_EQ(shell_quote("my shop.xml"), "'my shop.xml'");
  EXPECT_EQ(shell_quote("it's.xml"), "'it'\\''s.xml'");
  EXPECT_EQ(shell_quote(""), "''");
}

}  // namespace
}  // namespace cjb::cli
