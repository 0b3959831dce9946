#include "render/score_csv.h"

#include <fmt/format.h>

#include "sheet/csv_writer.h"

namespace cjb::render {

using sheet::csv_row; using sheet::spreadsheet_text;

namespace {
// fmt's "{}" is the shortest text that reads back as the same double: full precision, no noise.
std::string number(double value) { return fmt::format("{}", value); }
}  // namespace

std::string score_csv(const Scorecard& card) {
  const Model& model = *card.instrument->model;
  std::string out = csv_row({"assessment", "item", "layer", "group", "channel", "critical", "status", "level",
                             "max_level", "score", "weight", "note", "evidence"});
  for (const auto& item : card.items) {
    const Group* group = model.find_group(item.group);
    out += csv_row({card.assessment->id, item.id, group ? group->layer : std::string(), item.group, item.channel,
                    item.critical ? "yes" : "no", to_string(item.status),
                    item.level ? std::to_string(*item.level) : std::string(), std::to_string(item.max_level),
                    item.score ? number(*item.score) : std::string(), number(item.weight),
                    item.response ? spreadsheet_text(item.response->note) : std::string(),
                    item.response ? spreadsheet_text(item.response->evidence) : std::string()});
  }
  return out;
}

}  // namespace cjb::render
