#pragma once
// Everything loaded from a data directory: the model, the standard checklists and profiles.
// An Instrument is the catalog narrowed to one assessment's scope, with the effective weights
// and targets that scoring uses.

#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/assessment.h"
#include "core/checklist.h"
#include "core/model.h"
#include "core/profile.h"

namespace cjb {

// Move-only: the item index points into the checklists.
struct Catalog {
  Catalog() = default;
  Catalog(const Catalog&) = delete;
  Catalog& operator=(const Catalog&) = delete;
  Catalog(Catalog&&) = default;
  Catalog& operator=(Catalog&&) = default;

  Model model;
  std::vector<Checklist> checklists;
  std::vector<Profile> profiles;

  const Checklist* find_checklist(const std::string& id) const;
  const Profile* find_profile(const std::string& id) const;
  // Any item of any checklist, by id; nullptr if none. Call index() after changing checklists.
  const Item* find_item(const std::string& id) const;
  void index();

 private:
  std::unordered_map<std::string, const Item*> items_by_id_;
};

struct ScopedItem {
  const Item* item = nullptr;
  double weight = 1;  // after profile overrides
  int max_level = 1;  // of the item's scale
};

struct Instrument {
  const Model* model = nullptr;
  const Profile* profile = nullptr;     // nullptr when the scope names checklists directly
  std::vector<std::string> checklists;  // ids in scope
  std::vector<std::string> channels;    // journey channels in scope, in model order
  std::vector<ScopedItem> items;        // model order: group, then channel, then file order

  // Effective weights and targets: profile override, else model default.
  double overall_target = 75;
  std::map<std::string, double> layer_weights, group_weights, channel_weights;
  std::map<std::string, double> layer_targets, group_targets;

  const ScopedItem* find(const std::string& item_id) const;
  double layer_weight(const std::string& id) const;
  double group_weight(const std::string& id) const;
  double channel_weight(const std::string& id) const;  // "all" weighs 1
  double layer_target(const std::string& id) const;
  double group_target(const std::string& id) const;

  std::unordered_map<std::string, size_t> index_;  // item id → position in items
};

// Narrows the catalog to a scope. Throws InputError (at scope.where) when the model, a
// checklist, the profile or a channel cannot be found.
Instrument resolve_scope(const Catalog& catalog, const Scope& scope);

// An instrument for a profile alone (e.g. a blank diagram or a new self-assessment).
Instrument resolve_profile(const Catalog& catalog, const Profile& profile);

// Meaning checks of an assessment against its instrument: unknown items, items outside the
// declared scope, levels outside their scale, two responses to one item. (Structure, such as
// a date that is not a date, is the reader's job.)
std::vector<Diagnostic> check_assessment(const Catalog& catalog, const Instrument& instrument,
                                         const Assessment& assessment);

}  // namespace cjb
