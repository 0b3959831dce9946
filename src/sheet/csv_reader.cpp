#include "sheet/csv_reader.h"

#include <csv.h>

#include <memory>

#include <fmt/format.h>

#include "util/line_index.h"
#include "util/utf8.h"

namespace cjb::sheet {

namespace {

struct ParserDeleter {
  void operator()(csv_parser* parser) const {
    csv_free(parser);
    delete parser;
  }
};
using Parser = std::unique_ptr<csv_parser, ParserDeleter>;

// Tracks the position of every byte fed to the parser, so that a completed field knows where
// it started.
struct Collector {
  std::vector<CsvRow> rows;
  CsvRow row;
  int line = 1, column = 1;              // position of the next byte
  int field_line = 1, field_column = 1;  // where the current field started

  void advance(unsigned char byte) {
    if (byte == '\n') {
      ++line;
      column = 1;
    } else if (!utf8::is_continuation(byte)) {
      ++column;
    }
  }
};

void on_field(void* data, size_t size, void* self) {
  auto* c = static_cast<Collector*>(self);
  c->row.push_back({std::string(static_cast<const char*>(data), data ? size : 0), c->field_line, c->field_column});
}

void on_row(int, void* self) {
  auto* c = static_cast<Collector*>(self);
  c->rows.push_back(std::move(c->row));
  c->row.clear();
}

}  // namespace

namespace {

// Windows-1252 (Excel's "CSV" on Western Windows) → Unicode for 0x80–0x9F; 0 where undefined.
// 0xA0–0xFF are U+00A0–U+00FF.
constexpr char16_t kWindows1252[32] = {0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
                                       0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
                                       0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

[[noreturn]] void throw_not_utf8(const std::string& text, size_t bad, const std::string& name) {
  auto [line, column] = line_column(text, bad);
  unsigned char byte = static_cast<unsigned char>(text[bad]);
  char32_t in_1252 = byte >= 0xA0 ? byte : byte >= 0x80 ? kWindows1252[byte - 0x80] : 0;
  if (in_1252)
    throw InputError(Location{name, line, column},
                     fmt::format("the file is not UTF-8: byte 0x{:02X} looks like \"{}\" in Windows-1252, the encoding of Excel's plain \"CSV\" "
                                 "(expected UTF-8: save as \"CSV UTF-8\", or convert with `iconv -f WINDOWS-1252 -t UTF-8`)",
                                 byte, [&] { std::string c; utf8::append(c, in_1252); return c; }()));
  throw InputError(Location{name, line, column}, fmt::format("the file is not UTF-8: byte 0x{:02X} cannot start a character (expected a UTF-8 encoded CSV file; save it as \"CSV UTF-8\")", byte));
}

const char* delimiter_name(char delimiter) { return delimiter == ';' ? "';'" : delimiter == '\t' ? "tab" : "','"; }

}  // namespace

bool starts_with_utf16_bom(std::string_view bytes) {
  return bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF";
}

char detect_delimiter(const std::string& text) {
  size_t comma = 0, semicolon = 0, tab = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    else if (!quoted && (c == '\n' || c == '\r')) break;
    else if (!quoted) {
      comma += c == ',';
      semicolon += c == ';';
      tab += c == '\t';
    }
  }
  if (semicolon > comma && semicolon >= tab) return ';';
  if (tab > comma && tab > semicolon) return '\t';
  return ',';
}

std::vector<CsvRow> read_csv(const std::string& text, const std::string& name, const CsvOptions& options) {
  if (starts_with_utf16_bom(text)) throw InputError(Location{name, 1, 1}, std::string(kUtf16Message));
  if (size_t bad = utf8::find_invalid(text); bad != std::string::npos) throw_not_utf8(text, bad, name);
  Parser parser(new csv_parser);
  if (csv_init(parser.get(), CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
    throw ProgramError("cannot start the CSV parser (out of memory)");
  Collector collector;
  size_t start = 0;
  // A UTF-8 byte order mark, as spreadsheets write it, is not part of the first field.
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) start = 3;
  char delimiter = options.delimiter ? options.delimiter : detect_delimiter(text.substr(start, 4096));
  csv_set_delim(parser.get(), static_cast<unsigned char>(delimiter));
  bool field_pending = false;
  for (size_t i = start; i < text.size(); ++i) {
    unsigned char byte = static_cast<unsigned char>(text[i]);
    // Line ends between rows (including the LF of CRLF) start no field.
    if (!field_pending && byte != '\n' && byte != '\r') {
      collector.field_line = collector.line;
      collector.field_column = collector.column;
      field_pending = true;
    }
    size_t fields_before = collector.row.size(), rows_before = collector.rows.size();
    if (csv_parse(parser.get(), &text[i], 1, on_field, on_row, &collector) != 1)
      throw InputError(Location{name, collector.line, collector.column},
                       fmt::format("malformed CSV: a quote inside a quoted field is followed by a character other than a quote, a "
                                   "separator or a line end (expected quotes to be doubled inside a quoted field; the separator is {}, "
                                   "give --delimiter if it is another)", delimiter_name(delimiter)));
    collector.advance(byte);
    // A field ended with this byte: the next byte starts a new one.
    if (collector.row.size() != fields_before || collector.rows.size() != rows_before) field_pending = false;
  }
  if (csv_fini(parser.get(), on_field, on_row, &collector) != 0)
    throw InputError(Location{name, collector.field_line, collector.field_column},
                     "malformed CSV: the quoted field that starts here is never closed (expected every quoted field to be closed)");
  return std::move(collector.rows);
}

Table to_table(const std::vector<CsvRow>& rows) {
  Table table;
  table.rows.reserve(rows.size());
  for (size_t r = 0; r < rows.size(); ++r) {
    TableRow row;
    row.reserve(rows[r].size());
    for (size_t i = 0; i < rows[r].size(); ++i) row.push_back(Cell{rows[r][i].text, static_cast<int>(r) + 1, static_cast<int>(i) + 1});
    table.rows.push_back(std::move(row));
  }
  return table;
}

bool is_blank_row(const CsvRow& row) {
  for (const auto& f : row)
    if (!trimmed(f.text).empty()) return false;
  return true;
}

CsvField field_at(const CsvRow& row, size_t index) {
  if (index < row.size()) return row[index];
  CsvField missing;
  missing.line = row.empty() ? 0 : row.back().line;
  missing.column = row.empty() ? 1 : row.back().column + static_cast<int>(row.back().text.size()) + 1;
  return missing;
}

}  // namespace cjb::sheet
