#pragma once
// The chain heat map (docs/benchmark.md, "Heat map"): a row per site, a column per touchpoint
// in each channel, every cell coloured by the model's band of that touchpoint's score. As data
// first (one layout for SVG, HTML and PDF), then as SVG.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "render/benchmark_report.h"

namespace cjb::render {

struct Heatmap {
  struct Column {
    std::string_view group, channel;  // ids, into the model
    std::string group_label, channel_label;
  };
  struct Row {
    std::string site_id, name, region;
    std::optional<double> overall;
    std::vector<std::optional<double>> cells;  // one per column; null: not answered or not in scope
  };
  struct Block {
    std::string title;  // "" when sorted by overall score; the region otherwise
    std::vector<Row> rows;
  };
  std::vector<Column> columns;  // channel by channel in model order, touchpoints in model order
  std::vector<Block> blocks;
};

// The rows of the league (report.rows) with their touchpoints. by_region: a block per region
// (in region order, "(none)" last), league order within; else one block in league order.
Heatmap build_heatmap(const BenchmarkReport& report, bool by_region);

// The band colour of a score ("#RRGGBB"), "#eeeeee" for no score or no band.
std::string heat_colour(const Model* model, std::optional<double> score);

// A self-contained SVG: a row per site, channel headers over their touchpoints, a band legend
// from the model. Every cell carries data-site, data-group, data-channel and data-score (the
// full-precision score, "" when none) and a <title> for people. Text is escaped.
std::string heatmap_svg(const BenchmarkReport& report, const Heatmap& heatmap);

}  // namespace cjb::render
