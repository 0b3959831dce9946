#pragma once
// Charts of a benchmark as self-contained SVG, for the HTML page: the distribution of every
// layer and group score as box plots, and the trend of one site as a line chart.

#include <string>

#include "render/benchmark_report.h"

namespace cjb::render {

// A box plot per score (overall, layers, groups; model order) over the league's rows: the box
// from p25 to p75, a line at the median, whiskers to min and max, on a 0–100 axis with the
// model's bands shaded behind; the subject's score marked with a diamond when there is one.
// "" when there is nothing to draw.
std::string distribution_svg(const BenchmarkReport& report);

// The --site visits in date order: the overall score and each layer as lines on a 0–100 axis,
// a point per visit. "" without a trend.
std::string trend_svg(const BenchmarkReport& report);

}  // namespace cjb::render
