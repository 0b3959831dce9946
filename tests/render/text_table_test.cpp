// Aligned text tables and HTML tables of the benchmark and compare writers.

#include "render/text_table.h"
#include "util/utf8.h"

#include <gtest/gtest.h>

namespace cjb::render {
namespace {

TEST(TextTable, AlignsByCharactersNotBytes) {
  TextTable t;
  t.header = {"site", "score"};
  t.align = {Align::Left, Align::Right};
  t.rows = {{"Café Süd", "57.2"}, {"B", "–"}};
  EXPECT_EQ(format_table(t), "  site      score\n  Café Süd   57.2\n  B             –\n");
  EXPECT_EQ(utf8::length("Café –"), 6u);
}

TEST(TextTable, NoTrailingSpacesAndShortRows) {
  TextTable t;
  t.header = {"a", "b"};
  t.rows = {{"long value"}};
  EXPECT_EQ(format_table(t, 0), "a           b\nlong value\n");
}

TEST(HtmlTable, EscapesEveryCell) {
  TextTable t;
  t.header = {"<th>"};
  t.align = {Align::Right};
  t.rows = {{"Mini & Co <script>\"'"}};
  EXPECT_EQ(html_table(t),
            "<table>\n<thead><tr><th class=\"num\">&lt;th&gt;</th></tr></thead>\n<tbody>\n"
            "<tr><td class=\"num\">Mini &amp; Co &lt;script&gt;&quot;&#39;</td></tr>\n</tbody>\n</table>\n");
  std::string page = html_document("a <b>", "<p>x</p>\n");
  EXPECT_NE(page.find("<title>a &lt;b&gt;</title>"), std::string::npos);
  std::string end = "<body>\n<p>x</p>\n</body>\n</html>\n";
  EXPECT_EQ(page.substr(page.size() - end.size()), end);
}

}  // namespace
}  // namespace cjb::render
