#pragma once
// The journey diagram as data: what to draw, decided from a scorecard (or from an instrument for
// a blank map) before anything is laid out. Pure: core types only, no Graphviz, so every rule of
// the picture (which nodes, which colours, which links) is testable without rendering.
//
// Text here is as the user or the model wrote it (unescaped); each renderer escapes it for its
// own target (DOT, HTML-like labels, SVG, pango).

#include <optional>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/scoring.h"

namespace cjb::diagram {

// Fill of a node that has no score (blank map, or every item N/A or unanswered).
inline constexpr const char* kNoScoreFill = "#E6E6E6";
// Section completeness below this is flagged on its node.
inline constexpr double kLowCompleteness = 0.5;

enum class NodeKind {
  Touchpoint,  // one journey touchpoint in one channel
  Driver,      // one leadership or enabler group (with --drivers)
};

struct JourneyNode {
  std::string id;  // unique and stable: "<group>@<channel>" ("<group>@all" for drivers)
  NodeKind kind = NodeKind::Touchpoint;
  std::string group;    // model group id
  std::string channel;  // channel id; "all" for drivers
  std::string lane;     // id of the lane holding it
  int column = 0;       // 0-based column; the same touchpoint has the same column in every lane
  std::string label;    // the group's label from the model
  std::vector<std::string> label_lines;  // label wrapped for a narrow node
  std::optional<double> score;           // section score (touchpoints) or group score (drivers)
  std::string score_text;  // "62"; "–" when nothing was answered; empty on a blank map
  std::string band_id, band_label;  // empty without a score
  std::string fill;         // "#RRGGBB": the band's colour, or kNoScoreFill
  std::string text_colour;  // "#RRGGBB" that reads on the fill (dark or white)
  std::vector<std::string> critical_failures;  // ids of critical items answered at level 0
  std::optional<double> completeness;          // answered / applicable; null when nothing applies
  bool low_completeness = false;               // completeness < kLowCompleteness
  int items = 0;                               // items in scope
  std::string tooltip;                         // one line per fact, '\n'-separated

  bool critical_failure() const { return !critical_failures.empty(); }
};

struct JourneyLane {
  std::string id;     // channel id, or the layer id ("leadership", "enablers") of a driver row
  std::string label;  // channel or layer label from the model
  bool drivers = false;       // a row of driver groups, drawn above the journey
  std::vector<size_t> nodes;  // indices into JourneyGraph::nodes, by column
};

enum class EdgeKind {
  Journey,     // next touchpoint in the same lane
  Transition,  // a cross-channel journey from the model
  Driver,      // a leadership or enabler group driving a touchpoint's weakest items
};

struct JourneyEdge {
  std::string from, to;  // node ids
  EdgeKind kind = EdgeKind::Journey;
  std::string label;  // transitions: the model's label; drivers: the items driven
  int number = 0;     // transitions: 1-based number, shown on the link and in the key
};

struct LegendEntry {
  std::string band_id;  // empty for "not scored"
  std::string label;    // "Established"
  std::string range;    // "60–74"
  std::string colour;   // "#RRGGBB"
};

struct JourneyGraph {
  std::string title;     // retailer (or the model's title on a blank map)
  std::string subtitle;  // "site · date" (or the profile's title on a blank map)
  bool blank = false;    // no scores: the map of the model
  bool drivers = false;  // driver rows drawn
  std::vector<std::string> columns;  // touchpoint group ids in journey order
  std::vector<JourneyLane> lanes;    // driver rows first (leadership, enablers), then channels in model order
  std::vector<JourneyNode> nodes;    // lane by lane, column order within a lane
  std::vector<JourneyEdge> edges;    // journey edges, then transitions (model order), then drivers
  std::vector<LegendEntry> legend;   // bands ascending, then "not scored" when a node has no score
  std::vector<std::string> notes;    // marker explanations for the legend, only for markers shown

  const JourneyNode* find_node(const std::string& id) const;
};

struct JourneyOptions {
  bool drivers = false;  // add driver rows linked to the touchpoints they drive (default off)
};

// The diagram of a scored assessment. The scorecard (and what it points into) must outlive
// the call only; the graph holds copies.
JourneyGraph build_journey_graph(const Scorecard& card, const JourneyOptions& options = {});

// The unscored map of an instrument's scope (cjb diagram --blank): same layout, grey nodes,
// driver links from every item of a touchpoint.
JourneyGraph build_blank_journey_graph(const Instrument& instrument, const JourneyOptions& options = {});

// Pieces exposed for tests.

// Words of text wrapped into lines of at most width characters (UTF-8 code points); a longer
// word stands on its own line.
std::vector<std::string> wrap_words(const std::string& text, size_t width);
// The score as shown on a node: rounded to a whole number, but never up across a band's lower
// bound (59.6 in a band starting at 60 shows "59", so the number and the colour agree).
std::string score_text(double score, const Model& model);
// "#1A1A1A" or "#FFFFFF", whichever contrasts more with a "#RRGGBB" background.
std::string text_colour_on(const std::string& background);

}  // namespace cjb::diagram
