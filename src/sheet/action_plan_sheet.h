#pragma once
// Action plans as sheets (docs/formats.md, action plans): the plan of `cjb actions` as CSV
// (here) or XLSX (xlsx_writer.h), one row per action with empty Owner, Due date, Status and
// Comment columns for the client, and a filled plan read back for `cjb report --actions-file`.

#include <string>
#include <vector>

#include "core/action_plan.h"
#include "core/catalog.h"
#include "sheet/table.h"

namespace cjb::sheet {

// The column headers, in order. Reading needs only Item, Owner, Due date and Status (matched
// without regard to case, spaces or punctuation; Comment when present); the rest is there for
// the people doing the work.
const std::vector<std::string>& action_plan_columns();

// Indices into action_plan_columns() of the columns a writer treats specially.
enum PlanColumn : size_t { kPlanImpactColumn = 12, kPlanOwnerColumn = 13, kPlanDueColumn = 14, kPlanStatusColumn = 15,
                           kPlanCommentColumn = 16 };

// A row's cells in column order, user and model text defused for spreadsheets; Status "open".
std::vector<std::string> action_plan_cells(const PlanRow& row);

// The plan as CSV: a header row, then one row per action, with a UTF-8 byte order mark as
// field sheets have (Excel on Windows reads UTF-8 only with one) unless byte_order_mark is false.
std::string write_action_plan_csv(const std::vector<PlanRow>& rows, bool byte_order_mark = true);

// Reads a filled plan (CSV via to_table, or every worksheet of a workbook). Throws InputError
// with every problem, each at "name: row R, column C (Header)": a missing column, a row without
// an item, an item twice, an item that is not in scope of the assessment the plan was made from
// (previous), a status other than open, in progress or done, a due date that is not YYYY-MM-DD
// (a spreadsheet's date serial, as XLSX stores typed dates, is read as the date it shows).
std::vector<PlannedAction> read_action_plan(const std::vector<Table>& sheets, const std::string& name, const Instrument& previous);

}  // namespace cjb::sheet
