#include "kpi/kpi_export.h"

#include <charconv>
#include <map>
#include <optional>
#include <unordered_map>

#include <fmt/format.h>

#include "core/assessment.h"
#include "core/error.h"
#include "sheet/csv_reader.h"

namespace cjb::kpi {

namespace {

using sheet::CsvField;
using sheet::CsvRow;
using sheet::is_blank_row;
using sheet::trimmed;

constexpr const char* kTimeForm = "YYYY-MM-DD HH:MM, with :SS or a T if you like";

// The columns of one export and the problems found so far; reads one row's cells.
class Table {
 public:
  Table(std::string name, const CsvRow& header, std::vector<Diagnostic>& problems) : name_(std::move(name)), problems_(problems) {
    for (size_t i = 0; i < header.size(); ++i) {
      std::string title = trimmed(header[i].text);
      if (title.empty()) continue;
      auto [it, fresh] = columns_.emplace(title, i);
      if (!fresh) problems_.push_back({at(header[i]), fmt::format("column '{}' twice (expected each column once; the first is column {})", title, it->second + 1)});
    }
    width_ = header.size();
  }

  bool has(const std::string& column) const { return columns_.count(column) > 0; }

  Location at(const CsvField& f) const { return Location{name_, f.line, f.column}; }

  // The cell of column in row; a short row (spreadsheets drop trailing empty cells) gives an
  // empty cell placed just past its last field.
  CsvField cell(const CsvRow& row, const std::string& column) const {
    auto it = columns_.find(column);
    return sheet::field_at(row, it != columns_.end() ? it->second : row.size());
  }

  bool too_wide(const CsvRow& row) {
    if (row.size() <= width_) return false;
    problems_.push_back({at(row[width_]), fmt::format("the row has {} fields and the header {} (expected at most one field per column)", row.size(), width_)});
    return true;
  }

  void problem(const CsvField& f, std::string message) { problems_.push_back({at(f), std::move(message)}); }

  // The cell as a local time; nullopt for a blank cell or (with a problem) one that does not read.
  std::optional<double> time(const CsvRow& row, const std::string& column) {
    CsvField f = cell(row, column);
    std::string text = trimmed(f.text);
    if (text.empty()) return std::nullopt;
    std::optional<double> t = parse_local_time(text);
    if (!t) problem(f, fmt::format("{} '{}' is not a local time (expected {})", column, text, kTimeForm));
    return t;
  }

  // The cell as a whole number in [low, high]; nullopt for blank or (with a problem) bad.
  std::optional<int> whole(const CsvRow& row, const std::string& column, int low, int high, const std::string& expected) {
    CsvField f = cell(row, column);
    std::string text = trimmed(f.text);
    if (text.empty()) return std::nullopt;
    int value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < low || value > high) {
      problem(f, fmt::format("{} '{}' is not {}", column, text, expected));
      return std::nullopt;
    }
    return value;
  }

  // The cell as a number ≥ 0 (a decimal point, no exponent); nullopt for blank or bad.
  std::optional<double> amount(const CsvRow& row, const std::string& column, const std::string& expected) {
    CsvField f = cell(row, column);
    std::string text = trimmed(f.text);
    if (text.empty()) return std::nullopt;
    double value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value, std::chars_format::fixed);
    if (ec != std::errc() || end != text.data() + text.size() || !(value >= 0)) {
      problem(f, fmt::format("{} '{}' is not {}", column, text, expected));
      return std::nullopt;
    }
    return value;
  }

  // The row's id, checked for presence and uniqueness; empty when it has a problem.
  std::string id(const CsvRow& row, const char* what) {
    CsvField f = cell(row, "id");
    std::string id = trimmed(f.text);
    if (id.empty()) {
      problem(f, fmt::format("a row with no id (expected an id for every {})", what));
      return {};
    }
    auto [it, fresh] = seen_.emplace(id, f.line);
    if (!fresh) {
      problem(f, fmt::format("a second row with id '{}' (expected one row per {}; the first is at line {})", id, what, it->second));
      return {};
    }
    return id;
  }

  std::string text(const CsvRow& row, const std::string& column) const { return trimmed(cell(row, column).text); }

 private:
  std::string name_;
  std::vector<Diagnostic>& problems_;
  std::map<std::string, size_t> columns_;
  size_t width_ = 0;
  std::unordered_map<std::string, int> seen_;  // id → line
};

std::string month_of(double minutes) { return format_local_time(minutes).substr(0, 7); }

