#include "cli/kpi_exports.h"

#include <iterator>

#include "core/error.h"
#include "kpi/kpi_export.h"
#include "xml/source.h"

namespace cjb::cli {

KpiRecords read_kpi_exports(const std::vector<std::string>& paths) {
  KpiRecords records;
  std::vector<Diagnostic> problems;
  for (const auto& path : paths) {
    try {
      kpi::KpiExport e = kpi::read_kpi_export(xml::read_file(path), path);
      bool is_contacts = e.kind == kpi::ExportKind::Contacts;
      records.sources.push_back({path, is_contacts ? "contacts" : "surveys", static_cast<int>(is_contacts ? e.contacts.size() : e.answers.size())});
      records.contacts.insert(records.contacts.end(), std::make_move_iterator(e.contacts.begin()), std::make_move_iterator(e.contacts.end()));
      records.answers.insert(records.answers.end(), std::make_move_iterator(e.answers.begin()), std::make_move_iterator(e.answers.end()));
    } catch (const InputError& e) {
      problems.insert(problems.end(), e.diagnostics().begin(), e.diagnostics().end());
    }
  }
  if (!problems.empty()) throw InputError(std::move(problems));
  return records;
}

}  // namespace cjb::cli
