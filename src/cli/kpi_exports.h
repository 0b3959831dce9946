#pragma once
// Reading the KPI exports named on a command line (`cjb kpi`, `cjb report --kpi`,
// `cjb benchmark --kpi`).

#include <ostream>
#include <string>
#include <vector>

#include "core/kpi.h"
#include "kpi/kpi_export.h"
#include "render/kpi_report.h"

namespace cjb::cli {

struct KpiRecords {
  std::vector<render::KpiSource> sources;  // in the order given
  std::vector<Contact> contacts;
  std::vector<SurveyAnswer> answers;
};

// The layouts shipped in the data directory's kpi-layouts/ folder (none when the data
// directory has no such folder or cannot be found).
std::vector<kpi::Layout> shipped_layouts(const std::string& data_dir_option);

// The source line of one export as the reports show it.
render::KpiSource kpi_source(const kpi::ExportSummary& summary);

// Every record in memory (the exports of one report or benchmark, never a chain's million
// contacts: `cjb kpi` streams instead). Reads every export before failing, so that a user sees
// every problem in one run: throws InputError with the problems of all of them.
KpiRecords read_kpi_exports(const std::vector<std::string>& paths, const std::string& data_dir_option = "");

// Prints an export's skipped rows to err: the problems shown, then the count of the rest by
// kind, then how many rows were skipped.
void report_bad_rows(const kpi::ExportSummary& summary, std::ostream& err);

}  // namespace cjb::cli
