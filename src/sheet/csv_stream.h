#pragma once
// Reading CSV of any size in one pass (docs/kpi.md, "Large exports"): libcsv is fed a line at a
// time from a small buffer, so memory does not grow with the file. Each record is handed over
// with its raw bytes and the line it starts on, so that the place of any field — needed only
// when something is wrong with it — is worked out then, not for every field.
//
// A record that holds a control character (NUL and the other C0 codes except tab, CR and LF,
// or DEL) or bytes that are not UTF-8 is not handed over as data: it is reported as a bad row
// at the exact place of the offending byte, and reading goes on. Malformed CSV (a quote never
// closed) cannot be recovered from and throws.

#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace cjb::sheet {

// One record as read: its fields (unquoted, untrimmed) and where it came from.
class CsvRecord {
 public:
  size_t size() const { return count_; }
  std::string_view operator[](size_t i) const { return i < count_ ? std::string_view(fields_[i]) : std::string_view(); }
  int line() const { return line_; }  // 1-based line of its first byte
  // The place where field index starts (for index ≥ size(): just past the last field, where a
  // missing cell of a short row would be).
  Location locate(size_t index) const;
  // The place of byte offset in the record's raw text.
  Location locate_byte(size_t offset) const;
  std::string_view raw() const { return raw_; }

 private:
  friend class CsvStream;
  std::vector<std::string> fields_;
  size_t count_ = 0;
  int line_ = 1;
  std::string raw_;
  const std::string* name_ = nullptr;
};

// What a reader does with each record; a bad record (control character, invalid UTF-8) goes to
// on_bad instead of on_record, with the place of the offending byte and a kind for counting.
struct CsvHandler {
  std::function<void(const CsvRecord&)> on_record;
  std::function<void(const Location&, std::string_view kind, std::string message)> on_bad;
  // Called now and then with the bytes read so far (for a progress line); may be empty.
  std::function<void(uint64_t bytes)> on_progress;
};

class CsvStream {
 public:
  explicit CsvStream(std::string name);
  ~CsvStream();
  CsvStream(const CsvStream&) = delete;
  CsvStream& operator=(const CsvStream&) = delete;

  // Reads everything from file (left open) or from text. Throws InputError for malformed CSV
  // and Error when the file cannot be read; a handler may throw to stop early.
  void read(std::FILE* file, const CsvHandler& handler);
  void read(std::string_view text, const CsvHandler& handler);

 private:
  void feed(std::string_view chunk, const CsvHandler& handler);
  void feed_piece(std::string_view piece, const CsvHandler& handler);
  void dispatch(const CsvHandler& handler);
  void finish(const CsvHandler& handler);
  static void on_field(void* data, size_t size, void* self);
  static void on_row(int, void* self);

  std::string name_;
  void* parser_ = nullptr;  // csv_parser, kept out of this header
  CsvRecord record_;
  int line_ = 1;            // line of the next byte
  bool row_ended_ = false;  // libcsv ended a record in the piece just fed
  bool high_ = false;       // the record has bytes ≥ 0x80 (UTF-8 to check)
  size_t control_ = std::string::npos;  // offset in raw of its first control character
  bool started_ = false;    // past a byte order mark
  uint64_t bytes_ = 0;
};

// Convenience for small inputs and tests: reads text, giving every record (bad ones too are
// reported through on_bad).
void read_csv_stream(std::string_view text, const std::string& name, const CsvHandler& handler);

}  // namespace cjb::sheet
