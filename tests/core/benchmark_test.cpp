// Benchmarks on hand-made entries: league order, distributions, peers, roll-ups, trend, combine.

#include "core/benchmark.h"

#include <gtest/gtest.h>

namespace cjb {
namespace {

BenchmarkEntry entry(std::string id, std::string site, std::string date, std::optional<double> overall,
                     std::optional<double> vision = std::nullopt, std::optional<double> research = std::nullopt) {
  BenchmarkEntry e;
  e.id = std::move(id);
  e.subject.retailer = "R";
  e.subject.site = site;
  e.subject.site_id = site;
  e.date = std::move(date);
  e.overall = overall;
  e.layers = {{"leadership", 0, vision}, {"journey", 2, research}};
  // Groups listed out of model order on purpose: research (1) before vision (0).
  e.groups = {{"research", 1, research}, {"vision", 0, vision}};
  e.channels = {{"physical", 0, research}};
  return e;
}

TEST(League, OverallDescendingTiesByIdNullLast) {
  std::vector<BenchmarkEntry> entries{entry("b", "S1", "2026-01-01", 60), entry("c", "S2", "2026-01-01", std::nullopt),
                                      entry("a", "S3", "2026-01-01", 60), entry("d", "S4", "2026-01-01", 90)};
  EXPECT_EQ(league_order(entries), (std::vector<size_t>{3, 2, 0, 1}));
}

TEST(Stats, OverallGroupsInModelOrderNullsLeftOut) {
  std::vector<BenchmarkEntry> entries{entry("a", "S1", "2026-01-01", 50, 40, 10), entry("b", "S2", "2026-01-01", 60, 50, std::nullopt),
                                      entry("c", "S3", "2026-01-01", 70, 60, 30), entry("d", "S4", "2026-01-01", 80, 70, 20)};
  BenchmarkStats s = compute_stats(entries);
  EXPECT_EQ(s.overall.n, 4);
  EXPECT_DOUBLE_EQ(s.overall.mean, 65);
  EXPECT_DOUBLE_EQ(s.overall.median, 65);
  EXPECT_DOUBLE_EQ(s.overall.p25, 57.5);
  EXPECT_DOUBLE_EQ(s.overall.p75, 72.5);
  EXPECT_DOUBLE_EQ(s.overall.min, 50);
  EXPECT_DOUBLE_EQ(s.overall.max, 80);
  ASSERT_EQ(s.groups.size(), 2u);
  EXPECT_EQ(s.groups[0].id, "vision");
  EXPECT_EQ(s.groups[1].id, "research");
  EXPECT_EQ(s.groups[1].summary.n, 3);  // b answered nothing in research
  EXPECT_DOUBLE_EQ(s.groups[1].summary.median, 20);
  EXPECT_DOUBLE_EQ(s.groups[1].summary.p25, 15);
  ASSERT_EQ(s.layers.size(), 2u);
  EXPECT_EQ(s.layers[1].id, "journey");
  ASSERT_EQ(s.channels.size(), 1u);
  EXPECT_EQ(s.channels[0].summary.n, 3);
}

TEST(Peers, RankAndGapsLeaveTheSubjectOut) {
  std::vector<BenchmarkEntry> peers{entry("a", "S1", "2026-01-01", 50, 40, 10), entry("b", "S2", "2026-01-01", 60, 50, 20),
                                    entry("c", "S3", "2026-01-01", 70, 60, 30), entry("d", "S4", "2026-01-01", 80, 70, 40),
                                    entry("e", "S6", "2026-01-01", 90, 80, 50), entry("me", "S5", "2026-01-01", 60, 50, std::nullopt)};
  BenchmarkEntry subject = peers.back();
  PeerStandings result = compare_with_peers(subject, peers);
  const auto& standings = result.standings;
  EXPECT_EQ(result.selection.own_site, 1);
  // overall, 2 layers, 2 groups, 1 channel
  ASSERT_EQ(standings.size(), 6u);
  const PeerStanding& overall = standings[0];
  EXPECT_EQ(overall.kind, "overall");
  EXPECT_EQ(overall.peers, 5);
  EXPECT_DOUBLE_EQ(*overall.percentile_rank, 30);  // (1 below + 0.5 · 1 equal) / 5
  EXPECT_DOUBLE_EQ(*overall.median, 70);
  EXPECT_DOUBLE_EQ(*overall.gap_to_median, 10);
  EXPECT_DOUBLE_EQ(*overall.best, 90);
  EXPECT_DOUBLE_EQ(*overall.gap_to_best, 30);
  const PeerStanding& research = standings[3];
  EXPECT_EQ(research.kind, "group");
  EXPECT_EQ(research.id, "research");
  EXPECT_FALSE(research.score.has_value());
  EXPECT_FALSE(research.percentile_rank.has_value());
  EXPECT_DOUBLE_EQ(*research.median, 30);
  EXPECT_DOUBLE_EQ(*research.best, 50);
}

TEST(Peers, StoreIdsAreEachRetailersOwn) {
  // A benchmark across retailers: store S5 of another retailer is a peer, not the subject's site.
  BenchmarkEntry subject = entry("me", "S5", "2026-01-01", 60);
  BenchmarkEntry elsewhere = entry("theirs", "S5", "2026-01-01", 80);
  elsewhere.subject.retailer = "Other";
  PeerStandings result = compare_with_peers(subject, {subject, elsewhere});
  EXPECT_EQ(result.selection.own_site, 1);
  EXPECT_EQ(result.standings[0].peers, 1);
  EXPECT_DOUBLE_EQ(*result.standings[0].median, 80);
}

TEST(Peers, NoPeers) {
  BenchmarkEntry subject = entry("me", "S5", "2026-01-01", 60, 50, 20);
  auto standings = compare_with_peers(subject, {subject}).standings;
  EXPECT_EQ(standings[0].peers, 0);
  EXPECT_FALSE(standings[0].median.has_value());
  EXPECT_FALSE(standings[0].percentile_rank.has_value());
}

TEST(Peers, OwnSiteAndOtherScopesAreNeverPeersAndFewPeersAreNotRanked) {
  BenchmarkEntry subject = entry("me-2", "S5", "2026-02-01", 60);
  subject.scope = "profile:chain|channels:physical";
  std::vector<BenchmarkEntry> candidates{entry("me-1", "S5", "2026-01-01", 10), entry("a", "S1", "2026-01-01", 50),
                                         entry("b", "S2", "2026-01-01", 70), entry("x", "S3", "2026-01-01", 99),
                                         entry("c", "S4", "2026-01-01", 80)};
  for (auto& c : candidates) c.scope = subject.scope;
  candidates[3].scope = "profile:boutique|channels:physical";
  PeerStandings result = compare_with_peers(subject, candidates);
  EXPECT_EQ(result.selection.own_site, 1);     // the subject's earlier visit
  EXPECT_EQ(result.selection.other_scope, 1);  // the boutique
  EXPECT_EQ(result.selection.note(), "1 visit of the subject's own site and 1 assessment of another scope left out");
  const PeerStanding& overall = result.standings[0];
  EXPECT_EQ(overall.peers, 3);
  EXPECT_DOUBLE_EQ(*overall.median, 70);  // 50, 70, 80: neither 10 nor 99
  EXPECT_FALSE(overall.percentile_rank.has_value());
  EXPECT_EQ(peer_rank_text(overall.peers, overall.percentile_rank), "too few peers to rank (n = 3)");
}

// Three sites, S1 visited three times, S2 twice, S3 once.
std::vector<BenchmarkEntry> chain() {
  return {entry("s1-b", "S1", "2026-02-01", 60), entry("s2-a", "S2", "2026-01-10", 80), entry("s1-a", "S1", "2026-01-01", 70),
          entry("s3-a", "S3", "2026-01-05", 50), entry("s1-c", "S1", "2026-03-01", 65), entry("s2-b", "S2", "2026-02-10", 75)};
}

TEST(Sites, OneRowPerSiteItsLatestVisitWithChangeAndVisits) {
  auto entries = chain();
  auto rows = site_rows(entries);
  ASSERT_EQ(rows.size(), 3u);  // stores, not visits
  EXPECT_EQ(entries[rows[0].entry].id, "s2-b");
  EXPECT_EQ(entries[rows[1].entry].id, "s1-c");
  EXPECT_EQ(entries[rows[2].entry].id, "s3-a");
  EXPECT_EQ(rows[0].visits, 2);
  EXPECT_EQ(rows[1].visits, 3);
  EXPECT_EQ(rows[2].visits, 1);
  EXPECT_DOUBLE_EQ(*rows[0].change, -5);
  EXPECT_DOUBLE_EQ(*rows[1].change, 5);  // 65 − 60, the visit before, not the first
  EXPECT_EQ(entries[*rows[1].previous].id, "s1-b");
  EXPECT_FALSE(rows[2].change.has_value());
  auto latest = row_entries(entries, rows);
  EXPECT_EQ(latest[1].id, "s1-c");
  EXPECT_EQ(latest[1].visits, 3);
}

TEST(Sites, EveryVisitOnRequest) {
  auto entries = chain();
  auto rows = site_rows(entries, LeagueRows::Every);
  ASSERT_EQ(rows.size(), 6u);
  EXPECT_EQ(entries[rows[0].entry].id, "s2-a");
  EXPECT_FALSE(rows[0].change.has_value());
  EXPECT_EQ(entries[rows[1].entry].id, "s2-b");
  EXPECT_DOUBLE_EQ(*rows[1].change, -5);
}

TEST(Sites, SameNameDifferentSiteIdsStayApart) {
  auto a = entry("a", "S1", "2026-01-01", 60), b = entry("b", "S2", "2026-01-01", 70);
  a.subject.site = b.subject.site = "High Street";
  EXPECT_EQ(site_rows({a, b}).size(), 2u);
}

TEST(Cohorts, ScopesAreNeverPooledLargestFirst) {
  auto entries = chain();
  for (auto& e : entries) e.scope = "profile:chain|channels:physical,web";
  entries[3].scope = "checklists:core,web|channels:web";
  auto cohorts = split_cohorts(entries);
  ASSERT_EQ(cohorts.size(), 2u);
  EXPECT_EQ(cohorts[0].scope, "profile:chain|channels:physical,web");
  EXPECT_EQ(cohorts[0].entries.size(), 5u);
  EXPECT_EQ(cohorts[1].entries.size(), 1u);
  EXPECT_EQ(cohorts[1].entries[0].id, "s3-a");
  EXPECT_EQ(scope_label(cohorts[0].scope), "profile chain (physical, web)");
  EXPECT_EQ(scope_label(cohorts[1].scope), "checklists core, web (web)");
}

TEST(Attention, BottomTopMoversCriticalSinceAndWeakestGroups) {
  auto entries = chain();
  // S2 failed item C1 on both visits; S1 on its latest only; S3 never.
  entries[1].critical_failures = {"C1"};
  entries[5].critical_failures = {"C1"};
  entries[4].critical_failures = {"C2"};
  entries[0].critical_failures = {"C1"};  // S1's visit before: not the same item, so C2 starts now
  for (auto& e : entries) e.groups = {{"vision", 0, *e.overall - 10}, {"research", 1, *e.overall}};
  auto rows = site_rows(entries);
  auto stats = compute_stats(row_entries(entries, rows));
  Attention a = needs_attention(entries, rows, stats, 2);
  EXPECT_EQ(a.top, (std::vector<size_t>{0, 1}));
  EXPECT_EQ(a.bottom, (std::vector<size_t>{2, 1}));
  EXPECT_EQ(a.improved, (std::vector<size_t>{1}));  // S1 +5
  EXPECT_EQ(a.declined, (std::vector<size_t>{0}));  // S2 −5
  ASSERT_EQ(a.critical.size(), 2u);
  EXPECT_EQ(a.critical[0].item, "C1");
  EXPECT_EQ(a.critical[0].since, "2026-01-10");  // S2, both visits
  EXPECT_EQ(a.critical[0].visits, 2);
  EXPECT_EQ(a.critical[1].item, "C2");
  EXPECT_EQ(a.critical[1].since, "2026-03-01");
  EXPECT_EQ(a.critical[1].visits, 1);
  ASSERT_EQ(a.weakest.size(), 2u);
  EXPECT_EQ(a.weakest[0].id, "vision");
  EXPECT_DOUBLE_EQ(a.weakest[0].summary.median, 55);  // latest visits 75, 65, 50: median 65, − 10
}

TEST(Trend, SimilarSitesForDidYouMean) {
  auto entries = chain();
  entries[3].subject.site = "Leeds Briggate";
  EXPECT_EQ(similar_sites(entries, "s1").front(), "S1");  // its own key first, ignoring case
  EXPECT_EQ(similar_sites(entries, "S4"), (std::vector<std::string>{"S1", "S2", "S3"}));
  EXPECT_EQ(similar_sites(entries, "briggate"), (std::vector<std::string>{"S3"}));
  EXPECT_TRUE(similar_sites(entries, "NOPE-NOPE").empty());
}

TEST(Rollup, ByRegionInKeyOrderWithEmptyKey) {
  std::vector<BenchmarkEntry> entries{entry("a", "S1", "2026-01-01", 50), entry("b", "S2", "2026-01-01", 60),
                                      entry("c", "S3", "2026-01-01", 70), entry("d", "S4", "2026-01-01", 80)};
  entries[0].subject.region = "North";
  entries[1].subject.region = "South";
  entries[2].subject.region = "North";
  auto rows = roll_up(entries, "region");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].key, "");
  EXPECT_EQ(rows[0].stats.overall.n, 1);
  EXPECT_EQ(rows[1].key, "North");
  EXPECT_EQ(rows[1].stats.overall.n, 2);
  EXPECT_DOUBLE_EQ(rows[1].stats.overall.mean, 60);
  EXPECT_EQ(rows[2].key, "South");
  EXPECT_DOUBLE_EQ(rows[2].stats.overall.median, 60);
}

