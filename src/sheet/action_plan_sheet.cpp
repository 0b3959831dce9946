#include "sheet/action_plan_sheet.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "core/kpi.h"
#include "sheet/csv_reader.h"
#include "sheet/csv_writer.h"

namespace cjb::sheet {

const std::vector<std::string>& action_plan_columns() {
  static const std::vector<std::string> columns{"#",           "Item",         "Text",       "Group",            "Channel",
                                                "Fix now",     "Finding",      "Evidence",   "Current level",    "Target level",
                                                "Next level",  "How to get there", "Impact", "Owner",            "Due date",
                                                "Status",      "Comment"};
  return columns;
}

std::vector<std::string> action_plan_cells(const PlanRow& row) {
  return {std::to_string(row.number),      row.item,
          spreadsheet_text(row.text),      spreadsheet_text(row.group),
          spreadsheet_text(row.channel),   row.fix_now ? "yes" : "",
          spreadsheet_text(row.finding),   spreadsheet_text(row.evidence),
          spreadsheet_text(row.level_text), spreadsheet_text(row.target_text),
          spreadsheet_text(row.next_level), spreadsheet_text(row.hint),
          fmt::format("{:.2f}", row.impact), "",
          "",                              to_string(ActionStatus::Open),
          ""};
}

std::string write_action_plan_csv(const std::vector<PlanRow>& rows, bool byte_order_mark) {
  std::string out = byte_order_mark ? "\xEF\xBB\xBF" : "";
  out += csv_row(action_plan_columns());
  for (const auto& row : rows) out += csv_row(action_plan_cells(row));
  return out;
}

namespace {

// A due date as typed: YYYY-MM-DD, or the serial number a spreadsheet stores a date cell as
// (days since 1899-12-30, the 1900 date system); nullopt for anything else.
std::optional<std::string> due_date(const std::string& text) {
  if (is_iso_date(text)) return text;
  if (text.empty() || text.size() > 12 || text.find_first_not_of("0123456789.") != std::string::npos) return std::nullopt;
  double serial = std::strtod(text.c_str(), nullptr);
  if (serial < 1 || serial > 2958465 || serial != std::floor(serial)) return std::nullopt;  // 9999-12-31 is Excel's last date
  constexpr double kSerialOf1970 = 25569;
  return format_local_time((serial - kSerialOf1970) * 1440.0).substr(0, 10);
}

struct PlanReader {
  const std::string& name;
  const Instrument& previous;
  std::vector<Diagnostic>& problems;
  std::string sheet = {};
  std::map<std::string, size_t> index = {};  // header key → 0-based column
  std::vector<std::string> headers = {};
  std::map<std::string, std::string> seen = {};  // item → its row ("row 3")

  Location at(const Cell& cell) const {
    return cell_location(name, sheet, cell.row, cell.column,
                         cell.column - 1 < static_cast<int>(headers.size()) ? headers[cell.column - 1] : "");
  }
  Cell field(const TableRow& row, const char* header) const {
    auto it = index.find(header_key(header));
    return it == index.end() ? Cell{} : cell_at(row, it->second);
  }

  bool header(const TableRow& row) {
    index.clear();
    headers.clear();
    for (size_t i = 0; i < row.size(); ++i) {
      headers.push_back(trimmed(row[i].text));
      std::string key = header_key(row[i].text);
      if (key.empty()) continue;
      if (auto [first, fresh] = index.emplace(key, i); !fresh)
        problems.push_back({cell_location(name, sheet, row[i].row, row[i].column, headers.back()),
                            fmt::format("column '{}' twice (expected each column once; the first is column {})", headers.back(),
                                        column_letters(static_cast<int>(first->second) + 1))});
    }
    bool complete = true;
    for (const char* required : {"Item", "Owner", "Due date", "Status"})
      if (!index.count(header_key(required))) {
        problems.push_back({cell_location(name, sheet, row.empty() ? 1 : row.front().row, 0, ""),
                            fmt::format("the header has no '{}' column (expected the columns Item, Owner, Due date and Status, as "
                                        "`cjb actions` writes them)", required)});
        complete = false;
      }
    return complete;
  }

  std::optional<PlannedAction> read(const TableRow& row) {
    Cell item = field(row, "Item"), due = field(row, "Due date"), status = field(row, "Status");
    PlannedAction action;
    action.item = typed_text(item.text);
    action.where = at(item);
    if (action.item.empty()) {
      problems.push_back({at(item), "a row with no item id (expected the id of an item of the plan, e.g. J-SUP-O-02)"});
      return std::nullopt;
    }
    if (!previous.find(action.item)) {
      problems.push_back({at(item), fmt::format("item '{}' is not in the scope of the previous assessment (expected an item of the plan "
                                                "`cjb actions` wrote for it)", action.item)});
      return std::nullopt;
    }
    if (auto [first, fresh] = seen.emplace(action.item, cell_location("", sheet, item.row, 0, "").cell); !fresh) {
      problems.push_back({at(item), fmt::format("item '{}' is listed twice (expected one row per action; the first is {})", action.item, first->second)});
      return std::nullopt;
    }
    std::optional<ActionStatus> parsed = parse_action_status(typed_text(status.text));
    if (!parsed) {
      problems.push_back({at(status), fmt::format("\"{}\" is not a status (expected {})", typed_text(status.text), action_status_names())});
      return std::nullopt;
    }
    action.status = *parsed;
    if (std::string typed = typed_text(due.text); !typed.empty()) {
      std::optional<std::string> date = due_date(typed);
      if (!date) {
        problems.push_back({at(due), fmt::format("\"{}\" is not a date (expected YYYY-MM-DD, e.g. 2026-06-30, or a date cell)", typed)});
        return std::nullopt;
      }
      action.due = *date;
    }
    action.owner = typed_text(field(row, "Owner").text);
    action.comment = typed_text(field(row, "Comment").text);
    return action;
  }
};

}  // namespace

std::vector<PlannedAction> read_action_plan(const std::vector<Table>& sheets, const std::string& name, const Instrument& previous) {
  bool empty = std::all_of(sheets.begin(), sheets.end(), [](const Table& t) { return t.rows.empty(); });
  if (empty) throw InputError(Location{name}, "the action plan is empty (expected a header row and one row per action, as `cjb actions` writes)");
  std::vector<Diagnostic> problems;
  std::vector<PlannedAction> plan;
  PlanReader reader{name, previous, problems};
  for (const auto& table : sheets) {
    if (table.rows.empty()) continue;
    reader.sheet = table.sheet;
    if (!reader.header(table.rows[0])) continue;
    for (size_t r = 1; r < table.rows.size(); ++r) {
      if (is_blank(table.rows[r])) continue;
      bool readable = true;
      for (const auto& cell : table.rows[r])
        if (size_t bad = find_control_character(cell.text); bad != std::string::npos && readable) {
          readable = false;
          problems.push_back({reader.at(cell), fmt::format("a control character (U+{:04X}) at character {} of the cell (expected text; only tabs "
                                                           "and line breaks may be in a cell)", static_cast<unsigned char>(cell.text[bad]), bad + 1)});
        }
      if (!readable) continue;
      if (auto action = reader.read(table.rows[r])) plan.push_back(std::move(*action));
    }
  }
  if (!problems.empty()) throw InputError(std::move(problems));
  return plan;
}

}  // namespace cjb::sheet
