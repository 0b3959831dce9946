#pragma once
// Checklists: the items an auditor scores, grouped by group (area or touchpoint) and channel.

#include <string>
#include <vector>

#include "core/error.h"

namespace cjb {

struct ItemLevel {
  int value = 0;
  std::string descriptor;  // what this level looks like for this item
  std::string improve;     // how to reach the next level (empty at the top level)
};

struct Item {
  std::string id;
  std::string group;    // group id from the model
  std::string channel;  // "physical", "online", or "all" for leadership and enabler items
  std::string text;
  std::string guidance;  // how to check
  std::string evidence;  // what to look at or collect
  std::string scale;     // scale id from the model; default "maturity"
  double weight = 1;     // default 1; > 0
  bool critical = false;
  std::vector<std::string> drivers;  // leadership/enabler group ids that cause this item
  std::vector<ItemLevel> levels;     // one per scale level, ascending
  std::string checklist;             // id of the checklist holding it
  Location where;

  const ItemLevel* find_level(int value) const;
};

struct Checklist {
  std::string id;
  std::string model;  // model id
  std::string version;
  std::string title;
  std::string description;
  std::vector<Item> items;  // in file order (sections in model order)
  Location where;
};

}  // namespace cjb