TEST(Rollup, ByTagCountsEveryTagOnce) {
  std::vector<BenchmarkEntry> entries{entry("a", "S1", "2026-01-01", 50), entry("b", "S2", "2026-01-01", 60),
                                      entry("c", "S3", "2026-01-01", 70)};
  entries[0].subject.tags = {"mall", "flagship", "mall"};
  entries[1].subject.tags = {"mall"};
  auto rows = roll_up(entries, "tag");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].key, "");
  EXPECT_EQ(rows[1].key, "flagship");
  EXPECT_EQ(rows[1].stats.overall.n, 1);
  EXPECT_EQ(rows[2].key, "mall");
  EXPECT_EQ(rows[2].stats.overall.n, 2);
  EXPECT_DOUBLE_EQ(rows[2].stats.overall.mean, 55);
}

TEST(Rollup, SiteIdFallsBackToTheSiteName) {
  std::vector<BenchmarkEntry> entries{entry("a", "S1", "2026-01-01", 50), entry("b", "S2", "2026-01-01", 60)};
  entries[1].subject.site_id.clear();
  entries[1].subject.site = "High Street";
  auto rows = roll_up(entries, "site-id");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].key, "High Street");
  EXPECT_EQ(rows[1].key, "S1");
}

TEST(Rollup, UnknownFieldIsAUsageError) {
  try {
    roll_up({}, "colour");
    FAIL() << "no error";
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(), "unknown field 'colour' for --by (expected one of: retailer, site, site-id, sector, region, format, tag)");
  }
}

