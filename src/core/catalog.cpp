#include "core/catalog.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "util/text.h"

namespace cjb {

const Checklist* Catalog::find_checklist(const std::string& id) const {
  for (const auto& c : checklists)
    if (c.id == id) return &c;
  return nullptr;
}

const Profile* Catalog::find_profile(const std::string& id) const {
  for (const auto& p : profiles)
    if (p.id == id) return &p;
  return nullptr;
}

const Item* Catalog::find_item(const std::string& id) const {
  auto it = items_by_id_.find(id);
  return it == items_by_id_.end() ? nullptr : it->second;
}

void Catalog::index() {
  items_by_id_.clear();
  for (const auto& c : checklists)
    for (const auto& item : c.items) items_by_id_.emplace(item.id, &item);
}

const ScopedItem* Instrument::find(const std::string& item_id) const {
  auto it = index_.find(item_id);
  return it == index_.end() ? nullptr : &items[it->second];
}

namespace {
double lookup(const std::map<std::string, double>& values, const std::string& id, double fallback) {
  auto it = values.find(id);
  return it == values.end() ? fallback : it->second;
}

// The scope's channels in model order; an unknown one is a problem.
std::vector<std::string> scope_channels(const Model& model, const std::vector<std::string>& channel_ids, const Location& where,
                                        std::vector<Diagnostic>& problems) {
  std::set<std::string> wanted_channels;
  for (const auto& ch : channel_ids) {
    if (!model.find_channel(ch)) {
      std::vector<std::string> known;
      for (const auto& c : model.channels) known.push_back(c.id);
      problems.push_back({where, fmt::format("unknown channel '{}' (expected one of: {})", ch, text::join(known, ", "))});
    }
    wanted_channels.insert(ch);
  }
  std::vector<std::string> channels;
  for (const auto& c : model.channels)
    if (wanted_channels.count(c.id)) channels.push_back(c.id);
  return channels;
}

// The scope's checklists; one that cannot be found is a problem.
std::vector<const Checklist*> scope_checklists(const Catalog& catalog, const std::vector<std::string>& checklist_ids,
                                               const Location& where, std::vector<Diagnostic>& problems) {
  std::vector<const Checklist*> lists;
  for (const auto& id : checklist_ids) {
    const Checklist* list = catalog.find_checklist(id);
    if (!list) {
      std::vector<std::string> known;
      for (const auto& c : catalog.checklists) known.push_back(c.id);
      problems.push_back({where, fmt::format("checklist '{}' cannot be found (expected one of: {})", id, text::join(known, ", "))});
      continue;
    }
    lists.push_back(list);
  }
  return lists;
}

// Layer, group and channel weights (model, then profile overrides); returns the profile's
// item weights.
std::map<std::string, double> set_weights(Instrument& inst, const Model& model, const Profile* profile) {
  for (const auto& layer : model.layers) inst.layer_weights[layer.id] = layer.weight;
  for (const auto& group : model.groups) inst.group_weights[group.id] = group.weight;
  for (const auto& channel : model.channels) inst.channel_weights[channel.id] = channel.weight;
  std::map<std::string, double> item_weights;
  if (!profile) return item_weights;
  for (const auto& o : profile->weights) {
    switch (o.kind) {
      case Override::Kind::Layer: inst.layer_weights[o.id] = o.value; break;
      case Override::Kind::Group: inst.group_weights[o.id] = o.value; break;
      case Override::Kind::Channel: inst.channel_weights[o.id] = o.value; break;
      case Override::Kind::Item: item_weights[o.id] = o.value; break;
      case Override::Kind::Overall: break;
    }
  }
  return item_weights;
}

// Targets cascade overall → layer → group: each takes the most specific value set for it
// (profile first, then model), else its parent's effective target. So a profile that lowers
// a layer's target lowers the targets of that layer's groups that have none of their own.
void set_targets(Instrument& inst, const Model& model, const Profile* profile) {
  inst.overall_target = model.target;
  std::map<std::string, double> profile_layer_targets, profile_group_targets;
  if (profile) {
    for (const auto& o : profile->targets) {
      switch (o.kind) {
        case Override::Kind::Overall: inst.overall_target = o.value; break;
        case Override::Kind::Layer: profile_layer_targets[o.id] = o.value; break;
        case Override::Kind::Group: profile_group_targets[o.id] = o.value; break;
        default: break;
      }
    }
  }
  for (const auto& layer : model.layers)
    inst.layer_targets[layer.id] = lookup(profile_layer_targets, layer.id, layer.target.value_or(inst.overall_target));
  for (const auto& group : model.groups) {
    double inherited = lookup(inst.layer_targets, group.layer, inst.overall_target);
    inst.group_targets[group.id] = lookup(profile_group_targets, group.id, group.target.value_or(inherited));
  }
}

// Items in model order: group, then channel (model order, "all" first), then checklist and
// file order. Sorted into (group, channel) buckets in one pass, in checklist and file order.
void scope_items(Instrument& inst, const Model& model, const Profile* profile, const std::vector<const Checklist*>& lists,
                 const std::map<std::string, double>& item_weights) {
  std::set<std::string> excluded_groups, excluded_items;
  if (profile) {
    for (const auto& e : profile->exclusions)
      (e.kind == Exclusion::Kind::Group ? excluded_groups : excluded_items).insert(e.id);
  }
  std::map<std::pair<std::string, std::string>, std::vector<const Item*>> sections;
  for (const Checklist* list : lists)
    for (const auto& item : list->items) sections[{item.group, item.channel}].push_back(&item);
  std::vector<std::string> channels{kAllChannels};
  for (const auto& c : inst.channels) channels.push_back(c);
  for (const auto& group : model.groups) {
    if (excluded_groups.count(group.id)) continue;
    for (const auto& channel : channels) {
      auto section = sections.find({group.id, channel});
      if (section == sections.end()) continue;
      for (const Item* item : section->second) {
        if (excluded_items.count(item->id)) continue;
        if (profile && profile->evidence && item->evidence_kind != profile->evidence) continue;
        const Scale* scale = model.find_scale(item->scale);
        ScopedItem scoped;
        scoped.item = item;
        scoped.weight = lookup(item_weights, item->id, item->weight);
        scoped.max_level = scale ? scale->max_level() : 1;
        inst.index_.emplace(item->id, inst.items.size());
        inst.items.push_back(scoped);
      }
    }
  }
}

Instrument build(const Catalog& catalog, const Profile* profile,
                 const std::vector<std::string>& checklist_ids,
                 const std::vector<std::string>& channel_ids, const Location& where) {
  const Model& model = catalog.model;
  std::vector<Diagnostic> problems;
  Instrument inst;
  inst.model = &model;
  inst.profile = profile;
  inst.checklists = checklist_ids;
  inst.channels = scope_channels(model, channel_ids, where, problems);
  std::vector<const Checklist*> lists = scope_checklists(catalog, checklist_ids, where, problems);
  if (!problems.empty()) throw InputError(std::move(problems));

  std::map<std::string, double> item_weights = set_weights(inst, model, profile);
  set_targets(inst, model, profile);
  scope_items(inst, model, profile, lists, item_weights);
  return inst;
}
}  // namespace

double Instrument::layer_weight(const std::string& id) const { return lookup(layer_weights, id, 1); }
double Instrument::group_weight(const std::string& id) const { return lookup(group_weights, id, 1); }
double Instrument::channel_weight(const std::string& id) const { return lookup(channel_weights, id, 1); }
double Instrument::layer_target(const std::string& id) const { return lookup(layer_targets, id, overall_target); }
double Instrument::group_target(const std::string& id) const { return lookup(group_targets, id, overall_target); }

Instrument resolve_scope(const Catalog& catalog, const Scope& scope) {
  if (!scope.model.empty() && scope.model != catalog.model.id)
    throw InputError(scope.where, fmt::format("the assessment is for model '{}', but the loaded model is '{}' (expected model=\"{}\")",
                                              scope.model, catalog.model.id, catalog.model.id));
  if (!scope.profile.empty()) {
    const Profile* profile = catalog.find_profile(scope.profile);
    if (!profile) {
      std::vector<std::string> known;
      for (const auto& p : catalog.profiles) known.push_back(p.id);
      throw InputError(scope.where, fmt::format("profile '{}' cannot be found (expected one of: {})", scope.profile, text::join(known, ", ")));
    }
    std::vector<std::string> channels = scope.channels.empty() ? profile->channels : scope.channels;
    std::vector<std::string> lists = scope.checklists.empty() ? profile->checklists : scope.checklists;
    return build(catalog, profile, lists, channels, scope.where);
  }
  if (scope.checklists.empty())
    throw InputError(scope.where, "the scope names no profile and no checklist (expected profile=\"ID\" or <checklist ref=\"ID\"/>)");
  return build(catalog, nullptr, scope.checklists, scope.channels, scope.where);
}

Instrument resolve_profile(const Catalog& catalog, const Profile& profile) {
  return build(catalog, &profile, profile.checklists, profile.channels, profile.where);
}

std::vector<Diagnostic> check_assessment(const Catalog& catalog, const Instrument& instrument,
                                         const Assessment& assessment) {
  std::vector<Diagnostic> problems;
  std::map<std::string, const Response*> seen;
  for (const auto& r : assessment.responses) {
    auto [it, fresh] = seen.emplace(r.item, &r);
    if (!fresh) {
      problems.push_back({r.where, fmt::format("a second response to item '{}' (expected one response per item; the first is at line {})",
                                               r.item, it->second->where.line)});
      continue;
    }
    const ScopedItem* scoped = instrument.find(r.item);
    if (!scoped) {
      if (catalog.find_item(r.item))
        problems.push_back({r.where, fmt::format("item '{}' is outside the declared scope (expected an item of the checklists, channels and profile in <scope>)", r.item)});
      else
        problems.push_back({r.where, fmt::format("unknown item '{}' (expected an item id of the checklists in scope)", r.item)});
      continue;
    }
    if (r.level && (*r.level < 0 || *r.level > scoped->max_level))
      problems.push_back({r.where, fmt::format("level {} is outside the scale of item '{}' (expected 0 to {})", *r.level, r.item, scoped->max_level)});
  }
  return problems;
}

}  // namespace cjb
