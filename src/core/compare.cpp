#include "core/compare.h"

#include <cmath>
#include <set>

namespace cjb {

const char* to_string(ItemChange change) {
  switch (change) {
    case ItemChange::Improved: return "improved";
    case ItemChange::Regressed: return "regressed";
    case ItemChange::NewlyCritical: return "newly-critical";
    case ItemChange::NoLongerAnswered: return "no-longer-answered";
    case ItemChange::NewlyAnswered: return "newly-answered";
    case ItemChange::Added: return "added";
    case ItemChange::Removed: return "removed";
    case ItemChange::Unchanged: return "unchanged";
  }
  return "unchanged";
}

int ScorecardDiff::count(ItemChange change) const {
  int n = 0;
  for (const auto& i : items) n += i.change == change;
  return n;
}

namespace {

constexpr double kNoise = 1e-9;

ItemSide side_of(const ItemResult& r) { return ItemSide{r.status, r.level, r.score, r.critical}; }

bool critical_failure(const ItemSide& s) { return s.critical && s.status == ItemStatus::Answered && s.level == 0; }

ItemChange classify(const ItemSide& before, const ItemSide& after) {
  bool was = before.status == ItemStatus::Answered, is = after.status == ItemStatus::Answered;
  if (critical_failure(after) && !critical_failure(before)) return ItemChange::NewlyCritical;
  if (was && !is) return ItemChange::NoLongerAnswered;
  if (!was && is) return ItemChange::NewlyAnswered;
  if (!was) return ItemChange::Unchanged;
  double delta = *after.score - *before.score;
  if (delta > kNoise) return ItemChange::Improved;
  if (delta < -kNoise) return ItemChange::Regressed;
  return ItemChange::Unchanged;
}

ScoreDiff score_diff(std::string kind, std::string id, std::optional<double> before, std::optional<double> after) {
  ScoreDiff d{std::move(kind), std::move(id), before, after, std::nullopt, "no-score"};
  if (before && after) {
    d.delta = *after - *before;
    d.change = *d.delta > kNoise ? "improved" : *d.delta < -kNoise ? "regressed" : "unchanged";
  }
  return d;
}

// Scores of one kind present in either card, NEW's order first, then those only OLD has.
template <typename Result, typename Score>
void diff_named(std::vector<ScoreDiff>& out, const char* kind, const std::vector<Result>& before,
                const std::vector<Result>& after, Score score) {
  auto find = [](const std::vector<Result>& list, const std::string& id) -> const Result* {
    for (const auto& r : list)
      if (r.id == id) return &r;
    return nullptr;
  };
  for (const auto& a : after) {
    const Result* b = find(before, a.id);
    ScoreDiff d = score_diff(kind, a.id, b ? score(*b) : std::nullopt, score(a));
    if (!b) d.change = "added";
    out.push_back(std::move(d));
  }
  for (const auto& b : before)
    if (!find(after, b.id)) {
      ScoreDiff d = score_diff(kind, b.id, score(b), std::nullopt);
      d.change = "removed";
      out.push_back(std::move(d));
    }
}

std::string note_of(const ItemResult& r) { return r.response ? r.response->note : std::string(); }

}  // namespace

ScorecardDiff diff_scorecards(const Scorecard& before, const Scorecard& after) {
  ScorecardDiff diff;
  diff.before_id = before.assessment->id;
  diff.after_id = after.assessment->id;
  diff.before_date = before.assessment->meta.date;
  diff.after_date = after.assessment->meta.date;

  diff.scores.push_back(score_diff("overall", "overall", before.overall.score, after.overall.score));
  auto figure_score = [](const auto& r) { return r.figure.score; };
  diff_named(diff.scores, "layer", before.layers, after.layers, figure_score);
  diff_named(diff.scores, "group", before.groups, after.groups, figure_score);
  diff_named(diff.scores, "channel", before.channels, after.channels, [](const ChannelResult& c) { return c.score; });

  for (const auto& a : after.items) {
    ItemDiff d;
    d.id = a.id;
    d.group = a.group;
    d.channel = a.channel;
    d.after = side_of(a);
    const ItemResult* b = before.find_item(a.id);
    d.text = a.item ? a.item->text : "";
    d.finding = note_of(a);
    if (d.finding.empty() && b) d.finding = note_of(*b);
    if (!b) {
      d.change = ItemChange::Added;
    } else {
      d.before = side_of(*b);
      d.change = classify(*d.before, *d.after);
      if (d.before->score && d.after->score) d.delta = *d.after->score - *d.before->score;
    }
    diff.items.push_back(std::move(d));
  }
  std::set<std::string> in_after;
  for (const auto& a : after.items) in_after.insert(a.id);
  for (const auto& b : before.items) {
    if (in_after.count(b.id)) continue;
    ItemDiff d;
    d.id = b.id;
    d.group = b.group;
    d.channel = b.channel;
    d.before = side_of(b);
    d.text = b.item ? b.item->text : "";
    d.finding = note_of(b);
    d.change = ItemChange::Removed;
    diff.items.push_back(std::move(d));
  }
  return diff;
}

}  // namespace cjb
