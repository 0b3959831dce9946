#include "core/worked_example.h"

namespace cjb::test {

Catalog worked_example_catalog() {
  Catalog catalog;
  Model& m = catalog.model;
  m.id = "example";
  m.critical_cap = 40;
  m.target = 75;
  m.channels = {{"physical", "In store", 1, {}}, {"online", "Online", 1, {}}};
  Scale maturity{"maturity", "0–4", {}, {}};
  for (int i = 0; i <= 4; ++i) maturity.levels.push_back({i, "L" + std::to_string(i), ""});
  Scale yesno{"yesno", "Yes/no", {{0, "No", ""}, {1, "Yes", ""}}, {}};
  m.scales = {maturity, yesno};
  m.bands = {{"poor", "Poor", 0, "#D64541", {}}, {"developing", "Developing", 40, "#F08A4B", {}},
             {"established", "Established", 60, "#F5C542", {}}, {"good", "Good", 75, "#8CC63F", {}},
             {"leading", "Leading", 90, "#2E9D5B", {}}};
  Layer leadership{"leadership", "Leadership", "", 1, std::nullopt, {"vision"}, {}};
  Layer journey{"journey", "Customer journey", "", 2, std::nullopt, {"research", "checkout"}, {}};
  m.layers = {leadership, journey};
  m.groups = {{"vision", "Vision", "leadership", "", 1, std::nullopt, {"all"}, {}},
              {"research", "Research", "journey", "", 1, std::nullopt, {"physical", "online"}, {}},
              {"checkout", "Checkout", "journey", "", 2, std::nullopt, {"physical", "online"}, {}}};
  Checklist c;
  c.id = "example";
  c.model = "example";
  auto item = [&](const char* id, const char* group, const char* channel, const char* scale, bool critical) {
    Item i;
    i.id = id;
    i.group = group;
    i.channel = channel;
    i.scale = scale;
    i.critical = critical;
    i.text = std::string("Item ") + id;
    i.checklist = "example";
    c.items.push_back(i);
  };
  item("L1", "vision", "all", "maturity", false);
  item("L2", "vision", "all", "maturity", false);
  c.items.back().weight = 2;
  item("R1", "research", "physical", "maturity", false);
  item("R2", "research", "online", "yesno", false);
  item("R3", "research", "online", "maturity", true);
  item("C1", "checkout", "physical", "maturity", false);
  item("C2", "checkout", "physical", "maturity", false);
  item("C3", "checkout", "online", "maturity", false);
  catalog.checklists.push_back(c);
  catalog.index();
  return catalog;
}

Assessment worked_example_assessment() {
  Assessment a;
  a.id = "worked-example";
  a.subject.retailer = "Example";
  a.subject.site = "Example";
  a.meta.date = "2026-01-01";
  a.scope.model = "example";
  a.scope.checklists = {"example"};
  a.scope.channels = {"physical", "online"};
  auto answer = [&](const char* id, int level) { a.responses.push_back({id, level, false, "", "", {}}); };
  answer("L1", 4);
  answer("L2", 2);
  answer("R1", 3);
  answer("R2", 1);
  answer("R3", 0);
  a.responses.push_back({"C1", std::nullopt, true, "", "", {}});
  answer("C3", 2);
  return a;
}

}  // namespace cjb::test
