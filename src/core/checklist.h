#pragma once
// Checklists: the items an auditor scores, grouped by group (area or touchpoint) and channel.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/measure.h"

namespace cjb {

// How an item is evidenced (docs/formats.md): a mystery shopper or auditor sees or tests it
// (observed), someone is interviewed (asked), or documents and data are read (records).
enum class EvidenceKind { Observed, Asked, Records };
const char* to_string(EvidenceKind kind);  // "observed", "asked", "records"
// The kind named by "observed", "asked" or "records"; nullopt for anything else.
std::optional<EvidenceKind> parse_evidence_kind(std::string_view text);
// "observed, asked or records": the names parse_evidence_kind accepts, for messages.
std::string evidence_kind_names();

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
  std::optional<EvidenceKind> evidence_kind;  // how it is evidenced; nullopt when the file does not say
  std::string scale;     // scale id from the model; default "maturity"
  double weight = 1;     // default 1; > 0
  bool critical = false;
  std::vector<std::string> drivers;  // leadership/enabler group ids that cause this item
  std::vector<ItemLevel> levels;     // one per scale level, ascending
  std::optional<Measure> measure;    // when the item is scored from KPIs (core/measure.h)
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
