#pragma once
// Reading CSV with libcsv (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes),
// keeping where each field starts so that problems can be reported as file:line:col.

#include <string>
#include <vector>

#include "core/error.h"

namespace cjb::sheet {

struct CsvField {
  std::string text;
  int line = 0;    // 1-based line where the field starts
  int column = 0;  // 1-based character column where the field starts
};

using CsvRow = std::vector<CsvField>;

// Parses text named name (for messages). Throws InputError for malformed CSV (e.g. a quote
// that is never closed) at the place the parser gave up, or for invalid UTF-8.
std::vector<CsvRow> read_csv(const std::string& text, const std::string& name);

// text without leading and trailing blanks (spaces, tabs, line ends).
std::string trimmed(const std::string& text);

// Every field of row is blank (spreadsheets leave such rows between blocks).
bool is_blank_row(const CsvRow& row);

// The field at index; for a row shorter than that (spreadsheets drop trailing empty cells), an
// empty field placed just past the row's last field, so a problem with it still has a place.
CsvField field_at(const CsvRow& row, size_t index);

}  // namespace cjb::sheet
