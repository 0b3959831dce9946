#pragma once
// Tracked actions (docs/formats.md, action plans): the action plan of a scorecard as rows a
// client fills in (owner, due date, status, comment), and a filled plan followed up at the
// next visit ("done and improved", "done but not improved", "open, overdue 12 days").
// Pure values and rules; the files are written and read in sheet/action_plan_sheet.*.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/scoring.h"

namespace cjb {

enum class ActionStatus { Open, InProgress, Done };
const char* to_string(ActionStatus status);  // "open", "in progress", "done"
// "open", "in progress" (also "in-progress", "in_progress", "started"), "done" (also
// "closed"), any case; an empty text is open. nullopt for anything else.
std::optional<ActionStatus> parse_action_status(std::string_view text);
// "open, in progress or done": the statuses by their own names, for messages.
std::string action_status_names();

// One row of an exported plan, in the order of Scorecard::actions (order_actions): the
// report's order. Labels are the model's, ready to print.
struct PlanRow {
  int number = 0;  // 1-based rank
  bool fix_now = false;
  std::string item, text;       // id and the item's text
  std::string group, channel;   // labels ("Fitting rooms", "In store"; "All" for leadership and enablers)
  std::string finding;          // the response's note
  std::string evidence;         // the response's evidence text
  int level = 0, target = 0;    // current level and the top of the item's scale
  std::string level_text;       // "1 Basic"
  std::string target_text;      // "4 Leading"
  std::string next_level;       // "2 Defined: the next level's descriptor"
  std::string hint;             // how to get there: the current level's improvement hint
  double impact = 0;            // overall points gained at the top level
};

// The plan of a scored assessment, every action. The scorecard must have its actions computed.
std::vector<PlanRow> action_plan_rows(const Scorecard& card);

// An action as read back from a filled plan.
struct PlannedAction {
  std::string item;
  std::string owner;
  std::string due;  // YYYY-MM-DD, or empty
  ActionStatus status = ActionStatus::Open;
  std::string comment;
  Location where;  // the row in the plan file
};

// What became of one earlier action at the new visit.
struct ActionFollowUp {
  PlannedAction action;
  std::string text;                 // the item's text (empty when the item is no longer in scope)
  std::optional<int> before, after; // levels at the previous and the new visit (nullopt: not answered)
  bool improved = false;            // answered at both visits, and higher now
  std::optional<int> overdue_days;  // not done, due before the new visit's date: days late
  std::string outcome;              // "done and improved", "done but not improved", "open, overdue 12 days", …
};

// Days from 1970-01-01 to a YYYY-MM-DD date (proleptic Gregorian); nullopt when not a date.
std::optional<long> days_since_epoch(const std::string& iso_date);

// Follows every planned action up against the previous visit (the assessment the plan was made
// from) and the new one, in plan order. Overdue counts from the new assessment's date.
std::vector<ActionFollowUp> follow_up_actions(const std::vector<PlannedAction>& plan, const Scorecard& previous,
                                              const Scorecard& now);

// Counts of follow_up_actions by outcome, for summaries.
struct FollowUpCounts {
  int done_improved = 0, done_not_improved = 0, open = 0, overdue = 0;
};
FollowUpCounts count_follow_ups(const std::vector<ActionFollowUp>& follow_ups);

// A store's filled plan at a date (docs/benchmark.md, "Overdue actions"): the actions not done,
// and those of them due before the date.
struct OverdueCounts {
  int open = 0;                            // not done (open or in progress)
  int overdue = 0;                         // not done, due before as_of
  std::optional<long> oldest_overdue_days; // as_of − the earliest due date of the overdue ones
};
// as_of is YYYY-MM-DD; an action without a due date is never overdue. Throws UsageError when
// as_of is not a date.
OverdueCounts count_overdue(const std::vector<PlannedAction>& plan, const std::string& as_of);

// Indices of the counts with an overdue action, most overdue first: overdue count descending,
// then oldest overdue days descending, then index.
std::vector<size_t> most_overdue_first(const std::vector<std::optional<OverdueCounts>>& counts);

}  // namespace cjb