TEST(Trend, OneSiteByDate) {
  std::vector<BenchmarkEntry> entries{entry("x3", "S1", "2026-03-01", 70), entry("y1", "S2", "2026-01-01", 10),
                                      entry("x1", "S1", "2026-01-01", 50), entry("x2", "S1", "2026-02-01", 60)};
  EXPECT_EQ(site_trend(entries, "S1"), (std::vector<size_t>{2, 3, 0}));
  EXPECT_TRUE(site_trend(entries, "S9").empty());
}

TEST(Period, MonthQuarterYear) {
  EXPECT_EQ(period_of("2026-01-15", Period::Month), "2026-01");
  EXPECT_EQ(period_of("2026-03-31", Period::Quarter), "2026-Q1");
  EXPECT_EQ(period_of("2026-04-01", Period::Quarter), "2026-Q2");
  EXPECT_EQ(period_of("2026-12-31", Period::Quarter), "2026-Q4");
  EXPECT_EQ(period_of("2026-12-31", Period::Year), "2026");
}

class Combine : public ::testing::Test {
 protected:
  // S1: three visits in January (60, 95, 70 by date order 05, 20, 10), one in February; S2: one in January.
  std::vector<BenchmarkEntry> entries{entry("s1-a", "S1", "2026-01-05", 60, 40, 10), entry("s1-b", "S1", "2026-01-20", 95, 90, std::nullopt),
                                      entry("s1-c", "S1", "2026-01-10", 70, 50, 30), entry("s1-d", "S1", "2026-02-01", 80, 80, 80),
                                      entry("s2-a", "S2", "2026-01-07", 50, 50, 50)};
};

