// Merging partial assessments: alike answers once, differing answers as conflicts, --prefer.

#include <gtest/gtest.h>

#include "core/merge.h"

namespace cjb {
namespace {

Assessment part(const std::string& file, const std::string& assessor) {
  Assessment a;
  a.id = "visit";
  a.subject.retailer = "Rose & Co";
  a.subject.site = "High Street";
  a.meta.assessor = assessor;
  a.meta.date = "2026-03-14";
  a.scope.model = "cjb-retail";
  a.scope.profile = "grocery";
  a.scope.channels = {"physical", "online"};
  a.where = {file, 2, 1};
  a.scope.where = {file, 5, 3};
  return a;
}

Response answer(const char* item, std::optional<int> level, const char* note = "") {
  Response r;
  r.item = item;
  r.level = level;
  r.na = !level;
  r.note = note;
  return r;
}

TEST(MergeAssessments, DisjointHalvesAndAlikeAnswersWithoutConflict) {
  Assessment ann = part("ann.xml", "Ann");
  ann.responses = {answer("A", 3, "queue of four"), answer("B", 1)};
  Assessment raj = part("raj.xml", "Raj");
  raj.responses = {answer("C", std::nullopt, "no café"), answer("A", 3, "queue of 4 at 10:00")};
  const std::vector<Assessment> parts = {ann, raj};
  MergeResult m = merge_assessments(parts, std::nullopt);
  EXPECT_TRUE(m.conflicts.empty());
  EXPECT_TRUE(m.settled.empty());
  ASSERT_EQ(m.merged.responses.size(), 3u);
  EXPECT_EQ(m.merged.responses[0].item, "A");
  EXPECT_EQ(m.merged.responses[0].note, "queue of four / queue of 4 at 10:00") << "both notes kept";
  EXPECT_EQ(m.merged.responses[2].item, "C");
  EXPECT_TRUE(m.merged.responses[2].na);
  EXPECT_EQ(m.merged.meta.assessor, "Ann, Raj");
  EXPECT_EQ(m.merged.id, "visit");
}

TEST(MergeAssessments, DifferingAnswersAreConflictsNeverGuessed) {
  Assessment ann = part("ann.xml", "Ann");
  ann.responses = {answer("A", 3), answer("B", 1), answer("D", 2)};
  Assessment raj = part("raj.xml", "Raj");
  raj.responses = {answer("A", 1, "slow"), answer("B", std::nullopt), answer("D", 2)};
  const std::vector<Assessment> parts = {ann, raj};
  MergeResult m = merge_assessments(parts, std::nullopt);
  ASSERT_EQ(m.conflicts.size(), 2u);
  EXPECT_EQ(m.conflicts[0].item, "A");
  ASSERT_EQ(m.conflicts[0].answers.size(), 2u);
  EXPECT_EQ(m.conflicts[0].answers[1].part, 1u);
  EXPECT_EQ(m.conflicts[0].answers[1].response->note, "slow");
  EXPECT_EQ(describe_answer(*m.conflicts[0].answers[0].response), "level 3");
  EXPECT_EQ(describe_answer(*m.conflicts[1].answers[1].response), "N/A");
  EXPECT_EQ(m.merged.responses.size(), 1u) << "only D, answered alike";
}

// A waiver is an answer of its own: against a level it is a conflict; the same waiver twice is
// one answer.
TEST(MergeAssessments, WaiversAreAnswersOfTheirOwn) {
  Response waived;
  waived.item = "A";
  waived.waiver = Waiver{"J. Patel", "2026-01-10", "2026-12-31", "No café in this format", {}};
  Response waived_b = waived;
  waived_b.item = "B";
  Assessment ann = part("ann.xml", "Ann");
  ann.responses = {waived, waived_b};
  Assessment raj = part("raj.xml", "Raj");
  raj.responses = {answer("A", 2), waived_b};
  const std::vector<Assessment> parts = {ann, raj};
  MergeResult m = merge_assessments(parts, std::nullopt);
  ASSERT_EQ(m.conflicts.size(), 1u);
  EXPECT_EQ(m.conflicts[0].item, "A");
  EXPECT_EQ(describe_answer(*m.conflicts[0].answers[0].response), "waived by J. Patel until 2026-12-31");
  EXPECT_EQ(describe_answer(*m.conflicts[0].answers[1].response), "level 2");
  ASSERT_EQ(m.merged.responses.size(), 1u);
  ASSERT_TRUE(m.merged.responses[0].waiver.has_value());
  EXPECT_EQ(m.merged.responses[0].waiver->justification, "No café in this format");
}

TEST(MergeAssessments, PreferSettlesOnlyWhatThePreferredPartAnswers) {
  Assessment ann = part("ann.xml", "Ann");
  ann.responses = {answer("A", 3)};
  Assessment raj = part("raj.xml", "Raj");
  raj.responses = {answer("A", 1), answer("B", 2)};
  Assessment kim = part("kim.xml", "Kim");
  kim.responses = {answer("B", 4)};
  const std::vector<Assessment> parts = {ann, raj, kim};
  MergeResult m = merge_assessments(parts, 0);
  ASSERT_EQ(m.settled.size(), 1u);
  EXPECT_EQ(m.settled[0].item, "A");
  EXPECT_EQ(*m.merged.find_response("A")->level, 3);
  ASSERT_EQ(m.conflicts.size(), 1u) << "Ann did not answer B: Raj and Kim still disagree";
  EXPECT_EQ(m.conflicts[0].item, "B");
}

TEST(MergeAssessments, AnotherSiteOrScopeIsRefusedWithWhere) {
  Assessment ann = part("ann.xml", "Ann");
  Assessment other = part("other.xml", "Raj");
  other.subject.site = "Market Square";
  try {
    const std::vector<Assessment> parts = {ann, other};
    merge_assessments(parts, std::nullopt);
    FAIL() << "merged another site";
  } catch (const InputError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u);
    EXPECT_EQ(e.diagnostics()[0].to_string(),
              "other.xml:2:1: error: this is site 'Market Square' of 'Rose & Co', but ann.xml is site 'High Street' of 'Rose & Co' "
              "(expected partial assessments of the same site)");
  }
  Assessment online = part("online.xml", "Raj");
  online.scope.channels = {"online"};
  try {
    const std::vector<Assessment> parts = {ann, online};
    merge_assessments(parts, std::nullopt);
    FAIL() << "merged another scope";
  } catch (const InputError& e) {
    EXPECT_EQ(e.diagnostics()[0].to_string(),
              "online.xml:5:3: error: its scope has channels online, but ann.xml has channels online physical "
              "(expected partial assessments of the same scope)");
  }
}

}  // namespace
}  // namespace cjb
