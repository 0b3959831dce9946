#pragma once
// A benchmark as a report document (render/report_document.h), so that the chain view's HTML
// and PDF are drawn by the gap report's own renderers: the same template, fonts, colours,
// cover, running header and footer. A cover with the chain, period and cohort, then for each
// cohort: summary, league, heat map, distributions, movers (and the subject, roll-up, trend and
// KPIs when asked for).

#include <vector>

#include "render/benchmark_report.h"
#include "render/report_document.h"
#include "render/report_template.h"

namespace cjb::render {

// cohorts: at least one. The template gives the branding and colours (its sections are the gap
// report's and are not used here); "{retailer}" in its texts is the chain's name.
Document benchmark_document(const std::vector<BenchmarkReport>& cohorts, const ReportTemplate& report_template);

}  // namespace cjb::render
