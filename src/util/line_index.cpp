#include "util/line_index.h"

#include <algorithm>

#include "util/utf8.h"

namespace cjb {

LineColumn line_column(std::string_view text, size_t offset, int first_line) {
  LineColumn at{first_line, 1};
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\n') {
      ++at.line;
      at.column = 1;
    } else if (!utf8::is_continuation(byte)) {
      ++at.column;
    }
  }
  return at;
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  char_marks_.reserve(text_.size() / kCharMarkStep + 1);
  size_t characters = 0;
  for (size_t i = 0; i < text_.size(); ++i) {
    if (i % kCharMarkStep == 0) char_marks_.push_back(characters);
    auto byte = static_cast<unsigned char>(text_[i]);
    if (!utf8::is_continuation(byte)) ++characters;
    if (byte == '\n') line_starts_.push_back(i + 1);
  }
  char_marks_.push_back(characters);
}

size_t LineIndex::characters_before(size_t offset) const {
  size_t mark = offset / kCharMarkStep;
  size_t characters = char_marks_[mark];
  for (size_t i = mark * kCharMarkStep; i < offset; ++i)
    if (!utf8::is_continuation(static_cast<unsigned char>(text_[i]))) ++characters;
  work_ += offset - mark * kCharMarkStep;
  return characters;
}

LineColumn LineIndex::locate(size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  size_t line = static_cast<size_t>(it - line_starts_.begin());
  size_t start = line_starts_[line - 1];
  size_t column = characters_before(offset) - characters_before(start) + 1;
  return {static_cast<int>(line), static_cast<int>(column)};
}

}  // namespace cjb
