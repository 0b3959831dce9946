#include "diagram/escape.h"

#include <gtest/gtest.h>

namespace cjb::diagram {
namespace {

const std::string kNasty = "A \"quoted\" <b>&amp; \\back\\slash {brace} Café";

TEST(Escape, HtmlLabel) {
  EXPECT_EQ(escape_html_label(kNasty),
            "A &quot;quoted&quot; &lt;b&gt;&amp;amp; &#92;back&#92;slash {brace} Caf&#233;");
  EXPECT_EQ(escape_html_label("it's"), "it&#39;s");
  EXPECT_EQ(escape_html_label("two\nlines\tand tab"), "two lines and tab");
  EXPECT_EQ(escape_html_label("€ 😀"), "&#8364; &#128512;");
  EXPECT_EQ(escape_html_label(""), "");
}

TEST(Escape, Attribute) {
  EXPECT_EQ(escape_attribute(kNasty),
            "A &quot;quoted&quot; &lt;b&gt;&amp;amp; \\\\back\\\\slash {brace} Caf&#233;");
  // No Graphviz escape sequence can form: \N would print the node's name.
  EXPECT_EQ(escape_attribute("\\N \\G"), "\\\\N \\\\G");
  EXPECT_EQ(escape_attribute("line 1\nline 2"), "line 1&#10;line 2");
}

TEST(Escape, BrokenUtf8BecomesReplacementCharacters) {
  EXPECT_EQ(escape_html_label("a\xC3"), "a&#65533;");         // truncated sequence
  EXPECT_EQ(escape_html_label("\xC0\xAF"), "&#65533;&#65533;");  // overlong '/'
  EXPECT_EQ(escape_html_label("\xED\xA0\x80"), "&#65533;&#65533;&#65533;");  // a surrogate
  EXPECT_EQ(escape_html_label("\xFF ok"), "&#65533; ok");
}

}  // namespace
}  // namespace cjb::diagram
