#include "core/scoring_plan.h"

#include <algorithm>

namespace cjb {

namespace {

// The weighted mean of weighted_mean (core/scoring.h) over indices, without building the list
// of pairs: the same sums in the same order, so the same result to the last bit.
template <typename Indices, typename Value, typename Weight>
std::optional<double> mean_over(const Indices& indices, Value value, Weight weight) {
  double sum = 0, weights = 0;
  for (size_t i : indices) {
    const std::optional<double>& v = value(i);
    if (!v) continue;
    const double w = weight(i);
    sum += w * *v;
    weights += w;
  }
  if (weights <= 0) return std::nullopt;
  return sum / weights;
}

}  // namespace

ScoringPlan::ScoringPlan(const Instrument& instrument, std::optional<EvidenceKind> evidence)
    : instrument_(&instrument), critical_cap_(instrument.model->critical_cap) {
  plan_items(evidence);
  plan_groups_and_layers();
  plan_channels();
}

// Sections as the instrument's order makes them (group, then channel): a new one whenever the
// (group, channel) pair changes along the items that count.
void ScoringPlan::plan_items(std::optional<EvidenceKind> evidence) {
  items_.reserve(instrument_->items.size());
  for (size_t i = 0; i < instrument_->items.size(); ++i) {
    const ScopedItem& scoped = instrument_->items[i];
    const Item& item = *scoped.item;
    if (evidence && item.evidence_kind != evidence) continue;
    if (sections_.empty() || sections_.back().group != item.group || sections_.back().channel != item.channel)
      sections_.push_back({item.group, item.channel, 0, instrument_->channel_weight(item.channel), -1});
    items_.push_back({&item, i, sections_.size() - 1, scoped.weight, scoped.max_level, item.critical});
  }
}

// Groups and layers in model order, only those with sections.
void ScoringPlan::plan_groups_and_layers() {
  const Model& model = *instrument_->model;
  for (size_t l = 0; l < model.layers.size(); ++l) {
    const Layer& layer = model.layers[l];
    PlannedLayer planned_layer{layer.id, static_cast<int>(l), instrument_->layer_weight(layer.id),
                               instrument_->layer_target(layer.id), {}};
    for (const auto& group_id : layer.groups) {
      PlannedGroup group{group_id, layer.id, model.group_index(group_id), layers_.size(),
                         instrument_->group_weight(group_id), instrument_->group_target(group_id), {}};
      for (size_t s = 0; s < sections_.size(); ++s)
        if (sections_[s].group == group_id) group.sections.push_back(s);
      if (group.sections.empty()) continue;
      for (size_t s : group.sections) sections_[s].group_index = groups_.size();
      planned_layer.groups.push_back(groups_.size());
      groups_.push_back(std::move(group));
    }
    if (!planned_layer.groups.empty()) layers_.push_back(std::move(planned_layer));
  }
}

// The instrument's journey channels, each with its journey sections in group order.
void ScoringPlan::plan_channels() {
  const Model& model = *instrument_->model;
  for (const auto& channel : instrument_->channels) {
    size_t order = 0;
    for (size_t i = 0; i < model.channels.size(); ++i)
      if (model.channels[i].id == channel) order = i;
    JourneyChannel planned{model.channels[order].id, static_cast<int>(order), instrument_->channel_weight(channel), {}};
    for (const auto& group : groups_) {
      if (group.layer != kJourney) continue;
      for (size_t s : group.sections)
        if (sections_[s].channel == channel) planned.sections.push_back(s);
    }
    for (size_t s : planned.sections) sections_[s].journey_channel = static_cast<int>(channels_.size());
    touchpoints_ += planned.sections.size();
    channels_.push_back(std::move(planned));
  }
}

std::optional<double> ScoringPlan::section_score(const SectionSums& sums) const {
  if (sums.weights <= 0) return std::nullopt;
  double score = sums.weighted / sums.weights;
  if (sums.critical_failures > 0) score = std::min(score, critical_cap_);
  return score;
}

std::optional<double> ScoringPlan::group_score(size_t group, const std::vector<std::optional<double>>& section_scores) const {
  return mean_over(groups_[group].sections, [&](size_t s) -> const std::optional<double>& { return section_scores[s]; },
                   [&](size_t s) { return sections_[s].channel_weight; });
}

std::optional<double> ScoringPlan::layer_score(size_t layer, const std::vector<std::optional<double>>& group_scores) const {
  return mean_over(layers_[layer].groups, [&](size_t g) -> const std::optional<double>& { return group_scores[g]; },
                   [&](size_t g) { return groups_[g].weight; });
}

std::optional<double> ScoringPlan::overall_score(const std::vector<std::optional<double>>& layer_scores) const {
  double sum = 0, weights = 0;
  for (size_t l = 0; l < layers_.size(); ++l) {
    if (!layer_scores[l]) continue;
    sum += layers_[l].weight * *layer_scores[l];
    weights += layers_[l].weight;
  }
  if (weights <= 0) return std::nullopt;
  return sum / weights;
}

std::optional<double> ScoringPlan::channel_score(size_t channel, const std::vector<std::optional<double>>& section_scores) const {
  return mean_over(channels_[channel].sections, [&](size_t s) -> const std::optional<double>& { return section_scores[s]; },
                   [&](size_t s) { return groups_[sections_[s].group_index].weight; });
}

}  // namespace cjb
