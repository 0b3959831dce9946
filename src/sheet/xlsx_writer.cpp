#include "sheet/xlsx_writer.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include <fmt/format.h>

#include "sheet/action_plan_sheet.h"
#include "sheet/field_sheet.h"
#include "util/handle.h"
#include "util/utf8.h"

namespace cjb::sheet {

namespace {

using Workbook = Handle<lxw_workbook, workbook_close>;

// A temporary file libxlsxwriter writes into (it has no in-memory output in Debian 12's 1.1.4),
// removed when done.
class TempFile {
 public:
  TempFile() {
    std::string pattern = (std::filesystem::temp_directory_path() / "cjb-xlsx-XXXXXX").string();
    int fd = mkstemp(pattern.data());
    if (fd < 0) throw ProgramError("cannot create a temporary file for the XLSX workbook (expected a writable $TMPDIR)");
    close(fd);
    path_ = pattern;
  }
  ~TempFile() { std::filesystem::remove(path_); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

struct Formats {
  lxw_format* header;
  lxw_format* locked;  // read-only text
  lxw_format* answer;  // the cells to fill in
  lxw_format* number;
  lxw_format* critical;  // a number in the critical colour (the Fix now rows of an action plan)
  lxw_format* impact;    // a number with two decimals
};

Formats make_formats(lxw_workbook* workbook) {
  Formats f{};
  f.header = workbook_add_format(workbook);
  format_set_bold(f.header);
  format_set_font_color(f.header, LXW_COLOR_WHITE);
  format_set_bg_color(f.header, 0x1F3A5F);
  format_set_text_wrap(f.header);
  format_set_align(f.header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_border(f.header, LXW_BORDER_THIN);
  format_set_border_color(f.header, 0xB0B7C3);
  f.locked = workbook_add_format(workbook);
  format_set_text_wrap(f.locked);
  format_set_align(f.locked, LXW_ALIGN_VERTICAL_TOP);
  format_set_border(f.locked, LXW_BORDER_THIN);
  format_set_border_color(f.locked, 0xD5DAE1);
  f.number = workbook_add_format(workbook);
  format_set_align(f.number, LXW_ALIGN_VERTICAL_TOP);
  format_set_border(f.number, LXW_BORDER_THIN);
  format_set_border_color(f.number, 0xD5DAE1);
  f.critical = workbook_add_format(workbook);
  format_set_align(f.critical, LXW_ALIGN_VERTICAL_TOP);
  format_set_bold(f.critical);
  format_set_font_color(f.critical, 0xA11D1D);
  format_set_border(f.critical, LXW_BORDER_THIN);
  format_set_border_color(f.critical, 0xD5DAE1);
  f.impact = workbook_add_format(workbook);
  format_set_align(f.impact, LXW_ALIGN_VERTICAL_TOP);
  format_set_num_format(f.impact, "0.00");
  format_set_border(f.impact, LXW_BORDER_THIN);
  format_set_border_color(f.impact, 0xD5DAE1);
  f.answer = workbook_add_format(workbook);
  format_set_text_wrap(f.answer);
  format_set_align(f.answer, LXW_ALIGN_VERTICAL_TOP);
  format_set_unlocked(f.answer);
  format_set_bg_color(f.answer, 0xFFF8DC);
  format_set_border(f.answer, LXW_BORDER_THIN);
  format_set_border_color(f.answer, 0xC9B66B);
  return f;
}

// Column widths in characters, in field_sheet_columns() order.
constexpr double kWidths[] = {12, 12, 18, 11, 8, 7, 46, 36, 26, 52, 14, 6, 36, 30};

// Lines a wrapped cell needs at a column width (characters): spreadsheets do not size rows of
// wrapped text themselves when they open a file (LibreOffice does not, Excel not until an edit).
int wrapped_lines(const std::string& text, double width) {
  int lines = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    size_t characters = utf8::length(std::string_view(text).substr(start, end - start));
    lines += std::max(1, static_cast<int>((static_cast<double>(characters) * 1.1 + width - 1) / width));
    start = end + 1;
  }
  return lines;
}

bool is_answer_column(size_t column) {
  return column == kLevelColumn || column == kNaColumn || column == kNoteColumn || column == kEvidenceColumn;
}

// Excel refuses sheet names over 31 characters or with []:*?/\.
std::string sheet_name(const std::string& label) {
  std::string name;
  for (char c : label) name += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '-';
  if (name.empty()) name = "Items";
  return name.substr(0, 31);
}

void check(lxw_error error, const char* what) {
  if (error != LXW_NO_ERROR) throw ProgramError(fmt::format("cannot write the XLSX workbook: {}: {}", what, lxw_strerror(error)));
}

// A worksheet with its column widths and a header row, frozen below the header and right of
// the first frozen_columns columns so that they stay in view while an auditor scrolls.
lxw_worksheet* add_worksheet(lxw_workbook* workbook, const Formats& formats, const std::string& name,
                             const std::vector<std::string>& headers, const double* widths, lxw_col_t frozen_columns) {
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, name.c_str());
  if (!sheet) throw ProgramError(fmt::format("cannot add the worksheet '{}' to the XLSX workbook", name));
  for (size_t c = 0; c < headers.size(); ++c) {
    check(worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c], nullptr), "column width");
    check(worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), headers[c].c_str(), formats.header), "header");
  }
  worksheet_set_row(sheet, 0, 20, nullptr);
  worksheet_freeze_panes(sheet, 1, frozen_columns);
  return sheet;
}

