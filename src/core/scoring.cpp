#include "core/scoring.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>

#include "core/scoring_plan.h"

namespace cjb {

const char* to_string(ItemStatus status) {
  switch (status) {
    case ItemStatus::Answered: return "answered";
    case ItemStatus::NotApplicable: return "na";
    case ItemStatus::Waived: return "waived";
    case ItemStatus::Unanswered: return "unanswered";
  }
  return "unanswered";
}

std::optional<double> weighted_mean(const std::vector<std::pair<std::optional<double>, double>>& values) {
  double sum = 0, weights = 0;
  for (const auto& [value, weight] : values) {
    if (!value) continue;
    sum += weight * *value;
    weights += weight;
  }
  if (weights <= 0) return std::nullopt;
  return sum / weights;
}

const GroupResult* Scorecard::find_group(const std::string& id) const {
  for (const auto& g : groups)
    if (g.id == id) return &g;
  return nullptr;
}
const LayerResult* Scorecard::find_layer(const std::string& id) const {
  for (const auto& l : layers)
    if (l.id == id) return &l;
  return nullptr;
}
const SectionResult* Scorecard::find_section(const std::string& group, const std::string& channel) const {
  for (const auto& s : sections)
    if (s.group == group && s.channel == channel) return &s;
  return nullptr;
}
const ItemResult* Scorecard::find_item(const std::string& id) const {
  for (const auto& i : items)
    if (i.id == id) return &i;
  return nullptr;
}
std::vector<std::string> Scorecard::critical_failures() const {
  std::vector<std::string> ids;
  for (const auto& s : sections) ids.insert(ids.end(), s.critical_failures.begin(), s.critical_failures.end());
  return ids;
}

namespace {

void fill_figure(Figure& f, std::optional<double> score, double target, const Model& model) {
  f.score = score;
  f.target = target;
  if (score) {
    f.band = model.band_for(*score);
    f.gap = std::max(0.0, target - *score);
  }
  if (f.applicable > 0) f.completeness = static_cast<double>(f.answered) / f.applicable;
}

}  // namespace

void order_actions(std::vector<Action>& actions) {
  // Impacts are compared at 1e-9 points, so that two actions whose impacts differ only by
  // floating-point noise (different summation orders) count as tied.
  auto key = [](const Action& a) { return std::llround(a.impact * 1e9); };
  std::sort(actions.begin(), actions.end(), [&](const Action& a, const Action& b) {
    if (a.fix_now != b.fix_now) return a.fix_now;
    if (key(a) != key(b)) return key(a) > key(b);
    return a.item < b.item;
  });
}

namespace {

using SectionSums = ScoringPlan::SectionSums;
using Scores = std::vector<std::optional<double>>;

// The scores of every level of the roll-up, kept so that the action plan can re-run one
// branch of it (one section → its group → its layer → overall) without recomputing the rest.
struct RolledUp {
  Scores sections, groups, layers;
  std::optional<double> overall;
};

// How one item stands: its response, status, level and score.
ItemResult item_result(const ScoringPlan::PlannedItem& planned, const Response* response, const std::string& date) {
  const Item& item = *planned.item;
  ItemResult result;
  result.item = &item;
  result.id = item.id;
  result.group = item.group;
  result.channel = item.channel;
  result.weight = planned.weight;
  result.max_level = planned.max_level;
  result.critical = item.critical;
  result.response = response;
  if (!response) return result;
  if (const auto& waiver = response->waiver) {
    result.waiver_expired = waiver->expired_on(date);
    result.status = result.waiver_expired ? ItemStatus::Unanswered : ItemStatus::Waived;
  } else if (response->na) {
    result.status = ItemStatus::NotApplicable;
  } else if (response->level) {
    result.status = ItemStatus::Answered;
    result.level = response->level;
    result.score = item_score(*result.level, planned.max_level);
  }
  return result;
}

// Items and their sections: statuses, counts, critical failures and each section's sums.
std::vector<SectionSums> score_items(const ScoringPlan& plan, const Assessment& assessment, Scorecard& card) {
  // Keys view the responses' own ids: no copies (the assessment outlives this function).
  std::unordered_map<std::string_view, const Response*> responses;
  responses.reserve(assessment.responses.size());
  for (const auto& r : assessment.responses) responses.emplace(r.item, &r);

  std::vector<SectionSums> sums(plan.sections().size());
  card.sections.reserve(plan.sections().size());
  for (const auto& section : plan.sections()) {
    SectionResult result;
    result.group = std::string(section.group);
    result.channel = std::string(section.channel);
    card.sections.push_back(std::move(result));
  }
  card.items.reserve(plan.items().size());
  for (const auto& planned : plan.items()) {
    auto found = responses.find(planned.item->id);
    ItemResult result = item_result(planned, found == responses.end() ? nullptr : found->second, assessment.meta.date);
    SectionResult& section = card.sections[planned.section];
    if (result.status != ItemStatus::NotApplicable && result.status != ItemStatus::Waived) ++section.applicable;
    if (result.status == ItemStatus::Answered) {
      ++section.answered;
      sums[planned.section].add(planned, *result.level);
      if (result.critical && *result.level == 0) section.critical_failures.push_back(result.id);
    }
    if (result.status == ItemStatus::Unanswered) card.unanswered.push_back(result.id);
    if (result.response && result.response->waiver) card.waivers.push_back(result.id);
    card.items.push_back(std::move(result));
  }
  for (size_t i = 0; i < card.sections.size(); ++i) {
    card.sections[i].score = plan.section_score(sums[i]);
    if (sums[i].weights > 0) card.sections[i].uncapped = sums[i].weighted / sums[i].weights;
  }
  return sums;
}

// Groups and layers with their figures, and the overall figure.
RolledUp roll_up(const ScoringPlan& plan, Scorecard& card) {
  const Model& model = plan.model();
  RolledUp scores;
  for (const auto& s : card.sections) scores.sections.push_back(s.score);
  for (size_t g = 0; g < plan.groups().size(); ++g) scores.groups.push_back(plan.group_score(g, scores.sections));
  for (size_t l = 0; l < plan.layers().size(); ++l) scores.layers.push_back(plan.layer_score(l, scores.groups));
  scores.overall = plan.overall_score(scores.layers);

  for (size_t g = 0; g < plan.groups().size(); ++g) {
    const auto& planned = plan.groups()[g];
    GroupResult& gr = card.groups.emplace_back();
    gr.id = std::string(planned.id);
    gr.layer = std::string(planned.layer);
    gr.weight = planned.weight;
    gr.sections = planned.sections;
    for (size_t s : gr.sections) {
      gr.figure.answered += card.sections[s].answered;
      gr.figure.applicable += card.sections[s].applicable;
    }
    fill_figure(gr.figure, scores.groups[g], planned.target, model);
  }
  for (size_t l = 0; l < plan.layers().size(); ++l) {
    const auto& planned = plan.layers()[l];
    LayerResult& lr = card.layers.emplace_back();
    lr.id = std::string(planned.id);
    lr.weight = planned.weight;
    lr.groups = planned.groups;
    for (size_t g : lr.groups) {
      lr.figure.answered += card.groups[g].figure.answered;
      lr.figure.applicable += card.groups[g].figure.applicable;
    }
    fill_figure(lr.figure, scores.layers[l], planned.target, model);
    card.overall.answered += lr.figure.answered;
    card.overall.applicable += lr.figure.applicable;
  }
  fill_figure(card.overall, scores.overall, plan.overall_target(), model);
  return scores;
}

// Action plan: raise one answered item to its max, re-apply the cap, re-run its branch of the
// roll-up (docs/scoring.md, "Action plan").
void plan_actions(const ScoringPlan& plan, const std::vector<SectionSums>& sums, RolledUp scores, Scorecard& card) {
  for (size_t i = 0; i < card.items.size(); ++i) {
    const ItemResult& item = card.items[i];
    if (item.status != ItemStatus::Answered || *item.level >= item.max_level) continue;
    size_t s = plan.items()[i].section;
    SectionSums raised = sums[s];
    raised.weighted += item.weight * (100.0 - *item.score);
    if (item.critical && *item.level == 0) --raised.critical_failures;
    // Only this section's branch of the roll-up changes: its group, its layer, the overall.
    size_t g = plan.sections()[s].group_index, l = plan.groups()[g].layer_index;
    std::optional<double> group_before = scores.groups[g], layer_before = scores.layers[l];
    scores.sections[s] = plan.section_score(raised);
    scores.groups[g] = plan.group_score(g, scores.sections);
    scores.layers[l] = plan.layer_score(l, scores.groups);
    auto after = plan.overall_score(scores.layers);
    scores.sections[s] = card.sections[s].score;
    scores.groups[g] = group_before;
    scores.layers[l] = layer_before;
    card.actions.push_back({item.id, *after - *scores.overall, item.critical && *item.level == 0});
  }
  order_actions(card.actions);
}

}  // namespace

Scorecard score_assessment(const Instrument& instrument, const Assessment& assessment,
                           const ScoringOptions& options) {
  const ScoringPlan plan(instrument, options.evidence);
  Scorecard card;
  card.instrument = &instrument;
  card.assessment = &assessment;
  card.critical_cap = plan.critical_cap();
  card.evidence = options.evidence;

  std::vector<SectionSums> sums = score_items(plan, assessment, card);
  RolledUp scores = roll_up(plan, card);
  // Channel scores: weighted (group weights) mean of the channel's journey sections.
  for (size_t c = 0; c < plan.channels().size(); ++c) {
    const auto& channel = plan.channels()[c];
    card.channels.push_back({std::string(instrument.channels[c]), channel.weight, plan.channel_score(c, scores.sections)});
  }
  if (options.actions && scores.overall) plan_actions(plan, sums, std::move(scores), card);
  return card;
}

}  // namespace cjb
