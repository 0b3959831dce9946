#include "diagram/journey_render.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>
#include <sstream>

#include <fmt/format.h>

#include "core/civil_time.h"
#include "core/error.h"
#include "diagram/escape.h"
#include "diagram/graphviz.h"

namespace cjb::diagram {

const char* to_string(DiagramFormat format) {
  switch (format) {
    case DiagramFormat::Dot: return "dot";
    case DiagramFormat::Svg: return "svg";
    case DiagramFormat::Pdf: return "pdf";
    case DiagramFormat::Png: return "png";
  }
  return "svg";
}

std::optional<DiagramFormat> diagram_format_named(std::string_view name) {
  for (auto format : {DiagramFormat::Dot, DiagramFormat::Svg, DiagramFormat::Pdf, DiagramFormat::Png})
    if (name == to_string(format)) return format;
  return std::nullopt;
}

std::optional<DiagramFormat> diagram_format_of_path(std::string_view path) {
  size_t dot = path.rfind('.');
  size_t slash = path.find_last_of("/\\");
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return std::nullopt;
  std::string extension(path.substr(dot + 1));
  for (auto& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (extension == "gv") return DiagramFormat::Dot;
  return diagram_format_named(extension);
}

namespace {

// Sizes in inches, as Graphviz wants them.
constexpr double kNodeWidth = 1.32;
constexpr double kNodeHeight = 1.12;
constexpr double kPad = 0.25;
constexpr int kHeaderSpacer = 14;  // points

// Graphviz names: node ids are ours ("research@physical"); lane parts are prefixed so they
// cannot collide with a group id.
std::string caption_name(const std::string& row_name) { return "lane:" + row_name; }

// An id for SVG (id and class attributes): letters, digits, '-' and '_' only.
std::string svg_id(const std::string& text) {
  std::string out;
  for (unsigned char c : text) out += std::isalnum(c) || c == '-' || c == '_' ? static_cast<char>(c) : '_';
  return out;
}

std::string font(double size, const std::string& colour, const std::string& text, bool bold = false) {
  return fmt::format(R"(<FONT POINT-SIZE="{}" COLOR="{}">{}{}{}</FONT>)", size, colour, bold ? "<B>" : "", text,
                     bold ? "</B>" : "");
}

std::string node_label(const JourneyGraph& graph, const JourneyNode& node, const DiagramStyle& style) {
  std::string lines;
  for (const auto& line : node.label_lines) lines += (lines.empty() ? "" : "<BR/>") + escape_html_label(line);
  std::string html = R"(<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">)";
  html += "<TR><TD>" + font(style.font_size, node.text_colour, lines) + "</TD></TR>";
  if (graph.blank) {
    html += "<TR><TD>" + font(8, style.muted, fmt::format("{} item{}", node.items, node.items == 1 ? "" : "s")) +
            "</TD></TR>";
    return html + "</TABLE>";
  }
  html += "<TR><TD>" + font(style.score_font_size, node.text_colour, escape_html_label(node.score_text), true) +
          "</TD></TR>";
  html += "<TR><TD>" + font(8, node.text_colour, escape_html_label(node.band_label.empty() ? "not scored" : node.band_label)) +
          "</TD></TR>";
  std::vector<std::string> markers;
  if (node.critical_failure()) markers.push_back(font(7.5, style.critical, "! CRITICAL", true));
  if (node.low_completeness && node.completeness)
    markers.push_back(font(7.5, style.ink, escape_html_label(fmt::format("◔ {:.0f}% answered", *node.completeness * 100))));
  if (!markers.empty()) {
    html += R"(<TR><TD CELLPADDING="0"><TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="1"><TR>)";
    for (const auto& marker : markers) html += R"(<TD BGCOLOR="#FFFFFF" STYLE="rounded">)" + marker + "</TD>";
    html += "</TR></TABLE></TD></TR>";
  }
  return html + "</TABLE>";
}

std::string header_label(const JourneyGraph& graph, const DiagramStyle& style) {
  std::string html = R"(<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">)";
  html += R"(<TR><TD ALIGN="LEFT">)" + font(style.title_font_size, style.ink, escape_html_label(graph.title), true) +
          "</TD></TR>";
  if (!graph.subtitle.empty())
    html += R"(<TR><TD ALIGN="LEFT">)" + font(11, style.muted, escape_html_label(graph.subtitle)) + "</TD></TR>";

  // Legend: band swatches, then what the markers mean.
  html += R"(<TR><TD ALIGN="LEFT" CELLPADDING="6"><TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2"><TR>)";
  html += "<TD>" + font(9, style.muted, "Score bands:") + "</TD>";
  for (const auto& entry : graph.legend) {
    html += fmt::format(R"(<TD WIDTH="8"></TD><TD BGCOLOR="{}" BORDER="1" COLOR="{}" WIDTH="14" HEIGHT="12" FIXEDSIZE="TRUE"></TD>)",
                        entry.colour, style.node_border);
    std::string text = escape_html_label(entry.label);
    if (!entry.range.empty()) text += " " + font(9, style.muted, escape_html_label(entry.range));
    html += R"(<TD ALIGN="LEFT">)" + font(9, style.ink, text) + "</TD>";
  }
  for (const auto& note : graph.notes)
    html += R"(<TD WIDTH="14"></TD><TD ALIGN="LEFT">)" + font(9, style.ink, escape_html_label(note)) + "</TD>";
  html += "</TR></TABLE></TD></TR>";