void write_worksheet(lxw_workbook* workbook, const Formats& formats, const std::string& name, const std::vector<const FieldRow*>& rows) {
  lxw_worksheet* sheet = add_worksheet(workbook, formats, name, field_sheet_columns(), kWidths, 1);
  for (size_t r = 0; r < rows.size(); ++r) {
    auto row = static_cast<lxw_row_t>(r + 1);
    const FieldRow& field = *rows[r];
    int lines = 1;
    for (size_t c = 0; c < field.cells.size(); ++c) lines = std::max(lines, wrapped_lines(field.cells[c], kWidths[c]));
    worksheet_set_row(sheet, row, 15.0 * std::min(lines, 27), nullptr);  // 409 points is Excel's limit
    for (size_t c = 0; c < field.cells.size(); ++c) {
      auto col = static_cast<lxw_col_t>(c);
      lxw_format* format = is_answer_column(c) ? formats.answer : formats.locked;
      if (c == 5) check(worksheet_write_number(sheet, row, col, field.scoped->weight, formats.number), "weight");
      else if (field.cells[c].empty()) check(worksheet_write_blank(sheet, row, col, format), "blank cell");
      else check(worksheet_write_string(sheet, row, col, field.cells[c].c_str(), format), "cell");
    }
    // The drop-down: the item's levels with their labels, and N/A. Other spellings are still
    // read on import, so a typed "2" only draws a warning, not a refusal.
    std::vector<char*> list;
    for (const auto& answer : field.answers) list.push_back(const_cast<char*>(answer.c_str()));
    list.push_back(nullptr);
    lxw_data_validation validation{};
    validation.validate = LXW_VALIDATION_TYPE_LIST;
    validation.value_list = list.data();
    validation.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
    validation.input_title = const_cast<char*>("Level");
    validation.input_message = const_cast<char*>("Pick a level (see Levels) or N/A");
    check(worksheet_data_validation_cell(sheet, row, static_cast<lxw_col_t>(kLevelColumn), &validation), "drop-down");
  }
  lxw_protection protection{};
  protection.format_columns = 1;
  protection.format_rows = 1;
  protection.autofilter = 1;
  worksheet_protect(sheet, nullptr, &protection);
  worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(rows.size()), static_cast<lxw_col_t>(field_sheet_columns().size() - 1));
  worksheet_set_landscape(sheet);
  worksheet_set_paper(sheet, 9);  // A4
  worksheet_repeat_rows(sheet, 0, 0);
  worksheet_fit_to_pages(sheet, 1, 0);
}

