#pragma once
// The figures of a benchmark as the PDF draws them (render/report_document.h, PdfDrawing): the
// chain heat map in parts of a page each (a region per page when grouped by region), the box
// plots of every layer and group, and the trend of one site. Each copies what it draws, so it
// outlives the report it was made from.

#include <memory>

#include "render/benchmark_heatmap.h"
#include "render/benchmark_report.h"
#include "render/report_document.h"

namespace cjb::render {

// Rows of sites, a column per touchpoint in each channel, cells in the model's band colours,
// the column heads and the band legend on every page it runs over.
std::shared_ptr<const PdfDrawing> heatmap_drawing(const Heatmap& heatmap, const Model* model);

// A box plot per score (overall, layers, groups) on a 0–100 axis with the bands shaded behind,
// the subject as a diamond when there is one.
std::shared_ptr<const PdfDrawing> boxplot_drawing(const BenchmarkReport& report);

// The --site visits as lines (overall, then each layer) on a 0–100 axis, a point per visit.
std::shared_ptr<const PdfDrawing> trend_drawing(const BenchmarkReport& report);

// The model's bands as legend entries ("Developing", "40–60", colour), lowest first.
std::vector<LegendEntry> band_legend_entries(const Model* model);

}  // namespace cjb::render