  // Key of the cross-channel links, three to a row.
  std::vector<const JourneyEdge*> transitions;
  for (const auto& edge : graph.edges)
    if (edge.kind == EdgeKind::Transition) transitions.push_back(&edge);
  if (!transitions.empty()) {
    html += R"(<TR><TD ALIGN="LEFT"><TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">)";
    for (size_t i = 0; i < transitions.size(); i += 3) {
      html += "<TR>";
      html += i == 0 ? R"(<TD ALIGN="LEFT">)" + font(9, style.muted, "Cross-channel journeys:") + "</TD>" : "<TD></TD>";
      for (size_t k = i; k < std::min(i + 3, transitions.size()); ++k) {
        // The number as on the diagram: in a ring.
        html += R"(<TD WIDTH="10"></TD>)";
        html += fmt::format(R"(<TD BORDER="1" COLOR="{}" STYLE="rounded" WIDTH="15" HEIGHT="15" FIXEDSIZE="TRUE">)",
                            style.transition_edge) +
                font(8.5, style.transition_edge, fmt::format("{}", transitions[k]->number), true) + "</TD>";
        html += R"(<TD WIDTH="3"></TD>)";
        html += R"(<TD ALIGN="LEFT">)" + font(9, style.ink, escape_html_label(transitions[k]->label)) + "</TD>";
      }
      html += "</TR>";
    }
    html += "</TABLE></TD></TR>";
  }
  // Room between the header and the first lane's band (which reaches above its nodes).
  html += fmt::format(R"(<TR><TD HEIGHT="{}"></TD></TR>)", kHeaderSpacer);
  return html + "</TABLE>";
}

// A lane as drawn: a long journey is folded into rows of at most columns_per_row touchpoints
// (row 0 above row 1), each channel lane once per row; driver rows stay one row at the top.
struct Row {
  const JourneyLane* lane;
  int row = 0;
  int first_column = 0;       // journey column of the row's first column
  std::vector<size_t> nodes;  // indices into JourneyGraph::nodes
  std::string name() const { return row == 0 ? lane->id : fmt::format("{}~{}", lane->id, row + 1); }
};

int columns_per_row(const JourneyGraph& graph, const RenderOptions& options) {
  int columns = std::max<int>(1, static_cast<int>(graph.columns.size()));
  if (options.columns_per_row > 0) return options.columns_per_row;
  if (columns <= 8) return columns;
  int rows = (columns + 6) / 7;  // rows of at most 7, as even as they come
  return (columns + rows - 1) / rows;
}

std::vector<Row> rows_of(const JourneyGraph& graph, const RenderOptions& options) {
  int per_row = columns_per_row(graph, options);
  int rows = std::max<int>(1, (static_cast<int>(graph.columns.size()) + per_row - 1) / per_row);
  std::vector<Row> out;
  for (const auto& lane : graph.lanes)
    if (lane.drivers) out.push_back({&lane, 0, 0, lane.nodes});
  for (int row = 0; row < rows; ++row)
    for (const auto& lane : graph.lanes) {
      if (lane.drivers) continue;
      Row r{&lane, row, row * per_row, {}};
      for (size_t index : lane.nodes)
        if (graph.nodes[index].column / per_row == row) r.nodes.push_back(index);
      if (!r.nodes.empty()) out.push_back(std::move(r));
    }
  return out;
}

