#pragma once
// A sheet as rows of cells, whatever file it came from (CSV or XLSX), each cell knowing the
// row and column a spreadsheet shows for it, so that problems are reported as
// "sheet.xlsx: row 11, column K (Level)" (docs/formats.md, field sheets).

#include <string>
#include <vector>

#include "core/error.h"

namespace cjb::sheet {

struct Cell {
  std::string text;
  int row = 0;     // 1-based, as the spreadsheet numbers rows (the header is row 1)
  int column = 0;  // 1-based: 1 is column A
};

using TableRow = std::vector<Cell>;

struct Table {
  std::string sheet;           // the worksheet's name in a workbook; empty for CSV
  std::vector<TableRow> rows;  // in sheet order; a row's cells in column order, gaps filled
};

// The spreadsheet's name of a 1-based column: 1 → "A", 26 → "Z", 27 → "AA".
std::string column_letters(int column);

// "file: sheet 'S', row R, column C (header)" — the sheet left out when empty (CSV), the
// header when empty, the column when 0.
Location cell_location(const std::string& file, const std::string& sheet, int row, int column, const std::string& header);

// The cell at 0-based index of row; an empty cell at the right place when the row is shorter
// (spreadsheets drop trailing empty cells).
Cell cell_at(const TableRow& row, size_t index);

// Every cell of row is blank (spreadsheets leave such rows between blocks).
bool is_blank(const TableRow& row);

// A header as a key: lower case, letters and digits only, so "N/A", "na" and "Evidence hint",
// "evidence_hint" match.
std::string header_key(const std::string& header);

// A cell's text as the user typed it, trimmed: the apostrophe spreadsheet_text (csv_writer.h)
// put before text a spreadsheet would take for a formula comes off again.
std::string typed_text(const std::string& text);

// The first character of text that XML 1.0 cannot hold (a C0 control other than tab, line
// feed and carriage return, or NUL), as its byte offset; npos if none.
size_t find_control_character(const std::string& text);

}  // namespace cjb::sheet
