// Issue 14, defects 6 and 11: ids and numbers as the readers take them.

#include <gtest/gtest.h>

#include "core/checks.h"
#include "xml/assessment_scan.h"
#include "xml/files.h"

namespace cjb::xml {
namespace {

std::string assessment_error(const std::string& text) {
  try {
    parse_assessment(text, "a.xml");
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

std::string with_ids(const std::string& id, const std::string& item) {
  return "<assessment id=\"" + id + "\"><subject retailer=\"R\" site=\"S\"/><meta date=\"2026-01-15\"/>"
         "<scope model=\"m\" profile=\"p\"/><responses><response item=\"" + item + "\" level=\"1\"/></responses></assessment>";
}

TEST(StrictValues, IdsWithQuotesNewlinesOrOverridesAreRefused) {
  EXPECT_EQ(assessment_error(with_ids("a&quot;1", "x")),
            "a.xml:1:1: error: 'id' on <assessment>: id 'a\"1' holds '\"' (expected letters, digits and marks such as - . _ :, "
            "e.g. journey-queue-01; no quotes, < > & or backslash)");
  EXPECT_EQ(assessment_error(with_ids("a", "x&#10;y")),
            "a.xml:1:118: error: 'item' on <response>: id 'x<U+000A>y' holds U+000A (expected letters, digits and marks such as "
            "- . _ :, e.g. journey-queue-01; no spaces, control or direction characters)");
  EXPECT_EQ(assessment_error(with_ids("a", "exe\u202Etxt")),
            "a.xml:1:118: error: 'item' on <response>: id 'exe<U+202E>txt' holds U+202E (expected letters, digits and marks such "
            "as - . _ :, e.g. journey-queue-01; no spaces, control or direction characters)");
  std::string text = with_ids("=cmd|x", "x");
  pugi::xml_document doc;
  std::vector<ScannedResponse> responses;
  EXPECT_FALSE(scan_assessment(text, doc, responses).has_value());
}

const char* kModelHead = R"(<model id="m" critical-cap="40")";
const char* kModelBody = R"(>
  <channels><channel id="physical"/></channels>
  <scales><scale id="maturity"><level value="0" label="a"/><level value="1" label="b"/></scale></scales>
  <bands><band id="low" lower="0" colour="#FF0000"/></bands>
  <layers>
    <layer id="leadership"><group id="vision"/></layer>
    <layer id="enablers"><group id="people" TARGET/></layer>
    <layer id="journey"><group id="welcome" channels="physical"/></layer>
  </layers>
</model>
)";

std::string model(const std::string& root_attributes, const std::string& group_attributes = "") {
  std::string body = kModelBody;
  body.replace(body.find("TARGET"), 6, group_attributes);
  return kModelHead + root_attributes + body;
}

std::string model_problems(const std::string& text) {
  try {
    return format_diagnostics(check_model(parse_model(text, "m.xml")));
  } catch (const InputError& e) {
    return e.what();
  }
}

TEST(StrictValues, NumbersAreDecimalOnly) {
  EXPECT_EQ(model_problems(model("", "weight=\"0x10\"")),
            "m.xml:7:26: error: 'weight' is '0x10' (expected a decimal number such as 2 or 0.5)");
  EXPECT_EQ(model_problems(model("", "weight=\"1e3\"")),
            "m.xml:7:26: error: 'weight' is '1e3' (expected a decimal number such as 2 or 0.5)");
  EXPECT_EQ(model_problems(model("", "weight=\"nan\"")),
            "m.xml:7:26: error: 'weight' is 'nan' (expected a decimal number such as 2 or 0.5)");
  EXPECT_EQ(model_problems(model(" target=\"1000000000\"")),
            "m.xml:1:1: error: 'target' is 1000000000 (expected a number from -1000000 to 1000000)");
  EXPECT_EQ(model_problems(model("", "weight=\" 2.5 \"")), "");
  EXPECT_EQ(model_problems(model("", "weight=\".5\"")), "");
}

TEST(StrictValues, TargetsAreScoresFrom0To100) {
  EXPECT_EQ(model_problems(model(" target=\"-5\"")), "m.xml:1:1: error: target -5 (expected 0 to 100)");
  EXPECT_EQ(model_problems(model(" target=\"101\"", "target=\"-1\"")),
            "m.xml:1:1: error: target 101 (expected 0 to 100)\nm.xml:7:26: error: group 'people' has target -1 (expected 0 to 100)");
}

}  // namespace
}  // namespace cjb::xml
