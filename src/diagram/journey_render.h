#pragma once
// A JourneyGraph drawn by Graphviz (dot layout): as DOT text, SVG, PDF or PNG bytes, or as a
// laid-out JourneyLayout for renderers that draw it themselves. No Graphviz types here.
//
// Same graph, same bytes: DOT and SVG are byte-identical from run to run (the SVG without
// Graphviz's version comment, so that it only depends on the fonts).

#include <optional>
#include <string>
#include <string_view>

#include "diagram/journey_graph.h"
#include "diagram/journey_layout.h"

namespace cjb::diagram {

enum class DiagramFormat { Dot, Svg, Pdf, Png };

const char* to_string(DiagramFormat format);  // "dot", "svg", "pdf", "png"
// The format named name ("svg"), or nullopt.
std::optional<DiagramFormat> diagram_format_named(std::string_view name);
// The format told by a file's extension (".svg", case-insensitive), or nullopt.
std::optional<DiagramFormat> diagram_format_of_path(std::string_view path);

struct RenderOptions {
  double png_dpi = 144;  // resolution of PNG output (default 144: sharp on screen and at A4)
  // Creation time written into PDF output, in seconds since 1970 (e.g. from SOURCE_DATE_EPOCH)
  // so that the same input gives the same bytes; default: the time of rendering.
  std::optional<long long> pdf_creation_time;
  // Touchpoint columns per row: a long journey folds into rows so that it stays readable on a
  // landscape page. 0 (default): one row up to 8 columns, else rows of at most 7 (12 → 2 × 6).
  int columns_per_row = 0;
  DiagramStyle style;    // fonts and colours (default: the cjb house style)
};

// The Graphviz graph of a journey as DOT text, before layout: `dot -Tsvg` draws the same picture.
std::string journey_dot(const JourneyGraph& graph, const RenderOptions& options = {});

// The diagram in a format. Throws cjb::Error when Graphviz fails.
std::string render_journey(const JourneyGraph& graph, DiagramFormat format, const RenderOptions& options = {});

// Replaces the creation date (D:YYYYMMDDHHMMSSZ, as cairo writes it) of a PDF with the given
// time, in place and at the same length, so the cross-reference offsets stay valid.
std::string with_pdf_creation_time(std::string pdf, long long seconds_since_1970);

// The diagram laid out by Graphviz, in points with the origin top-left.
JourneyLayout lay_out_journey(const JourneyGraph& graph, const RenderOptions& options = {});

}  // namespace cjb::diagram
