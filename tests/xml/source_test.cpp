#include "xml/source.h"

#include <gtest/gtest.h>

#include "support.h"

namespace cjb::xml {
namespace {

std::string error_of(const std::string& text, const std::string& name = "t.xml") {
  try {
    Source source(text, name);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(Source, EmptyFile) {
  EXPECT_EQ(error_of(""), "t.xml: error: file is empty (expected an XML document)");
  EXPECT_EQ(error_of("  \n\n"), "t.xml: error: file is empty (expected an XML document)");
}

TEST(Source, MalformedXmlHasLineAndColumn) {
  EXPECT_EQ(error_of("<model>\n  <title>x</titel>\n</model>\n"),
            "t.xml:2:13: error: malformed XML: Start-end tags mismatch (expected well-formed XML)");
  EXPECT_EQ(error_of("<model>\n  <title>x"),
            "t.xml:2:10: error: malformed XML: Start-end tags mismatch (expected well-formed XML)");
  EXPECT_EQ(error_of("<a b=c/>"),
            "t.xml:1:6: error: malformed XML: Error parsing element attribute (expected well-formed XML)");
}

TEST(Source, InvalidUtf8) {
  EXPECT_EQ(error_of("<model>\n<title>caf\xe9</title></model>"),
            "t.xml:2:11: error: invalid UTF-8 byte sequence (expected a UTF-8 encoded file)");
  // Overlong encoding of '/'.
  EXPECT_EQ(error_of("<a>\xc0\xaf</a>"), "t.xml:1:4: error: invalid UTF-8 byte sequence (expected a UTF-8 encoded file)");
}

TEST(Source, ControlCharactersAreRefusedEvenAsReferences) {
  EXPECT_EQ(error_of("<a>\n  <note>red &#27;[31m text</note>\n  <b x=\"&#7;\"/>\n</a>"),
            "t.xml:2:3: error: control character U+001B in <note> (expected text without control characters)\n"
            "t.xml:3:3: error: control character U+0007 in <b> (expected text without control characters)");
  EXPECT_EQ(error_of("<a>tab\tand\nline &#9;&#10;&#13;</a>"), "no error");
}

TEST(Source, ColumnsCountCharactersNotBytes) {
  Source source("<a>\n<b/>é<c/></a>", "t.xml");
  Location where = source.locate(source.root().child("c"));
  EXPECT_EQ(where.line, 2);
  EXPECT_EQ(where.column, 6);
}

TEST(Source, ElementLocationPointsAtItsAngleBracket) {
  Source source("<a>\n  <b/>\n</a>", "t.xml");
  Location where = source.locate(source.root().child("b"));
  EXPECT_EQ(where.line, 2);
  EXPECT_EQ(where.column, 3);
}

}  // namespace
}  // namespace cjb::xml
