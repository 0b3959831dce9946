#include "diagram/journey_graph.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "support.h"
#include "xml/catalog_loader.h"
#include "xml/files.h"

namespace cjb::diagram {
namespace {

// The mini data set scored: 12 touchpoints in store, 11 online (welcome is in store only).
class MiniJourney : public ::testing::Test {
 protected:
  Catalog catalog = xml::load_catalog(test::source_path("tests/data/mini"));
  Assessment assessment = xml::load_assessment(test::source_path("tests/data/mini-assessment.xml"));

  JourneyGraph build(const JourneyOptions& options = {}) {
    instrument = resolve_scope(catalog, assessment.scope);
    card = score_assessment(instrument, assessment);
    return build_journey_graph(card, options);
  }
  void drop_response(const std::string& item) {
    std::erase_if(assessment.responses, [&](const Response& r) { return r.item == item; });
  }
  static size_t count(const JourneyGraph& graph, EdgeKind kind) {
    return std::count_if(graph.edges.begin(), graph.edges.end(), [&](const JourneyEdge& e) { return e.kind == kind; });
  }

  Instrument instrument;
  Scorecard card;
};

TEST_F(MiniJourney, OneNodePerTouchpointAndLane) {
  JourneyGraph graph = build();
  ASSERT_EQ(graph.lanes.size(), 2u);
  EXPECT_EQ(graph.lanes[0].id, "physical");
  EXPECT_EQ(graph.lanes[0].label, "In store");
  EXPECT_EQ(graph.lanes[1].id, "online");
  EXPECT_EQ(graph.lanes[0].nodes.size(), 12u);
  EXPECT_EQ(graph.lanes[1].nodes.size(), 11u);
  EXPECT_EQ(graph.nodes.size(), 23u);
  EXPECT_EQ(graph.columns.size(), 12u);
  EXPECT_EQ(graph.columns.front(), "research");
  EXPECT_EQ(graph.columns.back(), "complaints");
  EXPECT_EQ(graph.find_node("welcome@physical")->column, 2);
  EXPECT_EQ(graph.find_node("welcome@online"), nullptr);
  // The same touchpoint sits in the same column in every lane.
  EXPECT_EQ(graph.find_node("browsing@physical")->column, 3);
  EXPECT_EQ(graph.find_node("browsing@online")->column, 3);
  EXPECT_EQ(graph.title, "Mini & Co");
  EXPECT_EQ(graph.subtitle, "High Street <1> · 2026-01-15");
}

TEST_F(MiniJourney, ScoresBandsAndColours) {
  JourneyGraph graph = build();
  const JourneyNode* research = graph.find_node("research@physical");
  ASSERT_NE(research, nullptr);
  EXPECT_DOUBLE_EQ(*research->score, 25);  // (75·1 + 0·2) / 3
  EXPECT_EQ(research->score_text, "25");
  EXPECT_EQ(research->band_id, "poor");
  EXPECT_EQ(research->fill, "#D64541");
  EXPECT_EQ(research->text_colour, "#FFFFFF");
  EXPECT_EQ(research->label_lines, (std::vector<std::string>{"Background", "research"}));

  const JourneyNode* welcome = graph.find_node("welcome@physical");
  EXPECT_EQ(welcome->score_text, "58");  // 58.33
  EXPECT_EQ(welcome->band_label, "Developing");
  EXPECT_EQ(welcome->fill, "#F08A4B");

  const JourneyNode* advice = graph.find_node("advice@physical");  // one item N/A, the other at 4
  EXPECT_EQ(advice->score_text, "100");
  EXPECT_EQ(advice->band_id, "leading");
  EXPECT_EQ(advice->fill, "#2E9D5B");
}

TEST_F(MiniJourney, CriticalFailureMarker) {
  JourneyGraph graph = build();
  const JourneyNode* complaints = graph.find_node("complaints@physical");
  EXPECT_TRUE(complaints->critical_failure());
  EXPECT_EQ(complaints->critical_failures, std::vector<std::string>{"J-COM-P-01"});
  EXPECT_DOUBLE_EQ(*complaints->score, 40);  // 66.67 capped
  EXPECT_EQ(complaints->band_id, "developing");
  EXPECT_NE(complaints->tooltip.find("Critical failure: J-COM-P-01"), std::string::npos);
  // Level 1 on a critical item is not a failure.
  EXPECT_FALSE(graph.find_node("complaints@online")->critical_failure());
  EXPECT_EQ(graph.notes.front(), "! critical failure (score capped)");
}

TEST_F(MiniJourney, LowCompletenessAndNoScore) {
  drop_response("J-DEL-P-02");  // delivery in store: nothing answered now
  drop_response("J-RES-O-01");  // research online: nothing answered
  drop_response("J-ARR-O-02");  // arrival online: 1 of 2 answered (not below half)
  JourneyGraph graph = build();
  const JourneyNode* delivery = graph.find_node("delivery@physical");
  EXPECT_FALSE(delivery->score.has_value());
  EXPECT_EQ(delivery->score_text, "–");
  EXPECT_EQ(delivery->fill, kNoScoreFill);
  EXPECT_EQ(delivery->band_id, "");
  EXPECT_DOUBLE_EQ(*delivery->completeness, 0);
  EXPECT_TRUE(delivery->low_completeness);
  EXPECT_FALSE(graph.find_node("arrival@online")->low_completeness);
  EXPECT_DOUBLE_EQ(*graph.find_node("arrival@online")->completeness, 0.5);
  EXPECT_EQ(graph.legend.back().label, "Not scored");
  EXPECT_EQ(graph.notes.back(), "◔ under 50% of items answered");
}

TEST_F(MiniJourney, EdgesInJourneyOrderAndTransitionsBetweenLanes) {
  JourneyGraph graph = build();
  EXPECT_EQ(count(graph, EdgeKind::Journey), 11u + 10u);
  // Online skips welcome: arrival links straight to browsing.
  auto online_arrival = std::find_if(graph.edges.begin(), graph.edges.end(),
                                     [](const JourneyEdge& e) { return e.from == "arrival@online"; });
  ASSERT_NE(online_arrival, graph.edges.end());
  EXPECT_EQ(online_arrival->to, "browsing@online");
  ASSERT_EQ(count(graph, EdgeKind::Transition), 5u);
  const JourneyEdge& first = graph.edges[21];
  EXPECT_EQ(first.kind, EdgeKind::Transition);
  EXPECT_EQ(first.from, "research@online");
  EXPECT_EQ(first.to, "arrival@physical");
  EXPECT_EQ(first.label, "Researches online, visits the store");
  EXPECT_EQ(first.number, 1);
  EXPECT_EQ(count(graph, EdgeKind::Driver), 0u);
}

TEST_F(MiniJourney, NoTransitionsWhenOneChannelIsOutOfScope) {
  assessment.scope.profile = "mini-store";
  JourneyGraph graph = build();
  ASSERT_EQ(graph.lanes.size(), 1u);
  EXPECT_EQ(graph.nodes.size(), 12u);
  EXPECT_EQ(count(graph, EdgeKind::Transition), 0u);
  EXPECT_EQ(count(graph, EdgeKind::Journey), 11u);
}

TEST_F(MiniJourney, DriverRowsLinkWeakTouchpointsToTheirDrivers) {
  JourneyGraph graph = build({.drivers = true});
  ASSERT_EQ(graph.lanes.size(), 4u);
  EXPECT_EQ(graph.lanes[0].id, "leadership");
  EXPECT_TRUE(graph.lanes[0].drivers);
  EXPECT_EQ(graph.lanes[1].id, "enablers");
  EXPECT_EQ(graph.lanes[2].id, "physical");
  EXPECT_EQ(graph.lanes[0].nodes.size(), 5u);
  EXPECT_EQ(graph.lanes[1].nodes.size(), 7u);
  const JourneyNode* people = graph.find_node("people@all");
  ASSERT_NE(people, nullptr);
  EXPECT_EQ(people->kind, NodeKind::Driver);
  EXPECT_DOUBLE_EQ(*people->score, 25);  // levels 3 (weight 1) and 0 (weight 2)
  EXPECT_EQ(people->fill, "#D64541");

  // Every mini item names people and culture; mini-omnichannel's targets are 80 (85 for
  // complaints). Research in store (25, target 80): its weakest
  // item is J-RES-P-02 at 0. Advice in store (100) is above target: no link.
  auto linked = [&](const std::string& from, const std::string& to) {
    return std::find_if(graph.edges.begin(), graph.edges.end(), [&](const JourneyEdge& e) {
      return e.kind == EdgeKind::Driver && e.from == from && e.to == to;
    });
  };
  auto research = linked("people@all", "research@physical");
  ASSERT_NE(research, graph.edges.end());
  EXPECT_EQ(research->label, "J-RES-P-02");
  EXPECT_NE(linked("culture@all", "research@physical"), graph.edges.end());
  EXPECT_EQ(linked("people@all", "advice@physical"), graph.edges.end());
  EXPECT_EQ(linked("vision@all", "research@physical"), graph.edges.end());
  // A critical failure is the weakest item whatever the others score.
  EXPECT_EQ(linked("people@all", "complaints@physical")->label, "J-COM-P-01");
  for (const auto& e : graph.edges)
    if (e.kind == EdgeKind::Driver) {
      EXPECT_LT(*graph.find_node(e.to)->score, 80) << e.to;
    }
}

TEST_F(MiniJourney, BlankMapOfAProfile) {
  Instrument store = resolve_profile(catalog, *catalog.find_profile("mini-store"));
  JourneyGraph graph = build_blank_journey_graph(store, {.drivers = true});
  EXPECT_TRUE(graph.blank);
  EXPECT_EQ(graph.title, "Retail customer service model");
  ASSERT_EQ(graph.lanes.size(), 3u);
  EXPECT_EQ(graph.lanes[2].nodes.size(), 12u);
  for (const auto& node : graph.nodes) {
    EXPECT_FALSE(node.score.has_value());
    EXPECT_EQ(node.score_text, "");
    EXPECT_EQ(node.fill, kNoScoreFill);
  }
  EXPECT_EQ(graph.find_node("research@physical")->items, 2);
  // Without scores every item counts: each touchpoint links to people and culture.
  EXPECT_EQ(count(graph, EdgeKind::Driver), 24u);
  EXPECT_TRUE(graph.notes.empty());
  EXPECT_EQ(graph.legend.size(), 5u);
}

TEST(JourneyGraphText, WrapWords) {
  EXPECT_EQ(wrap_words("Product information and advice", 14),
            (std::vector<std::string>{"Product", "information", "and advice"}));
  EXPECT_EQ(wrap_words("Welcome", 14), std::vector<std::string>{"Welcome"});
  EXPECT_EQ(wrap_words("Extraordinarilylongword here", 5),
            (std::vector<std::string>{"Extraordinarilylongword", "here"}));
  EXPECT_EQ(wrap_words("Café crème brûlée", 10), (std::vector<std::string>{"Café crème", "brûlée"}));
  EXPECT_EQ(wrap_words("  spaced   out ", 20), std::vector<std::string>{"spaced out"});
  EXPECT_TRUE(wrap_words("", 10).empty());
}

TEST(JourneyGraphText, ScoreNeverRoundsUpAcrossABand) {
  Model model;
  model.bands = {{"low", "Low", 0, "#000000", {}}, {"high", "High", 60, "#FFFFFF", {}}};
  EXPECT_EQ(score_text(59.6, model), "59");
  EXPECT_EQ(score_text(58.6, model), "59");
  EXPECT_EQ(score_text(60.4, model), "60");
  EXPECT_EQ(score_text(66.67, model), "67");
  EXPECT_EQ(score_text(0, model), "0");
  EXPECT_EQ(score_text(100, model), "100");
}

TEST(JourneyGraphText, TextColourReadsOnTheFill) {
  EXPECT_EQ(text_colour_on("#D64541"), "#FFFFFF");
  EXPECT_EQ(text_colour_on("#2E9D5B"), "#1A1A1A");  // mid green: dark text contrasts more
  EXPECT_EQ(text_colour_on("#1F5C99"), "#FFFFFF");
  EXPECT_EQ(text_colour_on("#F5C542"), "#1A1A1A");
  EXPECT_EQ(text_colour_on("#8CC63F"), "#1A1A1A");
  EXPECT_EQ(text_colour_on("#E6E6E6"), "#1A1A1A");
  EXPECT_EQ(text_colour_on("#000000"), "#FFFFFF");
  EXPECT_EQ(text_colour_on("not a colour"), "#1A1A1A");
}

}  // namespace
}  // namespace cjb::diagram
