// The journey diagrams of the example assessments: golden DOT, and the SVG read back.

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "pipeline/scored_assessment.h"
#include "diagram/journey_render.h"
#include "support.h"
#include "xml/catalog_loader.h"

namespace cjb::diagram {
namespace {

class ExampleDiagram : public ::testing::TestWithParam<const char*> {
 protected:
  static const Catalog& catalog() {
    static const Catalog loaded = xml::load_catalog(test::source_dir());
    return loaded;
  }
};

TEST_P(ExampleDiagram, GoldenDot) {
  auto scored = pipeline::score_file(catalog(), test::source_path(std::string("examples/") + GetParam() + ".xml"));
  JourneyGraph graph = build_journey_graph(scored->card, {.drivers = true});
  test::expect_golden(render_journey(graph, DiagramFormat::Dot), std::string("diagram/") + GetParam() + ".dot");
}

TEST_P(ExampleDiagram, SvgHasEveryTouchpointOnce) {
  auto scored = pipeline::score_file(catalog(), test::source_path(std::string("examples/") + GetParam() + ".xml"));
  JourneyGraph graph = build_journey_graph(scored->card);
  std::string svg = render_journey(graph, DiagramFormat::Svg);
  EXPECT_EQ(svg, render_journey(graph, DiagramFormat::Svg));
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(svg.c_str()));
  size_t touchpoints = 0;
  for (auto g : doc.select_nodes("//*[local-name()='g'][contains(@class, 'touchpoint')]")) {
    ++touchpoints;
    std::string id = g.node().attribute("id").value();
    bool known = false;
    for (const auto& node : graph.nodes) known = known || id == "touchpoint-" + node.group + "-" + node.channel;
    EXPECT_TRUE(known) << id;
  }
  EXPECT_EQ(touchpoints, graph.nodes.size());
  size_t sections = 0;
  for (const auto& s : scored->card.sections) sections += s.channel != kAllChannels;
  EXPECT_EQ(touchpoints, sections);
}

INSTANTIATE_TEST_SUITE_P(Examples, ExampleDiagram,
                         ::testing::Values("fashion-independent", "grocer-omnichannel", "online-pureplay",
                                           "self-assessment-in-progress"),
                         [](const auto& info) {
                           std::string name = info.param;
                           for (auto& c : name) c = c == '-' ? '_' : c;
                           return name;
                         });

}  // namespace
}  // namespace cjb::diagram