// Column of a node within its drawn row.
int drawn_column(const JourneyNode& node, int per_row) {
  return node.kind == NodeKind::Driver ? node.column : node.column % per_row;
}

// Whether driver links and transitions are Graphviz edges: in DOT output yes (the text says
// everything); when cjb lays out, dot would route many of them in loops around the lanes, so
// they are drawn after layout instead, as curves under the nodes (links_drawn_after_layout).
enum class Links { AsEdges, DrawnAfterLayout };

// Graph, node and edge defaults: fonts, sizes and colours of the style, and the header label.
void set_defaults(gv::Graph& g, const JourneyGraph& graph, const DiagramStyle& style) {
  g.set_default(AGRAPH, "rankdir", "LR");
  g.set_default(AGRAPH, "fontname", style.font);
  g.set_default(AGRAPH, "bgcolor", "#FFFFFF");
  g.set_default(AGRAPH, "pad", fmt::format("{}", kPad));
  g.set_default(AGRAPH, "nodesep", "0.7");
  g.set_default(AGRAPH, "ranksep", "0.34");
  g.set_default(AGRAPH, "outputorder", "edgesfirst");
  g.set_default(AGRAPH, "labelloc", "t");
  g.set_default(AGRAPH, "labeljust", "l");
  g.set_html(g.get(), "label", header_label(graph, style));

  // gvContext() declares this default for every graph made after it in the process: declare it
  // always, so the DOT text does not depend on whether a context was made before.
  g.set_default(AGNODE, "label", "\\N");
  g.set_default(AGNODE, "shape", "box");
  g.set_default(AGNODE, "style", "rounded,filled");
  g.set_default(AGNODE, "fontname", style.font);
  g.set_default(AGNODE, "fontsize", fmt::format("{}", style.font_size));
  g.set_default(AGNODE, "width", fmt::format("{}", kNodeWidth));
  g.set_default(AGNODE, "height", fmt::format("{}", kNodeHeight));
  g.set_default(AGNODE, "margin", "0.04,0.03");
  g.set_default(AGNODE, "penwidth", "1");
  g.set_default(AGNODE, "color", style.node_border);
  g.set_default(AGNODE, "fillcolor", kNoScoreFill);

  g.set_default(AGEDGE, "fontname", style.font);
  g.set_default(AGEDGE, "fontsize", "9");
  g.set_default(AGEDGE, "color", style.journey_edge);
  g.set_default(AGEDGE, "penwidth", "1.2");
  g.set_default(AGEDGE, "arrowsize", "0.7");
}

// The caption node that starts a row: the lane's name, at rank 0.
Agnode_t* add_caption(gv::Graph& g, const Row& row, const JourneyLane& lane, const DiagramStyle& style) {
  Agnode_t* caption = g.add_node(g.get(), caption_name(row.name()));
  g.set(caption, "shape", "plaintext");
  g.set(caption, "style", "");
  g.set(caption, "width", "1.0");
  g.set(caption, "height", "0.5");
  g.set(caption, "group", row.name());
  g.set(caption, "id", svg_id("caption-" + row.name()));
  g.set_html(caption, "label", font(12, style.ink, escape_html_label(lane.label), true));
  return caption;
}

// A touchpoint or driver node: its box in the band's colour, its label, tooltip and SVG id.
Agnode_t* add_journey_node(gv::Graph& g, const JourneyGraph& graph, const JourneyNode& node, const Row& row, const DiagramStyle& style) {
  Agnode_t* n = g.add_node(g.get(), node.id);
  std::string kind = node.kind == NodeKind::Driver ? "driver" : "touchpoint";
  g.set(n, "id", svg_id(kind + "-" + node.group + "-" + node.channel));
  g.set(n, "class", svg_id(kind) + (node.band_id.empty() ? "" : " band-" + svg_id(node.band_id)));
  g.set(n, "group", row.name());
  g.set(n, "fillcolor", node.fill);
  g.set(n, "tooltip", escape_attribute(node.tooltip));
  g.set_html(n, "label", node_label(graph, node, style));
  if (node.critical_failure()) {
    g.set(n, "color", style.critical);
    g.set(n, "penwidth", "3");
  }
  return n;
}

