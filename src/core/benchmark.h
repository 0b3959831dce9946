#pragma once
// Benchmarks across many assessments (docs/benchmark.md): a league table, the
// distribution of every score, a subject against its peers, roll-ups by a subject field or
// tag, the trend of one site, and repeated visits merged per period.
//
// Everything works on BenchmarkEntry, a few hundred bytes extracted from a Scorecard, so a
// benchmark of 50,000 assessments never keeps a document or a scorecard. Pure computation:
// no I/O, deterministic (every order is total).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/assessment.h"
#include "core/peers.h"
#include "core/scoring.h"
#include "core/scoring_plan.h"
#include "core/statistics.h"

namespace cjb {

// One score of a layer, group or channel. `order` is its position in the model (layer,
// group or channel index), so entries of different scopes line up in model order. id points
// into the Model (or other storage that outlives the entry): 50,000 entries then hold no copy
// of the 40 ids each.
struct NamedScore {
  std::string_view id;
  int order = 0;
  std::optional<double> score;  // null when nothing in it was answered
};

// One touchpoint in one channel (a journey section): a cell of the chain heat map. Ids point
// into the Model, like NamedScore's.
struct TouchpointScore {
  std::string_view group, channel;
  std::optional<double> score;  // after the critical cap; null when nothing was answered
};

// What a benchmark needs of one scored assessment.
struct BenchmarkEntry {
  std::string id;    // the assessment's id (combined entries: "SITE@PERIOD")
  std::string file;  // where it was read from; may be empty
  Subject subject;
  std::string date;  // YYYY-MM-DD (combined entries: the period, e.g. "2026-01")
  std::optional<double> overall;
  std::vector<NamedScore> layers, groups, channels;  // model order
  std::vector<TouchpointScore> touchpoints;          // journey sections, instrument order
  int answered = 0, applicable = 0;
  int visits = 1;  // assessments merged into this entry (--combine), else 1; in a league of
                   // sites, the site's visits
  std::string scope;  // scope_key of its instrument (core/peers.h): entries compare like for like
  // Critical items answered at level 0 (ids point into the catalog, which must outlive the
  // entry), in instrument order. Combined entries: those of the latest visit.
  std::vector<std::string_view> critical_failures;

  // subject.site_key(): the site across visits, as leagues and --site name it.
  const std::string& site_key() const;
  const NamedScore* find(const std::vector<NamedScore>& scores, std::string_view id) const;
};

// Extracts the entry of a scorecard (its assessment and instrument must still be alive; the
// entry's score ids point into the instrument's model, which must outlive it).
BenchmarkEntry extract_entry(const Scorecard& card, const std::string& file = "");

// ---- Scoring many visits fast -----------------------------------------------------------

// The scoring rules of score_assessment (docs/scoring.md) for one instrument, over the same
// ScoringPlan (core/scoring_plan.h), with every lookup done once: scoring a visit is then one
// pass over arrays, with no allocation per item. For benchmarks of thousands of files, where a
// Scorecard (items, actions, bands) is not needed. The plan's roll-up sums in one order for
// both, so the scores are equal to the last bit; tests/core/benchmark_scorer_test.cpp holds it
// to that.
class BenchmarkScorer {
 public:
  static constexpr int kNotApplicable = -1;
  static constexpr int kUnanswered = -2;

  // The instrument must outlive the scorer.
  explicit BenchmarkScorer(const Instrument& instrument);

  // answers[i] answers instrument.items[i]: a level in 0..max_level, kNotApplicable or
  // kUnanswered. Fills overall, layers, groups, channels, answered and applicable of entry.
  void score(const std::vector<int>& answers, BenchmarkEntry& entry) const;

  const Instrument& instrument() const { return plan_.instrument(); }

