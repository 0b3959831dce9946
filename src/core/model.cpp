#include "core/model.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace cjb {

namespace {
template <typename T>
const T* find_by_id(const std::vector<T>& items, const std::string& id) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& x) { return x.id == id; });
  return it == items.end() ? nullptr : &*it;
}
}  // namespace

const Layer* Model::find_layer(const std::string& id) const { return find_by_id(layers, id); }
const Group* Model::find_group(const std::string& id) const { return find_by_id(groups, id); }
const Channel* Model::find_channel(const std::string& id) const { return find_by_id(channels, id); }
const Scale* Model::find_scale(const std::string& id) const { return find_by_id(scales, id); }

std::string Model::band_range(size_t index) const {
  auto number = [](double value) {
    return std::floor(value) == value ? fmt::format("{}", static_cast<long long>(value)) : fmt::format("{:.1f}", value);
  };
  const Band& band = bands.at(index);
  if (index + 1 == bands.size()) return fmt::format("{}–100", number(band.lower));
  return fmt::format("{}–{:.1f}", number(band.lower), bands[index + 1].lower - 0.1);
}

std::string Model::group_label(const std::string& id) const {
  const Group* g = find_group(id);
  return g ? g->label : id;
}

std::string Model::layer_label(const std::string& id) const {
  const Layer* l = find_layer(id);
  return l ? l->label : id;
}

std::string Model::channel_label(const std::string& id, const std::string& all_channels) const {
  if (id == kAllChannels) return all_channels;
  const Channel* c = find_channel(id);
  return c ? c->label : id;
}

const Band* Model::band_for(double score) const {
  const Band* best = nullptr;
  for (const auto& band : bands)
    if (band.lower <= score && (!best || band.lower > best->lower)) best = &band;
  return best;
}

double Model::layer_target(const Layer& layer) const { return layer.target.value_or(target); }

double Model::group_target(const Group& group) const {
  if (group.target) return *group.target;
  if (const Layer* layer = find_layer(group.layer)) return layer_target(*layer);
  return target;
}

int Model::group_index(const std::string& id) const {
  for (size_t i = 0; i < groups.size(); ++i)
    if (groups[i].id == id) return static_cast<int>(i);
  return -1;
}

}  // namespace cjb
