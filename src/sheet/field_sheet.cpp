#include "sheet/field_sheet.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include <fmt/format.h>

#include "render/csv.h"
#include "sheet/csv_reader.h"

namespace cjb::sheet {

const std::vector<std::string>& field_sheet_columns() {
  static const std::vector<std::string> columns{"item", "layer", "group", "channel", "critical", "weight", "text",
                                                "guidance", "evidence_hint", "levels", "level", "na", "note", "evidence"};
  return columns;
}

std::string write_field_sheet(const Catalog& catalog, const Instrument& instrument, const Assessment* prefill) {
  const Model& model = catalog.model;
  std::string out = render::csv_row(field_sheet_columns());
  for (const auto& scoped : instrument.items) {
    const Item& item = *scoped.item;
    const Group* group = model.find_group(item.group);
    const Channel* channel = model.find_channel(item.channel);
    const Layer* layer = group ? model.find_layer(group->layer) : nullptr;
    const Scale* scale = model.find_scale(item.scale);
    std::string levels;
    for (const auto& level : item.levels) {
      std::string label;
      if (scale && level.value < static_cast<int>(scale->levels.size())) label = scale->levels[level.value].label;
      levels += fmt::format("{}{} {}: {}", levels.empty() ? "" : "\n", level.value, label, level.descriptor);
    }
    std::string level_text, na_text, note, evidence;
    if (const Response* r = prefill ? prefill->find_response(item.id) : nullptr) {
      if (r->na) na_text = "yes";
      else if (r->level) level_text = std::to_string(*r->level);
      note = r->note;
      evidence = r->evidence;
    }
    out += render::csv_row({item.id, layer ? layer->label : "", group ? group->label : item.group,
                            channel ? channel->label : "All", item.critical ? "yes" : "", fmt::format("{}", scoped.weight),
                            item.text, item.guidance, item.evidence, levels, level_text, na_text, note, evidence});
  }
  return out;
}

namespace {

}  // namespace

std::vector<Response> read_field_sheet(const std::string& text, const std::string& name, const Instrument& instrument) {
  std::vector<CsvRow> rows = read_csv(text, name);
  if (rows.empty()) throw InputError(Location{name}, "the field sheet is empty (expected a header row and one row per item, as `cjb export` writes)");
  std::map<std::string, size_t> column;
  for (size_t i = 0; i < rows[0].size(); ++i) column.emplace(trimmed(rows[0][i].text), i);
  std::vector<Diagnostic> problems;
  for (const char* required : {"item", "level", "na", "note", "evidence"})
    if (!column.count(required))
      problems.push_back({Location{name, 1, 1}, fmt::format("the header has no '{}' column (expected the columns item, level, na, note and evidence)", required)});
  if (!problems.empty()) throw InputError(std::move(problems));

  std::vector<Response> responses;
  std::unordered_map<std::string, int> seen;  // item → line of its row
  for (size_t r = 1; r < rows.size(); ++r) {
    const CsvRow& row = rows[r];
    auto field = [&](const char* col) { return field_at(row, column.at(col)); };
    auto at = [&](const CsvField& f) { return Location{name, f.line, f.column}; };
    if (is_blank_row(row)) continue;
    CsvField item = field("item"), level = field("level"), na = field("na"), note = field("note"), evidence = field("evidence");
    std::string id = trimmed(item.text);
    if (id.empty()) {
      problems.push_back({at(row.front()), "a row with no item id (expected the id of an item in scope, e.g. J-SUP-O-02)"});
      continue;
    }
    const ScopedItem* scoped = instrument.find(id);
    if (!scoped) {
      problems.push_back({at(item), fmt::format("item '{}' is not in the assessment's scope (expected an item listed by `cjb export` for it)", id)});
      continue;
    }
    auto [previous, fresh] = seen.emplace(id, item.line);
    if (!fresh) {
      problems.push_back({at(item), fmt::format("item '{}' is listed twice (expected one row per item; the first is on line {})", id, previous->second)});
      continue;
    }
    std::string na_text = trimmed(na.text);
    std::transform(na_text.begin(), na_text.end(), na_text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    bool is_na = false;
    if (na_text == "yes" || na_text == "y" || na_text == "x" || na_text == "true" || na_text == "n/a" || na_text == "na") {
      is_na = true;
    } else if (!(na_text.empty() || na_text == "no" || na_text == "n" || na_text == "false")) {
      problems.push_back({at(na), fmt::format("na is '{}' for item '{}' (expected yes, or empty)", trimmed(na.text), id)});
      continue;
    }
    std::string level_text = trimmed(level.text);
    Response response;
    response.item = id;
    response.where = at(item);
    response.note = trimmed(note.text);
    response.evidence = trimmed(evidence.text);
    if (!level_text.empty()) {
      bool digits = level_text.find_first_not_of("0123456789") == std::string::npos && level_text.size() <= 3;
      int value = digits ? std::stoi(level_text) : -1;
      if (!digits || value > scoped->max_level) {
        problems.push_back({at(level), fmt::format("level '{}' for item '{}' is outside its scale (expected 0 to {})", level_text, id, scoped->max_level)});
        continue;
      }
      if (is_na) {
        problems.push_back({at(level), fmt::format("item '{}' has both a level and na (expected one of them)", id)});
        continue;
      }
      response.level = value;
    } else if (is_na) {
      response.na = true;
    } else {
      if (!response.note.empty() || !response.evidence.empty())
        problems.push_back({at(level), fmt::format("item '{}' has a note or evidence but no level (expected a level 0 to {} or na=yes, so the note is not lost)", id, scoped->max_level)});
      continue;  // unanswered
    }
    responses.push_back(std::move(response));
  }
  if (!problems.empty()) throw InputError(std::move(problems));
  return responses;
}

void merge_responses(Assessment& assessment, const std::vector<Response>& responses) {
  for (const auto& response : responses) {
    auto it = std::find_if(assessment.responses.begin(), assessment.responses.end(),
                           [&](const Response& r) { return r.item == response.item; });
    if (it != assessment.responses.end()) *it = response;
    else assessment.responses.push_back(response);
  }
}

}  // namespace cjb::sheet