// Columns: each node sits at the rank of its column, above the same column of the next row.
void stack_columns(gv::Graph& g, const JourneyGraph& graph, const std::vector<Row>& rows, const std::vector<Agnode_t*>& captions,
                   std::map<std::string, Agnode_t*>& nodes, int per_row) {
  Agraph_t* root = g.get();
  for (size_t l = 1; l < captions.size(); ++l) {
    Agedge_t* e = g.add_edge(root, captions[l - 1], captions[l]);
    g.set(e, "style", "invis");
    g.set(e, "minlen", "0");
  }
  std::map<int, std::vector<Agnode_t*>> columns;
  for (const Row& row : rows)
    for (size_t index : row.nodes)
      columns[drawn_column(graph.nodes[index], per_row)].push_back(nodes[graph.nodes[index].id]);
  for (const auto& [column, stack] : columns)
    for (size_t i = 1; i < stack.size(); ++i) {
      Agedge_t* e = g.add_edge(root, stack[i - 1], stack[i]);
      g.set(e, "style", "invis");
      g.set(e, "minlen", "0");
      g.set(e, "weight", "10");
    }
}

// The SVG id of a link, by which the layout finds it again (lay_out_journey).
std::string edge_id(const JourneyEdge& edge) {
  switch (edge.kind) {
    case EdgeKind::Journey: return svg_id("journey-" + edge.from + "-" + edge.to);
    case EdgeKind::Transition: return svg_id(fmt::format("transition-{}", edge.number));
    case EdgeKind::Driver: break;
  }
  return svg_id("driver-" + edge.from + "-" + edge.to);
}

// A journey link, a transition (dashed, numbered) or a driver link.
void add_link(gv::Graph& g, const JourneyGraph& graph, const JourneyEdge& edge, const std::map<std::string, Agnode_t*>& nodes,
              const DiagramStyle& style) {
  Agraph_t* root = g.get();
  Agnode_t* tail = nodes.at(edge.from);
  Agnode_t* head = nodes.at(edge.to);
  Agedge_t* e = g.add_edge(root, tail, head);
  g.set(e, "id", edge_id(edge));
  if (edge.kind == EdgeKind::Journey) {
    g.set(e, "minlen", fmt::format("{}", graph.find_node(edge.to)->column - graph.find_node(edge.from)->column));
    return;
  }
  // Links across the journey do not pull the layout (constraint false).
  bool transition = edge.kind == EdgeKind::Transition;
  g.set(e, "constraint", "false");
  g.set(e, "color", transition ? style.transition_edge : style.driver_edge);
  if (transition) g.set(e, "style", "dashed");
  g.set(e, "penwidth", transition ? "1.4" : "0.8");
  g.set(e, "arrowsize", transition ? "0.8" : "0.5");
  if (transition) g.set_html(e, "xlabel", font(9, style.transition_edge, fmt::format("{}", edge.number), true));
  g.set(e, "tooltip", escape_attribute(transition ? fmt::format("{}. {}", edge.number, edge.label) : "Drives " + edge.label));
}

// The journey as a Graphviz graph. Columns are ranks (rankdir LR): invisible edges give every
// node the rank of its column, and heavy zero-length edges between the lanes keep a column's
// nodes one above the other, in lane order.
gv::Graph build_graph(const JourneyGraph& graph, const RenderOptions& options, Links links) {
  const DiagramStyle& style = options.style;
  gv::Graph g("journey");
  Agraph_t* root = g.get();
  set_defaults(g, graph, style);

  std::map<std::string, Agnode_t*> nodes;
  std::vector<Agnode_t*> captions;
  const int per_row = columns_per_row(graph, options);
  const std::vector<Row> rows = rows_of(graph, options);
  for (const Row& row : rows) {
    const JourneyLane& lane = *row.lane;
    // No clusters: dot does not keep clusters in the order that flat edges ask for. The lane's
    // band is drawn behind it after layout (lane_bands).
    Agnode_t* caption = add_caption(g, row, lane, style);
    captions.push_back(caption);
    Agnode_t* previous = caption;
    int previous_column = -1;
    for (size_t index : row.nodes) {
      const JourneyNode& node = graph.nodes[index];
      Agnode_t* n = add_journey_node(g, graph, node, row, style);
      nodes[node.id] = n;
      // Rank = column + 1 (the captions hold rank 0): an invisible edge from the caption to the
      // row's first node, then the journey edges (or, in a driver row, invisible ones) whose
      // minimum length is the number of columns they span.
      int column = drawn_column(node, per_row);
      if (previous == caption || lane.drivers) {
        Agedge_t* e = g.add_edge(root, previous, n);
        g.set(e, "style", "invis");
        g.set(e, "minlen", fmt::format("{}", column - previous_column));
      }
      previous = n;
      previous_column = column;
    }
  }

  stack_columns(g, graph, rows, captions, nodes, per_row);

  for (const auto& edge : graph.edges) {
    if (edge.kind != EdgeKind::Journey && links == Links::DrawnAfterLayout) continue;
    // The journey goes on at the start of the next row: no arrow back across the diagram.
    if (edge.kind == EdgeKind::Journey &&
        graph.find_node(edge.from)->column / per_row != graph.find_node(edge.to)->column / per_row)
      continue;
    add_link(g, graph, edge, nodes, style);
  }
  return g;
}

