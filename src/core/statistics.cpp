#include "core/statistics.h"

#include <algorithm>
#include <cmath>

namespace cjb {

std::optional<double> percentile_sorted(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return std::nullopt;
  double h = (static_cast<double>(sorted.size()) - 1) * std::clamp(p, 0.0, 100.0) / 100.0;
  size_t lo = static_cast<size_t>(std::floor(h));
  size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

std::optional<double> percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  return percentile_sorted(values, p);
}

std::optional<double> percentile_rank(const std::vector<double>& peers, double v) {
  if (peers.empty()) return std::nullopt;
  double below = 0, equal = 0;
  for (double x : peers) {
    if (x < v) ++below;
    else if (x == v) ++equal;
  }
  return 100.0 * (below + 0.5 * equal) / static_cast<double>(peers.size());
}

Summary summarise(std::vector<double> values) {
  Summary s;
  s.n = static_cast<int>(values.size());
  if (values.empty()) return s;
  std::sort(values.begin(), values.end());
  double sum = 0;
  for (double v : values) sum += v;
  s.mean = sum / values.size();
  s.median = *percentile_sorted(values, 50);
  s.p25 = *percentile_sorted(values, 25);
  s.p75 = *percentile_sorted(values, 75);
  s.min = values.front();
  s.max = values.back();
  return s;
}

}  // namespace cjb
