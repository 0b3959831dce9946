// Bad assessments: each refused with file:line:col, what is wrong and what was expected.

#include "pipeline/scored_assessment.h"

#include <gtest/gtest.h>

#include "support.h"
#include "xml/catalog_loader.h"
#include "xml/files.h"

namespace cjb::pipeline {
namespace {

class ScoredAssessmentInput : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { catalog_ = new Catalog(xml::load_catalog(test::source_path("tests/data/mini"))); }
  static void TearDownTestSuite() {
    delete catalog_;
    catalog_ = nullptr;
  }

  // An assessment of the mini data named a.xml: the scope on line 5, responses from line 7.
  static std::string assessment(const std::string& responses, const std::string& scope = R"(<scope model="cjb-retail" profile="mini-store"/>)",
                                const std::string& date = "2026-01-15") {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<assessment id=\"t\">\n"
           "  <subject retailer=\"R\" site=\"S\"/>\n"
           "  <meta date=\"" + date + "\"/>\n"
           "  " + scope + "\n"
           "  <responses>\n" +
           responses +
           "  </responses>\n"
           "</assessment>\n";
  }

  // The message of the InputError that loading, checking and scoring the text throws; "" if none.
  static std::string problems(const std::string& text) {
    try {
      score_loaded(*catalog_, xml::parse_assessment(text, "a.xml"));
    } catch (const InputError& e) {
      return e.what();
    }
    return "";
  }

  static Catalog* catalog_;
};

Catalog* ScoredAssessmentInput::catalog_ = nullptr;

TEST_F(ScoredAssessmentInput, AGoodAssessmentScores) {
  auto scored = score_loaded(*catalog_, xml::parse_assessment(assessment("    <response item=\"L-VIS-01\" level=\"3\"/>\n"), "a.xml"));
  EXPECT_DOUBLE_EQ(*scored->card.find_item("L-VIS-01")->score, 75);
  EXPECT_EQ(scored->card.assessment, &scored->assessment);
  EXPECT_EQ(scored->card.instrument, &scored->instrument);
}

TEST_F(ScoredAssessmentInput, UnknownItem) {
  EXPECT_EQ(problems(assessment("    <response item=\"X-NOPE-01\" level=\"1\"/>\n")),
            "a.xml:7:5: error: unknown item 'X-NOPE-01' (expected an item id of the checklists in scope)");
}

TEST_F(ScoredAssessmentInput, LevelOutsideScale) {
  EXPECT_EQ(problems(assessment("    <response item=\"L-VIS-01\" level=\"5\"/>\n"
                                "    <response item=\"L-VIS-02\" level=\"2\"/>\n"
                                "    <response item=\"L-ROL-01\" level=\"-1\"/>\n")),
            "a.xml:7:5: error: level 5 is outside the scale of item 'L-VIS-01' (expected 0 to 4)\n"
            "a.xml:8:5: error: level 2 is outside the scale of item 'L-VIS-02' (expected 0 to 1)\n"
            "a.xml:9:5: error: level -1 is outside the scale of item 'L-ROL-01' (expected 0 to 4)");
}

TEST_F(ScoredAssessmentInput, TwoResponsesToOneItem) {
  EXPECT_EQ(problems(assessment("    <response item=\"L-VIS-01\" level=\"1\"/>\n"
                                "    <response item=\"L-ROL-01\" level=\"1\"/>\n"
                                "    <response item=\"L-VIS-01\" na=\"true\"/>\n")),
            "a.xml:9:5: error: a second response to item 'L-VIS-01' (expected one response per item; the first is at line 7)");
}

TEST_F(ScoredAssessmentInput, LevelAndNotApplicableTogether) {
  EXPECT_EQ(problems(assessment("    <response item=\"L-VIS-01\" level=\"1\" na=\"true\"/>\n")),
            "a.xml:7:5: error: response to 'L-VIS-01' has both a level and na=\"true\" (expected one of them)");
}

TEST_F(ScoredAssessmentInput, NeitherLevelNorNotApplicable) {
  EXPECT_EQ(problems(assessment("    <response item=\"L-VIS-01\"/>\n")),
            "a.xml:7:5: error: response to 'L-VIS-01' has no level (expected level=\"N\" or na=\"true\")");
}

TEST_F(ScoredAssessmentInput, ItemOutsideDeclaredScope) {
  // J-RES-O-01 is an online item; mini-store scores the physical channel only.
  EXPECT_EQ(problems(assessment("    <response item=\"J-RES-O-01\" level=\"1\"/>\n")),
            "a.xml:7:5: error: item 'J-RES-O-01' is outside the declared scope (expected an item of the checklists, "
            "channels and profile in <scope>)");
  // E-TEC-02 is excluded by the mini-omnichannel profile.
  EXPECT_EQ(problems(assessment("    <response item=\"E-TEC-02\" level=\"1\"/>\n",
                                R"(<scope model="cjb-retail" profile="mini-omnichannel"/>)")),
            "a.xml:7:5: error: item 'E-TEC-02' is outside the declared scope (expected an item of the checklists, "
            "channels and profile in <scope>)");
}

TEST_F(ScoredAssessmentInput, ProfileNotFound) {
  EXPECT_EQ(problems(assessment("", R"(<scope model="cjb-retail" profile="big-store"/>)")),
            "a.xml:5:3: error: profile 'big-store' cannot be found (expected one of: mini-omnichannel, mini-store)");
}

TEST_F(ScoredAssessmentInput, ChecklistNotFound) {
  EXPECT_EQ(problems(assessment("", R"(<scope model="cjb-retail" channels="physical"><checklist ref="leadership"/><checklist ref="lead"/></scope>)")),
            "a.xml:5:3: error: checklist 'lead' cannot be found (expected one of: enablers, journey-online, "
            "journey-physical, leadership)");
}

TEST_F(ScoredAssessmentInput, UnknownChannel) {
  EXPECT_EQ(problems(assessment("", R"(<scope model="cjb-retail" channels="phone"><checklist ref="leadership"/></scope>)")),
            "a.xml:5:3: error: unknown channel 'phone' (expected one of: physical, online)");
}

TEST_F(ScoredAssessmentInput, DateThatIsNotADate) {
  EXPECT_EQ(problems(assessment("", R"(<scope model="cjb-retail" profile="mini-store"/>)", "2026-02-30")),
            "a.xml:4:3: error: date '2026-02-30' is not a date (expected YYYY-MM-DD)");
  EXPECT_EQ(problems(assessment("", R"(<scope model="cjb-retail" profile="mini-store"/>)", "15/01/2026")),
            "a.xml:4:3: error: date '15/01/2026' is not a date (expected YYYY-MM-DD)");
}

TEST_F(ScoredAssessmentInput, EveryProblemOfARunIsReported) {
  EXPECT_EQ(problems(assessment("    <response item=\"X-NOPE-01\" level=\"1\"/>\n"
                                "    <response item=\"L-VIS-01\" level=\"9\"/>\n")),
            "a.xml:7:5: error: unknown item 'X-NOPE-01' (expected an item id of the checklists in scope)\n"
            "a.xml:8:5: error: level 9 is outside the scale of item 'L-VIS-01' (expected 0 to 4)");
}

TEST_F(ScoredAssessmentInput, MissingFileNamesThePath) {
  try {
    score_file(*catalog_, test::source_path("tests/data/no-such-assessment.xml"));
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("no-such-assessment.xml"), std::string::npos) << e.what();
  }
}

