#pragma once
// Reading CSV with libcsv (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes),
// keeping where each field starts so that problems can be reported as file:line:col.

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "sheet/table.h"

namespace cjb::sheet {

struct CsvField {
  std::string text;
  int line = 0;    // 1-based line where the field starts
  int column = 0;  // 1-based character column where the field starts
};

using CsvRow = std::vector<CsvField>;

struct CsvOptions {
  char delimiter = 0;  // ',', ';' or '\t'; 0 (the default): detected from the header row
};

// Text that starts with a UTF-16 byte order mark (FF FE or FE FF), as spreadsheets' "Unicode
// text" and some help desks' exports are written; cjb reads UTF-8 only and says so plainly.
bool starts_with_utf16_bom(std::string_view bytes);
inline constexpr std::string_view kUtf16Message =
    "the file is UTF-16, not UTF-8 (expected UTF-8: save as \"CSV UTF-8\", or convert with `iconv -f UTF-16 -t UTF-8`)";

// The separator spreadsheets used for text: of comma, semicolon and tab, the one found most
// often outside quotes in the first record (Excel writes ';' where ',' is the decimal comma);
// a comma when there is none.
char detect_delimiter(const std::string& text);

// Parses text named name (for messages); a UTF-8 byte order mark is skipped. Throws
// InputError for malformed CSV (e.g. a quote that is never closed) at the place the parser
// gave up — naming the separator when another one would have made sense of the file — or for
// text that is not UTF-8, naming Windows-1252 when the bytes look like it.
std::vector<CsvRow> read_csv(const std::string& text, const std::string& name, const CsvOptions& options = {});

// The records as a sheet: record r (0-based) is row r + 1, field i is column i + 1, as a
// spreadsheet opening the file shows them.
Table to_table(const std::vector<CsvRow>& rows);

// text without leading and trailing blanks (spaces, tabs, line ends).
std::string trimmed(const std::string& text);

// Every field of row is blank (spreadsheets leave such rows between blocks).
bool is_blank_row(const CsvRow& row);

// The field at index; for a row shorter than that (spreadsheets drop trailing empty cells), an
// empty field placed just past the row's last field, so a problem with it still has a place.
CsvField field_at(const CsvRow& row, size_t index);

}  // namespace cjb::sheet
