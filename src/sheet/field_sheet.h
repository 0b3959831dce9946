#pragma once
// Field sheets: an assessment's items as a sheet a consultant prints or fills in a spreadsheet
// on the shop floor (CSV here, XLSX in sheet/xlsx_*), and the filled sheet read back into
// responses. The columns and the answers people type are described in docs/formats.md.

#include <string>
#include <vector>

#include "core/catalog.h"
#include "sheet/table.h"

namespace cjb::sheet {

// The column headers of a field sheet, in order. Reading needs only Item, Level, N/A, Note and
// Evidence (matched without regard to case, spaces or punctuation); the others are there for
// the person filling it in and are ignored on import.
const std::vector<std::string>& field_sheet_columns();

// Indices into field_sheet_columns() of the columns a writer treats specially.
enum FieldColumn : size_t { kItemColumn = 0, kLayerColumn = 1, kChannelColumn = 3, kLevelsColumn = 9, kLevelColumn = 10,
                            kNaColumn = 11, kNoteColumn = 12, kEvidenceColumn = 13 };

// One item's row, as every writer puts it: cells in column order (text a user typed defused for
// spreadsheets with spreadsheet_text), and the answers its Level cell accepts in the
// form a drop-down offers them ("0 Absent" … "4 Leading", "N/A").
struct FieldRow {
  const ScopedItem* scoped = nullptr;
  std::string layer, channel;  // labels, for writers that split sheets by them
  std::vector<std::string> cells;
  std::vector<std::string> answers;
};

// One row per item in scope, in instrument (journey) order. Answers already in `prefill` (may be
// nullptr) fill the Level, Note and Evidence columns, so a half-done assessment can be finished
// on paper; a level is written as it appears in the drop-down ("2 Defined"), N/A as "N/A".
std::vector<FieldRow> field_sheet_rows(const Catalog& catalog, const Instrument& instrument, const Assessment* prefill);

struct CsvSheetOptions {
  bool byte_order_mark = true;  // Excel on Windows reads UTF-8 only with one
};

// The rows as CSV (comma-separated, a header row first).
std::string write_field_sheet(const Catalog& catalog, const Instrument& instrument, const Assessment* prefill,
                              const CsvSheetOptions& options = {});

struct ReadSheetOptions {
  bool partial = false;  // keep the good rows and return the problems of the others
};

struct SheetAnswers {
  std::vector<Response> responses;
  std::vector<Diagnostic> skipped;  // with `partial`: one problem per row left out
};

// Reads a filled field sheet: every row with a level or an N/A mark becomes a response; rows
// left blank are unanswered. A level may be typed as a number (2, 2.0), its label ("Defined")
// or both ("2 Defined"); N/A as n/a, na, x or - in the Level column, or yes/x in the N/A
// column; a yes/no item also as yes/no/y/n/true/false. Throws InputError with every problem,
// each at "name: row R, column C (Header)": a missing or repeated column, an unknown item or
// one outside the instrument, an item listed twice, an answer that is not on the item's scale,
// a level and N/A together, a note without an answer, a control character in a cell. With
// options.partial only header problems throw; the rows' problems come back in `skipped`.
// A workbook's sheets are read in order, each with its own header row; an item may be on one only.
SheetAnswers read_field_sheet(const std::vector<Table>& sheets, const std::string& name, const Model& model,
                              const Instrument& instrument, const ReadSheetOptions& options = {});

// Puts responses into an assessment: each replaces the assessment's response to the same item
// (or is added, in instrument order after the existing ones).
void merge_responses(Assessment& assessment, const std::vector<Response>& responses);

}  // namespace cjb::sheet