// check_loaded: the instrument and every problem, nothing thrown for bad responses.
TEST_F(ScoredAssessmentInput, CheckLoadedListsTheProblemsWithoutThrowing) {
  Assessment bad = xml::parse_assessment(assessment("    <response item=\"X-NOPE-01\" level=\"1\"/>\n"
                                                    "    <response item=\"L-VIS-01\" level=\"9\"/>\n"), "a.xml");
  CheckedAssessment checked = check_loaded(*catalog_, bad);
  ASSERT_EQ(checked.problems.size(), 2u);
  EXPECT_EQ(checked.problems[0].to_string(), "a.xml:7:5: error: unknown item 'X-NOPE-01' (expected an item id of the checklists in scope)");
  EXPECT_EQ(checked.problems[1].to_string(), "a.xml:8:5: error: level 9 is outside the scale of item 'L-VIS-01' (expected 0 to 4)");
  EXPECT_EQ(checked.instrument.items.size(), resolve_scope(*catalog_, bad.scope).items.size());
  EXPECT_FALSE(checked.instrument.items.empty());

  Assessment good = xml::parse_assessment(assessment("    <response item=\"L-VIS-01\" level=\"3\"/>\n"), "a.xml");
  EXPECT_TRUE(check_loaded(*catalog_, good).problems.empty());
}