// The background band of each lane, in Graphviz coordinates (points, y up): from the left of
// the caption to the right of the drawing, around the lane's nodes.
struct Band {
  double left, bottom, right, top;
};
constexpr double kBandPadding = 9;

std::vector<Band> lane_bands(const JourneyGraph& graph, const std::vector<Row>& rows, Agraph_t* g) {
  std::vector<Band> bands;
  const boxf& bb = GD_bb(g);
  for (const Row& row : rows) {
    Band band{bb.LL.x - kBandPadding, 1e9, bb.UR.x + kBandPadding, -1e9};
    auto extend = [&](const std::string& name) {
      Agnode_t* n = agnode(g, const_cast<char*>(name.c_str()), 0);
      if (!n) return;
      double half = ND_height(n) * 72 / 2;
      band.bottom = std::min(band.bottom, ND_coord(n).y - half - kBandPadding);
      band.top = std::max(band.top, ND_coord(n).y + half + kBandPadding);
    };
    extend(caption_name(row.name()));
    for (size_t index : row.nodes) extend(graph.nodes[index].id);
    bands.push_back(band);
  }
  return bands;
}

// Links drawn after layout (driver links and cross-channel transitions): from the side of the
// tail that faces the head to the facing side of the head, leaving and arriving vertically.
// Between neighbouring lanes the curve stays inside the gap between them. Four Bézier points,
// the arrow tip and, for transitions, the centre of the number badge; Graphviz coordinates.
struct Link {
  const JourneyEdge* edge;
  std::vector<pointf> spline;
  pointf tip;
  std::optional<pointf> badge;
};
constexpr double kArrowLength = 6;
constexpr double kBadgeRadius = 7.5;

std::vector<Link> links_drawn_after_layout(const JourneyGraph& graph, Agraph_t* g) {
  std::vector<Link> links;
  for (const auto& edge : graph.edges) {
    if (edge.kind == EdgeKind::Journey) continue;
    Agnode_t* from = agnode(g, const_cast<char*>(edge.from.c_str()), 0);
    Agnode_t* to = agnode(g, const_cast<char*>(edge.to.c_str()), 0);
    if (!from || !to) continue;
    double down = ND_coord(from).y >= ND_coord(to).y ? 1 : -1;  // y grows upwards here
    pointf start{ND_coord(from).x, ND_coord(from).y - down * ND_height(from) * 72 / 2};
    pointf tip{ND_coord(to).x, ND_coord(to).y + down * ND_height(to) * 72 / 2};
    pointf end{tip.x, tip.y + down * kArrowLength};
    double bend = (start.y - end.y) / 2;
    Link link{&edge, {start, {start.x, start.y - bend}, {end.x, end.y + bend}, end}, tip, std::nullopt};
    if (edge.kind == EdgeKind::Transition)
      link.badge = pointf{(start.x + end.x) / 2, (start.y + end.y) / 2};  // the curve's midpoint
    links.push_back(std::move(link));
  }
  return links;
}

std::string colour_op(char op, const std::string& colour) { return fmt::format("{} {} -{} ", op, colour.size(), colour); }

