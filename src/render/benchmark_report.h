#pragma once
// Writers of a benchmark run (`cjb benchmark`): text for terminals, JSON (schema
// "cjb.benchmark/1"), CSV, self-contained HTML and PDF. Every writer is deterministic: the
// same report gives the same bytes.

#include <optional>
#include <string>
#include <vector>

#include "core/benchmark.h"
#include "core/kpi.h"
#include "render/kpi_report.h"

namespace cjb::render {

// A file left out of the benchmark, with the first problem found in it.
struct LeftOut {
  std::string file;
  std::string problem;  // "file:line:col: error: …"
};

// Everything a benchmark run produced, as the writers need it.
struct BenchmarkReport {
  int files = 0;                        // assessment files found
  int assessments = 0;                  // scored (files − left out)
  std::vector<LeftOut> left_out;        // in file order
  std::vector<BenchmarkEntry> entries;  // scored assessments, or combined sites (see combine)
  std::string combine;                  // "", "median", "mean" or "latest"
  std::string period;                   // "month", "quarter", "year" when combined
  BenchmarkStats stats;                 // of entries
  std::optional<BenchmarkEntry> subject;
  std::vector<PeerStanding> standings;  // of subject against entries
  std::string by;                       // --by field, or ""
  std::vector<RollupRow> rollups;
  std::string site;                     // --site, or ""
  std::vector<size_t> trend;            // indices into entries
  // --kpi: the exports read, each site's audit score beside its KPIs, and how they move together.
  std::vector<KpiSource> kpi_sources;
  std::vector<SiteKpis> site_kpis;
  std::vector<KpiCorrelation> kpi_correlations;
};

std::string benchmark_text(const BenchmarkReport& report);
std::string benchmark_json(const BenchmarkReport& report);
// CSV holds one table: the subject's standings with --subject, else the roll-up with --by,
// else the trend with --site, else the league table (one row per entry, every score).
std::string benchmark_csv(const BenchmarkReport& report);
std::string benchmark_html(const BenchmarkReport& report);
// The bytes of a PDF: A4 pages of tables (cairo + pango). Honours SOURCE_DATE_EPOCH for the
// creation date so that the same input gives the same bytes. Throws Error if cairo fails.
std::string benchmark_pdf(const BenchmarkReport& report);

}  // namespace cjb::render
