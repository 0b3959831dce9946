// util/utf8: the one UTF-8 decoder, validator and encoder.

#include "util/utf8.h"

#include <gtest/gtest.h>

namespace cjb::utf8 {
namespace {

TEST(Utf8, DecodesEachSequenceLength) {
  EXPECT_EQ(decode("a", 0).value, U'a');
  EXPECT_EQ(decode("\xc3\xa9", 0).value, U'é');
  EXPECT_EQ(decode("\xc3\xa9", 0).length, 2u);
  EXPECT_EQ(decode("\xe2\x82\xac", 0).value, U'€');
  EXPECT_EQ(decode("\xf0\x9f\x98\x80", 0).value, char32_t{0x1F600});
  EXPECT_EQ(decode("\xf0\x9f\x98\x80", 0).length, 4u);
}

TEST(Utf8, RefusesWhatIsNotUtf8) {
  EXPECT_EQ(decode("\xc0\xaf", 0).length, 0u);          // overlong '/'
  EXPECT_EQ(decode("\xed\xa0\x80", 0).length, 0u);      // a surrogate
  EXPECT_EQ(decode("\xf4\x90\x80\x80", 0).length, 0u);  // past U+10FFFF
  EXPECT_EQ(decode("\xe2\x82", 0).length, 0u);          // cut short
  EXPECT_EQ(decode("\x80", 0).length, 0u);              // a stray continuation byte
  EXPECT_EQ(decode("\xc3(", 0).length, 0u);             // no continuation byte
}

TEST(Utf8, FindsTheFirstInvalidByte) {
  EXPECT_EQ(find_invalid("plain café"), std::string_view::npos);
  EXPECT_EQ(find_invalid("caf\xe9!"), 3u);
  EXPECT_EQ(find_invalid("\xc3\xa9\xff"), 2u);
}

TEST(Utf8, DecodesAllWithReplacementCharacters) {
  EXPECT_EQ(decode_all("a\xffé"), U"a\uFFFDé");
}

TEST(Utf8, EncodesWhatItDecodes) {
  for (char32_t c : {char32_t{'A'}, char32_t{0xE9}, char32_t{0x20AC}, char32_t{0x1F600}}) {
    std::string s;
    append(s, c);
    EXPECT_EQ(decode(s, 0).value, c);
    EXPECT_EQ(decode(s, 0).length, s.size());
  }
}

TEST(Utf8, LengthCountsCharacters) {
  EXPECT_EQ(length(""), 0u);
  EXPECT_EQ(length("café €"), 6u);
}

}  // namespace
}  // namespace cjb::utf8
