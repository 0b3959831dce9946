#include "core/scoring.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>

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

// Running sums of one section, enough to recompute its score after changing one item.
struct SectionSums {
  double weighted = 0;  // Σ w·s over answered items
  double weights = 0;   // Σ w over answered items
  int critical_failures = 0;
};

std::optional<double> section_score(const SectionSums& sums, double cap) {
  if (sums.weights <= 0) return std::nullopt;
  double score = sums.weighted / sums.weights;
  if (sums.critical_failures > 0) score = std::min(score, cap);
  return score;
}

// The roll-up from section scores to the overall score, kept as index tables so that the
// action plan can re-run one branch of it (one section → its group → its layer → overall)
// without recomputing the rest. Each mean sums in the same order as the full roll-up, so a
// partial re-run gives bit-for-bit the numbers a full re-scoring would.
struct Rollup {
  const Scorecard* card;
  std::vector<double> section_weights;  // channel weight of each section
  std::vector<size_t> section_group;    // group index of each section
  std::vector<size_t> group_layer;      // layer index of each group

  Rollup(const Instrument& instrument, const Scorecard& scorecard) : card(&scorecard) {
    section_weights.reserve(card->sections.size());
    for (const auto& s : card->sections) section_weights.push_back(instrument.channel_weight(s.channel));
    section_group.assign(card->sections.size(), 0);
    for (size_t g = 0; g < card->groups.size(); ++g)
      for (size_t s : card->groups[g].sections) section_group[s] = g;
    group_layer.assign(card->groups.size(), 0);
    for (size_t l = 0; l < card->layers.size(); ++l)
      for (size_t g : card->layers[l].groups) group_layer[g] = l;
  }

  std::optional<double> group_score(size_t g, const std::vector<std::optional<double>>& sections) const {
    std::vector<std::pair<std::optional<double>, double>> values;
    values.reserve(card->groups[g].sections.size());
    for (size_t s : card->groups[g].sections) values.emplace_back(sections[s], section_weights[s]);
    return weighted_mean(values);
  }
  std::optional<double> layer_score(size_t l, const std::vector<std::optional<double>>& groups) const {
    std::vector<std::pair<std::optional<double>, double>> values;
    values.reserve(card->layers[l].groups.size());
    for (size_t g : card->layers[l].groups) values.emplace_back(groups[g], card->groups[g].weight);
    return weighted_mean(values);
  }
  std::vector<std::optional<double>> group_scores(const std::vector<std::optional<double>>& sections) const {
    std::vector<std::optional<double>> out;
    out.reserve(card->groups.size());
    for (size_t g = 0; g < card->groups.size(); ++g) out.push_back(group_score(g, sections));
    return out;
  }
  std::vector<std::optional<double>> layer_scores(const std::vector<std::optional<double>>& groups) const {
    std::vector<std::optional<double>> out;
    out.reserve(card->layers.size());
    for (size_t l = 0; l < card->layers.size(); ++l) out.push_back(layer_score(l, groups));
    return out;
  }
  std::optional<double> overall(const std::vector<std::optional<double>>& layers) const {
    std::vector<std::pair<std::optional<double>, double>> values;
    values.reserve(card->layers.size());
    for (size_t l = 0; l < card->layers.size(); ++l) values.emplace_back(layers[l], card->layers[l].weight);
    return weighted_mean(values);
  }
};

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

