#pragma once
// Profiles tailor the standard checklists to a kind of retailer: scope, weights, targets.

#include <optional>
#include <string>
#include <vector>

#include "core/checklist.h"
#include "core/error.h"

namespace cjb {

struct Exclusion {
  enum class Kind { Group, Item };
  Kind kind = Kind::Item;
  std::string id;
  std::string reason;
  Location where;
};

// A weight or target override for one layer, group, channel or item.
struct Override {
  enum class Kind { Overall, Layer, Group, Channel, Item };
  Kind kind = Kind::Group;
  std::string id;  // empty for Overall
  double value = 0;
  Location where;
};

// A profile's own time for one of the model's service standards.
struct StandardOverride {
  std::string id;
  double minutes = 0;
  Location where;
};

struct Profile {
  std::string id;
  std::string model;
  // The profile this one extends (core/profile_extension.h), or empty. Once the catalog is
  // loaded, the fields below hold the whole of the extended profile, not only its own part.
  std::string extends;
  std::string version;
  std::string title;
  std::string description;
  std::vector<std::string> checklists;  // checklist ids in scope
  std::vector<std::string> channels;    // journey channels in scope
  std::vector<Exclusion> exclusions;
  std::optional<EvidenceKind> evidence;  // only items evidenced this way are in scope (default: all)
  std::vector<Override> weights;
  std::vector<Override> targets;
  std::vector<StandardOverride> service_standards;  // <service-standards>
  Location where;
};

}  // namespace cjb