// xdot drawing operations for what Graphviz draws first: the lane bands (filled rectangles
// with rounded corners).
std::string background_xdot(const std::vector<Row>& rows, const std::vector<Band>& bands, const DiagramStyle& style) {
  std::string ops;
  constexpr double kRadius = 8;
  constexpr int kSteps = 4;  // segments per rounded corner
  for (size_t i = 0; i < bands.size(); ++i) {
    const Band& b = bands[i];
    const std::string& colour = rows[i].lane->drivers ? style.driver_lane_fill : style.lane_fill;
    ops += colour_op('c', colour) + colour_op('C', colour);
    std::vector<std::pair<double, double>> points;
    const std::pair<double, double> corners[] = {{b.right - kRadius, b.top - kRadius}, {b.left + kRadius, b.top - kRadius},
                                                 {b.left + kRadius, b.bottom + kRadius}, {b.right - kRadius, b.bottom + kRadius}};
    for (int c = 0; c < 4; ++c)
      for (int k = 0; k <= kSteps; ++k) {
        double angle = (c * 90.0 + k * 90.0 / kSteps) * 3.14159265358979323846 / 180;
        points.emplace_back(corners[c].first + kRadius * std::cos(angle), corners[c].second + kRadius * std::sin(angle));
      }
    ops += fmt::format("P {}", points.size());
    for (const auto& [x, y] : points) ops += fmt::format(" {:.2f} {:.2f}", x, y);
    ops += " ";
  }
  return ops;
}

// Graphviz's SVG starts with a comment naming its version; drop it so the output depends only
// on the input and the fonts.
std::string without_version_comment(std::string svg) {
  size_t start = svg.find("<!-- Generated by graphviz");
  if (start == std::string::npos) return svg;
  size_t end = svg.find("-->", start);
  if (end == std::string::npos) return svg;
  end += 3;
  if (end < svg.size() && svg[end] == '\n') ++end;
  svg.erase(start, end - start);
  return svg;
}

std::string point(const pointf& p) { return fmt::format("{:.2f},{:.2f}", p.x, p.y); }

// Adds the links drawn after layout as edges that follow the given curves ("pos"), and the
// transitions' number badges as small nodes at their given place.
void add_links(Agraph_t* g, const std::vector<Link>& links, const DiagramStyle& style) {
  for (const Link& link : links) {
    const JourneyEdge& edge = *link.edge;
    Agnode_t* from = agnode(g, const_cast<char*>(edge.from.c_str()), 0);
    Agnode_t* to = agnode(g, const_cast<char*>(edge.to.c_str()), 0);
    Agedge_t* e = agedge(g, from, to, nullptr, 1);
    std::string pos = "e," + point(link.tip);
    for (const auto& p : link.spline) pos += " " + point(p);
    gv::set(e, "pos", pos);
    if (edge.kind == EdgeKind::Transition) {
      gv::set(e, "id", svg_id(fmt::format("transition-{}", edge.number)));
      gv::set(e, "color", style.transition_edge);
      gv::set(e, "style", "dashed");
      gv::set(e, "penwidth", "1.5");
      gv::set(e, "arrowsize", "0.8");
      gv::set(e, "tooltip", escape_attribute(fmt::format("{}. {}", edge.number, edge.label)));
      std::string number = fmt::format("{}", edge.number);
      Agnode_t* badge = agnode(g, const_cast<char*>(("badge:" + number).c_str()), 1);
      gv::set(badge, "id", "badge-" + number);
      gv::set(badge, "class", "badge");
      gv::set(badge, "pos", point(*link.badge));
      gv::set(badge, "shape", "circle");
      gv::set(badge, "style", "filled");
      gv::set(badge, "fixedsize", "true");
      gv::set(badge, "width", fmt::format("{:.3f}", 2 * kBadgeRadius / 72));
      gv::set(badge, "height", fmt::format("{:.3f}", 2 * kBadgeRadius / 72));
      gv::set(badge, "penwidth", "1.2");
      gv::set(badge, "color", style.transition_edge);
      gv::set(badge, "fillcolor", "#FFFFFF");
      gv::set(badge, "tooltip", escape_attribute(edge.label));
      gv::set_html(badge, "label", font(8.5, style.transition_edge, number, true));
    } else {
      gv::set(e, "id", svg_id("driver-" + edge.from + "-" + edge.to));
      gv::set(e, "color", style.driver_edge);
      gv::set(e, "penwidth", "0.9");
      gv::set(e, "arrowsize", "0.5");
      gv::set(e, "tooltip", escape_attribute(edge.label.empty() ? "" : "Drives " + edge.label));
    }
  }
}

