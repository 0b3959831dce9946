#include "core/peers.h"

#include <gtest/gtest.h>

#include "core/worked_example.h"

namespace cjb {
namespace {

TEST(Peers, MedianAndPercentileRankOfPresentScores) {
  PeerFigure f = compare_with_peers(60.0, {50.0, std::nullopt, 70.0, 60.0, 80.0});
  EXPECT_EQ(f.peers, 4);
  EXPECT_DOUBLE_EQ(*f.median, 65);  // type 7 between 60 and 70
  // (count(<60) + 0.5·count(=60)) / 4 = (1 + 0.5) / 4
  EXPECT_DOUBLE_EQ(*f.percentile_rank, 37.5);
}

TEST(Peers, NoPeersOrNoSubjectScoreGiveNulls) {
  PeerFigure none = compare_with_peers(60.0, {std::nullopt});
  EXPECT_EQ(none.peers, 0);
  EXPECT_FALSE(none.median);
  EXPECT_FALSE(none.percentile_rank);
  PeerFigure unscored = compare_with_peers(std::nullopt, {40.0, 50.0});
  EXPECT_DOUBLE_EQ(*unscored.median, 45);
  EXPECT_FALSE(unscored.percentile_rank);
}

TEST(Peers, ScorecardsByLayerAndGroup) {
  Catalog catalog = test::worked_example_catalog();
  Assessment subject = test::worked_example_assessment();
  Instrument instrument = resolve_scope(catalog, subject.scope);
  Scorecard card = score_assessment(instrument, subject);
  // A peer with everything at the top level, and the subject itself.
  Assessment better = subject;
  for (auto& r : better.responses)
    if (r.level) r.level = instrument.find(r.item)->max_level;
  Scorecard top = score_assessment(instrument, better);
  PeerComparison c = compare_with_peers(card, {&card, &top});
  EXPECT_EQ(c.peers, 2);
  EXPECT_NEAR(*c.overall.median, (*card.overall.score + *top.overall.score) / 2, 1e-9);
  EXPECT_DOUBLE_EQ(*c.overall.percentile_rank, 25);  // (0 + 0.5·1) / 2
  ASSERT_NE(c.find_group("vision"), nullptr);
  EXPECT_DOUBLE_EQ(*c.find_group("vision")->median, (200.0 / 3 + 100) / 2);
  ASSERT_NE(c.find_layer("journey"), nullptr);
  EXPECT_EQ(c.find_layer("journey")->peers, 2);
  EXPECT_EQ(c.find_group("nowhere"), nullptr);
}

}  // namespace
}  // namespace cjb
