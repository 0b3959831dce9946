#pragma once
// Byte offset → line:column, the one way every reader turns a place in its input into what a
// user sees: lines 1-based, columns counted in characters (UTF-8 code points), 1-based.

#include <string_view>
#include <vector>

namespace cjb {

struct LineColumn {
  int line = 1;
  int column = 1;
};

// Line and column of text[offset] by a linear scan from the start of text, which is at
// (first_line, column 1): for one place, or a few in a short text (a CSV record).
LineColumn line_column(std::string_view text, size_t offset, int first_line = 1);

// An index for many lookups in one long text: a binary search over the line starts and at most
// kCharMarkStep bytes counted, so N lookups cost O(N log lines), not O(N × line length) (a
// one-line file with 100,000 errors). Keeps a view of text, which must outlive it.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  LineColumn locate(size_t offset) const;
  // Bytes counted by locate so far: the work the test of linear error reporting counts.
  size_t work() const { return work_; }

 private:
  static constexpr size_t kCharMarkStep = 256;
  size_t characters_before(size_t offset) const;

  std::string_view text_;
  std::vector<size_t> line_starts_;
  std::vector<size_t> char_marks_;  // characters before byte k × kCharMarkStep
  mutable size_t work_ = 0;
};

}  // namespace cjb