 private:
  ScoringPlan plan_;
};

// ---- League table ----------------------------------------------------------------------

// Indices into entries: overall score descending, null scores last, ties by id then index.
std::vector<size_t> league_order(const std::vector<BenchmarkEntry>& entries);

// ---- Distributions ---------------------------------------------------------------------

struct Distribution {
  std::string_view id;  // as NamedScore::id
  Summary summary;  // over the entries where the score is not null (summary.n of them)
};

struct BenchmarkStats {
  Summary overall;
  std::vector<Distribution> layers, groups, channels;  // model order; every id seen in any entry
};

BenchmarkStats compute_stats(const std::vector<BenchmarkEntry>& entries);

// ---- Stores first (docs/benchmark.md, "League of sites") --------------------------------

enum class LeagueRows {
  Latest,  // one row per site: its latest visit (the default)
  Every,   // one row per visit (--visits all)
};

// One row of the league.
struct SiteRow {
  size_t entry = 0;                 // into entries: the visit the row shows
  std::optional<size_t> previous;   // the site's visit before it, if any
  std::optional<double> change;     // overall of entry − overall of previous (null if either is)
  int visits = 1;                   // Latest: the site's visits (entries' visits summed);
                                    // Every: the entry's own visits
  std::vector<size_t> history;      // the site's visits by date then id, up to entry included
};

// The rows of the league in league order (league_order of the rows' entries). A site's visits
// are ordered by date, then id.
std::vector<SiteRow> site_rows(const std::vector<BenchmarkEntry>& entries, LeagueRows rows = LeagueRows::Latest);

// The rows' entries, in row order, each with visits set to its site's visits: what the
// distributions, roll-ups and peers of a league of sites are computed on.
std::vector<BenchmarkEntry> row_entries(const std::vector<BenchmarkEntry>& entries, const std::vector<SiteRow>& rows);

// ---- Cohorts: like for like ------------------------------------------------------------

// The entries of one scope (profile or checklists, and channels).
struct Cohort {
  std::string scope;  // scope_key
  std::vector<BenchmarkEntry> entries;
};

// Entries split by scope, never pooled: the largest cohort first, ties by scope key; entries
// keep their order within a cohort.
std::vector<Cohort> split_cohorts(std::vector<BenchmarkEntry> entries);

// "profile:P|channels:a,b" → "profile P (a, b)"; "checklists:x,y|channels:a" → "checklists x, y (a)".
std::string scope_label(std::string_view scope_key);

// ---- What needs attention --------------------------------------------------------------

struct CriticalFinding {
  size_t row = 0;              // into the rows
  std::string_view item;       // the critical item at level 0
  std::string since;           // date of the first of the site's visits, in an unbroken run up
                               // to the row's, that failed it
  int visits = 1;              // how many visits in that run
};

struct Attention {
  std::vector<size_t> bottom, top;        // into rows: the n lowest (lowest first), the n highest
  std::vector<size_t> improved, declined; // into rows: largest rise / fall since the previous
                                          // visit (rows with a change > 0 / < 0 only)
  std::vector<CriticalFinding> critical;  // the longest-running first (visits descending), then
                                          // row order, then instrument order
  std::vector<Distribution> weakest;      // groups by median ascending, ties by spread (p75 −
                                          // p25) descending, then model order; n of them
};

// Rows must be in league order (site_rows). stats: the distributions of the rows' entries.
Attention needs_attention(const std::vector<BenchmarkEntry>& entries, const std::vector<SiteRow>& rows,
                          const BenchmarkStats& stats, size_t n = 10);


// ---- A subject against its peers (also used by `cjb report --peers`) ---------------------

// How one score of the subject stands among the same score of the peers.
struct PeerStanding {
  std::string kind;  // "overall", "layer", "group", "channel"
  std::string id;    // "overall" for the overall score
  std::optional<double> score;            // the subject's; null when it answered nothing here
  int peers = 0;                          // peers with a non-null score here
  std::optional<double> percentile_rank;  // docs/scoring.md; null when score or peers are missing
  std::optional<double> median, best;     // of the peers; null without peers
  // Signed distances: peer median − score and best − score (positive: the subject is
  // behind). Null when score or peers are missing.
  std::optional<double> gap_to_median, gap_to_best;
};

struct PeerStandings {
  PeerSelection selection;  // the peer rule of core/peers.h: which candidates counted
  std::vector<PeerStanding> standings;
};

// The subject's overall, layer, group and channel scores (in that order, model order within)
// against the candidates the peer rule keeps (core/peers.h: never the subject's own site, only
// its scope; no percentile rank with fewer than kMinPeersToRank peers), so a folder that holds
// the subject can be passed as it is.
PeerStandings compare_with_peers(const BenchmarkEntry& subject, const std::vector<BenchmarkEntry>& candidates);

// ---- Roll-ups --------------------------------------------------------------------------

// The fields --by accepts: retailer, site, site-id, sector, region, format, tag.
const std::vector<std::string>& rollup_fields();
bool is_rollup_field(const std::string& field);

struct RollupRow {
  std::string key;  // the field's value; "" when the entries leave it empty (printed "(none)")
  int sites = 0;    // distinct sites (Subject::site_identity)
  int visits = 0;   // the entries' visits summed
  BenchmarkStats stats;
};

// One row per distinct value of field, in key order. With "tag", an entry counts under each
// of its tags (entries without tags under ""). Throws UsageError for an unknown field.
std::vector<RollupRow> roll_up(const std::vector<BenchmarkEntry>& entries, const std::string& field);

// ---- Trend and combined visits ---------------------------------------------------------

// The entries of one site (site_key() == site), by date, then id. Indices into entries.
std::vector<size_t> site_trend(const std::vector<BenchmarkEntry>& entries, const std::string& site);

// Site keys close to an unknown one (for "did you mean"): the keys or site names that equal
// it ignoring case, contain it, or are within an edit distance of a third of its length (at
// least 1); at most 3 site keys, closest first, ties in key order.
std::vector<std::string> similar_sites(const std::vector<BenchmarkEntry>& entries, const std::string& site);

enum class Period { Month, Quarter, Year };
enum class CombineMethod { Median, Mean, Latest };

// The period a YYYY-MM-DD date falls in: "2026-01", "2026-Q1" or "2026". Dates too short to
// hold a year (or month) fall in the period named by what they do hold.
std::string period_of(const std::string& date, Period period);

// Merges the visits of one site (retailer + site_key()) in one period into one entry:
// Median / Mean of every score over the visits that scored it (null when none did), or the
// Latest visit (latest date, ties by the greater id). The merged entry takes the subject of
// the latest visit, id "SITE@PERIOD", date the period, visits = how many were merged.
// Output in (retailer, site, period) order.
std::vector<BenchmarkEntry> combine_visits(const std::vector<BenchmarkEntry>& entries, CombineMethod method, Period period);

}  // namespace cjb
