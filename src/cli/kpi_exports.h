#pragma once
// Reading the KPI exports named on a command line (`cjb kpi`, `cjb report --kpi`).

#include <string>
#include <vector>

#include "core/kpi.h"
#include "render/kpi_report.h"

namespace cjb::cli {

struct KpiRecords {
  std::vector<render::KpiSource> sources;  // in the order given
  std::vector<Contact> contacts;
  std::vector<SurveyAnswer> answers;
};

// Reads every export before failing, so that a user sees every problem in one run: throws
// InputError with the problems of all of them.
KpiRecords read_kpi_exports(const std::vector<std::string>& paths);

}  // namespace cjb::cli
