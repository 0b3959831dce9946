#include "core/action_plan.h"

#include <algorithm>
#include <array>
#include <cctype>

#include <fmt/format.h>

#include "core/error.h"
#include "core/kpi.h"
#include "util/text.h"

namespace cjb {

const char* to_string(ActionStatus status) {
  switch (status) {
    case ActionStatus::Open: return "open";
    case ActionStatus::InProgress: return "in progress";
    case ActionStatus::Done: return "done";
  }
  return "open";
}

std::optional<ActionStatus> parse_action_status(std::string_view text) {
  std::string key;  // lower case, blanks, hyphens and underscores as single spaces, trimmed
  for (unsigned char c : text) {
    bool blank = std::isspace(c) || c == '-' || c == '_';
    if (blank) {
      if (!key.empty() && key.back() != ' ') key += ' ';
    } else {
      key += static_cast<char>(std::tolower(c));
    }
  }
  if (!key.empty() && key.back() == ' ') key.pop_back();
  if (key.empty() || key == "open") return ActionStatus::Open;
  if (key == "in progress" || key == "started") return ActionStatus::InProgress;
  if (key == "done" || key == "closed") return ActionStatus::Done;
  return std::nullopt;
}

std::string action_status_names() {
  constexpr std::array kStatuses = {ActionStatus::Open, ActionStatus::InProgress, ActionStatus::Done};
  return text::or_list(kStatuses, [](ActionStatus status) { return to_string(status); });
}

namespace {

// "2 Defined": the level with its scale label.
std::string level_text(const Model& model, const Item& item, int value) {
  if (const Scale* scale = model.find_scale(item.scale))
    for (const auto& l : scale->levels)
      if (l.value == value) return fmt::format("{} {}", value, l.label);
  return std::to_string(value);
}

// What a level looks like: the item's own words, else the scale's.
std::string descriptor(const Model& model, const Item& item, int value) {
  if (const ItemLevel* l = item.find_level(value); l && !l->descriptor.empty()) return l->descriptor;
  if (const Scale* scale = model.find_scale(item.scale))
    for (const auto& l : scale->levels)
      if (l.value == value) return l.descriptor;
  return {};
}

}  // namespace

std::vector<PlanRow> action_plan_rows(const Scorecard& card) {
  const Model& model = *card.instrument->model;
  std::vector<PlanRow> rows;
  for (const auto& action : card.actions) {
    const ItemResult* r = card.find_item(action.item);
    if (!r || !r->level) continue;  // an action is always an answered item; skip rather than guess
    const Item& item = *r->item;
    PlanRow row;
    row.number = static_cast<int>(rows.size()) + 1;
    row.fix_now = action.fix_now;
    row.item = item.id;
    row.text = item.text;
    row.group = model.group_label(r->group);
    row.channel = model.channel_label(r->channel);
    if (r->response) {
      row.finding = r->response->note;
      row.evidence = r->response->evidence;
    }
    row.level = *r->level;
    row.target = r->max_level;
    row.level_text = level_text(model, item, row.level);
    row.target_text = level_text(model, item, row.target);
    if (row.level < row.target)
      row.next_level = fmt::format("{}: {}", level_text(model, item, row.level + 1), descriptor(model, item, row.level + 1));
    if (const ItemLevel* at = item.find_level(row.level)) row.hint = at->improve;
    row.impact = action.impact;
    rows.push_back(std::move(row));
  }
  return rows;
}

std::optional<long> days_since_epoch(const std::string& iso_date) {
  std::optional<double> minutes = parse_local_time(iso_date + " 00:00");
  if (!minutes) return std::nullopt;
  return static_cast<long>(*minutes / 1440.0);
}

namespace {

// The outcome line: done is judged by the levels, the rest by the calendar.
std::string outcome_text(const ActionFollowUp& f) {
  if (!f.after) return fmt::format("{}, not assessed at this visit", to_string(f.action.status));
  if (f.action.status == ActionStatus::Done) return f.improved ? "done and improved" : "done but not improved";
  std::string text = to_string(f.action.status);
  if (f.overdue_days) text += fmt::format(", overdue {} day{}", *f.overdue_days, *f.overdue_days == 1 ? "" : "s");
  if (f.improved) text += ", improved already";
  return text;
}

std::optional<int> answered_level(const Scorecard& card, const std::string& item) {
  const ItemResult* r = card.find_item(item);
  return r && r->status == ItemStatus::Answered ? r->level : std::nullopt;
}

}  // namespace

std::vector<ActionFollowUp> follow_up_actions(const std::vector<PlannedAction>& plan, const Scorecard& previous,
                                              const Scorecard& now) {
  std::optional<long> today = days_since_epoch(now.assessment->meta.date);
  std::vector<ActionFollowUp> follow_ups;
  for (const auto& action : plan) {
    ActionFollowUp f;
    f.action = action;
    if (const ItemResult* r = now.find_item(action.item)) f.text = r->item->text;
    else if (const ItemResult* old = previous.find_item(action.item)) f.text = old->item->text;
    f.before = answered_level(previous, action.item);
    f.after = answered_level(now, action.item);
    f.improved = f.before && f.after && *f.after > *f.before;
    std::optional<long> due = action.due.empty() ? std::nullopt : days_since_epoch(action.due);
    if (action.status != ActionStatus::Done && due && today && *due < *today) f.overdue_days = static_cast<int>(*today - *due);
    f.outcome = outcome_text(f);
    follow_ups.push_back(std::move(f));
  }
  return follow_ups;
}

FollowUpCounts count_follow_ups(const std::vector<ActionFollowUp>& follow_ups) {
  FollowUpCounts counts;
  for (const auto& f : follow_ups) {
    if (f.action.status == ActionStatus::Done) (f.improved ? counts.done_improved : counts.done_not_improved)++;
    else counts.open++;
    if (f.overdue_days) counts.overdue++;
  }
  return counts;
}

OverdueCounts count_overdue(const std::vector<PlannedAction>& plan, const std::string& as_of) {
  std::optional<long> today = days_since_epoch(as_of);
  if (!today) throw UsageError(fmt::format("'{}' is not a date (expected YYYY-MM-DD)", as_of));
  OverdueCounts counts;
  for (const auto& action : plan) {
    if (action.status == ActionStatus::Done) continue;
    ++counts.open;
    std::optional<long> due = action.due.empty() ? std::nullopt : days_since_epoch(action.due);
    if (!due || *due >= *today) continue;
    ++counts.overdue;
    counts.oldest_overdue_days = std::max(counts.oldest_overdue_days.value_or(0), *today - *due);
  }
  return counts;
}

std::vector<size_t> most_overdue_first(const std::vector<std::optional<OverdueCounts>>& counts) {
  std::vector<size_t> order;
  for (size_t i = 0; i < counts.size(); ++i)
    if (counts[i] && counts[i]->overdue > 0) order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const OverdueCounts& x = *counts[a];
    const OverdueCounts& y = *counts[b];
    if (x.overdue != y.overdue) return x.overdue > y.overdue;
    return x.oldest_overdue_days.value_or(0) > y.oldest_overdue_days.value_or(0);
  });
  return order;
}

}  // namespace cjb
