#pragma once
// The tables of a benchmark as rows of text cells, shared by the text, HTML and PDF writers.

#include <string>

#include "render/benchmark_report.h"
#include "render/text_table.h"

namespace cjb::render {

struct BenchmarkTables {
  // rank, site id, name, region, format/tags, date (or period), overall, band, layers, change,
  // visits (--visits all: the visit's id after the date)
  TextTable league;
  TextTable bottom, top;         // the 10 lowest and highest sites
  TextTable improved, declined;  // the largest changes since the previous visit
  TextTable critical;            // sites with critical failures: which item, since when
  TextTable overdue;             // --actions: stores with overdue actions, most overdue first
  TextTable weakest;             // the groups where the chain is weakest: median and spread
  TextTable rollup_groups;       // --by: group medians, one column per value
  TextTable stats;      // one row per score: n, mean, median, p25, p75, min, max
  TextTable standings;  // the subject against its peers (empty without --subject)
  TextTable rollup;     // overall score per value of --by (empty without --by)
  TextTable trend;      // the --site visits by date, change since the previous one, layers
  TextTable trend_groups;  // --site: overall, layers and groups down, visits across, change
  TextTable site_kpis;     // --kpi: per site, audits, mean audit score and the headline KPIs
  TextTable correlations;  // --kpi: per KPI, the sites with both and Spearman's rho
};

BenchmarkTables benchmark_tables(const BenchmarkReport& report);

// "N assessments scored of M files (K left out); visits combined …"
std::string benchmark_heading_line(const BenchmarkReport& report);
// "Mini & Co; visits 2026-01-05 to 2026-02-10": the retailers and the dates the cohort spans.
std::string benchmark_chain_line(const BenchmarkReport& report);

}  // namespace cjb::render
