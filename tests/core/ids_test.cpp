// Issue 14, defect 6: ids are checked where files are read, and no message prints a raw
// control or direction character.

#include "core/ids.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "core/printable.h"

namespace cjb {
namespace {

TEST(Ids, OrdinaryIdsAreFine) {
  for (const char* id : {"L-VIS-01", "journey.browse", "cjb_retail:v2", "café-paris", "a"}) EXPECT_EQ(id_problem(id), std::nullopt) << id;
}

TEST(Ids, QuotesMarkupAndBackslashAreRefused) {
  EXPECT_EQ(id_problem("a\"b").value(),
            "id 'a\"b' holds '\"' (expected letters, digits and marks such as - . _ :, e.g. journey-queue-01; no quotes, < > & or backslash)");
  EXPECT_TRUE(id_problem("a'b"));
  EXPECT_TRUE(id_problem("a<b"));
  EXPECT_TRUE(id_problem("a&b"));
  EXPECT_TRUE(id_problem("a\\b"));
  EXPECT_TRUE(id_problem("a`b"));
}

TEST(Ids, ControlSpaceAndDirectionCharactersAreRefused) {
  EXPECT_EQ(id_problem("a\nb").value(),
            "id 'a<U+000A>b' holds U+000A (expected letters, digits and marks such as - . _ :, e.g. journey-queue-01; no "
            "spaces, control or direction characters)");
  EXPECT_EQ(id_problem("exe.\u202Etxt").value(),
            "id 'exe.<U+202E>txt' holds U+202E (expected letters, digits and marks such as - . _ :, e.g. journey-queue-01; no "
            "spaces, control or direction characters)");
  EXPECT_TRUE(id_problem("a b"));
  EXPECT_TRUE(id_problem("a\u00A0b"));
  EXPECT_TRUE(id_problem("a\u200Bb"));
  EXPECT_TRUE(id_problem("a\x1b[31mb"));
  EXPECT_TRUE(id_problem("a\xc2\x9b" "b"));  // C1 CSI
  EXPECT_TRUE(id_problem("\xff"));
}

TEST(Ids, FormulaAndOptionStartsAndLengthAreRefused) {
  EXPECT_EQ(id_problem("=HYPERLINK(x)").value(),
            "id '=HYPERLINK(x)' starts with '=' (expected letters, digits and marks such as - . _ :, e.g. journey-queue-01; not "
            "= + - @ first)");
  EXPECT_TRUE(id_problem("-rf"));
  EXPECT_TRUE(id_problem("@x"));
  EXPECT_TRUE(id_problem("+1"));
  EXPECT_EQ(id_problem(std::string(201, 'a')).value(), "id of 201 bytes (expected at most 200 bytes)");
  EXPECT_EQ(id_problem(std::string(200, 'a')), std::nullopt);
}

TEST(Printable, ControlAndDirectionCharactersAreShownAsCodePoints) {
  EXPECT_EQ(printable("red \x1b[31m text\r\n\u202Eevil\xff"), "red <U+001B>[31m text<U+000D><U+000A><U+202E>evil<0xFF>");
  EXPECT_EQ(printable("a\nb", true), "a\nb");
  EXPECT_EQ(printable("Café – ok"), "Café – ok");
}

TEST(Printable, DiagnosticsNeverCarryRawControlCharacters) {
  Diagnostic d{Location{"x\x1b.xml", 1, 2}, "item 'a\x07' unknown"};
  EXPECT_EQ(d.to_string(), "x<U+001B>.xml:1:2: error: item 'a<U+0007>' unknown");
}

}  // namespace
}  // namespace cjb
