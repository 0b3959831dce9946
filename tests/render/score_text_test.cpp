// Text, CSV and Markdown renderings of a scorecard, on the worked example.

#include <algorithm>

#include <gtest/gtest.h>

#include "core/worked_example.h"
#include "render/markdown_text.h"
#include "render/score_csv.h"
#include "render/score_markdown.h"
#include "render/scorecard_text.h"

namespace cjb::render {
namespace {

TEST(Markdown, UserTextCannotBecomeMarkupOrBreakATable) {
  EXPECT_EQ(markdown_escape("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
  EXPECT_EQ(markdown_escape("a | b"), "a \\| b");
  EXPECT_EQ(markdown_escape("*bold* _it_ [link](x) `code`"), "\\*bold\\* \\_it\\_ \\[link\\](x) \\`code\\`");
  EXPECT_EQ(markdown_escape("line\r\nbreak"), "line break");
  EXPECT_EQ(markdown_escape("Fish & chips"), "Fish &amp; chips");
  EXPECT_EQ(markdown_escape("a\tb\x1b[2J"), "a b?\\[2J");
  // An image needs "![": the bracket is escaped, so '!' (a report's critical marker) stays as is.
  EXPECT_EQ(markdown_escape("Wow! ![x](y)"), "Wow! !\\[x\\](y)");
}

TEST(Markdown, ReportTextKeepsItsLineBreaksAsBreaks) {
  EXPECT_EQ(markdown_escape("one\r\ntwo\tthree\x07", MarkdownBreak::Html), "one<br>two three?");
  EXPECT_EQ(markdown_escape("say \"hi\" & 'bye'", MarkdownBreak::Html), "say \"hi\" &amp; 'bye'");
}

class WorkedExampleRendering : public ::testing::Test {
 protected:
  Catalog catalog = test::worked_example_catalog();
  Assessment assessment = test::worked_example_assessment();
  Instrument instrument = resolve_scope(catalog, assessment.scope);
  Scorecard card = score_assessment(instrument, assessment);
};

TEST_F(WorkedExampleRendering, TextShowsTheNumbersOfTheExample) {
  std::string text = scorecard_text(card);
  EXPECT_NE(text.find("Overall                                57.2  Developing     75.0   17.8      6/7  86%"), std::string::npos) << text;
  EXPECT_NE(text.find("    Online                             40.0  Developing                      2/2 100%  critical: R3"),
            std::string::npos) << text;
  EXPECT_NE(text.find("2. +22.22  C3"), std::string::npos) << text;
  EXPECT_NE(text.find("Unanswered: 1 item in scope still needs a response: C2"), std::string::npos) << text;
  EXPECT_EQ(text.find('\x1b'), std::string::npos) << "no colour unless asked";
}

TEST_F(WorkedExampleRendering, OneChannelInScopeHasNoChannelRows) {
  assessment.scope.channels = {"online"};
  Instrument online_only = resolve_scope(catalog, assessment.scope);
  assessment.responses.erase(std::remove_if(assessment.responses.begin(), assessment.responses.end(),
                                            [&](const Response& r) { return !online_only.find(r.item); }),
                             assessment.responses.end());
  std::string text = scorecard_text(score_assessment(online_only, assessment));
  EXPECT_EQ(text.find("    Online "), std::string::npos) << text;
  EXPECT_NE(text.find("  Research                             40.0  Developing"), std::string::npos) << text;
  EXPECT_NE(text.find("critical: R3\n"), std::string::npos) << "the flag moves to the group's row";
}

TEST_F(WorkedExampleRendering, ControlCharactersFromTheFilesCannotReachTheTerminal) {
  assessment.subject.retailer = "Evil\x1b[2J\x1b]0;title\x07 Ltd";
  assessment.subject.site = "C1\xc2\x9b" "31m";  // U+009B, the one-byte CSI of some terminals
  catalog.checklists[0].items[0].text = "Item\rL1";
  catalog.index();
  std::string text = scorecard_text(score_assessment(instrument, assessment), {.colour = false});
  EXPECT_EQ(text.find('\x1b'), std::string::npos) << text;
  EXPECT_EQ(text.find('\x07'), std::string::npos);
  EXPECT_EQ(text.find('\r'), std::string::npos);
  EXPECT_EQ(text.find("\xc2\x9b"), std::string::npos);
  EXPECT_NE(text.find("Scorecard: Evil?[2J?]0;title? Ltd — C1?31m"), std::string::npos) << text;
}

TEST_F(WorkedExampleRendering, ColourOnlyWhenAsked) {
  std::string text = scorecard_text(card, {.colour = true});
  EXPECT_NE(text.find("\x1b[38;2;240;138;75mDeveloping"), std::string::npos) << "band colour #F08A4B";
  EXPECT_NE(text.find("\x1b[31m"), std::string::npos) << "critical failures in red";
}

TEST_F(WorkedExampleRendering, TopActionsAreLimited) {
  std::string text = scorecard_text(card, {.top_actions = 2});
  EXPECT_NE(text.find("Top actions (2 of 4;"), std::string::npos) << text;
  EXPECT_NE(text.find("2. +22.22  C3"), std::string::npos);  // after the critical failure R3
  EXPECT_EQ(text.find("3. +"), std::string::npos);
}

TEST_F(WorkedExampleRendering, CsvOneRowPerItem) {
  std::string csv = score_csv(card);
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "assessment,item,layer,group,channel,critical,status,level,max_level,score,weight,note,evidence");
  EXPECT_NE(csv.find("\nworked-example,L2,leadership,vision,all,no,answered,2,4,50,2,,\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\nworked-example,R3,journey,research,online,yes,answered,0,4,0,1,,\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\nworked-example,C1,journey,checkout,physical,no,na,,4,,1,,\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\nworked-example,C2,journey,checkout,physical,no,unanswered,,4,,1,,\n"), std::string::npos) << csv;
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 9);
}

TEST_F(WorkedExampleRendering, MarkdownTables) {
  std::string md = score_markdown(card);
  EXPECT_NE(md.find("| **Overall** | 57.2 | Developing | 75.0 | 17.8 | 6/7 | 86% |"), std::string::npos) << md;
  EXPECT_NE(md.find("| Research | Online | 40.0 | Developing | 2/2 | R3 |"), std::string::npos) << md;
  EXPECT_NE(md.find("| 2 | C3 | Checkout | Online | 2 → 4 | +22.22 | Item C3 |"), std::string::npos) << md;
}

}  // namespace
}  // namespace cjb::render
