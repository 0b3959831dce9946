// Issue 14, defect 8: what a PDF lays out of one text is bounded, whatever a note holds.

#include <gtest/gtest.h>

#include "render/laid_out_text.h"

namespace cjb::render::pdf {
namespace {

TEST(LaidOutText, ShortTextIsKept) {
  EXPECT_EQ(laid_out_text("a note"), "a note");
  std::string exactly(kMaxLaidOutBytes, 'x');
  EXPECT_EQ(laid_out_text(exactly), exactly);
}

TEST(LaidOutText, A15MiBWordIsCutToTheLimitWithAnEllipsis) {
  std::string word(15 * 1024 * 1024, 'x');
  std::string shown = laid_out_text(word);
  EXPECT_EQ(shown, std::string(kMaxLaidOutBytes, 'x') + "…");
}

TEST(LaidOutText, NeverCutsInsideACharacter) {
  std::string text = "a";
  while (text.size() < kMaxLaidOutBytes + 10) text += "é";  // two bytes each, from an odd offset
  std::string shown = laid_out_text(text);
  EXPECT_EQ(shown.size(), kMaxLaidOutBytes - 1 + std::string("…").size());
  EXPECT_EQ(shown.substr(shown.size() - 5), "é…");
}

}  // namespace
}  // namespace cjb::render::pdf
