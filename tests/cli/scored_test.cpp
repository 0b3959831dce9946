// Bad assessments: each refused with file:line:col, what is wrong and what was expected.

#include "cli/scored.h"

#include <gtest/gtest.h>

#include "support.h"
#include "xml/catalog_loader.h"
#include "xml/files.h"

namespace cjb::cli {
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

}  // namespace
}  // namespace cjb::cli
