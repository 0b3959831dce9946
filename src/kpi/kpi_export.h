#pragma once
// Reading a retailer's CSV exports for `cjb kpi`. Two kinds, told apart by the header:
//
//   contacts  id, opened  [site, channel, first_response, resolved, contacts, handling_minutes]
//   surveys   id, date, and csat and/or nps  [site, channel]
//
// Columns may come in any order, and other columns (exports carry many) are ignored. Times are
// local: "YYYY-MM-DD HH:MM" (or with a T, or with :SS); a survey's date may also be a plain
// YYYY-MM-DD. Blank cells mean "not known" (a contact not yet answered or resolved, a survey
// without that question); rows whose cells are all blank are skipped.

#include <string>
#include <vector>

#include "core/kpi.h"

namespace cjb::kpi {

enum class ExportKind { Contacts, Surveys };

struct KpiExport {
  ExportKind kind = ExportKind::Contacts;
  std::vector<Contact> contacts;     // kind Contacts
  std::vector<SurveyAnswer> answers;  // kind Surveys
};

// Parses the CSV text named name (for messages). Throws InputError with every problem, each at
// file:line:col: malformed CSV or UTF-8, a header that is neither kind, a column named twice, a
// row with too many fields, an empty or repeated id, a time or number that does not read, a
// response or resolution before the contact was opened, a score off its scale.
KpiExport read_kpi_export(const std::string& text, const std::string& name);

}  // namespace cjb::kpi