// A workbook written by fill into a temporary file, returned as bytes. created: the document
// date (default 1980-01-01, the first date a zip holds, so the same input gives the same bytes).
template <typename Fill>
std::string write_workbook(const char* title, std::optional<std::time_t> created, Fill fill) {
  TempFile file;
  {
    lxw_workbook_options workbook_options{};
    workbook_options.tmpdir = nullptr;
    Workbook workbook(workbook_new_opt(file.path().c_str(), &workbook_options));
    if (!workbook) throw ProgramError("cannot start the XLSX workbook (out of memory?)");
    lxw_doc_properties properties{};
    properties.title = const_cast<char*>(title);
    properties.created = created.value_or(315532800);
    check(workbook_set_properties(workbook.get(), &properties), "properties");
    Formats formats = make_formats(workbook.get());
    fill(workbook.get(), formats);
    lxw_error error = workbook_close(workbook.release());
    check(error, file.path().c_str());
  }
  std::ifstream in(file.path(), std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace

std::string write_field_sheet_xlsx(const Catalog& catalog, const Instrument& instrument, const Assessment* prefill,
                                   const XlsxSheetOptions& options) {
  std::vector<FieldRow> rows = field_sheet_rows(catalog, instrument, prefill);
  // Sheets in order of first appearance: the instrument is in journey order.
  std::vector<std::pair<std::string, std::vector<const FieldRow*>>> sheets;
  for (const auto& row : rows) {
    std::string name = sheet_name(options.split == XlsxSheetOptions::Split::kLayer ? row.layer : row.channel);
    auto it = std::find_if(sheets.begin(), sheets.end(), [&](const auto& s) { return s.first == name; });
    if (it == sheets.end()) it = sheets.insert(sheets.end(), {name, {}});
    it->second.push_back(&row);
  }
  if (sheets.empty()) sheets.push_back({"Items", {}});
  return write_workbook("cjb field sheet", options.created, [&](lxw_workbook* workbook, const Formats& formats) {
    for (const auto& [name, sheet_rows] : sheets) write_worksheet(workbook, formats, name, sheet_rows);
  });
}

namespace {

// Column widths of the action plan in characters, in action_plan_columns() order.
constexpr double kPlanWidths[] = {5, 12, 40, 18, 10, 8, 36, 30, 14, 14, 40, 36, 9, 18, 12, 13, 30};

bool is_plan_answer_column(size_t column) { return column >= kPlanOwnerColumn && column <= kPlanCommentColumn; }

void write_plan_row(lxw_worksheet* sheet, const Formats& formats, lxw_format* date, lxw_row_t row, const PlanRow& plan) {
  std::vector<std::string> cells = action_plan_cells(plan);
  int lines = 1;
  for (size_t c = 0; c < cells.size(); ++c) lines = std::max(lines, wrapped_lines(cells[c], kPlanWidths[c]));
  worksheet_set_row(sheet, row, 15.0 * std::min(lines, 27), nullptr);
  for (size_t c = 0; c < cells.size(); ++c) {
    auto col = static_cast<lxw_col_t>(c);
    lxw_format* format = is_plan_answer_column(c) ? formats.answer : formats.locked;
    if (c == 0) check(worksheet_write_number(sheet, row, col, plan.number, plan.fix_now ? formats.critical : formats.number), "number");
    else if (c == kPlanImpactColumn) check(worksheet_write_number(sheet, row, col, std::round(plan.impact * 100) / 100, formats.impact), "impact");
    else if (c == kPlanDueColumn) check(worksheet_write_blank(sheet, row, col, date), "due date");
    else if (cells[c].empty()) check(worksheet_write_blank(sheet, row, col, format), "blank cell");
    else check(worksheet_write_string(sheet, row, col, cells[c].c_str(), format), "cell");
  }
}

// The checks on the client's columns: a date in Due date, one of the statuses in Status.
void validate_plan_columns(lxw_worksheet* sheet, lxw_row_t last) {
  if (last == 0) return;
  static char open[] = "open", in_progress[] = "in progress", done[] = "done";
  char* statuses[] = {open, in_progress, done, nullptr};
  lxw_data_validation status{};
  status.validate = LXW_VALIDATION_TYPE_LIST;
  status.value_list = statuses;
  status.input_title = const_cast<char*>("Status");
  status.input_message = const_cast<char*>("open, in progress or done");
  check(worksheet_data_validation_range(sheet, 1, kPlanStatusColumn, last, kPlanStatusColumn, &status), "status drop-down");
  lxw_data_validation due{};
  due.validate = LXW_VALIDATION_TYPE_DATE;
  due.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN;
  due.value_datetime = lxw_datetime{2000, 1, 1, 0, 0, 0};
  due.input_title = const_cast<char*>("Due date");
  due.input_message = const_cast<char*>("A date, e.g. 2026-06-30");
  due.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
  check(worksheet_data_validation_range(sheet, 1, kPlanDueColumn, last, kPlanDueColumn, &due), "due date check");
}

}  // namespace

std::string write_action_plan_xlsx(const std::vector<PlanRow>& rows, std::optional<std::time_t> created) {
  return write_workbook("cjb action plan", created, [&](lxw_workbook* workbook, const Formats& formats) {
    lxw_worksheet* sheet = add_worksheet(workbook, formats, "Action plan", action_plan_columns(), kPlanWidths, 2);
    lxw_format* date = workbook_add_format(workbook);
    format_set_num_format(date, "yyyy-mm-dd");
    format_set_align(date, LXW_ALIGN_VERTICAL_TOP);
    format_set_unlocked(date);
    format_set_bg_color(date, 0xFFF8DC);
    format_set_border(date, LXW_BORDER_THIN);
    format_set_border_color(date, 0xC9B66B);
    for (size_t r = 0; r < rows.size(); ++r) write_plan_row(sheet, formats, date, static_cast<lxw_row_t>(r + 1), rows[r]);
    auto last = static_cast<lxw_row_t>(rows.size());
    validate_plan_columns(sheet, last);
    lxw_protection protection{};
    protection.format_columns = 1;
    protection.format_rows = 1;
    protection.autofilter = 1;
    protection.sort = 1;
    worksheet_protect(sheet, nullptr, &protection);
    worksheet_autofilter(sheet, 0, 0, last, static_cast<lxw_col_t>(action_plan_columns().size() - 1));
    worksheet_set_landscape(sheet);
    worksheet_set_paper(sheet, 9);  // A4
    worksheet_repeat_rows(sheet, 0, 0);
    worksheet_fit_to_pages(sheet, 1, 0);
  });
}

}  // namespace cjb::sheet
