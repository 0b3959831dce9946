#pragma once
// How far two audits of one visit agree (calibration, docs/agreement.md): the share of items
// answered alike, Cohen's kappa per scale (quadratic-weighted for the 0–4 maturity scale,
// plain for yes/no), the widest disagreements, and what they do to the overall score.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/catalog.h"
#include "core/scoring.h"

namespace cjb {

enum class KappaWeights { Plain, Quadratic };

// Cohen's kappa of two raters' ratings, each pair (rater A, rater B) a category 0 … categories−1:
// κ = 1 − Σ w·observed / Σ w·expected, with w(i, j) = [i ≠ j] (plain) or (i − j)² / (k − 1)²
// (quadratic), observed the share of pairs in cell (i, j) and expected the product of the two
// raters' marginal shares. nullopt when there is no pair, or when chance alone cannot disagree
// (both raters gave one and the same category throughout): kappa is undefined then.
std::optional<double> cohen_kappa(const std::vector<std::pair<int, int>>& pairs, int categories, KappaWeights weights);

// Kappa over the items of one scale answered with a level in both audits.
struct ScaleKappa {
  std::string scale;  // scale id
  int categories = 2;
  KappaWeights weights = KappaWeights::Plain;  // plain for two levels, quadratic for more
  size_t items = 0;
  std::optional<double> kappa;
};

// An item the two audits answer differently.
struct Disagreement {
  std::string item;
  std::optional<int> level_a, level_b;  // nullopt: N/A or unanswered
  bool na_a = false, na_b = false;
  double gap = 0;  // |level_a − level_b| / max level; 1 for a level against N/A; 0 when one is unanswered
};

struct Agreement {
  size_t compared = 0;  // items in scope answered (level or N/A) in at least one audit
  size_t alike = 0;     // the same level, or N/A in both
  std::vector<ScaleKappa> kappas;          // model order of scales, only scales with items in scope
  std::vector<Disagreement> disagreements;  // widest first: gap, then a level pair before N/A, then instrument order
  std::optional<double> overall_a, overall_b;
  struct Layer {
    std::string id;
    std::optional<double> a, b;
  };
  std::vector<Layer> layers;  // model order
};

// Compares two assessments of one instrument (both checked against it).
Agreement measure_agreement(const Instrument& instrument, const Assessment& a, const Assessment& b);

}  // namespace cjb