TEST_F(Combine, MedianPerSiteAndMonth) {
  auto merged = combine_visits(entries, CombineMethod::Median, Period::Month);
  ASSERT_EQ(merged.size(), 3u);
  EXPECT_EQ(merged[0].id, "S1@2026-01");
  EXPECT_EQ(merged[0].date, "2026-01");
  EXPECT_EQ(merged[0].visits, 3);
  EXPECT_DOUBLE_EQ(*merged[0].overall, 70);
  EXPECT_DOUBLE_EQ(*merged[0].find(merged[0].groups, "vision")->score, 50);
  EXPECT_DOUBLE_EQ(*merged[0].find(merged[0].groups, "research")->score, 20);  // the visit that scored nothing is left out
  EXPECT_EQ(merged[0].groups[0].id, "vision");                                  // model order kept
  EXPECT_EQ(merged[1].id, "S1@2026-02");
  EXPECT_EQ(merged[1].visits, 1);
  EXPECT_EQ(merged[2].id, "S2@2026-01");
}

TEST_F(Combine, MeanAndLatest) {
  auto mean = combine_visits(entries, CombineMethod::Mean, Period::Month);
  EXPECT_DOUBLE_EQ(*mean[0].overall, 75);
  EXPECT_DOUBLE_EQ(*mean[0].find(mean[0].groups, "vision")->score, 60);
  auto latest = combine_visits(entries, CombineMethod::Latest, Period::Month);
  EXPECT_DOUBLE_EQ(*latest[0].overall, 95);  // the visit of the 20th
  EXPECT_FALSE(latest[0].find(latest[0].groups, "research")->score.has_value());
  EXPECT_EQ(latest[0].visits, 3);
}

TEST_F(Combine, ByQuarterAndYear) {
  auto quarter = combine_visits(entries, CombineMethod::Median, Period::Quarter);
  ASSERT_EQ(quarter.size(), 2u);
  EXPECT_EQ(quarter[0].id, "S1@2026-Q1");
  EXPECT_EQ(quarter[0].visits, 4);
  EXPECT_DOUBLE_EQ(*quarter[0].overall, 75);  // 60 70 80 95
  auto year = combine_visits(entries, CombineMethod::Median, Period::Year);
  EXPECT_EQ(year[1].id, "S2@2026");
}

}  // namespace
}  // namespace cjb