Scorecard score_assessment(const Instrument& instrument, const Assessment& assessment,
                           const ScoringOptions& options) {
  const Model& model = *instrument.model;
  Scorecard card;
  card.instrument = &instrument;
  card.assessment = &assessment;
  card.critical_cap = model.critical_cap;
  card.evidence = options.evidence;

  // Keys view the responses' own ids: no copies (the assessment outlives this function).
  std::unordered_map<std::string_view, const Response*> responses;
  responses.reserve(assessment.responses.size());
  for (const auto& r : assessment.responses) responses.emplace(r.item, &r);

  // Items, and the sections they fall in (instrument order is group, then channel).
  std::vector<SectionSums> sums;
  std::vector<size_t> item_section;
  item_section.reserve(instrument.items.size());
  card.items.reserve(instrument.items.size());
  for (const auto& scoped : instrument.items) {
    const Item& item = *scoped.item;
    if (options.evidence && item.evidence_kind != options.evidence) continue;
    ItemResult result;
    result.item = &item;
    result.id = item.id;
    result.group = item.group;
    result.channel = item.channel;
    result.weight = scoped.weight;
    result.max_level = scoped.max_level;
    result.critical = item.critical;
    auto it = responses.find(item.id);
    if (it != responses.end()) {
      result.response = it->second;
      if (const auto& waiver = it->second->waiver) {
        result.waiver_expired = waiver->expired_on(assessment.meta.date);
        result.status = result.waiver_expired ? ItemStatus::Unanswered : ItemStatus::Waived;
      } else if (it->second->na) {
        result.status = ItemStatus::NotApplicable;
      } else if (it->second->level) {
        result.status = ItemStatus::Answered;
        result.level = it->second->level;
        result.score = 100.0 * *result.level / scoped.max_level;
      }
    }
    if (card.sections.empty() || card.sections.back().group != item.group || card.sections.back().channel != item.channel) {
      SectionResult section;
      section.group = item.group;
      section.channel = item.channel;
      card.sections.push_back(section);
      sums.emplace_back();
    }
    SectionResult& section = card.sections.back();
    SectionSums& s = sums.back();
    if (result.status != ItemStatus::NotApplicable && result.status != ItemStatus::Waived) ++section.applicable;
    if (result.status == ItemStatus::Answered) {
      ++section.answered;
      s.weighted += result.weight * *result.score;
      s.weights += result.weight;
      if (result.critical && *result.level == 0) {
        ++s.critical_failures;
        section.critical_failures.push_back(item.id);
      }
    }
    if (result.status == ItemStatus::Unanswered) card.unanswered.push_back(item.id);
    if (result.response && result.response->waiver) card.waivers.push_back(item.id);
    item_section.push_back(card.sections.size() - 1);
    card.items.push_back(std::move(result));
  }
  for (size_t i = 0; i < card.sections.size(); ++i) {
    card.sections[i].score = section_score(sums[i], model.critical_cap);
    if (sums[i].weights > 0) card.sections[i].uncapped = sums[i].weighted / sums[i].weights;
  }

  // Groups and layers in model order, only those with sections.
  std::unordered_map<std::string_view, std::vector<size_t>> sections_of_group;
  for (size_t s = 0; s < card.sections.size(); ++s) sections_of_group[card.sections[s].group].push_back(s);
  for (const auto& layer : model.layers) {
    LayerResult lr;
    lr.id = layer.id;
    lr.weight = instrument.layer_weight(layer.id);
    for (const auto& group_id : layer.groups) {
      auto found = sections_of_group.find(group_id);
      if (found == sections_of_group.end()) continue;
      GroupResult gr;
      gr.id = group_id;
      gr.layer = layer.id;
      gr.weight = instrument.group_weight(group_id);
      gr.sections = found->second;
      lr.groups.push_back(card.groups.size());
      card.groups.push_back(std::move(gr));
    }
    if (!lr.groups.empty()) card.layers.push_back(std::move(lr));
  }

  Rollup rollup(instrument, card);
  std::vector<std::optional<double>> section_scores;
  for (const auto& s : card.sections) section_scores.push_back(s.score);
  auto group_scores = rollup.group_scores(section_scores);
  auto layer_scores = rollup.layer_scores(group_scores);
  auto overall = rollup.overall(layer_scores);

  for (size_t g = 0; g < card.groups.size(); ++g) {
    auto& gr = card.groups[g];
    for (size_t s : gr.sections) {
      gr.figure.answered += card.sections[s].answered;
      gr.figure.applicable += card.sections[s].applicable;
    }
    fill_figure(gr.figure, group_scores[g], instrument.group_target(gr.id), model);
  }
  for (size_t l = 0; l < card.layers.size(); ++l) {
    auto& lr = card.layers[l];
    for (size_t g : lr.groups) {
      lr.figure.answered += card.groups[g].figure.answered;
      lr.figure.applicable += card.groups[g].figure.applicable;
    }
    fill_figure(lr.figure, layer_scores[l], instrument.layer_target(lr.id), model);
    card.overall.answered += lr.figure.answered;
    card.overall.applicable += lr.figure.applicable;
  }
  fill_figure(card.overall, overall, instrument.overall_target, model);

  // Channel scores: weighted (group weights) mean of the channel's journey sections.
  for (const auto& channel : instrument.channels) {
    ChannelResult cr;
    cr.id = channel;
    cr.weight = instrument.channel_weight(channel);
    std::vector<std::pair<std::optional<double>, double>> values;
    for (const auto& group : card.groups) {
      if (group.layer != kJourney) continue;
      for (size_t s : group.sections)
        if (card.sections[s].channel == channel) values.emplace_back(card.sections[s].score, group.weight);
    }
    cr.score = weighted_mean(values);
    card.channels.push_back(cr);
  }

  // Action plan: raise one answered item to its max, re-apply the cap, re-run the roll-up.
  if (options.actions && overall) {
    for (size_t i = 0; i < card.items.size(); ++i) {
      const ItemResult& item = card.items[i];
      if (item.status != ItemStatus::Answered || *item.level >= item.max_level) continue;
      size_t s = item_section[i];
      SectionSums raised = sums[s];
      raised.weighted += item.weight * (100.0 - *item.score);
      if (item.critical && *item.level == 0) --raised.critical_failures;
      // Only this section's branch of the roll-up changes: its group, its layer, the overall.
      section_scores[s] = section_score(raised, model.critical_cap);
      size_t g = rollup.section_group[s], l = rollup.group_layer[g];
      std::optional<double> group_before = group_scores[g], layer_before = layer_scores[l];
      group_scores[g] = rollup.group_score(g, section_scores);
      layer_scores[l] = rollup.layer_score(l, group_scores);
      auto after = rollup.overall(layer_scores);
      section_scores[s] = card.sections[s].score;
      group_scores[g] = group_before;
      layer_scores[l] = layer_before;
      card.actions.push_back({item.id, *after - *overall, item.critical && *item.level == 0});
    }
    order_actions(card.actions);
  }
  return card;
}

}  // namespace cjb
