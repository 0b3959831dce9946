#pragma once
// Descriptive statistics for benchmarks (docs/scoring.md): type-7 percentiles and percentile ranks.

#include <optional>
#include <vector>

namespace cjb {

// The p-th percentile (0 ≤ p ≤ 100) by linear interpolation between order statistics
// ("type 7"): h = (n − 1)·p/100, x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]). values need not be
// sorted. nullopt for no values.
std::optional<double> percentile(std::vector<double> values, double p);
// The same on values already sorted ascending.
std::optional<double> percentile_sorted(const std::vector<double>& sorted, double p);

// Percentile rank of v among peers: 100 × (count(< v) + 0.5 × count(= v)) / n; nullopt for no peers.
std::optional<double> percentile_rank(const std::vector<double>& peers, double v);

struct Summary {
  int n = 0;
  double mean = 0, median = 0, p25 = 0, p75 = 0, min = 0, max = 0;  // meaningful when n > 0
};

Summary summarise(std::vector<double> values);

}  // namespace cjb
