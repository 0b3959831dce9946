#include "sheet/field_sheet.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <string_view>
#include <unordered_map>

#include <fmt/format.h>

#include "sheet/csv_writer.h"
#include "sheet/answer.h"
#include "sheet/csv_reader.h"

namespace cjb::sheet {

namespace {

// Photos travel in the Evidence cell as lines "file: PATH | caption" after the text
// (docs/formats.md, field sheets), so a sheet round trip keeps them.
constexpr std::string_view kPhotoPrefix = "file:";

std::string evidence_cell(const Response& r) {
  std::string text = r.evidence;
  for (const auto& photo : r.photos)
    text += fmt::format("{}{} {}{}", text.empty() ? "" : "\n", kPhotoPrefix, photo.file, photo.caption.empty() ? "" : " | " + photo.caption);
  return text;
}

std::string trim_blanks(std::string_view text) {
  size_t b = text.find_first_not_of(" \t\r\n"), e = text.find_last_not_of(" \t\r\n");
  return b == std::string_view::npos ? std::string() : std::string(text.substr(b, e - b + 1));
}

// The Evidence cell back into the response's text and photos.
void read_evidence_cell(const std::string& text, Response& r, const Location& where) {
  std::string rest;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + start, end - start);
    std::string head = trim_blanks(line).substr(0, kPhotoPrefix.size());
    for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (head == kPhotoPrefix && trim_blanks(trim_blanks(line).substr(kPhotoPrefix.size())).size() > 0) {
      std::string spec = trim_blanks(trim_blanks(line).substr(kPhotoPrefix.size()));
      size_t bar = spec.find(" | ");
      r.photos.push_back(Photo{trim_blanks(spec.substr(0, bar)), bar == std::string::npos ? "" : trim_blanks(spec.substr(bar + 3)), where});
    } else {
      rest += (rest.empty() ? "" : "\n") + std::string(line);
    }
    start = end + 1;
  }
  r.evidence = trim_blanks(rest);
}

}  // namespace

const std::vector<std::string>& field_sheet_columns() {
  static const std::vector<std::string> columns{"Item", "Layer", "Group", "Channel", "Critical", "Weight", "Text",
                                                "Guidance", "Evidence hint", "Levels", "Level", "N/A", "Note", "Evidence"};
  return columns;
}

