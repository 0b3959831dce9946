// util/line_index: byte offset → line:column in characters.

#include "util/line_index.h"

#include <gtest/gtest.h>

namespace cjb {
namespace {

TEST(LineColumn, CountsCharactersNotBytes) {
  LineColumn at = line_column("ab\ncé!x", 7);
  EXPECT_EQ(at.line, 2);
  EXPECT_EQ(at.column, 4);
  EXPECT_EQ(line_column("x\ny", 2, 10).line, 11);
}

TEST(LineIndex, AgreesWithTheLinearScanEverywhere) {
  std::string text;
  for (int i = 0; i < 300; ++i) text += i % 7 == 0 ? "é\n" : "abc";
  LineIndex index(text);
  for (size_t offset = 0; offset <= text.size(); ++offset) {
    if (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80) continue;
    LineColumn fast = index.locate(offset), slow = line_column(text, offset);
    ASSERT_EQ(fast.line, slow.line) << offset;
    ASSERT_EQ(fast.column, slow.column) << offset;
  }
}

}  // namespace
}  // namespace cjb
