#pragma once
// Writers of a benchmark run (`cjb benchmark`): text for terminals, JSON (schema
// "cjb.benchmark/1"), CSV, self-contained HTML and PDF. Every writer is deterministic: the
// same report gives the same bytes.

#include <optional>
#include <string>
#include <vector>

#include "core/action_plan.h"
#include "core/benchmark.h"
#include "core/catalog.h"
#include "core/kpi.h"
#include "render/kpi_report.h"
#include "render/report_template.h"

namespace cjb::render {

// A file left out of the benchmark, with the first problem found in it.
struct LeftOut {
  std::string file;
  std::string problem;  // "file:line:col: error: …"
};

// Everything a benchmark run produced for one cohort (one scope), as the writers need it.
struct BenchmarkReport {
  const Model* model = nullptr;         // names of layers, groups and channels; bands (may be null:
                                        // ids and no bands then)
  const Catalog* catalog = nullptr;     // the items' texts (HTML, PDF); may be null: ids only
  int files = 0;                        // assessment files found
  int assessments = 0;                  // scored (files − left out), every cohort
  std::vector<LeftOut> left_out;        // in file order
  std::string scope;                    // the cohort's scope_key
  int cohort = 1, cohorts = 1;          // this cohort's place among the run's cohorts
  std::vector<std::string> other_cohorts;  // "profile P (…): N assessments", the cohorts not shown
  std::vector<BenchmarkEntry> entries;  // the cohort's assessments, or combined sites (see combine)
  std::string combine;                  // "", "median", "mean" or "latest"
  std::string period;                   // "month", "quarter", "year" when combined
  bool every_visit = false;             // --visits all: one league row per visit
  bool all_rows = false;                // --all: text prints every league row
  bool heatmap_by_region = false;       // --heatmap region: heat map rows grouped by region
  std::vector<SiteRow> rows;            // the league, in league order (into entries)
  std::vector<BenchmarkEntry> row_entries;  // the rows' entries (visits: the site's), row order
  BenchmarkStats stats;                 // of row_entries
  Attention attention;                  // of rows
  std::optional<BenchmarkEntry> subject;
  PeerSelection peer_selection;         // which benchmarked sites counted as the subject's peers
  std::vector<PeerStanding> standings;  // of subject against its peers
  std::string by;                       // --by field, or ""
  std::vector<RollupRow> rollups;
  std::string site;                     // --site, or ""
  std::vector<size_t> trend;            // indices into entries
  // --kpi: the exports read, each site's audit score beside its KPIs, and how they move together.
  std::vector<KpiSource> kpi_sources;
  std::vector<SiteKpis> site_kpis;
  std::vector<KpiCorrelation> kpi_correlations;
  // --actions (docs/benchmark.md, "Overdue actions"): per row, the plan of the site's latest
  // visit that has one (nullopt: none), counted at as_of; the rows with overdue actions, most
  // overdue first.
  bool actions = false;
  std::string as_of;
  std::vector<std::optional<OverdueCounts>> plans;
  std::vector<std::string> plan_files;  // per row, "" without a plan
  std::vector<size_t> overdue;
};

// The label of a layer, group or channel id: its name in the model ("Vision & purpose"),
// else the id.
std::string score_label(const BenchmarkReport& report, std::string_view kind, std::string_view id);

// Whether the report's rows come from more than one retailer: its tables and drawings then name
// each row's retailer, as store 001 of two retailers is two sites (docs/scoring.md, "Peers").
bool several_retailers(const BenchmarkReport& report);

// A site's name after its retailer's, as rows of several retailers show it ("Maxi, High Street").
std::string with_retailer(std::string_view retailer, std::string_view name);

// A row's site as a sentence names it: "High Street (S001)", with its retailer first when
// the report has several ("Maxi, High Street (S001)").
std::string site_name(const BenchmarkReport& report, const BenchmarkEntry& entry);

// The width benchmark_text keeps its tables to: names cut with "…", and the league without
// the layer, format and tag columns (the other formats keep them).
inline constexpr size_t kTerminalColumns = 100;

std::string benchmark_text(const BenchmarkReport& report);
std::string benchmark_json(const BenchmarkReport& report);
// Several cohorts: each in turn (text, HTML, PDF); JSON {"schema", "cohorts": [...]}; one
// cohort gives exactly the single writers' output.
std::string benchmark_text(const std::vector<BenchmarkReport>& cohorts);
std::string benchmark_json(const std::vector<BenchmarkReport>& cohorts);
// HTML and PDF are the gap report's (render/benchmark_document.h): the template's look, a cover,
// then each cohort's sections. timestamp: the PDF's creation date (SOURCE_DATE_EPOCH), seconds
// since 1970; nullopt: now. Throws Error if cairo fails.
std::string benchmark_html(const std::vector<BenchmarkReport>& cohorts, const ReportTemplate& report_template);
std::string benchmark_pdf(const std::vector<BenchmarkReport>& cohorts, const ReportTemplate& report_template,
                          std::optional<long long> timestamp = std::nullopt);
// The chain heat map of every cohort as one SVG (docs/benchmark.md, "Heat map").
std::string benchmark_svg(const std::vector<BenchmarkReport>& cohorts);
// CSV holds one table: the subject's standings with --subject, else the roll-up with --by,
// else the trend with --site, else the league table (one row per entry, every score).
std::string benchmark_csv(const BenchmarkReport& report);

}  // namespace cjb::render
