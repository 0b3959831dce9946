#pragma once
// Writers of `cjb kpi`: text for terminals, JSON (schema "cjb.kpi/1"), CSV and a
// self-contained HTML page. Deterministic: the same report gives the same bytes.

#include <string>
#include <vector>

#include "core/kpi.h"

namespace cjb::render {

struct KpiSource {
  std::string file;
  std::string kind;  // "contacts" or "surveys"
  int rows = 0;      // records read from it
};

struct KpiReport {
  std::vector<KpiSource> sources;  // in the order given
  KpiFigures overall;
  std::string by;             // --by field, or ""
  std::vector<KpiRow> rows;   // with by
};

std::string kpi_text(const KpiReport& report);
std::string kpi_json(const KpiReport& report);
// One row for the whole ("overall"), then one per --by key.
std::string kpi_csv(const KpiReport& report);
std::string kpi_html(const KpiReport& report);

}  // namespace cjb::render
