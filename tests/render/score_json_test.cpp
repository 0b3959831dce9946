// The JSON contract (cjb.score/1) on the worked example of docs/scoring.md: values and key order.

#include "render/score_json.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/worked_example.h"

namespace cjb::render {
namespace {

using Json = nlohmann::ordered_json;

std::vector<std::string> keys(const Json& object) {
  std::vector<std::string> names;
  for (const auto& [key, value] : object.items()) names.push_back(key);
  return names;
}

class WorkedExampleJson : public ::testing::Test {
 protected:
  Catalog catalog = test::worked_example_catalog();
  Assessment assessment = test::worked_example_assessment();
  Instrument instrument = resolve_scope(catalog, assessment.scope);
  Scorecard card = score_assessment(instrument, assessment);
  std::string text = score_json(card);
  Json doc = Json::parse(text);
};

TEST_F(WorkedExampleJson, TopLevelKeysInContractOrder) {
  EXPECT_EQ(keys(doc), (std::vector<std::string>{"schema", "assessment", "critical_cap", "overall", "layers", "groups", "sections",
                                                 "channels", "items", "actions", "unanswered", "critical_failures"}));
  EXPECT_EQ(doc["schema"], "cjb.score/1");
  EXPECT_EQ(text.back(), '\n');
}

TEST_F(WorkedExampleJson, AssessmentAndCap) {
  const Json& a = doc["assessment"];
  std::vector<std::string> names = keys(a);
  std::vector<std::string> head(names.begin(), names.begin() + 5);
  EXPECT_EQ(head, (std::vector<std::string>{"id", "retailer", "site", "date", "channels"}));
  EXPECT_EQ(a["id"], "worked-example");
  EXPECT_EQ(a["date"], "2026-01-01");
  EXPECT_EQ(a["channels"], Json::parse(R"(["physical","online"])"));
  EXPECT_TRUE(doc["critical_cap"].is_number_integer());
  EXPECT_EQ(doc["critical_cap"], 40);
}

TEST_F(WorkedExampleJson, Overall) {
  const Json& o = doc["overall"];
  EXPECT_EQ(keys(o), (std::vector<std::string>{"score", "band", "target", "gap", "answered", "applicable", "completeness", "band_label"}));
  // Full precision: (2 × 66.67 … + 2 × 52.5) / 3, not a rounded 57.22.
  EXPECT_DOUBLE_EQ(o["score"].get<double>(), (200.0 / 3 + 2 * 52.5) / 3);
  EXPECT_NE(o["score"].get<double>(), 57.22);
  EXPECT_EQ(o["band"], "developing");
  EXPECT_EQ(o["band_label"], "Developing");
  EXPECT_EQ(o["target"], 75);
  EXPECT_DOUBLE_EQ(o["gap"].get<double>(), 75 - (200.0 / 3 + 2 * 52.5) / 3);
  EXPECT_EQ(o["answered"], 6);
  EXPECT_EQ(o["applicable"], 7);
  EXPECT_DOUBLE_EQ(o["completeness"].get<double>(), 6.0 / 7.0);
}

TEST_F(WorkedExampleJson, LayersAndGroups) {
  ASSERT_EQ(doc["layers"].size(), 2u);
  const Json& leadership = doc["layers"][0];
  std::vector<std::string> layer_keys = keys(leadership);
  EXPECT_EQ(std::vector<std::string>(layer_keys.begin(), layer_keys.begin() + 9),
            (std::vector<std::string>{"id", "weight", "score", "band", "target", "gap", "answered", "applicable", "completeness"}));
  EXPECT_EQ(leadership["id"], "leadership");
  EXPECT_EQ(leadership["weight"], 1);
  EXPECT_DOUBLE_EQ(leadership["score"].get<double>(), 200.0 / 3);
  EXPECT_EQ(doc["layers"][1]["id"], "journey");
  EXPECT_EQ(doc["layers"][1]["weight"], 2);
  EXPECT_DOUBLE_EQ(doc["layers"][1]["score"].get<double>(), 52.5);

  ASSERT_EQ(doc["groups"].size(), 3u);
  std::vector<std::string> group_keys = keys(doc["groups"][0]);
  EXPECT_EQ(std::vector<std::string>(group_keys.begin(), group_keys.begin() + 10),
            (std::vector<std::string>{"id", "layer", "weight", "score", "band", "target", "gap", "answered", "applicable", "completeness"}));
  EXPECT_EQ(doc["groups"][1]["id"], "research");
  EXPECT_EQ(doc["groups"][1]["layer"], "journey");
  EXPECT_DOUBLE_EQ(doc["groups"][1]["score"].get<double>(), 57.5);
  EXPECT_EQ(doc["groups"][2]["id"], "checkout");
  EXPECT_EQ(doc["groups"][2]["weight"], 2);
  EXPECT_DOUBLE_EQ(doc["groups"][2]["score"].get<double>(), 50);
  EXPECT_EQ(doc["groups"][2]["answered"], 1);
  EXPECT_EQ(doc["groups"][2]["applicable"], 2);
  EXPECT_DOUBLE_EQ(doc["groups"][2]["completeness"].get<double>(), 0.5);
}

TEST_F(WorkedExampleJson, SectionsWithNullAndCap) {
  const Json& sections = doc["sections"];
  ASSERT_EQ(sections.size(), 5u);
  std::vector<std::string> section_keys = keys(sections[0]);
  EXPECT_EQ(std::vector<std::string>(section_keys.begin(), section_keys.begin() + 6),
            (std::vector<std::string>{"group", "channel", "score", "answered", "applicable", "critical_failures"}));
  EXPECT_EQ(sections[0]["group"], "vision");
  EXPECT_EQ(sections[0]["channel"], "all");
  EXPECT_EQ(sections[2]["group"], "research");
  EXPECT_EQ(sections[2]["channel"], "online");
  EXPECT_DOUBLE_EQ(sections[2]["score"].get<double>(), 40);
  EXPECT_EQ(sections[2]["critical_failures"], Json::parse(R"(["R3"])"));
  EXPECT_EQ(sections[3]["group"], "checkout");
  EXPECT_EQ(sections[3]["channel"], "physical");
  EXPECT_TRUE(sections[3]["score"].is_null());
  EXPECT_EQ(sections[3]["answered"], 0);
  EXPECT_EQ(sections[3]["applicable"], 1);
}

TEST_F(WorkedExampleJson, Channels) {
  const Json& channels = doc["channels"];
  ASSERT_EQ(channels.size(), 2u);
  std::vector<std::string> channel_keys = keys(channels[0]);
  EXPECT_EQ(std::vector<std::string>(channel_keys.begin(), channel_keys.begin() + 3), (std::vector<std::string>{"id", "weight", "score"}));
  EXPECT_EQ(channels[0]["id"], "physical");
  EXPECT_DOUBLE_EQ(channels[0]["score"].get<double>(), 75);
  EXPECT_EQ(channels[1]["id"], "online");
  EXPECT_DOUBLE_EQ(channels[1]["score"].get<double>(), 140.0 / 3);
}

TEST_F(WorkedExampleJson, Items) {
  const Json& items = doc["items"];
  ASSERT_EQ(items.size(), 8u);
  std::vector<std::string> item_keys = keys(items[0]);
  EXPECT_EQ(std::vector<std::string>(item_keys.begin(), item_keys.begin() + 9),
            (std::vector<std::string>{"id", "group", "channel", "weight", "max_level", "critical", "status", "level", "score"}));
  EXPECT_EQ(items[1]["id"], "L2");
  EXPECT_EQ(items[1]["weight"], 2);
  EXPECT_DOUBLE_EQ(items[1]["score"].get<double>(), 50);
  const Json* r2 = nullptr;
  const Json* c1 = nullptr;
  const Json* c2 = nullptr;
  for (const auto& item : items) {
    if (item["id"] == "R2") r2 = &item;
    if (item["id"] == "C1") c1 = &item;
    if (item["id"] == "C2") c2 = &item;
  }
  ASSERT_TRUE(r2 && c1 && c2);
  EXPECT_EQ((*r2)["max_level"], 1);
  EXPECT_EQ((*r2)["level"], 1);
  EXPECT_DOUBLE_EQ((*r2)["score"].get<double>(), 100);
  EXPECT_EQ((*c1)["status"], "na");
  EXPECT_TRUE((*c1)["level"].is_null());
  EXPECT_TRUE((*c1)["score"].is_null());
  EXPECT_EQ((*c2)["status"], "unanswered");
  EXPECT_TRUE((*c2)["score"].is_null());
}

TEST_F(WorkedExampleJson, ActionsUnansweredAndFailures) {
  const Json& actions = doc["actions"];
  ASSERT_EQ(actions.size(), 4u);
  std::vector<std::string> action_keys = keys(actions[0]);
  EXPECT_EQ(std::vector<std::string>(action_keys.begin(), action_keys.begin() + 2), (std::vector<std::string>{"item", "impact"}));
  std::vector<std::string> order;
  for (const auto& a : actions) order.push_back(a["item"]);
  EXPECT_EQ(order, (std::vector<std::string>{"R3", "C3", "L2", "R1"}));
  EXPECT_NEAR(actions[0]["impact"].get<double>(), 6.6667, 1e-4);
  EXPECT_EQ(actions[0]["fix_now"], true);
  EXPECT_NEAR(actions[1]["impact"].get<double>(), 22.2222, 1e-4);
  EXPECT_EQ(actions[1]["fix_now"], false);
  EXPECT_NEAR(actions[2]["impact"].get<double>(), 11.1111, 1e-4);
  EXPECT_NEAR(actions[3]["impact"].get<double>(), 2.7778, 1e-4);
  EXPECT_EQ(doc["unanswered"], Json::parse(R"(["C2"])"));
  EXPECT_EQ(doc["critical_failures"], Json::parse(R"(["R3"])"));
}

TEST_F(WorkedExampleJson, OneLineWhenAsked) {
  std::string compact = score_json(card, {.indent = -1});
  EXPECT_EQ(compact.find('\n'), compact.size() - 1);
  EXPECT_EQ(Json::parse(compact), doc);
}

}  // namespace
}  // namespace cjb::render
