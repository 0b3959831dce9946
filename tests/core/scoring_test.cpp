#include "core/scoring.h"

#include <map>

#include <gtest/gtest.h>

#include "core/worked_example.h"

namespace cjb {
namespace {

class WorkedExample : public ::testing::Test {
 protected:
  Catalog catalog = test::worked_example_catalog();
  Assessment assessment = test::worked_example_assessment();
  Instrument instrument = resolve_scope(catalog, assessment.scope);
  Scorecard card = score_assessment(instrument, assessment);
};

TEST_F(WorkedExample, ItemScores) {
  EXPECT_DOUBLE_EQ(*card.find_item("L1")->score, 100);
  EXPECT_DOUBLE_EQ(*card.find_item("L2")->score, 50);
  EXPECT_DOUBLE_EQ(*card.find_item("R1")->score, 75);
  EXPECT_DOUBLE_EQ(*card.find_item("R2")->score, 100);
  EXPECT_DOUBLE_EQ(*card.find_item("R3")->score, 0);
  EXPECT_EQ(card.find_item("C1")->status, ItemStatus::NotApplicable);
  EXPECT_EQ(card.find_item("C2")->status, ItemStatus::Unanswered);
  EXPECT_FALSE(card.find_item("C2")->score.has_value());
}

TEST_F(WorkedExample, Sections) {
  EXPECT_NEAR(*card.find_section("vision", "all")->score, 66.6667, 1e-4);
  EXPECT_DOUBLE_EQ(*card.find_section("research", "physical")->score, 75);
  const SectionResult* online = card.find_section("research", "online");
  EXPECT_DOUBLE_EQ(*online->uncapped, 50);
  EXPECT_DOUBLE_EQ(*online->score, 40);
  EXPECT_EQ(online->critical_failures, std::vector<std::string>{"R3"});
  EXPECT_FALSE(card.find_section("checkout", "physical")->score.has_value());
  EXPECT_DOUBLE_EQ(*card.find_section("checkout", "online")->score, 50);
}

TEST_F(WorkedExample, GroupsLayersOverallChannels) {
  EXPECT_NEAR(*card.find_group("vision")->figure.score, 66.6667, 1e-4);
  EXPECT_DOUBLE_EQ(*card.find_group("research")->figure.score, 57.5);
  EXPECT_DOUBLE_EQ(*card.find_group("checkout")->figure.score, 50);
  EXPECT_NEAR(*card.find_layer("leadership")->figure.score, 66.6667, 1e-4);
  EXPECT_DOUBLE_EQ(*card.find_layer("journey")->figure.score, 52.5);
  EXPECT_NEAR(*card.overall.score, 57.2222, 1e-4);
  ASSERT_EQ(card.channels.size(), 2u);
  EXPECT_EQ(card.channels[0].id, "physical");
  EXPECT_DOUBLE_EQ(*card.channels[0].score, 75);
  EXPECT_EQ(card.channels[1].id, "online");
  EXPECT_NEAR(*card.channels[1].score, 46.6667, 1e-4);
}

TEST_F(WorkedExample, CompletenessBandTargetGap) {
  EXPECT_EQ(card.overall.answered, 6);
  EXPECT_EQ(card.overall.applicable, 7);
  EXPECT_NEAR(*card.overall.completeness, 6.0 / 7.0, 1e-12);
  ASSERT_NE(card.overall.band, nullptr);
  EXPECT_EQ(card.overall.band->id, "developing");
  EXPECT_DOUBLE_EQ(card.overall.target, 75);
  EXPECT_NEAR(*card.overall.gap, 75 - 57.2222, 1e-4);
  EXPECT_EQ(card.find_group("checkout")->figure.answered, 1);
  EXPECT_EQ(card.find_group("checkout")->figure.applicable, 2);
  EXPECT_EQ(card.unanswered, std::vector<std::string>{"C2"});
}

TEST_F(WorkedExample, ActionPlan) {
  ASSERT_EQ(card.actions.size(), 4u);
  // R3 is a critical failure: first, whatever its impact (core order_actions).
  EXPECT_EQ(card.actions[0].item, "R3");
  EXPECT_TRUE(card.actions[0].fix_now);
  EXPECT_NEAR(card.actions[0].impact, 6.6667, 1e-4);
  EXPECT_EQ(card.actions[1].item, "C3");
  EXPECT_NEAR(card.actions[1].impact, 22.2222, 1e-4);
  EXPECT_EQ(card.actions[2].item, "L2");
  EXPECT_NEAR(card.actions[2].impact, 11.1111, 1e-4);
  EXPECT_FALSE(card.actions[1].fix_now);
  EXPECT_EQ(card.actions[3].item, "R1");
  EXPECT_NEAR(card.actions[3].impact, 2.7778, 1e-4);
}

// --evidence: only the items evidenced one way are in scope; items that do not say drop out.
TEST(EvidenceFilter, ScoresOnlyTheItemsEvidencedThatWay) {
  Catalog catalog = test::worked_example_catalog();
  const std::map<std::string, EvidenceKind> kinds{{"L1", EvidenceKind::Records}, {"L2", EvidenceKind::Asked},
                                                  {"R1", EvidenceKind::Observed}, {"R3", EvidenceKind::Observed},
                                                  {"C1", EvidenceKind::Asked},    {"C2", EvidenceKind::Observed},
                                                  {"C3", EvidenceKind::Observed}};  // R2 says nothing
  for (auto& list : catalog.checklists)
    for (auto& item : list.items)
      if (auto it = kinds.find(item.id); it != kinds.end()) item.evidence_kind = it->second;
  Assessment assessment = test::worked_example_assessment();
  Instrument instrument = resolve_scope(catalog, assessment.scope);

  Scorecard observed = score_assessment(instrument, assessment, {.evidence = EvidenceKind::Observed});
  std::vector<std::string> ids;
  for (const auto& item : observed.items) ids.push_back(item.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"R1", "R3", "C2", "C3"}));
  EXPECT_EQ(observed.find_layer("leadership"), nullptr);
  EXPECT_DOUBLE_EQ(*observed.find_section("research", "physical")->score, 75);
  EXPECT_EQ(observed.find_section("research", "online")->critical_failures, std::vector<std::string>{"R3"});
  EXPECT_DOUBLE_EQ(*observed.find_section("research", "online")->score, 0);
  EXPECT_DOUBLE_EQ(*observed.find_group("research")->figure.score, 37.5);
  EXPECT_EQ(observed.unanswered, std::vector<std::string>{"C2"});
  EXPECT_EQ(observed.overall.applicable, 4);
  EXPECT_EQ(observed.overall.answered, 3);

  Scorecard records = score_assessment(instrument, assessment, {.evidence = EvidenceKind::Records});
  ASSERT_EQ(records.items.size(), 1u);
  EXPECT_DOUBLE_EQ(*records.overall.score, 100);

  Scorecard all = score_assessment(instrument, assessment);
  EXPECT_EQ(all.items.size(), 8u);

  // A profile whose scope keeps one kind narrows the instrument itself.
  Profile profile;
  profile.id = "observed-only";
  profile.model = catalog.model.id;
  profile.checklists = {"example"};
  profile.channels = {"physical", "online"};
  profile.evidence = EvidenceKind::Observed;
  Instrument narrowed = resolve_profile(catalog, profile);
  std::vector<std::string> scoped;
  for (const auto& s : narrowed.items) scoped.push_back(s.item->id);
  EXPECT_EQ(scoped, (std::vector<std::string>{"R1", "R3", "C2", "C3"}));
}

}  // namespace
}  // namespace cjb
