// Chart labels never overlap (issue 15): a radar crowded with long axis names, drawn by the PDF
// report and by the SVG summary (turned into a PDF by rsvg-convert, which lays text out with
// pango as a browser would), then every word's box read back with pdftotext -bbox: no two words
// may share area. Words are what a reader sees, so this measures the drawing, not the estimate.

#include <cstdio>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "render/pdf_report.h"
#include "render/report_document.h"
#include "render/report_html.h"
#include "support.h"

namespace cjb::render {
namespace {

std::string shell(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return out;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  pclose(pipe);
  return out;
}

struct Word {
  double x0, y0, x1, y1;
  std::string text;
};

// The words of one page of a PDF with their boxes.
std::vector<Word> words_on_page(const std::string& pdf, int page) {
  std::string xhtml = shell(fmt::format("pdftotext -bbox -f {0} -l {0} {1} -", page, pdf));
  pugi::xml_document doc;
  EXPECT_TRUE(doc.load_string(xhtml.c_str())) << xhtml.substr(0, 200);
  std::vector<Word> words;
  for (auto w : doc.select_nodes("//word"))
    words.push_back({w.node().attribute("xMin").as_double(), w.node().attribute("yMin").as_double(), w.node().attribute("xMax").as_double(),
                     w.node().attribute("yMax").as_double(), w.node().text().get()});
  return words;
}

// Pairs of words whose boxes share more than a sliver: a font's box is a little taller than its
// letters, so lines set solid may touch by a point without any letter touching.
std::vector<std::string> collisions(const std::vector<Word>& words) {
  constexpr double kSliver = 1.0;
  std::vector<std::string> found;
  for (size_t i = 0; i < words.size(); ++i)
    for (size_t j = 0; j < i; ++j) {
      const Word& a = words[i];
      const Word& b = words[j];
      if (a.x0 + kSliver < b.x1 && b.x0 + kSliver < a.x1 && a.y0 + kSliver < b.y1 && b.y0 + kSliver < a.y1)
        found.push_back(fmt::format("\"{}\" ({:.0f},{:.0f}) and \"{}\" ({:.0f},{:.0f})", a.text, a.x0, a.y0, b.text, b.x0, b.y0));
    }
  return found;
}

// Group names as long as a consultancy writes them, each starting with its own word.
const std::vector<std::string> kLongAxes = {
    "Vision and service values shared by every team", "Leaders visibly role-modelling service on the floor",
    "Strategy, targets and investment in service", "Culture of ownership and empowerment",
    "Standards written down and kept up to date", "Processes designed around the customer",
    "People: hiring, induction and coaching", "Measures, feedback and the voice of the customer",
    "Technology and CRM that help staff serve", "Research before the visit, online and by phone",
    "Arrival, parking and first impression", "Welcome and greeting at the door",
    "Browsing, navigation and product availability", "Personal service and advice from staff",
    "Purchase, payment and queues at the tills", "Delivery, click and collect, and pick-up",
    "Returns, refunds and exchanges without fuss", "Complaints handling and service recovery",
    "After-sales follow-up and loyalty", "Enquiries and support by e-mail and chat"};

Document crowded_radar(size_t axes) {
  Document d;
  d.title = "Crowded radar";
  d.consultancy = "Test";
  d.cover.kicker = "Labels";
  d.cover.title = "Crowded radar";
  d.cover.score = "50.0";
  d.cover.band = "Defined";
  d.cover.band_colour = "#2F6DB5";
  d.cover.band_ink = "#FFFFFF";
  RadarChart radar;
  radar.caption = "Every group against its target.";
  ChartSeries score{"Score", "#2F6DB5", {}, true, false}, target{"Target", "#A11D1D", {}, false, true};
  for (size_t i = 0; i < axes; ++i) {
    radar.axes.push_back(kLongAxes[i]);
    score.values.push_back(30.0 + static_cast<double>((i * 37) % 60));
    target.values.push_back(75.0);
  }
  radar.series = {score, target};
  d.sections = {Section{"cover", "Cover", {}}, Section{"charts", "Scores at a glance", {radar}}};
  return d;
}

class CrowdedRadar : public ::testing::TestWithParam<size_t> {};

TEST_P(CrowdedRadar, PdfLabelsNeverOverlap) {
  std::string pdf = test::temp_dir(fmt::format("radar-pdf-{}", GetParam())) + "/r.pdf";
  test::write_text(pdf, render_pdf(crowded_radar(GetParam())));
  std::vector<Word> words = words_on_page(pdf, 2);
  ASSERT_GT(words.size(), GetParam() * 2) << "the labels are on the page";
  for (size_t i = 0; i < GetParam(); ++i) {
    std::string first = kLongAxes[i].substr(0, kLongAxes[i].find_first_of(" ,:"));
    bool shown = false;
    for (const auto& w : words) shown = shown || w.text.rfind(first, 0) == 0;
    EXPECT_TRUE(shown) << "axis " << i << " (" << first << ") has a label";
  }
  for (const auto& c : collisions(words)) ADD_FAILURE() << GetParam() << " axes: " << c;
}

TEST_P(CrowdedRadar, SvgSummaryLabelsNeverOverlap) {
  std::string dir = test::temp_dir(fmt::format("radar-svg-{}", GetParam()));
  test::write_text(dir + "/s.svg", render_svg_summary(crowded_radar(GetParam())));
  ASSERT_EQ(std::system(fmt::format("rsvg-convert -f pdf -o {0}/s.pdf {0}/s.svg", dir).c_str()), 0);
  std::vector<Word> words;
  for (const auto& w : words_on_page(dir + "/s.pdf", 1))
    if (w.x0 > 560 * 0.75) words.push_back(w);  // the radar's half (pt = 0.75 px), beside the scorecard
  ASSERT_GT(words.size(), GetParam() * 2);
  for (const auto& c : collisions(words)) ADD_FAILURE() << GetParam() << " axes: " << c;
}

INSTANTIATE_TEST_SUITE_P(Axes, CrowdedRadar, ::testing::Values(size_t{8}, size_t{14}, size_t{20}));

}  // namespace
}  // namespace cjb::render
