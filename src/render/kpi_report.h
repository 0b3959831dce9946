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
  std::string layout;  // the help-desk layout it was read with, "" for cjb's own
  int skipped = 0;     // bad rows skipped
};

struct KpiReport {
  std::vector<KpiSource> sources;  // in the order given
  KpiFigures overall;
  std::string site;           // the records of this site only (cjb report --kpi), or "" for all
  std::string by;             // --by field, or ""
  std::vector<KpiRow> rows;   // with by
};

// The figures one KPI a row — name, value with its unit, n, note — as both `cjb kpi` and the
// report's "Service KPIs" section show them.
std::vector<std::vector<std::string>> kpi_figure_rows(const KpiFigures& figures);
// The headline figure of each KPI, one column each (contacts, first response, resolution, FCR,
// handling, surveys, CSAT, NPS): the header and one row's cells.
std::vector<std::string> kpi_headline_header();
std::vector<std::string> kpi_headline_cells(const KpiFigures& figures);
// A KPI's name as people read it, for correlate_kpis's ids ("nps" → "NPS").
std::string kpi_label(const std::string& id);

// "a.csv (71 contacts), b.csv (66 survey answers)".
std::string kpi_sources_line(const std::vector<KpiSource>& sources);

std::string kpi_text(const KpiReport& report);
std::string kpi_json(const KpiReport& report);
// One row for the whole ("overall"), then one per --by key.
std::string kpi_csv(const KpiReport& report);
std::string kpi_html(const KpiReport& report);

}  // namespace cjb::render
