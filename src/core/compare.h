#pragma once
// What changed between two scored assessments (OLD → NEW): item by item and score by score.
// The two may use different checklist versions: items in one instrument and not the other are
// reported as added or removed. Pure computation on two Scorecards.

#include <optional>
#include <string>
#include <vector>

#include "core/scoring.h"

namespace cjb {

enum class ItemChange {
  Improved,          // answered in both, higher score now
  Regressed,         // answered in both, lower score now (and not newly critical)
  NewlyCritical,     // a critical failure now (critical item at level 0) and not before
  NoLongerAnswered,  // answered before, N/A or unanswered now
  NewlyAnswered,     // N/A or unanswered before, answered now
  Added,             // in NEW's instrument only
  Removed,           // in OLD's instrument only
  Unchanged,         // same score, or not answered in either
};
// "improved", "regressed", "newly-critical", "no-longer-answered", "newly-answered", "added",
// "removed", "unchanged".
const char* to_string(ItemChange change);

struct ItemSide {
  ItemStatus status = ItemStatus::Unanswered;
  std::optional<int> level;
  std::optional<double> score;  // 100 × level / max_level
  bool critical = false;
};

struct ItemDiff {
  std::string id, group, channel;
  std::string text;     // the item's statement (NEW's checklist, else OLD's)
  std::string finding;  // what was found: NEW's note, else OLD's; empty when neither has one
  ItemChange change = ItemChange::Unchanged;
  std::optional<ItemSide> before, after;  // absent on the side whose instrument lacks the item
  std::optional<double> delta;            // after − before score, when both are answered
};

// A change of the overall, a layer, group or channel score.
struct ScoreDiff {
  std::string kind;  // "overall", "layer", "group", "channel"
  std::string id;    // "overall" for the overall score
  std::optional<double> before, after;
  std::optional<double> delta;  // after − before, when both are present
  // "improved", "regressed", "unchanged", "added", "removed" (in one scorecard only), or
  // "no-score" when either side scored nothing.
  std::string change;
};

struct ScorecardDiff {
  std::string before_id, after_id, before_date, after_date;
  std::vector<ScoreDiff> scores;  // overall, then layers, groups, channels (NEW's order, then OLD-only ones)
  std::vector<ItemDiff> items;    // NEW's instrument order, then items removed (OLD's order)
  int count(ItemChange change) const;
};

// Score changes within ±1e-9 count as unchanged (floating-point noise).
ScorecardDiff diff_scorecards(const Scorecard& before, const Scorecard& after);

}  // namespace cjb
