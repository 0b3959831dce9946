#include "sheet/csv_reader.h"

#include <csv.h>

#include <memory>

#include <fmt/format.h>

#include "xml/source.h"

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
    } else if ((byte & 0xC0) != 0x80) {
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

std::vector<CsvRow> read_csv(const std::string& text, const std::string& name) {
  if (size_t bad = xml::find_invalid_utf8(text); bad != std::string::npos) {
    int line = 1, column = 1;
    for (size_t i = 0; i < bad; ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
        ++column;
      }
    }
    throw InputError(Location{name, line, column}, "invalid UTF-8 byte sequence (expected a UTF-8 encoded CSV file; save it as \"CSV UTF-8\")");
  }
  Parser parser(new csv_parser);
  if (csv_init(parser.get(), CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
    throw Error("cjb: error: cannot start the CSV parser (out of memory)");
  Collector collector;
  size_t start = 0;
  // A UTF-8 byte order mark, as spreadsheets write it, is not part of the first field.
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) start = 3;
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
                       fmt::format("malformed CSV: {} (expected quotes to be doubled inside a quoted field)", csv_strerror(csv_error(parser.get()))));
    collector.advance(byte);
    // A field ended with this byte: the next byte starts a new one.
    if (collector.row.size() != fields_before || collector.rows.size() != rows_before) field_pending = false;
  }
  if (csv_fini(parser.get(), on_field, on_row, &collector) != 0)
    throw InputError(Location{name, collector.line, collector.column},
                     fmt::format("malformed CSV: {} (expected every quoted field to be closed)", csv_strerror(csv_error(parser.get()))));
  return std::move(collector.rows);
}

std::string trimmed(const std::string& text) {
  size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string::npos) return {};
  return text.substr(start, text.find_last_not_of(" \t\r\n") - start + 1);
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
