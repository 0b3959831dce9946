#pragma once
// Field sheets as XLSX workbooks (libxlsxwriter): what Excel, LibreOffice and Numbers open
// without an import dialog, with the answers checked as they are typed (docs/formats.md).

#include <ctime>
#include <optional>
#include <string>

#include "core/action_plan.h"
#include "core/catalog.h"

namespace cjb::sheet {

struct XlsxSheetOptions {
  enum class Split { kLayer, kChannel } split = Split::kLayer;  // one worksheet per layer (default) or per channel
  std::optional<std::time_t> created;                          // document date; nullopt (default): 1 Jan 1980, so
                                                               // the same input gives the same bytes
};

// The field sheet of field_sheet_rows() as the bytes of an .xlsx file: one worksheet per layer or
// channel, rows in journey order, the header row and the Item column frozen, readable widths,
// wrapped text, the level descriptors beside the Level cell, a drop-down of the item's answers
// ("0 Absent" … "4 Leading", "N/A") on each Level cell, and every column but Level, N/A, Note and
// Evidence locked (the sheet is protected without a password, so a user can still unprotect it).
// Throws Error when libxlsxwriter cannot write its temporary file.
std::string write_field_sheet_xlsx(const Catalog& catalog, const Instrument& instrument, const Assessment* prefill,
                                   const XlsxSheetOptions& options = {});

// The action plan of `cjb actions` (action_plan_cells() rows, sheet/action_plan_sheet.h) as an .xlsx
// file: one worksheet "Action plan", the header row and the Item column frozen, wrapped text, the
// Fix now rows' numbers in red, and the client's columns unlocked in the answer colour: Owner,
// Due date (a date cell shown YYYY-MM-DD, checked as a date), Status (a drop-down of open,
// in progress, done) and Comment. created as in XlsxSheetOptions.
std::string write_action_plan_xlsx(const std::vector<PlanRow>& rows, std::optional<std::time_t> created = std::nullopt);

}  // namespace cjb::sheet
