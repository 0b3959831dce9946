#include "core/peers.h"

#include <gtest/gtest.h>

#include "core/worked_example.h"

namespace cjb {
namespace {

TEST(Peers, MedianAndPercentileRankOfPresentScores) {
  PeerFigure f = compare_with_peers(60.0, {50.0, std::nullopt, 70.0, 60.0, 80.0, 90.0});
  EXPECT_EQ(f.peers, 5);
  EXPECT_DOUBLE_EQ(*f.median, 70);
  // (count(<60) + 0.5·count(=60)) / 5 = (1 + 0.5) / 5
  EXPECT_DOUBLE_EQ(*f.percentile_rank, 30);
}

TEST(Peers, FewerThanFivePeersGiveAMedianButNoRank) {
  PeerFigure f = compare_with_peers(60.0, {50.0, std::nullopt, 70.0, 60.0, 80.0});
  EXPECT_EQ(f.peers, 4);
  EXPECT_DOUBLE_EQ(*f.median, 65);  // type 7 between 60 and 70
  EXPECT_FALSE(f.percentile_rank.has_value());
  EXPECT_EQ(peer_rank_text(3, std::nullopt), "too few peers to rank (n = 3)");
  EXPECT_EQ(peer_rank_text(0, std::nullopt), "no peers");
  EXPECT_EQ(peer_rank_text(5, 30.0), "30%");
  EXPECT_EQ(peer_rank_text(5, std::nullopt, false), "–");
}

TEST(Peers, SelectionLeavesOutTheOwnSiteAndOtherScopesAndCountsThem) {
  std::vector<PeerKey> candidates{{"S1", "profile:a|channels:physical"}, {"S2", "profile:a|channels:physical"},
                                  {"S1", "profile:b|channels:physical"}, {"S3", "profile:a|channels:physical,web"},
                                  {"S4", "profile:b|channels:physical"}, {"S5", "profile:a|channels:physical"}};
  PeerSelection s = select_peers({"S1", "profile:a|channels:physical"}, candidates);
  EXPECT_EQ(s.peers, (std::vector<size_t>{1, 5}));
  EXPECT_EQ(s.own_site, 2);     // whatever their scope
  EXPECT_EQ(s.other_scope, 2);  // another profile, or the same profile with other channels
  EXPECT_EQ(s.note(), "2 visits of the subject's own site and 2 assessments of another scope left out");
  EXPECT_EQ(select_peers({"S9", "x"}, {{"S8", "x"}}).note(), "");
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
  subject.subject.site_id = "HOME";
  Instrument instrument = resolve_scope(catalog, subject.scope);
  Scorecard card = score_assessment(instrument, subject);
  EXPECT_EQ(peer_key(card).site, subject.subject.retailer + "\nHOME");
  EXPECT_EQ(peer_key(card).scope, scope_key(instrument));
  // Five peers with everything at the top level, and the subject's own site twice (itself and
  // another visit): never its own peers.
  Assessment better = subject;
  for (auto& r : better.responses)
    if (r.level) r.level = instrument.find(r.item)->max_level;
  std::vector<Assessment> others(5, better);
  for (size_t i = 0; i < others.size(); ++i) others[i].subject.site_id = "P" + std::to_string(i);
  std::vector<Scorecard> cards;
  cards.reserve(others.size() + 1);
  for (const auto& o : others) cards.push_back(score_assessment(instrument, o));
  cards.push_back(score_assessment(instrument, better));  // site HOME, another visit
  std::vector<const Scorecard*> candidates{&card};
  for (const auto& c : cards) candidates.push_back(&c);
  PeerComparison c = compare_with_peers(card, candidates);
  EXPECT_EQ(c.peers, 5);
  EXPECT_EQ(c.selection.own_site, 2);
  EXPECT_NEAR(*c.overall.median, *cards[0].overall.score, 1e-9);
  EXPECT_DOUBLE_EQ(*c.overall.percentile_rank, 0);  // below all five
  ASSERT_NE(c.find_group("vision"), nullptr);
  EXPECT_DOUBLE_EQ(*c.find_group("vision")->median, 100);
  ASSERT_NE(c.find_layer("journey"), nullptr);
  EXPECT_EQ(c.find_layer("journey")->peers, 5);
  EXPECT_EQ(c.find_group("nowhere"), nullptr);
}

TEST(Peers, TheSameSiteIdAtAnotherRetailerIsAPeer) {
  // Store ids are each retailer's own: "001" of one chain is not "001" of another.
  Catalog catalog = test::worked_example_catalog();
  Assessment subject = test::worked_example_assessment();
  subject.subject.retailer = "Alpha";
  subject.subject.site_id = "001";
  Assessment other = subject;
  other.subject.retailer = "Beta";
  Instrument instrument = resolve_scope(catalog, subject.scope);
  Scorecard mine = score_assessment(instrument, subject);
  Scorecard theirs = score_assessment(instrument, other);
  PeerComparison c = compare_with_peers(mine, {&mine, &theirs});
  EXPECT_EQ(c.peers, 1);
  EXPECT_EQ(c.selection.own_site, 1);
  EXPECT_EQ(c.selection.note(), "1 visit of the subject's own site left out");
}

TEST(Subject, SiteKeyIsTheSiteIdElseTheNameAndIdentityAddsTheRetailer) {
  Subject s;
  s.retailer = "Alpha";
  s.site = "High Street";
  EXPECT_EQ(s.site_key(), "High Street");
  EXPECT_EQ(s.site_identity(), "Alpha\nHigh Street");
  s.site_id = "S042";
  EXPECT_EQ(s.site_key(), "S042");
  EXPECT_EQ(s.site_identity(), "Alpha\nS042");
  EXPECT_EQ(s.field("site-id"), "S042");
}

}  // namespace
}  // namespace cjb
