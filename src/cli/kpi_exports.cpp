#include "cli/kpi_exports.h"

#include <filesystem>

#include <fmt/format.h>

#include "cli/data.h"
#include "core/error.h"

namespace cjb::cli {

std::vector<kpi::Layout> shipped_layouts(const std::string& data_dir_option) {
  std::string dir;
  try {
    dir = find_data_dir(data_dir_option);
  } catch (const Error&) {
    return {};  // cjb's own layouts still work without a data directory
  }
  return kpi::load_layouts((std::filesystem::path(dir) / "kpi-layouts").string());
}

render::KpiSource kpi_source(const kpi::ExportSummary& s) {
  bool contacts = s.kind == kpi::ExportKind::Contacts;
  render::KpiSource source;
  source.file = s.file;
  source.kind = contacts ? "contacts" : "surveys";
  source.rows = static_cast<int>(s.records);
  if (!s.layout_source.empty()) source.layout = s.layout;
  source.skipped = static_cast<int>(s.bad_rows);
  return source;
}

KpiRecords read_kpi_exports(const std::vector<std::string>& paths, const std::string& data_dir_option) {
  KpiRecords records;
  std::vector<Diagnostic> problems;
  std::vector<kpi::Layout> layouts = shipped_layouts(data_dir_option);
  kpi::ReadOptions options;
  options.shipped = &layouts;
  options.show = std::numeric_limits<size_t>::max();
  kpi::RecordSink sink{[&](const Contact& c) { records.contacts.push_back(c); }, [&](const SurveyAnswer& a) { records.answers.push_back(a); }};
  for (const auto& path : paths) {
    try {
      kpi::ExportSummary s = kpi::read_kpi_file(path, options, sink);
      problems.insert(problems.end(), s.shown.begin(), s.shown.end());
      records.sources.push_back(kpi_source(s));
    } catch (const InputError& e) {
      problems.insert(problems.end(), e.diagnostics().begin(), e.diagnostics().end());
    }
  }
  if (!problems.empty()) throw InputError(std::move(problems));
  return records;
}

void report_bad_rows(const kpi::ExportSummary& s, std::ostream& err) {
  if (s.bad_rows == 0) return;
  for (const auto& d : s.shown) err << d.to_string() << '\n';
  if (std::string more = kpi::more_problems_line(s); !more.empty()) err << more << '\n';
  err << fmt::format("{}: {} bad row{} skipped; the figures are from the other {} (use --strict to stop at the first)\n", s.file, s.bad_rows,
                     s.bad_rows == 1 ? "" : "s", s.records);
}

}  // namespace cjb::cli
