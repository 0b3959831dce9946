#include "sheet/csv_stream.h"

#include <csv.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "sheet/csv_reader.h"
#include "util/line_index.h"
#include "util/utf8.h"

namespace cjb::sheet {

namespace {

csv_parser* parser_of(void* p) { return static_cast<csv_parser*>(p); }

// What each byte needs: nothing (most), ends a line, is a control character, or starts or
// continues a multi-byte UTF-8 sequence. One table lookup per byte keeps the scan cheap.
enum ByteClass : unsigned char { kPlain, kLineEnd, kControl, kHigh };

constexpr std::array<unsigned char, 256> make_classes() {
  std::array<unsigned char, 256> t{};
  for (int b = 0; b < 256; ++b) t[b] = b >= 0x80 ? kHigh : (b < 0x20 || b == 0x7F) ? kControl : kPlain;
  t['\t'] = kPlain;
  t['\n'] = kLineEnd;
  t['\r'] = kLineEnd;
  return t;
}
constexpr std::array<unsigned char, 256> kClasses = make_classes();

// libcsv's parser state between records (ROW_NOT_BEGUN in libcsv.c; not in csv.h).
constexpr int kRowNotBegun = 0;

constexpr size_t kChunk = size_t{1} << 20;

}  // namespace

Location CsvRecord::locate_byte(size_t offset) const {
  LineColumn at = line_column(raw_, offset, line_);
  return Location{name_ ? *name_ : std::string(), at.line, at.column};
}

Location CsvRecord::locate(size_t index) const {
  bool quoted = false;
  size_t field = 0;
  if (index == 0) return locate_byte(0);
  for (size_t i = 0; i < raw_.size(); ++i) {
    char c = raw_[i];
    if (c == '"') quoted = !quoted;
    else if (c == ',' && !quoted && ++field == index) return locate_byte(i + 1);
  }
  // Past the last field: one column after its end, where the next cell would start.
  size_t end = raw_.find_last_not_of("\r\n");
  Location at = locate_byte(end == std::string::npos ? 0 : end + 1);
  ++at.column;
  return at;
}

CsvStream::CsvStream(std::string name) : name_(std::move(name)) {
  auto* p = new csv_parser;
  if (csv_init(p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
    delete p;
    throw ProgramError("cannot start the CSV parser (out of memory)");
  }
  parser_ = p;
  record_.name_ = &name_;
}

CsvStream::~CsvStream() {
  csv_free(parser_of(parser_));
  delete parser_of(parser_);
}

void CsvStream::on_field(void* data, size_t size, void* self) {
  CsvRecord& r = static_cast<CsvStream*>(self)->record_;
  const char* text = data ? static_cast<const char*>(data) : "";
  if (r.count_ < r.fields_.size()) r.fields_[r.count_].assign(text, data ? size : 0);
  else r.fields_.emplace_back(text, data ? size : 0);
  ++r.count_;
}

void CsvStream::on_row(int, void* self) { static_cast<CsvStream*>(self)->row_ended_ = true; }

void CsvStream::dispatch(const CsvHandler& handler) {
  if (control_ != std::string::npos) {
    auto code = static_cast<unsigned char>(record_.raw_[control_]);
    handler.on_bad(record_.locate_byte(control_), "control character",
                   fmt::format("control character U+{:04X} in the row (expected text without control characters)", code));
  } else if (size_t bad = high_ ? utf8::find_invalid(record_.raw_) : std::string::npos; bad != std::string::npos) {
    handler.on_bad(record_.locate_byte(bad), "invalid UTF-8",
                   "invalid UTF-8 byte sequence (expected a UTF-8 encoded CSV file; save it as \"CSV UTF-8\")");
  } else {
    handler.on_record(record_);
  }
}

void CsvStream::feed_piece(std::string_view piece, const CsvHandler& handler) {
  size_t base = record_.raw_.size();
  record_.raw_.append(piece);
  row_ended_ = false;
  size_t done = csv_parse(parser_of(parser_), piece.data(), piece.size(), on_field, on_row, this);
  if (done != piece.size())
    throw InputError(record_.locate_byte(base + done),
                     "malformed CSV: a quote inside a quoted field is followed by a character other than a quote, a separator or a line end "
                     "(expected quotes to be doubled inside a quoted field)");
  if (piece.back() == '\n') ++line_;
  if (row_ended_) dispatch(handler);
  // Between records (after a record, a blank line or the LF of a CRLF) the next byte starts a
  // new record; inside a quoted field the record goes on over the line end.
  if (row_ended_ || parser_of(parser_)->pstate == kRowNotBegun) {
    record_.raw_.clear();
    record_.count_ = 0;
    record_.line_ = line_;
    high_ = false;
    control_ = std::string::npos;
  }
}

void CsvStream::feed(std::string_view chunk, const CsvHandler& handler) {
  if (!started_) {
    // A UTF-8 byte order mark, as spreadsheets write it, is not part of the first field.
    if (chunk.substr(0, 3) == "\xEF\xBB\xBF") chunk.remove_prefix(3);
    else if (starts_with_utf16_bom(chunk)) throw InputError(record_.locate_byte(0), std::string(kUtf16Message));
    started_ = true;
  }
  size_t start = 0;
  for (size_t i = 0; i < chunk.size();) {
    // Eight bytes at a time while all are plain (0x20–0x7E): a byte below 0x20 (tab, line ends,
    // control characters) or from 0x7F up sets a high bit of `special`; those words, and the
    // tail, go byte by byte. The scan was 7.6 % of `cjb kpi` byte by byte (callgrind).
    size_t end = std::min(i + 8, chunk.size());
    if (end - i == 8) {
      uint64_t w;
      std::memcpy(&w, chunk.data() + i, 8);
      constexpr uint64_t kOnes = 0x0101010101010101u, kHighs = 0x8080808080808080u;
      uint64_t special = (((w - kOnes * 0x20) & ~w) | ((w + kOnes) | w)) & kHighs;
      if (special == 0) {
        i = end;
        continue;
      }
    }
    for (; i < end; ++i) {
      unsigned char cls = kClasses[static_cast<unsigned char>(chunk[i])];
      if (cls == kPlain) continue;
      if (cls == kHigh) {
        high_ = true;
      } else if (cls == kControl) {
        if (control_ == std::string::npos) control_ = record_.raw_.size() + (i - start);
      } else {
        feed_piece(chunk.substr(start, i + 1 - start), handler);
        start = i + 1;
      }
    }
  }
  if (start < chunk.size()) feed_piece(chunk.substr(start), handler);
}

void CsvStream::finish(const CsvHandler& handler) {
  row_ended_ = false;
  if (csv_fini(parser_of(parser_), on_field, on_row, this) != 0)
    throw InputError(record_.locate_byte(0), "malformed CSV: a quoted field in the record that starts here is never closed (expected every "
                                             "quoted field to be closed)");
  if (row_ended_) dispatch(handler);
}

void CsvStream::read(std::FILE* file, const CsvHandler& handler) {
  std::string buffer(kChunk, '\0');
  // A BOM split over two reads cannot happen: the first read asks for a whole chunk.
  while (size_t got = std::fread(buffer.data(), 1, buffer.size(), file)) {
    bytes_ += got;
    feed(std::string_view(buffer.data(), got), handler);
    if (handler.on_progress) handler.on_progress(bytes_);
  }
  if (std::ferror(file)) throw InputError(Location{name_}, fmt::format("cannot read: {}", std::strerror(errno)));
  finish(handler);
}

void CsvStream::read(std::string_view text, const CsvHandler& handler) {
  bytes_ += text.size();
  feed(text, handler);
  finish(handler);
}

void read_csv_stream(std::string_view text, const std::string& name, const CsvHandler& handler) { CsvStream(name).read(text, handler); }

}  // namespace cjb::sheet
