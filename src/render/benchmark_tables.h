#pragma once
// The tables of a benchmark as rows of text cells, shared by the text, HTML and PDF writers.

#include <string>

#include "render/benchmark_report.h"
#include "render/text_table.h"

namespace cjb::render {

struct BenchmarkTables {
  TextTable league;     // rank, id, retailer, site, date (or period), overall[, visits]
  TextTable stats;      // one row per score: n, mean, median, p25, p75, min, max
  TextTable standings;  // the subject against its peers (empty without --subject)
  TextTable rollup;     // overall score per value of --by (empty without --by)
  TextTable trend;      // the --site visits by date, change since the previous one, layers
  TextTable site_kpis;     // --kpi: per site, audits, mean audit score and the headline KPIs
  TextTable correlations;  // --kpi: per KPI, the sites with both and Spearman's rho
};

BenchmarkTables benchmark_tables(const BenchmarkReport& report);

// "N assessments scored of M files (K left out); visits combined …"
std::string benchmark_heading_line(const BenchmarkReport& report);

}  // namespace cjb::render
