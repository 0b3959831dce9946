#pragma once
// The scoring engine: the exact rules of docs/scoring.md. Pure computation on an
// Instrument and an Assessment; no I/O.

#include <optional>
#include <string>
#include <vector>

#include "core/catalog.h"

namespace cjb {

// Waived: a waiver in force (docs/formats.md, waivers): out of the score like N/A. An expired
// waiver leaves the item Unanswered, with ItemResult::waiver_expired set.
enum class ItemStatus { Answered, NotApplicable, Unanswered, Waived };
const char* to_string(ItemStatus status);  // "answered", "na", "unanswered", "waived"

struct ItemResult {
  const Item* item = nullptr;
  const Response* response = nullptr;  // nullptr when unanswered
  std::string id, group, channel;
  double weight = 1;
  int max_level = 1;
  bool critical = false;
  ItemStatus status = ItemStatus::Unanswered;
  std::optional<int> level;
  std::optional<double> score;  // 100 × level / max_level when answered
  bool waiver_expired = false;  // a waiver that expired before the assessment's date: scored unanswered
};

// One group in one channel ("all" for leadership and enabler groups).
struct SectionResult {
  std::string group, channel;
  std::optional<double> score;      // after the critical cap; null when nothing was answered
  std::optional<double> uncapped;   // before the cap
  int answered = 0;
  int applicable = 0;  // in scope − N/A
  std::vector<std::string> critical_failures;  // answered critical items at level 0
};

// A score with its band, target, gap and completeness (overall, layers, groups).
struct Figure {
  std::optional<double> score;
  const Band* band = nullptr;  // nullptr when score is null
  double target = 0;
  std::optional<double> gap;  // max(0, target − score); null when score is null
  int answered = 0;
  int applicable = 0;
  std::optional<double> completeness;  // answered / applicable; null when nothing applies
};

struct GroupResult {
  std::string id, layer;
  double weight = 1;
  Figure figure;
  std::vector<size_t> sections;  // indices into Scorecard::sections
};

struct LayerResult {
  std::string id;
  double weight = 1;
  Figure figure;
  std::vector<size_t> groups;  // indices into Scorecard::groups
};

struct ChannelResult {
  std::string id;
  double weight = 1;
  std::optional<double> score;
};

struct Action {
  std::string item;
  double impact = 0;  // overall points gained by raising the item to its max level
  bool fix_now = false;  // a critical failure (critical item at level 0): listed before the rest
};

// The one order of an action plan, in every format (docs/scoring.md "Action plan"): critical
// failures first (the "Fix now" block), then by impact descending; ties (impacts equal at
// 1e-9 points) by item id.
void order_actions(std::vector<Action>& actions);

struct Scorecard {
  const Instrument* instrument = nullptr;
  const Assessment* assessment = nullptr;
  double critical_cap = 40;
  Figure overall;
  std::vector<LayerResult> layers;      // model order; only layers with items in scope
  std::vector<GroupResult> groups;      // model order; only groups with items in scope
  std::vector<SectionResult> sections;  // group order, then channel ("all", then model order)
  std::vector<ChannelResult> channels;  // journey channels in scope
  std::vector<ItemResult> items;        // instrument order
  std::vector<Action> actions;          // order_actions: critical failures first, then by impact
  std::vector<std::string> unanswered;  // in scope, not answered, not N/A, not waived: instrument order
  std::vector<std::string> waivers;     // items with a waiver, in force or expired: instrument order
  std::optional<EvidenceKind> evidence;  // set when only items evidenced this way were scored

  const GroupResult* find_group(const std::string& id) const;
  const LayerResult* find_layer(const std::string& id) const;
  const SectionResult* find_section(const std::string& group, const std::string& channel) const;
  const ItemResult* find_item(const std::string& id) const;
  // Critical failures over every section, in section order.
  std::vector<std::string> critical_failures() const;
};

struct ScoringOptions {
  bool actions = true;  // compute the action plan (default true; benchmarks may skip it)
  // Score only the items evidenced this way, e.g. observed for the score a mystery-shopping
  // programme reports (default: every item). A filter on the scope: other items, and items
  // that do not say how they are evidenced, are left out of every figure as if not in scope.
  std::optional<EvidenceKind> evidence = std::nullopt;
};

// Scores an assessment whose responses were checked (check_assessment) against the instrument,
// over the instrument's ScoringPlan (core/scoring_plan.h), the one BenchmarkScorer reads too.
// Responses to items outside the instrument are ignored. The scorecard points into both
// arguments, which must outlive it.
Scorecard score_assessment(const Instrument& instrument, const Assessment& assessment,
                           const ScoringOptions& options = {});

// Weighted mean of the values that are present; null when none is.
std::optional<double> weighted_mean(const std::vector<std::pair<std::optional<double>, double>>& values);

}  // namespace cjb
