#include "core/agreement.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace cjb {

std::optional<double> cohen_kappa(const std::vector<std::pair<int, int>>& pairs, int categories, KappaWeights weights) {
  if (pairs.empty() || categories < 2) return std::nullopt;
  const size_t k = static_cast<size_t>(categories);
  std::vector<double> observed(k * k, 0), row(k, 0), column(k, 0);
  const double share = 1.0 / static_cast<double>(pairs.size());
  for (auto [i, j] : pairs) {
    if (i < 0 || j < 0 || i >= categories || j >= categories) return std::nullopt;
    observed[static_cast<size_t>(i) * k + static_cast<size_t>(j)] += share;
    row[static_cast<size_t>(i)] += share;
    column[static_cast<size_t>(j)] += share;
  }
  double observed_disagreement = 0, expected_disagreement = 0;
  for (size_t i = 0; i < k; ++i) {
    for (size_t j = 0; j < k; ++j) {
      const double d = static_cast<double>(i) - static_cast<double>(j);
      const double w = weights == KappaWeights::Plain ? (i == j ? 0.0 : 1.0) : d * d / ((k - 1.0) * (k - 1.0));
      observed_disagreement += w * observed[i * k + j];
      expected_disagreement += w * row[i] * column[j];
    }
  }
  if (expected_disagreement < 1e-12) return std::nullopt;
  return 1 - observed_disagreement / expected_disagreement;
}

namespace {

Disagreement disagreement(const ScopedItem& scoped, const Response* a, const Response* b) {
  Disagreement d;
  d.item = scoped.item->id;
  if (a) {
    d.level_a = a->na ? std::nullopt : a->level;
    d.na_a = a->na;
  }
  if (b) {
    d.level_b = b->na ? std::nullopt : b->level;
    d.na_b = b->na;
  }
  if (d.level_a && d.level_b) d.gap = std::abs(*d.level_a - *d.level_b) / static_cast<double>(std::max(1, scoped.max_level));
  else if ((d.level_a && d.na_b) || (d.na_a && d.level_b)) d.gap = 1;
  return d;
}

bool answered(const Response* r) { return r && (r->na || r->level); }

}  // namespace

Agreement measure_agreement(const Instrument& instrument, const Assessment& a, const Assessment& b) {
  Agreement result;
  std::map<std::string, std::vector<std::pair<int, int>>> pairs_by_scale;
  std::map<std::string, int> max_level_of;
  std::vector<std::pair<size_t, Disagreement>> found;  // instrument position, disagreement
  for (size_t position = 0; position < instrument.items.size(); ++position) {
    const ScopedItem& scoped = instrument.items[position];
    max_level_of[scoped.item->scale] = scoped.max_level;
    const Response* ra = a.find_response(scoped.item->id);
    const Response* rb = b.find_response(scoped.item->id);
    if (!answered(ra) && !answered(rb)) continue;
    ++result.compared;
    const bool both_levels = answered(ra) && answered(rb) && !ra->na && !rb->na;
    if (both_levels) pairs_by_scale[scoped.item->scale].push_back({*ra->level, *rb->level});
    if (answered(ra) && answered(rb) && ra->na == rb->na && ra->level == rb->level) {
      ++result.alike;
      continue;
    }
    found.push_back({position, disagreement(scoped, ra, rb)});
  }
  for (const auto& scale : instrument.model->scales) {
    auto it = max_level_of.find(scale.id);
    if (it == max_level_of.end()) continue;
    ScaleKappa k;
    k.scale = scale.id;
    k.categories = it->second + 1;
    k.weights = k.categories > 2 ? KappaWeights::Quadratic : KappaWeights::Plain;
    const auto& pairs = pairs_by_scale[scale.id];
    k.items = pairs.size();
    k.kappa = cohen_kappa(pairs, k.categories, k.weights);
    result.kappas.push_back(k);
  }
  std::stable_sort(found.begin(), found.end(), [](const auto& x, const auto& y) {
    const bool x_levels = x.second.level_a && x.second.level_b, y_levels = y.second.level_a && y.second.level_b;
    if (std::abs(x.second.gap - y.second.gap) > 1e-9) return x.second.gap > y.second.gap;
    if (x_levels != y_levels) return x_levels;
    return x.first < y.first;
  });
  for (auto& f : found) result.disagreements.push_back(std::move(f.second));

  Scorecard score_a = score_assessment(instrument, a, ScoringOptions{false});
  Scorecard score_b = score_assessment(instrument, b, ScoringOptions{false});
  result.overall_a = score_a.overall.score;
  result.overall_b = score_b.overall.score;
  for (const auto& layer : score_a.layers) {
    const LayerResult* other = score_b.find_layer(layer.id);
    result.layers.push_back({layer.id, layer.figure.score, other ? other->figure.score : std::nullopt});
  }
  return result;
}

}  // namespace cjb
