#pragma once
// The customer journey of a scorecard (or of an instrument's scope, for a blank map), computed
// once and read by every picture of it: the report's journey map and driver section
// (render/report_document.cpp) and the journey diagram (diagram/journey_graph.cpp). Touchpoints
// in journey order, one lane per channel, the transitions in scope, and what drives the gaps
// (docs/diagram.md, docs/reports.md). Pure: core types only.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/scoring.h"

namespace cjb {

// One touchpoint in one channel.
struct JourneyViewCell {
  std::string group, channel;
  bool in_scope = false;  // the touchpoint has items in this channel
  const SectionResult* section = nullptr;  // its scores; nullptr on a blank map or out of scope
  int items = 0;                           // items in scope
  // The items its gap comes from, whose drivers explain it. Scored: when the section is below
  // its group's target, its critical failures if it has any, else its weakest answered items
  // (ties all kept); empty otherwise. Blank map: every item of the cell.
  std::vector<const Item*> gap_items;
};

struct JourneyViewLane {
  std::string channel;                 // channel id
  std::vector<JourneyViewCell> cells;  // one per touchpoint, journey order
  bool has_cells() const;              // some touchpoint is in scope in this channel
};

// A leadership or enabler group in scope: a row of drivers above the journey.
struct JourneyDriver {
  std::string group, layer;
  std::optional<double> score;  // nullopt on a blank map or when nothing was answered
  int items = 0;                // items in scope
};

// How many items of a touchpoint name a driver.
struct DriverCount {
  std::string driver;  // group id
  int items = 0;
};

// A weakest touchpoint (a journey group over all channels) and the drivers its items name, most
// items first, then the weakest driver first (unscored last), then by id.
struct TouchpointDrivers {
  const GroupResult* touchpoint = nullptr;
  std::vector<DriverCount> drivers;
};

// A driver over all the weakest touchpoints.
struct DriverTally {
  std::string driver;
  int items = 0;                       // items naming it, over the weakest touchpoints
  std::set<std::string> touchpoints;   // weakest touchpoints with such items
};

struct JourneyView {
  std::vector<std::string> touchpoints;     // journey group ids in model order, in scope in some channel
  std::vector<JourneyViewLane> lanes;       // the journey channels in scope, model order
  std::vector<const Transition*> transitions;  // model order, both ends in scope (numbered from 1 as listed)
  std::vector<JourneyDriver> drivers;       // leadership and enabler groups in scope, model order
  // Scored only: the touchpoints furthest below target (at most five; when none is below
  // target, the three lowest), lowest first, each with the drivers its items name.
  std::vector<TouchpointDrivers> weakest;
  // The drivers of the weakest touchpoints, those behind most touchpoints first, then most items.
  std::vector<DriverTally> driver_ranking;

  const JourneyViewCell* find_cell(const std::string& group, const std::string& channel) const;
};

// The journey of a scored assessment. The view points into the scorecard and its instrument,
// which must outlive it.
JourneyView journey_view(const Scorecard& card);

// The unscored journey of an instrument's scope (cjb diagram --blank).
JourneyView blank_journey_view(const Instrument& instrument);

// Driver group → the ids of the given items that name it, in item order.
std::map<std::string, std::vector<std::string>> drivers_named_by(const std::vector<const Item*>& items);

}  // namespace cjb
