#include "core/checks.h"

#include <map>
#include <algorithm>
#include <cctype>
#include <set>

#include <fmt/format.h>

#include "util/text.h"

namespace cjb {

namespace {
// The allowed values a message lists: "a, b, c".
std::string join(const std::vector<std::string>& parts) { return text::join(parts, ", "); }

bool is_colour(const std::string& text) {
  if (text.size() != 7 || text[0] != '#') return false;
  for (size_t i = 1; i < 7; ++i)
    if (!std::isxdigit(static_cast<unsigned char>(text[i]))) return false;
  return true;
}

std::vector<std::string> group_ids(const Model& model, const char* layer_a, const char* layer_b = nullptr) {
  std::vector<std::string> ids;
  for (const auto& g : model.groups)
    if (g.layer == layer_a || (layer_b && g.layer == layer_b)) ids.push_back(g.id);
  return ids;
}
}  // namespace

std::vector<Diagnostic> check_model(const Model& model) {
  std::vector<Diagnostic> out;
  const std::vector<std::string> fixed{kLeadership, kEnablers, kJourney};
  std::vector<std::string> layer_ids;
  for (const auto& l : model.layers) layer_ids.push_back(l.id);
  for (const auto& l : model.layers) {
    if (std::find(fixed.begin(), fixed.end(), l.id) == fixed.end())
      out.push_back({l.where, fmt::format("unknown layer '{}' (expected one of: {})", l.id, join(fixed))});
    if (l.weight <= 0) out.push_back({l.where, fmt::format("layer '{}' has weight {} (expected a weight > 0)", l.id, l.weight)});
  }
  for (const auto& id : fixed)
    if (std::find(layer_ids.begin(), layer_ids.end(), id) == layer_ids.end())
      out.push_back({model.where, fmt::format("the model has no layer '{}' (expected the layers {})", id, join(fixed))});

  std::set<std::string> seen;
  auto unique = [&](const std::string& kind, const std::string& id, const Location& where) {
    if (!seen.insert(kind + ":" + id).second)
      out.push_back({where, fmt::format("duplicate {} id '{}' (expected unique ids)", kind, id)});
  };
  for (const auto& c : model.channels) {
    unique("channel", c.id, c.where);
    if (c.id == kAllChannels) out.push_back({c.where, "channel id 'all' is reserved (expected another id)"});
    if (c.weight <= 0) out.push_back({c.where, fmt::format("channel '{}' has weight {} (expected a weight > 0)", c.id, c.weight)});
  }
  for (const auto& l : model.layers) unique("layer", l.id, l.where);
  for (const auto& g : model.groups) {
    unique("group", g.id, g.where);
    if (g.weight <= 0) out.push_back({g.where, fmt::format("group '{}' has weight {} (expected a weight > 0)", g.id, g.weight)});
    for (const auto& ch : g.channels) {
      if (ch == kAllChannels) {
        if (g.layer == kJourney) out.push_back({g.where, fmt::format("touchpoint '{}' has channel 'all' (expected channels of the model, e.g. physical online)", g.id)});
        continue;
      }
      if (!model.find_channel(ch)) out.push_back({g.where, fmt::format("group '{}' names unknown channel '{}'", g.id, ch)});
      else if (g.layer != kJourney) out.push_back({g.where, fmt::format("group '{}' of layer '{}' names channel '{}' (expected no channels: only journey touchpoints have them)", g.id, g.layer, ch)});
    }
  }
  for (const auto& s : model.scales) {
    unique("scale", s.id, s.where);
    if (s.levels.size() < 2) out.push_back({s.where, fmt::format("scale '{}' has {} level(s) (expected at least 2)", s.id, s.levels.size())});
    for (size_t i = 0; i < s.levels.size(); ++i)
      if (s.levels[i].value != static_cast<int>(i))
        out.push_back({s.where, fmt::format("scale '{}' level {} has value {} (expected levels numbered 0, 1, 2, … in order)", s.id, i, s.levels[i].value)});
  }
  if (model.bands.empty()) out.push_back({model.where, "the model has no bands (expected at least one <band>)"});
  for (size_t i = 0; i < model.bands.size(); ++i) {
    const Band& b = model.bands[i];
    unique("band", b.id, b.where);
    if (!is_colour(b.colour)) out.push_back({b.where, fmt::format("band '{}' has colour '{}' (expected #RRGGBB)", b.id, b.colour)});
    if (b.lower < 0 || b.lower > 100) out.push_back({b.where, fmt::format("band '{}' has lower bound {} (expected 0 to 100)", b.id, b.lower)});
    if (i > 0 && b.lower <= model.bands[i - 1].lower)
      out.push_back({b.where, fmt::format("band '{}' has lower bound {}, not above the previous band's {} (expected bands in ascending order)", b.id, b.lower, model.bands[i - 1].lower)});
  }
  if (!model.bands.empty() && model.bands.front().lower != 0)
    out.push_back({model.bands.front().where, fmt::format("the lowest band starts at {} (expected 0, so that every score has a band)", model.bands.front().lower)});
  if (model.critical_cap < 0 || model.critical_cap > 100)
    out.push_back({model.where, fmt::format("critical-cap is {} (expected 0 to 100)", model.critical_cap)});
  // Targets are scores: 0 to 100, like the profile's target overrides.
  if (model.target < 0 || model.target > 100)
    out.push_back({model.where, fmt::format("target {} (expected 0 to 100)", model.target)});
  for (const auto& l : model.layers)
    if (l.target && (*l.target < 0 || *l.target > 100))
      out.push_back({l.where, fmt::format("layer '{}' has target {} (expected 0 to 100)", l.id, *l.target)});
  for (const auto& g : model.groups)
    if (g.target && (*g.target < 0 || *g.target > 100))
      out.push_back({g.where, fmt::format("group '{}' has target {} (expected 0 to 100)", g.id, *g.target)});
  for (const auto& t : model.transitions) {
    for (const auto& [group, channel] : {std::pair{t.from_group, t.from_channel}, std::pair{t.to_group, t.to_channel}}) {
      const Group* g = model.find_group(group);
      if (!g || g->layer != kJourney) {
        out.push_back({t.where, fmt::format("transition names '{}' (expected a journey touchpoint: {})", group, join(group_ids(model, kJourney)))});
      } else if (std::find(g->channels.begin(), g->channels.end(), channel) == g->channels.end()) {
        out.push_back({t.where, fmt::format("transition names touchpoint '{}' in channel '{}' (expected one of its channels: {})", group, channel, join(g->channels))});
      }
    }
  }
  return out;
}

namespace {
// A <measure> against the item's scale and the model's service standards.
void check_measure(const Model& model, const Item& item, const Scale* scale, std::vector<Diagnostic>& out) {
  const Measure& m = *item.measure;
  if (scale)
    if (auto problem = measure_scale_problem(m, scale->max_level()))
      out.push_back({m.where, fmt::format("item '{}': {}", item.id, *problem)});
  if (m.standard.empty()) return;
  std::vector<std::string> known;
  for (const auto& s : model.service_standards) known.push_back(s.id);
  if (std::find(known.begin(), known.end(), m.standard) == known.end())
    out.push_back({m.where, fmt::format("item '{}': <measure> names standard '{}' that the model does not have (expected one of: {})", item.id, m.standard, join(known))});
}
}  // namespace

std::vector<Diagnostic> check_checklist(const Model& model, const Checklist& checklist) {
  std::vector<Diagnostic> out;
  if (checklist.model != model.id)
    out.push_back({checklist.where, fmt::format("checklist '{}' is for model '{}' (expected model=\"{}\")", checklist.id, checklist.model, model.id)});
  for (const auto& item : checklist.items) {
    const Group* group = model.find_group(item.group);
    if (!group) {
      out.push_back({item.where, fmt::format("item '{}' is in unknown group '{}'", item.id, item.group)});
    } else {
      bool journey = group->layer == kJourney;
      if (!journey && item.channel != kAllChannels)
        out.push_back({item.where, fmt::format("item '{}' of {} group '{}' has channel '{}' (expected channel \"all\")", item.id, group->layer, group->id, item.channel)});
      if (journey && std::find(group->channels.begin(), group->channels.end(), item.channel) == group->channels.end())
        out.push_back({item.where, fmt::format("item '{}' has channel '{}', where touchpoint '{}' does not exist (expected one of: {})", item.id, item.channel, group->id, join(group->channels))});
      for (const auto& d : item.drivers) {
        const Group* driver = model.find_group(d);
        if (!driver || driver->layer == kJourney)
          out.push_back({item.where, fmt::format("item '{}' names unknown driver '{}' (expected a leadership or enabler group: {})", item.id, d, join(group_ids(model, kLeadership, kEnablers)))});
      }
    }
    if (item.weight <= 0) out.push_back({item.where, fmt::format("item '{}' has weight {} (expected a weight > 0)", item.id, item.weight)});
    const Scale* scale = model.find_scale(item.scale);
    if (!scale) {
      std::vector<std::string> known;
      for (const auto& s : model.scales) known.push_back(s.id);
      out.push_back({item.where, fmt::format("item '{}' names unknown scale '{}' (expected one of: {})", item.id, item.scale, join(known))});
    } else if (!item.levels.empty()) {
      bool numbered = item.levels.size() == scale->levels.size();
      for (size_t i = 0; numbered && i < item.levels.size(); ++i) numbered = item.levels[i].value == static_cast<int>(i);
      if (!numbered)
        out.push_back({item.where, fmt::format("item '{}' describes levels that do not match scale '{}' (expected one <level> for each value 0 to {}, in order)", item.id, scale->id, scale->max_level())});
    }
    if (item.measure) check_measure(model, item, scale, out);
  }
  return out;
}

std::vector<Diagnostic> check_profile(const Catalog& catalog, const Profile& profile) {
  std::vector<Diagnostic> out;
  const Model& model = catalog.model;
  if (profile.model != model.id)
    out.push_back({profile.where, fmt::format("profile '{}' is for model '{}' (expected model=\"{}\")", profile.id, profile.model, model.id)});
  for (const auto& c : profile.checklists)
    if (!catalog.find_checklist(c)) {
      std::vector<std::string> known;
      for (const auto& x : catalog.checklists) known.push_back(x.id);
      out.push_back({profile.where, fmt::format("profile '{}' names unknown checklist '{}' (expected one of: {})", profile.id, c, join(known))});
    }
  for (const auto& ch : profile.channels)
    if (!model.find_channel(ch)) out.push_back({profile.where, fmt::format("profile '{}' names unknown channel '{}'", profile.id, ch)});
  for (const auto& e : profile.exclusions) {
    if (e.kind == Exclusion::Kind::Group && !model.find_group(e.id))
      out.push_back({e.where, fmt::format("exclusion of unknown group '{}'", e.id)});
    if (e.kind == Exclusion::Kind::Item && !catalog.find_item(e.id))
      out.push_back({e.where, fmt::format("exclusion of unknown item '{}'", e.id)});
  }
  auto check_override = [&](const Override& o, const char* what) {
    bool known = true;
    switch (o.kind) {
      case Override::Kind::Layer: known = model.find_layer(o.id) != nullptr; break;
      case Override::Kind::Group: known = model.find_group(o.id) != nullptr; break;
      case Override::Kind::Channel: known = model.find_channel(o.id) != nullptr; break;
      case Override::Kind::Item: known = catalog.find_item(o.id) != nullptr; break;
      case Override::Kind::Overall: break;
    }
    if (!known) out.push_back({o.where, fmt::format("{} of unknown '{}'", what, o.id)});
  };
  for (const auto& w : profile.weights) {
    check_override(w, "weight");
    if (w.value <= 0) out.push_back({w.where, fmt::format("weight {} (expected a weight > 0)", w.value)});
  }
  for (const auto& t : profile.targets) {
    check_override(t, "target");
    if (t.value < 0 || t.value > 100) out.push_back({t.where, fmt::format("target {} (expected 0 to 100)", t.value)});
  }
  return out;
}

std::vector<Diagnostic> check_unique_ids(const Catalog& catalog) {
  std::vector<Diagnostic> out;
  std::map<std::string, Location> seen;
  auto add = [&](const std::string& kind, const std::string& id, const Location& where) {
    auto [it, fresh] = seen.emplace(kind + ":" + id, where);
    if (!fresh)
      out.push_back({where, fmt::format("duplicate {} id '{}', first defined at {}:{}:{} (expected ids unique across all files)",
                                        kind, id, it->second.file, it->second.line, it->second.column)});
  };
  for (const auto& c : catalog.checklists) {
    add("checklist", c.id, c.where);
    for (const auto& item : c.items) add("item", item.id, item.where);
  }
  for (const auto& p : catalog.profiles) add("profile", p.id, p.where);
  return out;
}

}  // namespace cjb
