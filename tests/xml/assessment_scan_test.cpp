// The fast reader of `cjb benchmark` (xml/assessment_scan.h): the responses read straight from
// the text in the form cjb writes them, everything else handed to pugixml, and whichever way
// a file goes, the values the full reader reads — or a refusal to decide.

#include <gtest/gtest.h>

#include "support.h"
#include "xml/assessment_scan.h"
#include "xml/files.h"

namespace cjb::xml {
namespace {

std::string document(const std::string& responses, const std::string& tail = "</assessment>\n") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<assessment id=\"a1\">\n"
         "  <subject retailer=\"R\" site=\"S\" site-id=\"s-01\" region=\"North\">\n    <tag>mall</tag>\n  </subject>\n"
         "  <meta assessor=\"A\" date=\"2026-01-15\" />\n  <scope model=\"m\" profile=\"p\" />\n  <responses>" +
         responses + "</responses>\n" + tail;
}

const std::string kWritten =
    "\n    <response item=\"L-VIS-01\" level=\"4\">\n      <note>Checked > twice.</note>\n    </response>\n"
    "    <response item=\"L-VIS-02\" na=\"true\" />\n"
    "    <response item=\"L-VIS-03\" level=\"0\"><evidence>Photo 3</evidence><note>n</note></response>\n  ";

std::string summary(const std::vector<ScannedResponse>& responses) {
  std::string out;
  for (const auto& r : responses) out += std::string(r.item) + (r.na ? "=na " : "=" + std::to_string(r.level) + " ");
  return out;
}

// Both readers on text; when the fast one accepts, the full one must accept with the same
// values. Returns whether the fast reader accepted.
bool fast_agrees(const std::string& text) {
  std::optional<Assessment> full;
  try {
    full = parse_assessment(text, "a.xml");
  } catch (const InputError&) {
  }
  std::string copy = text;
  pugi::xml_document doc;
  std::vector<ScannedResponse> responses;
  std::optional<Assessment> fast = scan_assessment(copy, doc, responses);
  if (!fast) return false;
  EXPECT_TRUE(full.has_value()) << "the fast reader accepted what the full reader refuses:\n" << text;
  if (!full) return true;
  EXPECT_EQ(fast->id, full->id);
  EXPECT_EQ(fast->subject.retailer, full->subject.retailer);
  EXPECT_EQ(fast->subject.site_id, full->subject.site_id);
  EXPECT_EQ(fast->subject.region, full->subject.region);
  EXPECT_EQ(fast->subject.tags, full->subject.tags);
  EXPECT_EQ(fast->meta.date, full->meta.date);
  EXPECT_EQ(fast->scope.profile, full->scope.profile);
  std::string expected;
  for (const auto& r : full->responses) expected += r.item + (r.na ? "=na " : "=" + std::to_string(r.level.value_or(-1)) + " ");
  EXPECT_EQ(summary(responses), expected) << text;
  return true;
}

TEST(WrittenResponses, ReadWithoutADocument) {
  std::vector<ScannedResponse> out;
  ASSERT_TRUE(read_written_responses(kWritten, out));
  EXPECT_EQ(summary(out), "L-VIS-01=4 L-VIS-02=na L-VIS-03=0 ");
  ASSERT_TRUE(read_written_responses("", out));
  EXPECT_TRUE(out.empty());
  // Blanks where XML allows them, values trimmed as the full reader trims them.
  ASSERT_TRUE(read_written_responses("<response\titem=\" A \"  level=\"2\"/><response item=\"B\" na=\"0\" level=\"1\" ></response >", out));
  EXPECT_EQ(summary(out), "A=2 B=1 ");
  // Photo evidence: the file is not needed to score.
  ASSERT_TRUE(read_written_responses("<response item=\"A\" level=\"3\"><evidence file=\"photos/a.jpg\">Roll cage</evidence></response>", out));
  EXPECT_EQ(summary(out), "A=3 ");
}

// What cjb writes and ships is in the written form: a batch of them never builds a document
// for the responses.
TEST(WrittenResponses, TheExamplesAreInTheWrittenForm) {
  for (const char* file : {"examples/fashion-independent.xml", "examples/grocer-omnichannel-revisit.xml", "examples/grocer-omnichannel.xml",
                           "examples/online-pureplay.xml", "examples/self-assessment-in-progress.xml", "tests/data/mini-assessment.xml"}) {
    SCOPED_TRACE(file);
    std::string text = test::read_text(test::source_path(file));
    size_t open = text.find("<responses>") + 11, close = text.find("</responses>");
    std::vector<ScannedResponse> out;
    EXPECT_TRUE(read_written_responses(std::string_view(text).substr(open, close - open), out));
    EXPECT_EQ(out.size(), parse_assessment(text, file).responses.size());
    // The mini file's site name holds "&lt;": the fast reader leaves it to the full reader.
    bool accepted = fast_agrees(text);
    if (std::string_view(file).starts_with("examples/")) {
      EXPECT_TRUE(accepted);
    }
  }
}

TEST(WrittenResponses, GiveUpOnAnyOtherForm) {
  const char* other[] = {
      "<!-- a comment --><response item=\"A\" level=\"2\"/>",
      "<response item=\"A\" level=\"2\"><note><![CDATA[x]]></note></response>",
      "<response item='A' level=\"2\"/>",
      "<response item=\"A\" level=\"2\tx\"/>",
      "<response item=\"A\nB\" level=\"2\"/>",
      "<response item=\"A&amp;B\" level=\"2\"/>",
      "<response item=\"A\" level=\"2\" weight=\"1\"/>",
      "<response item=\"A\" level=\"2\" level=\"3\"/>",
      "<response item=\"A\" level=\"2\" xmlns=\"urn:x\"/>",
      "<response item=\"A\"level=\"2\"/>",
      "<response item = \"A\" level=\"2\"/>",
      "<response item=\"A\" level=\"2\"><note lang=\"en\">x</note></response>",
      "<response item=\"A\" level=\"2\"><note>a <b>bold</b> note</note></response>",
      "<response item=\"A\" level=\"2\"><photo/></response>",
      "<response item=\"A\" level=\"2\"><evidence kind=\"x\">y</evidence></response>",
      "<response item=\"A\" level=\"2\"><evidence file=\"a.jpg\" file=\"b.jpg\">y</evidence></response>",
      "<response item=\"A\" level=\"2\"><evidence file=\"a&amp;b.jpg\">y</evidence></response>",
      "<response item=\"A\" level=\"2\"><note file=\"a.jpg\">y</note></response>",
      "<response item=\"A\" level=\"2\">text</response>",
      "<response item=\"A\" level=\"2\"></responsex>",
      "<response item=\"A\" level=\"2\">",
      "<response item=\"A\" level=\"2\"",
      "<response/>",
      "text <response item=\"A\" level=\"2\"/>",
      "<responses><response item=\"A\" level=\"2\"/></responses>",
      "<response item=\"A\" level=\"2\"/></responses><responses>",
      "<response item=\"A\" level=\"-2\"/>",
      "<response item=\"A\" level=\"2\" na=\"true\"/>",
      "<response item=\"A\"/>",
      "<response item=\"\" level=\"2\"/>",
      "<response level=\"2\"/>",
      "<response item=\"A\" na=\"maybe\"/>",
  };
  for (const char* text : other) {
    std::vector<ScannedResponse> out;
    EXPECT_FALSE(read_written_responses(text, out)) << text;
  }
}

TEST(WrittenResponses, WholeFilesReadAsTheFullReaderReadsThem) {
  // The written form: read without a document.
  EXPECT_TRUE(fast_agrees(document(kWritten)));
  // Forms the hand reader leaves to pugixml, still read by the fast path.
  EXPECT_TRUE(fast_agrees(document("<!-- c --><response item=\"X\" level=\"1\"/>")));
  EXPECT_TRUE(fast_agrees(document("<response item='X' level='1'/>")));
  EXPECT_TRUE(fast_agrees(document(kWritten, "</assessment>\n<!-- written by hand -->\n")));
  EXPECT_TRUE(fast_agrees(document("<response item=\"X\" level=\"1\"><note><![CDATA[<b>]]></note></response>")));
  // What the full reader refuses: never accepted, whichever way the file goes.
  EXPECT_FALSE(fast_agrees(document(kWritten, "</assessment>\n<assessment id=\"b\"/>\n")));
  EXPECT_FALSE(fast_agrees(document(kWritten + "<response item=\"L-VIS-04\" level=\"2\" na=\"true\"/>")));
  EXPECT_FALSE(fast_agrees(document(kWritten + "</responses><responses>")));
  EXPECT_FALSE(fast_agrees(document(kWritten + "<response item=\"L-VIS-04\" level=\"2\"></response>", "")));
  std::string two_responses = document(kWritten);
  two_responses.replace(two_responses.find("<scope"), 0, "<responses></responses>");
  EXPECT_FALSE(fast_agrees(two_responses));
  std::string unclosed_subject = document(kWritten);
  unclosed_subject.replace(unclosed_subject.find("</subject>"), 10, "");
  EXPECT_FALSE(fast_agrees(unclosed_subject));
  std::string in_comment = document(kWritten);
  in_comment.replace(in_comment.find("<meta"), 0, "<!-- <responses> -->");
  EXPECT_TRUE(fast_agrees(in_comment));
}

}  // namespace
}  // namespace cjb::xml
