#include "diagram/journey_graph.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "core/journey_view.h"
#include "util/utf8.h"

namespace cjb::diagram {

const JourneyNode* JourneyGraph::find_node(const std::string& id) const {
  for (const auto& n : nodes)
    if (n.id == id) return &n;
  return nullptr;
}

namespace {

std::string node_id(const std::string& group, const std::string& channel) { return group + "@" + channel; }

std::string percent(double fraction) { return fmt::format("{:.0f}%", std::floor(fraction * 100 + 1e-9)); }

std::vector<LegendEntry> band_legend(const Model& model) {
  std::vector<LegendEntry> legend;
  for (size_t i = 0; i < model.bands.size(); ++i) {
    const Band& band = model.bands[i];
    legend.push_back({band.id, band.label, model.band_range(i), band.colour});
  }
  return legend;
}

JourneyNode touchpoint_node(const Group& group, const std::string& channel, int column) {
  JourneyNode node;
  node.id = node_id(group.id, channel);
  node.kind = NodeKind::Touchpoint;
  node.group = group.id;
  node.channel = channel;
  node.lane = channel;
  node.column = column;
  node.label = group.label;
  node.label_lines = wrap_words(group.label, 14);
  return node;
}

// Fills score, band and colours of a node from a score (or lack of one).
void colour_node(JourneyNode& node, const Model& model, std::optional<double> score, bool blank) {
  node.score = score;
  const Band* band = score ? model.band_for(*score) : nullptr;
  if (score) node.score_text = score_text(*score, model);
  else if (!blank) node.score_text = "–";
  if (band) {
    node.band_id = band->id;
    node.band_label = band->label;
    node.fill = band->colour;
  } else {
    node.fill = kNoScoreFill;
  }
  node.text_colour = text_colour_on(node.fill);
}

std::string tooltip_of(const JourneyNode& node, const std::string& channel_label, bool blank) {
  std::vector<std::string> lines;
  lines.push_back(node.kind == NodeKind::Driver ? node.label : fmt::format("{} ({})", node.label, channel_label));
  if (!blank) {
    if (node.score) lines.push_back(fmt::format("Score {:.1f}: {}", *node.score, node.band_label));
    else lines.push_back("Not scored: nothing answered");
    if (node.completeness) lines.push_back(fmt::format("{} answered", percent(*node.completeness)));
  }
  lines.push_back(fmt::format("{} item{} in scope", node.items, node.items == 1 ? "" : "s"));
  if (node.critical_failure()) {
    std::string ids;
    for (const auto& id : node.critical_failures) ids += (ids.empty() ? "" : ", ") + id;
    lines.push_back("Critical failure: " + ids);
  }
  std::string text;
  for (const auto& line : lines) text += (text.empty() ? "" : "\n") + line;
  return text;
}

void add_journey_edges(JourneyGraph& graph) {
  for (const auto& lane : graph.lanes) {
    if (lane.drivers) continue;
    for (size_t i = 1; i < lane.nodes.size(); ++i)
      graph.edges.push_back({graph.nodes[lane.nodes[i - 1]].id, graph.nodes[lane.nodes[i]].id, EdgeKind::Journey, "", 0});
  }
}

void add_transitions(JourneyGraph& graph, const JourneyView& view) {
  int number = 0;
  for (const Transition* t : view.transitions)
    graph.edges.push_back({node_id(t->from_group, t->from_channel), node_id(t->to_group, t->to_channel), EdgeKind::Transition, t->label, ++number});
}

// Driver rows: one lane per layer (leadership, enablers) holding the groups in scope.
void add_driver_lanes(JourneyGraph& graph, const Model& model, const JourneyView& view, bool blank) {
  std::vector<JourneyLane> lanes;
  for (const char* layer_id : {kLeadership, kEnablers}) {
    const Layer* layer = model.find_layer(layer_id);
    if (!layer) continue;
    JourneyLane lane{layer->id, layer->label, true, {}};
    int column = 0;
    for (const auto& group_id : layer->groups) {
      auto driver = std::find_if(view.drivers.begin(), view.drivers.end(), [&](const JourneyDriver& d) { return d.group == group_id; });
      const Group* group = model.find_group(group_id);
      if (driver == view.drivers.end() || !group) continue;
      JourneyNode node;
      node.id = node_id(group->id, kAllChannels);
      node.kind = NodeKind::Driver;
      node.group = group->id;
      node.channel = kAllChannels;
      node.lane = lane.id;
      node.column = column++;
      node.label = group->label;
      node.label_lines = wrap_words(group->label, 14);
      node.items = driver->items;
      colour_node(node, model, driver->score, blank);
      node.tooltip = tooltip_of(node, "", blank);
      lane.nodes.push_back(graph.nodes.size());
      graph.nodes.push_back(std::move(node));
    }
    if (!lane.nodes.empty()) lanes.push_back(std::move(lane));
  }
  graph.lanes.insert(graph.lanes.begin(), lanes.begin(), lanes.end());
}

// Links each driver group to the touchpoints whose gap items name it as a driver; the edge
// label lists those items.
void add_driver_edges(JourneyGraph& graph, const JourneyView& view) {
  for (const auto& lane : graph.lanes) {
    if (lane.drivers) continue;
    for (size_t index : lane.nodes) {
      const JourneyNode& node = graph.nodes[index];
      auto driven = drivers_named_by(view.find_cell(node.group, node.channel)->gap_items);  // driver → item ids
      for (const auto& driver_lane : graph.lanes) {
        if (!driver_lane.drivers) continue;
        for (size_t d : driver_lane.nodes) {
          auto found = driven.find(graph.nodes[d].group);
          if (found == driven.end()) continue;
          std::string items;
          for (const auto& id : found->second) items += (items.empty() ? "" : ", ") + id;
          graph.edges.push_back({graph.nodes[d].id, node.id, EdgeKind::Driver, items, 0});
        }
      }
    }
  }
}

void add_notes(JourneyGraph& graph) {
  bool critical = false, low = false, unscored = false;
  for (const auto& n : graph.nodes) {
    critical = critical || n.critical_failure();
    low = low || n.low_completeness;
    unscored = unscored || (!n.score && !graph.blank);
  }
  if (unscored) graph.legend.push_back({"", "Not scored", "", kNoScoreFill});
  if (critical) graph.notes.push_back("! critical failure (score capped)");
  if (low) graph.notes.push_back(fmt::format("◔ under {} of items answered", percent(kLowCompleteness)));
}

}  // namespace

std::vector<std::string> wrap_words(const std::string& text, size_t width) {
  std::vector<std::string> lines;
  std::string line;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    std::string word = text.substr(start, end - start);
    start = end + 1;
    if (word.empty()) continue;
    if (!line.empty() && utf8::length(line) + 1 + utf8::length(word) > width) {
      lines.push_back(line);
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

std::string score_text(double score, const Model& model) {
  double shown = std::round(score);
  const Band* band = model.band_for(score);
  if (band != model.band_for(shown)) shown = std::floor(score);
  return fmt::format("{}", static_cast<long long>(shown));
}

std::string text_colour_on(const std::string& background) {
  auto luminance = [](const std::string& hex) {
    auto linear = [&](size_t at) {
      double c = std::stoi(hex.substr(at, 2), nullptr, 16) / 255.0;
      return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * linear(1) + 0.7152 * linear(3) + 0.0722 * linear(5);
  };
  const std::string dark = "#1A1A1A", light = "#FFFFFF";
  bool valid = background.size() == 7 && background[0] == '#' &&
               background.find_first_not_of("0123456789abcdefABCDEF", 1) == std::string::npos;
  if (!valid) return dark;
  // WCAG contrast ratios of each text colour against the background.
  double bg = luminance(background);
  double with_light = (luminance(light) + 0.05) / (bg + 0.05);
  double with_dark = (bg + 0.05) / (luminance(dark) + 0.05);
  return with_light > with_dark ? light : dark;
}

namespace {

// The touchpoint lanes, edges, driver rows and legend of a journey view; the scored and the
// blank graph differ only in titles and in what a touchpoint node shows.
void add_journey(JourneyGraph& graph, const Model& model, const JourneyView& view, const JourneyOptions& options) {
  graph.drivers = options.drivers;
  graph.columns = view.touchpoints;
  for (const auto& view_lane : view.lanes) {
    if (!view_lane.has_cells()) continue;
    const Channel* channel = model.find_channel(view_lane.channel);
    JourneyLane lane{view_lane.channel, channel ? channel->label : view_lane.channel, false, {}};
    for (size_t column = 0; column < view_lane.cells.size(); ++column) {
      const JourneyViewCell& cell = view_lane.cells[column];
      if (!cell.in_scope) continue;
      JourneyNode node = touchpoint_node(*model.find_group(cell.group), cell.channel, static_cast<int>(column));
      const SectionResult* section = cell.section;
      colour_node(node, model, section ? section->score : std::nullopt, graph.blank);
      if (section) {
        node.critical_failures = section->critical_failures;
        if (section->applicable > 0) node.completeness = static_cast<double>(section->answered) / section->applicable;
        node.low_completeness = node.completeness && *node.completeness < kLowCompleteness;
      }
      node.items = cell.items;
      node.tooltip = tooltip_of(node, lane.label, graph.blank);
      lane.nodes.push_back(graph.nodes.size());
      graph.nodes.push_back(std::move(node));
    }
    graph.lanes.push_back(std::move(lane));
  }
  add_journey_edges(graph);
  add_transitions(graph, view);
  if (options.drivers) {
    add_driver_lanes(graph, model, view, graph.blank);
    // Scored: a touchpoint below its target links to the drivers of its weakest answered items
    // (its critical failures when it has any): where its gap comes from. Blank: to every driver
    // its items name.
    add_driver_edges(graph, view);
  }
  graph.legend = band_legend(model);
  add_notes(graph);
}

}  // namespace

JourneyGraph build_journey_graph(const Scorecard& card, const JourneyOptions& options) {
  const Assessment& assessment = *card.assessment;
  JourneyGraph graph;
  graph.title = assessment.subject.retailer;
  std::vector<std::string> sub;
  for (const auto& part : {assessment.subject.site, assessment.meta.date})
    if (!part.empty()) sub.push_back(part);
  for (const auto& part : sub) graph.subtitle += (graph.subtitle.empty() ? "" : " · ") + part;
  add_journey(graph, *card.instrument->model, journey_view(card), options);
  return graph;
}

JourneyGraph build_blank_journey_graph(const Instrument& instrument, const JourneyOptions& options) {
  const Model& model = *instrument.model;
  JourneyGraph graph;
  graph.blank = true;
  graph.title = model.title;
  graph.subtitle = instrument.profile ? instrument.profile->title : "";
  add_journey(graph, model, blank_journey_view(instrument), options);
  return graph;
}

}  // namespace cjb::diagram
