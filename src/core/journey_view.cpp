#include "core/journey_view.h"

#include <algorithm>
#include <map>

namespace cjb {

bool JourneyViewLane::has_cells() const {
  return std::any_of(cells.begin(), cells.end(), [](const JourneyViewCell& c) { return c.in_scope; });
}

const JourneyViewCell* JourneyView::find_cell(const std::string& group, const std::string& channel) const {
  for (const auto& lane : lanes)
    if (lane.channel == channel)
      for (const auto& cell : lane.cells)
        if (cell.group == group) return &cell;
  return nullptr;
}

std::map<std::string, std::vector<std::string>> drivers_named_by(const std::vector<const Item*>& items) {
  std::map<std::string, std::vector<std::string>> named;
  for (const Item* item : items)
    for (const auto& driver : item->drivers) named[driver].push_back(item->id);
  return named;
}

namespace {

using SectionKey = std::pair<std::string, std::string>;  // group, channel

bool is_driver_layer(const std::string& layer) { return layer == kLeadership || layer == kEnablers; }

// The frame shared by the scored and the blank view: one column per journey touchpoint that has
// a section in any channel, one lane per channel in scope, and the transitions between cells in
// scope. Cells carry their item counts; the caller fills in scores and gap items.
JourneyView frame_of(const Instrument& instrument, const std::map<SectionKey, int>& item_counts) {
  const Model& model = *instrument.model;
  JourneyView view;
  for (const Group& group : model.groups) {
    if (group.layer != kJourney) continue;
    bool present = std::any_of(item_counts.begin(), item_counts.end(), [&](const auto& entry) { return entry.first.first == group.id; });
    if (present) view.touchpoints.push_back(group.id);
  }
  for (const auto& channel : instrument.channels) {
    JourneyViewLane lane{channel, {}};
    for (const auto& group : view.touchpoints) {
      JourneyViewCell cell{group, channel, false, nullptr, 0, {}};
      if (auto found = item_counts.find({group, channel}); found != item_counts.end()) {
        cell.in_scope = true;
        cell.items = found->second;
      }
      lane.cells.push_back(std::move(cell));
    }
    view.lanes.push_back(std::move(lane));
  }
  for (const Transition& t : model.transitions) {
    const JourneyViewCell* from = view.find_cell(t.from_group, t.from_channel);
    const JourneyViewCell* to = view.find_cell(t.to_group, t.to_channel);
    if (from && from->in_scope && to && to->in_scope) view.transitions.push_back(&t);
  }
  return view;
}

// A section below its group's target: its critical failures when it has any (they cap it),
// else its weakest answered items.
std::vector<const Item*> gap_items_of(const Scorecard& card, const SectionResult& section) {
  std::vector<const Item*> items;
  if (!section.score || *section.score >= card.instrument->group_target(section.group)) return items;
  if (!section.critical_failures.empty()) {
    for (const auto& id : section.critical_failures) items.push_back(card.find_item(id)->item);
    return items;
  }
  std::optional<double> lowest;
  for (const auto& item : card.items) {
    if (item.group != section.group || item.channel != section.channel || !item.score) continue;
    if (lowest && *item.score > *lowest) continue;
    if (lowest && *item.score < *lowest) items.clear();
    lowest = item.score;
    items.push_back(item.item);
  }
  return items;
}

// The touchpoints furthest below target, lowest first: at most five; when none is below its
// target, the three lowest.
std::vector<const GroupResult*> weakest_touchpoints(const Scorecard& card) {
  std::vector<const GroupResult*> touchpoints;
  for (const auto& g : card.groups)
    if (g.layer == kJourney && g.figure.score) touchpoints.push_back(&g);
  std::stable_sort(touchpoints.begin(), touchpoints.end(), [](auto* a, auto* b) { return *a->figure.score < *b->figure.score; });
  std::vector<const GroupResult*> weakest;
  for (const auto* g : touchpoints)
    if (weakest.size() < 5 && g->figure.gap && *g->figure.gap > 0) weakest.push_back(g);
  if (weakest.empty())
    for (size_t i = 0; i < touchpoints.size() && i < 3; ++i) weakest.push_back(touchpoints[i]);
  return weakest;
}

// The drivers named by the items of a touchpoint (every channel), most items first, then the
// weakest driver (unscored last).
std::vector<DriverCount> drivers_of(const Scorecard& card, const std::string& touchpoint) {
  std::map<std::string, int> named;
  for (const auto& item : card.items)
    if (item.group == touchpoint)
      for (const auto& d : item.item->drivers) ++named[d];
  std::vector<DriverCount> order;
  for (const auto& [driver, count] : named) order.push_back({driver, count});
  auto driver_score = [&](const std::string& id) -> std::optional<double> {
    const GroupResult* g = card.find_group(id);
    return g ? g->figure.score : std::nullopt;
  };
  std::stable_sort(order.begin(), order.end(), [&](const DriverCount& a, const DriverCount& b) {
    if (a.items != b.items) return a.items > b.items;
    return driver_score(a.driver).value_or(1000) < driver_score(b.driver).value_or(1000);
  });
  return order;
}

std::vector<DriverTally> rank_drivers(const std::vector<TouchpointDrivers>& weakest) {
  std::map<std::string, DriverTally> tally;
  for (const auto& tp : weakest)
    for (const auto& [driver, count] : tp.drivers) {
      DriverTally& t = tally[driver];
      t.driver = driver;
      t.items += count;
      t.touchpoints.insert(tp.touchpoint->id);
    }
  std::vector<DriverTally> ranked;
  for (auto& [driver, t] : tally) ranked.push_back(std::move(t));
  std::stable_sort(ranked.begin(), ranked.end(), [](const DriverTally& a, const DriverTally& b) {
    if (a.touchpoints.size() != b.touchpoints.size()) return a.touchpoints.size() > b.touchpoints.size();
    return a.items > b.items;
  });
  return ranked;
}

}  // namespace

JourneyView journey_view(const Scorecard& card) {
  const Instrument& instrument = *card.instrument;
  std::map<SectionKey, int> item_counts;
  for (const auto& item : card.items) ++item_counts[{item.group, item.channel}];
  JourneyView view = frame_of(instrument, item_counts);
  for (auto& lane : view.lanes)
    for (auto& cell : lane.cells) {
      cell.section = card.find_section(cell.group, cell.channel);
      cell.in_scope = cell.section != nullptr;
      if (cell.section) cell.gap_items = gap_items_of(card, *cell.section);
    }
  for (const auto& g : card.groups)
    if (is_driver_layer(g.layer)) view.drivers.push_back({g.id, g.layer, g.figure.score, item_counts[{g.id, kAllChannels}]});
  for (const GroupResult* tp : weakest_touchpoints(card)) view.weakest.push_back({tp, drivers_of(card, tp->id)});
  view.driver_ranking = rank_drivers(view.weakest);
  return view;
}

JourneyView blank_journey_view(const Instrument& instrument) {
  const Model& model = *instrument.model;
  std::map<SectionKey, int> item_counts;
  for (const auto& scoped : instrument.items) ++item_counts[{scoped.item->group, scoped.item->channel}];
  JourneyView view = frame_of(instrument, item_counts);
  for (auto& lane : view.lanes)
    for (auto& cell : lane.cells)
      for (const auto& scoped : instrument.items)
        if (scoped.item->group == cell.group && scoped.item->channel == cell.channel) cell.gap_items.push_back(scoped.item);
  for (const Group& group : model.groups) {
    if (!is_driver_layer(group.layer)) continue;
    JourneyDriver driver{group.id, group.layer, std::nullopt, 0};
    for (const auto& [key, count] : item_counts)
      if (key.first == group.id) driver.items += count;
    if (driver.items > 0) view.drivers.push_back(std::move(driver));
  }
  return view;
}

}  // namespace cjb
