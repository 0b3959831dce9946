#include "xml/source.h"

#include <filesystem>

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

std::string read_error(const std::string& path) {
  try {
    read_file(path);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(ReadFile, MissingPathDirectoryAndTooLarge) {
  std::string dir = test::temp_dir("read_file");
  EXPECT_EQ(read_error(dir + "/nope.xml"), dir + "/nope.xml: error: no such file (expected a path to an existing file)");
  EXPECT_EQ(read_error(dir), dir + ": error: is a directory (expected a file)");
  std::string big = dir + "/big.xml";
  test::write_text(big, std::string(kMaxFileBytes + 1, ' '));
  EXPECT_EQ(read_error(big), big + ": error: file is 16777217 bytes (expected at most 16777216 bytes)");
}

TEST(WriteFileAtomically, ReplacesContentAndLeavesNoTemporaryFile) {
  std::string dir = test::temp_dir("atomic");
  write_file_atomically(dir + "/a.txt", "one");
  write_file_atomically(dir + "/a.txt", "two");
  EXPECT_EQ(test::read_text(dir + "/a.txt"), "two");
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) files += entry.is_regular_file();
  EXPECT_EQ(files, 1);
}

}  // namespace
}  // namespace cjb::xml
