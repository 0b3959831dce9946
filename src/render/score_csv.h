#pragma once
// The scorecard as CSV for spreadsheets: a header, then one row per item in scope.

#include <string>

#include "core/scoring.h"

namespace cjb::render {

// Columns: assessment, item, layer, group, channel, critical, status, level, max_level, score,
// weight, note, evidence. Empty cells where an item has no level or score. Notes and evidence
// that a spreadsheet would take for a formula are defused (sheet::spreadsheet_text in sheet/csv_writer.h). Scores are written
// at full precision (shortest text that reads back as the same number).
std::string score_csv(const Scorecard& card);

}  // namespace cjb::render
