// Issue 14: what pugixml lets through and cjb must refuse, with exact messages; the fast reader
// of `cjb benchmark` must give up on the same files (so the full reader reports them); error
// locations cost linear work however many errors share one line.

#include <gtest/gtest.h>

#include "xml/assessment_scan.h"
#include "xml/files.h"
#include "xml/source.h"

namespace cjb::xml {
namespace {

std::string error_of(const std::string& text) {
  try {
    parse_assessment(text, "a.xml");
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

bool fast_reader_accepts(std::string text) {
  pugi::xml_document doc;
  std::vector<ScannedResponse> responses;
  return scan_assessment(text, doc, responses).has_value();
}

std::string assessment(const std::string& root_attributes, const std::string& subject, const std::string& inside = "",
                       const std::string& responses = "<response item=\"L-VIS-01\" level=\"2\"/>") {
  return "<assessment id=\"a1\"" + root_attributes + ">\n<subject retailer=\"R\" site=\"S\"" + subject +
         "/>\n<meta date=\"2026-01-15\"/>\n<scope model=\"m\" profile=\"p\"/>\n" + inside + "<responses>" + responses +
         "</responses>\n</assessment>\n";
}

TEST(StrictXml, AWellFormedAssessmentPassesBothReaders) {
  std::string text = assessment("", " site-id=\"s-01\"");
  EXPECT_EQ(error_of(text), "no error");
  EXPECT_TRUE(fast_reader_accepts(text));
}

TEST(StrictXml, TwoRootElements) {
  std::string text = assessment("", "") + "<assessment id=\"b\"/>\n";
  EXPECT_EQ(error_of(text), "a.xml:7:1: error: second root element <assessment> (expected one root element)");
  EXPECT_FALSE(fast_reader_accepts(text));
}

TEST(StrictXml, DuplicateAttributes) {
  std::string text = assessment("", "", "", "<response item=\"L-VIS-01\" level=\"2\" level=\"3\"/>");
  EXPECT_EQ(error_of(text), "a.xml:5:12: error: attribute 'level' appears twice on <response> (expected each attribute once)");
  EXPECT_FALSE(fast_reader_accepts(text));
  std::string subject = assessment("", " site=\"T\"");
  EXPECT_EQ(error_of(subject), "a.xml:2:1: error: attribute 'site' appears twice on <subject> (expected each attribute once)");
  EXPECT_FALSE(fast_reader_accepts(subject));
}

TEST(StrictXml, LessThanInAttributeValue) {
  std::string text = assessment("", " region=\"a<b\"");
  EXPECT_EQ(error_of(text), "a.xml:2:41: error: malformed XML: '<' in an attribute value (expected &lt;)");
  EXPECT_FALSE(fast_reader_accepts(text));
}

TEST(StrictXml, UndefinedEntityAndBareAmpersand) {
  std::string text = assessment("", " region=\"caf&eacute;\"");
  EXPECT_EQ(error_of(text),
            "a.xml:2:43: error: malformed XML: undefined entity '&eacute;' (expected &amp;, &lt;, &gt;, &quot;, &apos; or a "
            "character reference such as &#233;)");
  EXPECT_FALSE(fast_reader_accepts(text));
  std::string bare = assessment("", " region=\"R & D\"");
  EXPECT_EQ(error_of(bare),
            "a.xml:2:42: error: malformed XML: '&' that starts no entity (expected &amp;, &lt;, &gt;, &quot;, &apos; or a "
            "character reference such as &#233;; write a plain '&' as &amp;)");
  EXPECT_FALSE(fast_reader_accepts(bare));
  std::string in_text = assessment("", "", "", "<response item=\"L-VIS-01\" level=\"2\"><note>&nbsp;</note></response>");
  EXPECT_NE(error_of(in_text).find("undefined entity '&nbsp;'"), std::string::npos);
  EXPECT_FALSE(fast_reader_accepts(in_text));
  // The five predefined entities and character references stay fine.
  std::string fine = assessment("", " region=\"&amp;&lt;&gt;&quot;&apos;&#233;&#xE9;\"");
  EXPECT_EQ(error_of(fine), "no error");
}

TEST(StrictXml, CharacterReferenceToNoCharacter) {
  EXPECT_EQ(error_of(assessment("", " region=\"&#0;\"")),
            "a.xml:2:40: error: malformed XML: character reference to no character, U+0 (expected a code point from U+1 to "
            "U+10FFFF, not a surrogate)");
  EXPECT_NE(error_of(assessment("", " region=\"&#xD800;\"")).find("U+D800"), std::string::npos);
  EXPECT_NE(error_of(assessment("", " region=\"&#99999999999;\"")).find("U+110000"), std::string::npos);
}

TEST(StrictXml, DocumentTypeDeclaration) {
  std::string text = "<!DOCTYPE assessment [<!ENTITY x \"y\">]>\n" + assessment("", "");
  EXPECT_EQ(error_of(text),
            "a.xml:1:1: error: malformed XML: document type declaration (expected none: cjb files declare no DTD and no entities)");
  EXPECT_FALSE(fast_reader_accepts(text));
  // Comments and CDATA are fine.
  std::string comment = "<!-- a <comment> & more -->\n" + assessment("", "");
  EXPECT_EQ(error_of(comment), "no error");
  EXPECT_TRUE(fast_reader_accepts(comment));
}

TEST(StrictXml, SecondSubjectMetaScopeOrResponses) {
  std::string text = assessment("", "", "<subject retailer=\"X\" site=\"Y\"/>\n<meta date=\"2026-01-16\"/>\n<scope model=\"m\" profile=\"q\"/>\n");
  EXPECT_EQ(error_of(text),
            "a.xml:5:1: error: second <subject> in <assessment> (expected one)\n"
            "a.xml:6:1: error: second <meta> in <assessment> (expected one)\n"
            "a.xml:7:1: error: second <scope> in <assessment> (expected one)");
  EXPECT_FALSE(fast_reader_accepts(text));
  std::string responses = assessment("", "", "<responses/>\n");
  EXPECT_EQ(error_of(responses), "a.xml:6:1: error: second <responses> in <assessment> (expected one)");
  EXPECT_FALSE(fast_reader_accepts(responses));
}

TEST(StrictXml, FastReaderGivesUpOnBadIdsInTheScope) {
  std::string text = assessment("", "");
  std::string channels = text;
  channels.replace(channels.find("profile=\"p\""), 11, "channels=\"physical &quot;x\"><checklist ref=\"c\"/></scope><x");
  channels.replace(channels.find("<x/>"), 4, "");
  EXPECT_NE(error_of(channels).find("'channels' on <scope>: id '\"x' holds '\"'"), std::string::npos) << error_of(channels);
  EXPECT_FALSE(fast_reader_accepts(channels));
  std::string model = text;
  model.replace(model.find("model=\"m\""), 9, "model=\"=m\"");
  EXPECT_NE(error_of(model).find("'model' on <scope>: id '=m' starts with '='"), std::string::npos);
  EXPECT_FALSE(fast_reader_accepts(model));
}

TEST(StrictXml, NestingDeeperThanTheLimit) {
  std::string text = "<assessment>";
  for (int i = 0; i < 100; ++i) text += "<x>";
  for (int i = 0; i < 100; ++i) text += "</x>";
  text += "</assessment>";
  EXPECT_EQ(error_of(text), "a.xml:1:202: error: elements nested more than 64 deep (expected at most 64 levels)");
}

TEST(StrictXml, MoreElementsThanTheLimit) {
  std::string text = "<assessment>";
  text.reserve(kMaxElements * 4 + 100);
  for (size_t i = 0; i < kMaxElements; ++i) text += "<x/>";
  text += "</assessment>";
  EXPECT_EQ(error_of(text), "a.xml:1:4000009: error: more than 1000000 elements (expected at most 1000000)");
}

// 100,000 bad responses on one line (issue 14, defect 1: 321 s): each location used to count
// the columns from the start of its line. The work is counted, not timed.
TEST(StrictXml, ErrorLocationsCostLinearWork) {
  std::string responses;
  const int n = 100000;
  for (int i = 0; i < n; ++i) responses += "<response item=\"x\"/>";
  std::string text = "<assessment id=\"a\"><subject retailer=\"R\" site=\"S\"/><meta date=\"2026-01-15\"/><scope model=\"m\" profile=\"p\"/><responses>" +
                     responses + "</responses></assessment>";
  Source source(text, "a.xml");
  size_t diagnostics = 0;
  try {
    parse_assessment(source);
  } catch (const InputError& e) {
    diagnostics = e.diagnostics().size();
    EXPECT_EQ(e.diagnostics().back().to_string(),
              "a.xml:1:2000098: error: response to 'x' has no level (expected level=\"N\" or na=\"true\")");
  }
  EXPECT_EQ(diagnostics, static_cast<size_t>(n));
  // Two lookups of at most 256 bytes each per location (the response's own, and the start of
  // its line); counting from the line start would be ~ n × 1 MB.
  EXPECT_LE(source.location_work(), static_cast<size_t>(n) * 2 * 2 * 256);
}

}  // namespace
}  // namespace cjb::xml