TEST_F(ScoredAssessmentInput, CheckLoadedThrowsForAScopeThatCannotBeResolved) {
  Assessment lost = xml::parse_assessment(assessment("", R"(<scope model="cjb-retail" profile="big-store"/>)"), "a.xml");
  try {
    check_loaded(*catalog_, lost);
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "a.xml:5:3: error: profile 'big-store' cannot be found (expected one of: mini-omnichannel, mini-store)");
  }
}

TEST_F(ScoredAssessmentInput, CheckedInstrumentThrowsEveryProblem) {
  Assessment bad = xml::parse_assessment(assessment("    <response item=\"X-NOPE-01\" level=\"1\"/>\n"
                                                    "    <response item=\"L-VIS-02\" level=\"2\"/>\n"), "a.xml");
  try {
    checked_instrument(*catalog_, bad);
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "a.xml:7:5: error: unknown item 'X-NOPE-01' (expected an item id of the checklists in scope)\n"
                           "a.xml:8:5: error: level 2 is outside the scale of item 'L-VIS-02' (expected 0 to 1)");
  }
  Assessment good = xml::parse_assessment(assessment("    <response item=\"L-VIS-01\" level=\"3\"/>\n"), "a.xml");
  EXPECT_FALSE(checked_instrument(*catalog_, good).items.empty());
}

// The benchmark's full path: an instrument resolved once, each file checked and scored against it.
TEST_F(ScoredAssessmentInput, CheckAndScoreAgainstAResolvedInstrument) {
  Assessment good = xml::parse_assessment(assessment("    <response item=\"L-VIS-01\" level=\"3\"/>\n"), "a.xml");
  Instrument instrument = resolve_scope(*catalog_, good.scope);
  Scorecard card = check_and_score(*catalog_, instrument, good, ScoringOptions{.actions = false});
  EXPECT_DOUBLE_EQ(*card.find_item("L-VIS-01")->score, 75);
  EXPECT_TRUE(card.actions.empty());

  Assessment bad = xml::parse_assessment(assessment("    <response item=\"L-VIS-01\" level=\"5\"/>\n"), "a.xml");
  EXPECT_THROW(check_and_score(*catalog_, instrument, bad), InputError);
}

// Several files: every problem of every file in one error, in the order the files were given.
class ScoredAssessmentFiles : public ScoredAssessmentInput {
 protected:
  std::string write(const std::string& name, const std::string& text) {
    std::string path = dir_ + "/" + name;
    test::write_text(path, text);
    return path;
  }
  std::string dir_ = test::temp_dir("scored-assessment-files");
};

TEST_F(ScoredAssessmentFiles, ScoreAllScoresEveryFileInOrder) {
  std::string first = write("first.xml", assessment("    <response item=\"L-VIS-01\" level=\"3\"/>\n"));
  std::string second = write("second.xml", assessment("    <response item=\"L-VIS-01\" level=\"1\"/>\n"));
  auto scored = score_all(*catalog_, {first, second});
  ASSERT_EQ(scored.size(), 2u);
  EXPECT_DOUBLE_EQ(*scored[0]->card.find_item("L-VIS-01")->score, 75);
  EXPECT_DOUBLE_EQ(*scored[1]->card.find_item("L-VIS-01")->score, 25);
}

TEST_F(ScoredAssessmentFiles, ScoreAllAndLoadCheckedReportTheProblemsOfEveryFile) {
  std::string good = write("good.xml", assessment("    <response item=\"L-VIS-01\" level=\"3\"/>\n"));
  std::string bad = write("bad.xml", assessment("    <response item=\"L-VIS-01\" level=\"7\"/>\n"));
  std::string broken = write("broken.xml", "<assessment id=\"t\">\n  <subject");
  const std::string expected_bad = bad + ":7:5: error: level 7 is outside the scale of item 'L-VIS-01' (expected 0 to 4)";
  for (int loader = 0; loader < 2; ++loader) {
    SCOPED_TRACE(loader == 0 ? "score_all" : "load_checked");
    try {
      if (loader == 0) score_all(*catalog_, {bad, good, broken});
      else load_checked(*catalog_, {bad, good, broken});
      FAIL() << "expected an InputError";
    } catch (const InputError& e) {
      ASSERT_EQ(e.diagnostics().size(), 2u) << e.what();
      EXPECT_EQ(e.diagnostics()[0].to_string(), expected_bad);
      EXPECT_EQ(e.diagnostics()[1].where.file, broken);
    }
  }
  EXPECT_EQ(load_checked(*catalog_, {good, good}).size(), 2u);
}

}  // namespace
}  // namespace cjb::pipeline