// Two passes: dot places the nodes and draws the journey edges; then, knowing where the nodes
// are, cjb adds the lane bands, the transitions and the driver links as curves of its own, and
// "nop2" renders everything at the positions dot chose.
gv::Layout lay_out(const JourneyGraph& graph, const RenderOptions& options, std::optional<double> dpi = {}) {
  gv::Graph g = build_graph(graph, options, Links::DrawnAfterLayout);
  if (dpi) g.set(g.get(), "dpi", fmt::format("{}", *dpi));
  gv::Layout layout(gv::Context(), std::move(g), "dot");
  Agraph_t* laid = layout.graph();
  const std::vector<Row> rows = rows_of(graph, options);
  const std::vector<Band> bands = lane_bands(graph, rows, laid);
  const std::vector<Link> links = links_drawn_after_layout(graph, laid);
  layout.render("dot");  // writes the positions as attributes, which nop2 keeps
  layout.lay_out_again("nop2", [&](Agraph_t* g) {
    gv::set(g, "_background", background_xdot(rows, bands, options.style));
    add_links(g, links, options.style);
  });
  return layout;
}

// Reading the positions Graphviz attached (as after `dot -Tdot`): points, y upwards.
std::vector<double> numbers_in(const std::string& text) {
  std::vector<double> out;
  std::string token;
  for (char c : text + " ") {
    if (c == ',' || c == ' ' || c == '\n' || c == '\\' || c == ';') {
      if (!token.empty()) out.push_back(std::strtod(token.c_str(), nullptr));
      token.clear();
    } else {
      token += c;
    }
  }
  return out;
}

std::string attribute(void* object, const char* name) {
  const char* value = agget(object, const_cast<char*>(name));
  return value ? value : "";
}

}  // namespace

std::string journey_dot(const JourneyGraph& graph, const RenderOptions& options) {
  gv::ErrorCapture quiet;
  return build_graph(graph, options, Links::AsEdges).to_dot();
}

std::string render_journey(const JourneyGraph& graph, DiagramFormat format, const RenderOptions& options) {
  switch (format) {
    case DiagramFormat::Dot: return journey_dot(graph, options);
    case DiagramFormat::Svg: return without_version_comment(lay_out(graph, options).render("svg"));
    case DiagramFormat::Pdf: {
      std::string pdf = lay_out(graph, options).render("pdf");
      return options.pdf_creation_time ? with_pdf_creation_time(std::move(pdf), *options.pdf_creation_time) : pdf;
    }
    case DiagramFormat::Png: return lay_out(graph, options, options.png_dpi).render("png");
  }
  return {};
}

std::string with_pdf_creation_time(std::string pdf, long long seconds_since_1970) {
  CivilTime t = civil_from_seconds(seconds_since_1970);
  std::string stamp = fmt::format("D:{:04}{:02}{:02}{:02}{:02}{:02}Z", t.year, t.month, t.day, t.hour, t.minute, t.second);

  const std::string key = "/CreationDate (";
  size_t at = pdf.find(key);
  if (at == std::string::npos) return pdf;
  at += key.size();
  size_t end = pdf.find(')', at);
  if (end == std::string::npos || end - at != stamp.size()) return pdf;  // not cairo's form: leave it
  pdf.replace(at, stamp.size(), stamp);
  return pdf;
}

namespace {

// Graphviz's coordinates (points, y up, from its bounding box) turned into the layout's (points,
// y down, from the top left corner with the pad around the drawing).
struct Frame {
  double left, top, pad;

