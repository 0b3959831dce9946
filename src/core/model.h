#pragma once
// The customer-service model: layers → groups (areas or touchpoints), channels, scales, bands,
// default weights and targets. Plain values; loading and validation live in xml/.

#include <optional>
#include <string>
#include <vector>

#include "core/error.h"

namespace cjb {

// Fixed ids other tools rely on (docs/formats.md).
inline constexpr const char* kLeadership = "leadership";
inline constexpr const char* kEnablers = "enablers";
inline constexpr const char* kJourney = "journey";
inline constexpr const char* kPhysical = "physical";
inline constexpr const char* kOnline = "online";
// The channel of leadership and enabler items and sections.
inline constexpr const char* kAllChannels = "all";

struct ScaleLevel {
  int value = 0;
  std::string label;       // "Defined"
  std::string descriptor;  // what this level looks like in general
};

struct Scale {
  std::string id;
  std::string label;
  std::vector<ScaleLevel> levels;  // ordered 0..max, one per value
  int max_level() const { return levels.empty() ? 0 : levels.back().value; }
  Location where;
};

struct Band {
  std::string id;
  std::string label;
  double lower = 0;    // the band holds scores >= lower (up to the next band's lower bound)
  std::string colour;  // "#RRGGBB"
  Location where;
};

struct Channel {
  std::string id;
  std::string label;
  double weight = 1;  // default 1
  Location where;
};

struct Group {
  std::string id;
  std::string label;
  std::string layer;  // id of the layer holding it
  std::string description;
  double weight = 1;             // default 1
  std::optional<double> target;  // default: the layer's target
  // Channels this group exists in: {"all"} for leadership and enabler groups, a subset of the
  // model's channels for journey touchpoints.
  std::vector<std::string> channels;
  Location where;
};

struct Layer {
  std::string id;
  std::string label;
  std::string description;
  double weight = 1;             // default 1
  std::optional<double> target;  // default: the model's target
  std::vector<std::string> groups;  // group ids in model order
  Location where;
};

// A journey that crosses channels (research online, buy in store): drawn between lanes.
struct Transition {
  std::string from_group, from_channel, to_group, to_channel, label;
  Location where;
};

// A service standard (docs/kpi.md, "Service standards"): contacts it applies to get a first
// response within minutes. priority and channel are "" for any; for each contact the most
// specific standard that matches applies (priority and channel, then priority, then channel,
// then the one for any).
struct ServiceStandard {
  std::string id;
  std::string priority, channel;
  double minutes = 0;
  std::string label;  // "Urgent contacts: first response within 1 hour"
  Location where;
};

struct Model {
  std::string id;
  std::string version;
  std::string title;
  std::string description;
  double critical_cap = 40;  // a section with a critical failure scores at most this
  double target = 75;        // default target for overall, layers and groups
  std::vector<Channel> channels;
  std::vector<Scale> scales;
  std::vector<Band> bands;  // ascending by lower bound
  std::vector<Layer> layers;
  std::vector<Group> groups;  // every group of every layer, in model order
  std::vector<Transition> transitions;
  std::vector<ServiceStandard> service_standards;  // <service-standards>, in model order
  Location where;

  const Layer* find_layer(const std::string& id) const;
  const Group* find_group(const std::string& id) const;
  const Channel* find_channel(const std::string& id) const;
  const Scale* find_scale(const std::string& id) const;
  // A group's, layer's or channel's label as printed; the id itself when the model has none.
  // all_channels: the name of the "all" channel of leadership and enabler sections.
  std::string group_label(const std::string& id) const;
  std::string layer_label(const std::string& id) const;
  std::string channel_label(const std::string& id, const std::string& all_channels = "All") const;

  // The band with the highest lower bound <= score; nullptr if none (score below every band).
  const Band* band_for(double score) const;
  // Target of a group / layer before profile overrides.
  double group_target(const Group& group) const;
  double layer_target(const Layer& layer) const;
  // Index of the group in model order (journey order for touchpoints); -1 if unknown.
  int group_index(const std::string& id) const;
  // The scores band i holds, as every legend writes it (report, diagram, SVG summary):
  // "0–39.9", "40–59.9", …, "75–100". Scores are printed to one decimal, so a band ends one
  // tenth below the next band's lower bound.
  std::string band_range(size_t index) const;
};

}  // namespace cjb
