#pragma once
// The action plan of `cjb actions` as Markdown (a table per block: Fix now, then by impact) and
// as JSON (the cjb.actions/1 contract, schemas/cjb.actions.schema.json). CSV and XLSX are
// written by sheet/action_plan_sheet.h and sheet/xlsx_writer.h from the same rows.

#include <string>
#include <vector>

#include "core/action_plan.h"
#include "core/assessment.h"

namespace cjb::render {

inline constexpr const char* kActionsSchema = "cjb.actions/1";

std::string action_plan_markdown(const std::vector<PlanRow>& rows, const Assessment& assessment);
std::string action_plan_json(const std::vector<PlanRow>& rows, const Assessment& assessment);

}  // namespace cjb::render