  Point point(double x, double y) const { return Point{x - left + pad, top - y + pad}; }
  Box box_around(double x, double y, double width, double height) const {
    Point centre = point(x, y);
    return Box{centre.x - width / 2, centre.y - height / 2, width, height};
  }
  Box node_box(Agnode_t* n) const {
    auto pos = numbers_in(attribute(n, "pos"));
    double width = std::strtod(attribute(n, "width").c_str(), nullptr) * 72;
    double height = std::strtod(attribute(n, "height").c_str(), nullptr) * 72;
    return pos.size() == 2 ? box_around(pos[0], pos[1], width, height) : Box{};
  }
};

// An edge as drawn: its spline and arrow tip from the Graphviz edge with its id, and for a
// transition the centre of its numbered badge.
LaidOutEdge laid_out_edge(const JourneyEdge& edge, const std::map<std::string, Agedge_t*>& edges_by_id, Agraph_t* g, const Frame& frame) {
  LaidOutEdge out;
  out.from = edge.from;
  out.to = edge.to;
  out.kind = edge.kind;
  auto found = edges_by_id.find(edge_id(edge));
  if (found != edges_by_id.end()) {
    std::string pos = attribute(found->second, "pos");
    pos = pos.substr(0, pos.find(';'));  // the first spline is the whole edge here
    std::istringstream words(pos);
    std::string word;
    while (words >> word) {
      bool end = word.rfind("e,", 0) == 0, start = word.rfind("s,", 0) == 0;
      auto xy = numbers_in(end || start ? word.substr(2) : word);
      if (xy.size() != 2) continue;
      if (end) out.arrow_tip = frame.point(xy[0], xy[1]);
      else if (!start) out.spline.push_back(frame.point(xy[0], xy[1]));
    }
  }
  if (edge.kind == EdgeKind::Transition) {
    std::string badge_name = fmt::format("badge:{}", edge.number);
    if (Agnode_t* badge = agnode(g, const_cast<char*>(badge_name.c_str()), 0)) {
      auto centre = numbers_in(attribute(badge, "pos"));
      if (centre.size() == 2) out.label_centre = frame.point(centre[0], centre[1]);
      out.label = fmt::format("{}", edge.number);
    }
  }
  return out;
}

}  // namespace

JourneyLayout lay_out_journey(const JourneyGraph& graph, const RenderOptions& options) {
  gv::Layout layout = lay_out(graph, options);
  layout.render("dot");  // attaches pos, width, height and bb as attributes
  Agraph_t* g = layout.graph();

  JourneyLayout result;
  result.graph = graph;
  result.style = options.style;
  auto bb = numbers_in(attribute(g, "bb"));
  if (bb.size() != 4) throw ProgramError("Graphviz laid out the diagram without a bounding box");
  const Frame frame{bb[0], bb[3], kPad * 72};
  result.width = bb[2] - bb[0] + 2 * frame.pad;
  result.height = bb[3] - bb[1] + 2 * frame.pad;

  auto header = numbers_in(attribute(g, "lp"));
  if (header.size() == 2)
    result.header = frame.box_around(header[0], header[1], std::strtod(attribute(g, "lwidth").c_str(), nullptr) * 72,
                                     std::strtod(attribute(g, "lheight").c_str(), nullptr) * 72);
  result.header.height -= kHeaderSpacer;

  const std::vector<Row> rows = rows_of(graph, options);
  std::vector<Band> bands = lane_bands(graph, rows, g);
  for (size_t l = 0; l < rows.size(); ++l) {
    const JourneyLane& lane = *rows[l].lane;
    LaidOutLane out{lane.id, lane.label, lane.drivers, rows[l].row, {}, {}};
    Point top_left = frame.point(bands[l].left, bands[l].top);
    out.band = Box{top_left.x, top_left.y, bands[l].right - bands[l].left, bands[l].top - bands[l].bottom};
    if (Agnode_t* caption = agnode(g, const_cast<char*>(caption_name(rows[l].name()).c_str()), 0))
      out.caption = frame.node_box(caption);
    result.lanes.push_back(std::move(out));
  }
  for (const auto& node : graph.nodes) {
    Agnode_t* n = agnode(g, const_cast<char*>(node.id.c_str()), 0);
    result.nodes.push_back({node.id, n ? frame.node_box(n) : Box{}});
  }

  // The drawn edges, matched by their ends and kind (an id attribute set when building).
  std::map<std::string, Agedge_t*> edges_by_id;
  for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n))
    for (Agedge_t* e = agfstout(g, n); e; e = agnxtout(g, e)) {
      std::string id = attribute(e, "id");
      if (!id.empty()) edges_by_id[id] = e;
    }
  for (const auto& edge : graph.edges) result.edges.push_back(laid_out_edge(edge, edges_by_id, g, frame));
  return result;
}

}  // namespace cjb::diagram
