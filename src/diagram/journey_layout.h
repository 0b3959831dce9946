#pragma once
// The journey diagram after Graphviz laid it out, as plain numbers, for renderers that draw it
// themselves (the report's cairo pages, inline SVG in HTML) and want the same picture as
// `cjb diagram`. No Graphviz types: include this anywhere.
//
// Units are points (1/72 inch). The origin is the top-left corner of the drawing and y grows
// downwards (as in cairo and SVG). The drawing is width × height, margins included.

#include <optional>
#include <string>
#include <vector>

#include "diagram/journey_graph.h"

namespace cjb::diagram {

struct Point {
  double x = 0;
  double y = 0;
};

struct Box {
  double x = 0;  // left
  double y = 0;  // top
  double width = 0;
  double height = 0;
  Point centre() const { return {x + width / 2, y + height / 2}; }
};

// Colours and strokes the diagram uses, so every renderer draws the same thing.
struct DiagramStyle {
  std::string font = "DejaVu Sans";
  double font_size = 10;          // touchpoint labels
  double score_font_size = 16;    // the score on a node
  double title_font_size = 18;
  std::string ink = "#1A1A1A";          // text outside nodes
  std::string muted = "#5F6B73";        // subtitles, captions
  std::string node_border = "#4D4D4D";
  std::string critical = "#A11D1D";     // border and marker of a critical failure
  std::string journey_edge = "#8C8C8C";
  std::string transition_edge = "#2F6DB5";
  std::string driver_edge = "#A48BC4";
  std::string lane_fill = "#F4F6F8";    // background band of a lane
  std::string driver_lane_fill = "#F3F0F7";
};

// A node where Graphviz put it; what to write in it is graph.nodes[i] (same order).
struct LaidOutNode {
  std::string id;
  Box box;
};

// A link: a cubic Bézier spline (first point, then three points per segment), and where its
// arrow head ends (the spline stops short of the node to leave room for the head). The spline
// is empty for a journey edge that is not drawn because the journey continues on the next row.
struct LaidOutEdge {
  std::string from, to;
  EdgeKind kind = EdgeKind::Journey;
  std::vector<Point> spline;
  std::optional<Point> arrow_tip;     // the head touches the node here; null: no head
  std::optional<Point> label_centre;  // transitions: centre of the number badge
  std::string label;                  // text at label_centre ("1")
};

// A lane's background band (full width of the diagram) and its caption box on the left. A long
// journey is folded into rows: then each channel lane appears once per row (row 0 at the top).
struct LaidOutLane {
  std::string id;
  std::string label;
  bool drivers = false;
  int row = 0;
  Box band;
  Box caption;
};

struct JourneyLayout {
  JourneyGraph graph;  // what was laid out: titles, legend, node contents
  DiagramStyle style;
  double width = 0;
  double height = 0;
  Box header;  // title, subtitle and legend across the top
  std::vector<LaidOutLane> lanes;  // driver lanes, then each row's channel lanes in graph.lanes order
  std::vector<LaidOutNode> nodes;  // graph.nodes order
  std::vector<LaidOutEdge> edges;  // graph.edges order
};

}  // namespace cjb::diagram
