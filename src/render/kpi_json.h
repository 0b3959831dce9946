#pragma once
// The JSON form of KPI figures (cjb.kpi/1), shared by `cjb kpi` and `cjb benchmark --kpi`.
// Internal to render/: it brings nlohmann in.

#include <nlohmann/json.hpp>

#include "core/kpi.h"
#include "render/kpi_report.h"

namespace cjb::render {

nlohmann::ordered_json kpi_figures_json(const KpiFigures& figures);
// [{"file", "kind", "rows"}, …]
nlohmann::ordered_json kpi_sources_json(const std::vector<KpiSource>& sources);

}  // namespace cjb::render
