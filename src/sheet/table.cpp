#include "sheet/table.h"

#include <cctype>

#include <fmt/format.h>

#include "sheet/csv_reader.h"
#include "sheet/csv_writer.h"

namespace cjb::sheet {

std::string column_letters(int column) {
  std::string letters;
  for (; column > 0; column = (column - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (column - 1) % 26));
  return letters;
}

Location cell_location(const std::string& file, const std::string& sheet, int row, int column, const std::string& header) {
  std::string cell = sheet.empty() ? "" : fmt::format("sheet '{}', ", sheet);
  cell += fmt::format("row {}", row);
  if (column > 0) cell += fmt::format(", column {}", column_letters(column));
  if (column > 0 && !header.empty()) cell += fmt::format(" ({})", header);
  return Location{file, row, column, cell};
}

Cell cell_at(const TableRow& row, size_t index) {
  if (index < row.size()) return row[index];
  return Cell{"", row.empty() ? 0 : row.front().row, static_cast<int>(index) + 1};
}

bool is_blank(const TableRow& row) {
  for (const auto& cell : row)
    if (!trimmed(cell.text).empty()) return false;
  return true;
}

std::string header_key(const std::string& header) {
  std::string key;
  for (unsigned char c : header)
    if (std::isalnum(c)) key += static_cast<char>(std::tolower(c));
  return key;
}

std::string typed_text(const std::string& text) {
  std::string t = trimmed(text);
  if (t.size() > 1 && t[0] == '\'' && spreadsheet_text(t.substr(1)) == t) t.erase(0, 1);
  return trimmed(t);
}

size_t find_control_character(const std::string& text) {
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return i;
  }
  return std::string::npos;
}

}  // namespace cjb::sheet