std::vector<FieldRow> field_sheet_rows(const Catalog& catalog, const Instrument& instrument, const Assessment* prefill) {
  const Model& model = catalog.model;
  std::vector<FieldRow> rows;
  rows.reserve(instrument.items.size());
  for (const auto& scoped : instrument.items) {
    const Item& item = *scoped.item;
    const Group* group = model.find_group(item.group);
    const Channel* channel = model.find_channel(item.channel);
    const Layer* layer = group ? model.find_layer(group->layer) : nullptr;
    const Scale* scale = model.find_scale(item.scale);
    FieldRow row;
    row.scoped = &scoped;
    row.layer = layer ? layer->label : "";
    row.channel = channel ? channel->label : "All";
    std::string levels;
    for (const auto& level : item.levels) {
      std::string label;
      if (scale && level.value < static_cast<int>(scale->levels.size())) label = scale->levels[level.value].label;
      levels += fmt::format("{}{} {}: {}", levels.empty() ? "" : "\n", level.value, label, level.descriptor);
    }
    if (scale)
      for (const auto& level : scale->levels) row.answers.push_back(level_answer_text(*scale, level.value));
    row.answers.push_back(kNaAnswer);
    std::string level_text, note, evidence;
    if (const Response* r = prefill ? prefill->find_response(item.id) : nullptr) {
      if (r->na) level_text = kNaAnswer;
      else if (r->level) level_text = scale ? level_answer_text(*scale, *r->level) : std::to_string(*r->level);
      note = r->note;
      evidence = evidence_cell(*r);
    }
    row.cells = {item.id, row.layer, group ? group->label : item.group, row.channel, item.critical ? "yes" : "",
                 fmt::format("{}", scoped.weight), spreadsheet_text(item.text), spreadsheet_text(item.guidance),
                 spreadsheet_text(item.evidence), spreadsheet_text(levels), level_text, "", spreadsheet_text(note),
                 spreadsheet_text(evidence)};
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string write_field_sheet(const Catalog& catalog, const Instrument& instrument, const Assessment* prefill,
                              const CsvSheetOptions& options) {
  std::string out = options.byte_order_mark ? "\xEF\xBB\xBF" : "";
  out += csv_row(field_sheet_columns());
  for (const auto& row : field_sheet_rows(catalog, instrument, prefill)) out += csv_row(row.cells);
  return out;
}

namespace {

struct Columns {
  std::map<std::string, size_t> index;  // header key → 0-based column
  std::vector<std::string> headers;     // as the sheet shows them
};

Columns read_header(const TableRow& header, const std::string& name, const std::string& sheet, std::vector<Diagnostic>& problems) {
  Columns columns;
  for (size_t i = 0; i < header.size(); ++i) {
    columns.headers.push_back(trimmed(header[i].text));
    std::string key = header_key(header[i].text);
    if (key.empty()) continue;
    auto [it, fresh] = columns.index.emplace(key, i);
    if (!fresh)
      problems.push_back({cell_location(name, sheet, header[i].row, header[i].column, columns.headers.back()),
                          fmt::format("column '{}' twice (expected each column once; the first is column {})",
                                      columns.headers.back(), column_letters(static_cast<int>(it->second) + 1))});
  }
  for (const char* required : {"Item", "Level", "N/A", "Note", "Evidence"})
    if (!columns.index.count(header_key(required)))
      problems.push_back({cell_location(name, sheet, header.empty() ? 1 : header.front().row, 0, ""),
                          fmt::format("the header has no '{}' column (expected the columns Item, Level, N/A, Note and Evidence, "
                                      "as `cjb export` writes them)", required)});
  return columns;
}

struct RowReader {
  const std::string& name;
  const Model& model;
  const Instrument& instrument;
  const Columns* columns = nullptr;  // of the sheet being read
  std::string sheet = {};
  std::unordered_map<std::string, std::string> seen = {};  // item → where its row is ("row 3")

  Location at(const Cell& cell) const {
    const auto& headers = columns->headers;
    return cell_location(name, sheet, cell.row, cell.column,
                         cell.column - 1 < static_cast<int>(headers.size()) ? headers[cell.column - 1] : "");
  }
  Cell field(const TableRow& row, const char* header) const { return cell_at(row, columns->index.at(header_key(header))); }

  // The response of a row; false with problem set when the row is wrong, or nothing to add.
  std::optional<Response> read(const TableRow& row, std::optional<Diagnostic>& problem);
};

std::optional<Response> RowReader::read(const TableRow& row, std::optional<Diagnostic>& problem) {
  Cell item = field(row, "Item"), level = field(row, "Level"), na = field(row, "N/A"), note = field(row, "Note"),
       evidence = field(row, "Evidence");
  for (const Cell* cell : {&item, &level, &na, &note, &evidence})
    if (size_t bad = find_control_character(cell->text); bad != std::string::npos) {
      unsigned char c = static_cast<unsigned char>(cell->text[bad]);
      problem = Diagnostic{at(*cell), fmt::format("a control character (U+{:04X}{}) at character {} of the cell (expected text; only tabs and line breaks may "
                                                  "be in a cell)", c, c == 0 ? ", NUL" : "", bad + 1)};
      return std::nullopt;
    }
  std::string id = trimmed(item.text);
  if (id.empty()) {
    problem = Diagnostic{at(item), "a row with no item id (expected the id of an item in scope, e.g. J-SUP-O-02)"};
    return std::nullopt;
  }
  const ScopedItem* scoped = instrument.find(id);
  if (!scoped) {
    problem = Diagnostic{at(item), fmt::format("item '{}' is not in the assessment's scope (expected an item listed by `cjb export` for it)", id)};
    return std::nullopt;
  }
  auto [previous, fresh] = seen.emplace(id, cell_location("", sheet, item.row, 0, "").cell);
  if (!fresh) {
    problem = Diagnostic{at(item), fmt::format("item '{}' is listed twice (expected one row per item; the first is {})", id, previous->second)};
    return std::nullopt;
  }
  std::optional<bool> na_mark = parse_na_mark(na.text);
  if (!na_mark) {
    problem = Diagnostic{at(na), fmt::format("\"{}\" is not an N/A mark (expected yes, x or empty)", trimmed(na.text))};
    return std::nullopt;
  }
  const Scale* scale = model.find_scale(scoped->item->scale);
  Answer answer = scale ? parse_level_answer(level.text, *scale) : Answer{Answer::Kind::kInvalid, 0, "the item's scale is unknown"};
  if (answer.kind == Answer::Kind::kInvalid) {
    problem = Diagnostic{at(level), answer.problem};
    return std::nullopt;
  }
  if (answer.kind == Answer::Kind::kLevel && *na_mark) {
    problem = Diagnostic{at(level), fmt::format("item '{}' has both a level and N/A (expected one of them)", id)};
    return std::nullopt;
  }
  Response response;
  response.item = id;
  response.where = at(item);
  response.note = typed_text(note.text);
  read_evidence_cell(typed_text(evidence.text), response, at(evidence));
  if (answer.kind == Answer::Kind::kLevel) response.level = answer.level;
  else if (answer.kind == Answer::Kind::kNa || *na_mark) response.na = true;
  else {
    if (!response.note.empty() || !response.evidence.empty() || !response.photos.empty())
      problem = Diagnostic{at(level), fmt::format("item '{}' has a note or evidence but no level (expected a level 0 to {} or N/A, so the note is not lost)",
                                                  id, scoped->max_level)};
    return std::nullopt;  // unanswered
  }
  return response;
}

}  // namespace

SheetAnswers read_field_sheet(const std::vector<Table>& sheets, const std::string& name, const Model& model,
                              const Instrument& instrument, const ReadSheetOptions& options) {
  bool empty = std::all_of(sheets.begin(), sheets.end(), [](const Table& t) { return t.rows.empty(); });
  if (empty) throw InputError(Location{name}, "the field sheet is empty (expected a header row and one row per item, as `cjb export` writes)");
  std::vector<Diagnostic> problems;
  std::vector<Columns> columns;
  for (const auto& table : sheets)
    columns.push_back(table.rows.empty() ? Columns{} : read_header(table.rows[0], name, table.sheet, problems));
  if (!problems.empty()) throw InputError(std::move(problems));

  SheetAnswers answers;
  RowReader reader{name, model, instrument};
  for (size_t s = 0; s < sheets.size(); ++s) {
    reader.columns = &columns[s];
    reader.sheet = sheets[s].sheet;
    for (size_t r = 1; r < sheets[s].rows.size(); ++r) {
      if (is_blank(sheets[s].rows[r])) continue;
      std::optional<Diagnostic> problem;
      if (auto response = reader.read(sheets[s].rows[r], problem)) answers.responses.push_back(std::move(*response));
      if (problem) problems.push_back(std::move(*problem));
    }
  }
  if (!problems.empty() && !options.partial) throw InputError(std::move(problems));
  answers.skipped = std::move(problems);
  return answers;
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
