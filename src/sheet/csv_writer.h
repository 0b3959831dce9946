#pragma once
// Writing CSV the way spreadsheets read it (RFC 4180): comma-separated, CRLF-free "\n" line
// ends, a field quoted when it holds a comma, a quote, a line break or leading/trailing space,
// quotes inside doubled.

#include <string>
#include <string_view>
#include <vector>

namespace cjb::sheet {

// One field, quoted only when needed: `a,b` → `"a,b"`, `say "hi"` → `"say ""hi"""`.
std::string csv_field(std::string_view text);

// Free text a user typed, defused for spreadsheets: a cell that starts with =, +, -, @, a tab
// or a carriage return would be run as a formula by Excel, LibreOffice and Sheets ("CSV
// injection"), so such text gets a leading apostrophe, which spreadsheets show as plain text.
std::string spreadsheet_text(std::string_view text);

// One line of fields, ending in "\n".
std::string csv_row(const std::vector<std::string>& fields);

}  // namespace cjb::sheet