void read_contacts(Table& table, const std::vector<CsvRow>& rows, KpiExport& out) {
  for (size_t r = 1; r < rows.size(); ++r) {
    const CsvRow& row = rows[r];
    if (is_blank_row(row) || table.too_wide(row)) continue;
    Contact c;
    c.id = table.id(row, "contact");
    c.site = table.text(row, "site");
    c.channel = table.text(row, "channel");
    CsvField opened_cell = table.cell(row, "opened");
    std::optional<double> opened = table.time(row, "opened");
    if (!opened && trimmed(opened_cell.text).empty())
      table.problem(opened_cell, fmt::format("contact '{}' has no opened time (expected {})", c.id, kTimeForm));
    c.first_response = table.time(row, "first_response");
    c.resolved = table.time(row, "resolved");
    c.contacts = table.whole(row, "contacts", 1, 100000, "a count of contacts (expected a whole number, 1 or more, or blank)");
    c.handling_minutes = table.amount(row, "handling_minutes", "a number of minutes (expected a number, 0 or more, such as 7.5, or blank)");
    if (!opened || c.id.empty()) continue;
    c.opened = *opened;
    c.month = month_of(c.opened);
    bool ok = true;
    for (auto [column, when] : {std::pair{"first_response", c.first_response}, std::pair{"resolved", c.resolved}}) {
      if (when && *when < c.opened) {
        table.problem(table.cell(row, column), fmt::format("{} {} is before opened {} (expected a time at or after the contact was opened)", column,
                                                           trimmed(table.cell(row, column).text), trimmed(opened_cell.text)));
        ok = false;
      }
    }
    if (ok) out.contacts.push_back(std::move(c));
  }
}

void read_surveys(Table& table, const std::vector<CsvRow>& rows, KpiExport& out) {
  for (size_t r = 1; r < rows.size(); ++r) {
    const CsvRow& row = rows[r];
    if (is_blank_row(row) || table.too_wide(row)) continue;
    SurveyAnswer a;
    a.id = table.id(row, "survey answer");
    a.site = table.text(row, "site");
    a.channel = table.text(row, "channel");
    CsvField date = table.cell(row, "date");
    std::string date_text = trimmed(date.text);
    bool date_ok = is_iso_date(date_text) || (date_text.size() > 10 && parse_local_time(date_text) && is_iso_date(date_text.substr(0, 10)));
    if (!date_ok)
      table.problem(date, date_text.empty() ? fmt::format("survey answer '{}' has no date (expected YYYY-MM-DD)", a.id)
                                            : fmt::format("date '{}' is not a date (expected YYYY-MM-DD, or a local time)", date_text));
    a.csat = table.whole(row, "csat", 1, 5, "a CSAT score (expected a whole number from 1 to 5, or blank)");
    a.nps = table.whole(row, "nps", 0, 10, "a likelihood to recommend (expected a whole number from 0 to 10, or blank)");
    if (!date_ok || a.id.empty()) continue;
    a.month = date_text.substr(0, 7);
    out.answers.push_back(std::move(a));
  }
}

}  // namespace

KpiExport read_kpi_export(const std::string& text, const std::string& name) {
  std::vector<CsvRow> rows = sheet::read_csv(text, name);
  if (rows.empty() || is_blank_row(rows.front()))
    throw InputError(Location{name, 1, 1}, "the export is empty (expected a header row, then one row per contact or survey answer)");
  std::vector<Diagnostic> problems;
  Table table(name, rows.front(), problems);
  KpiExport out;
  if (table.has("opened")) {
    out.kind = ExportKind::Contacts;
    if (!table.has("id")) problems.push_back({Location{name, 1, 1}, "the header has no 'id' column (expected a contacts export: id, opened, and any of site, channel, first_response, resolved, contacts, handling_minutes)"});
    if (problems.empty()) read_contacts(table, rows, out);
  } else if (table.has("csat") || table.has("nps")) {
    out.kind = ExportKind::Surveys;
    for (const char* required : {"id", "date"})
      if (!table.has(required))
        problems.push_back({Location{name, 1, 1}, fmt::format("the header has no '{}' column (expected a survey export: id, date, csat and/or nps, and any of site, channel)", required)});
    if (problems.empty()) read_surveys(table, rows, out);
  } else {
    problems.push_back({Location{name, 1, 1}, "the header names neither a contacts export nor a survey export (expected an 'opened' column, or a 'csat' or 'nps' column)"});
  }
  if (!problems.empty()) throw InputError(std::move(problems));
  return out;
}

}  // namespace cjb::kpi
