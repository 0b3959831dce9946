#pragma once
// What `cjb report` and `cjb benchmark` share to dress their HTML and PDF: the report template
// (reports/ of the data directory) and the PDF's creation date from SOURCE_DATE_EPOCH.

#include <optional>
#include <string>

#include "render/report_template.h"

namespace cjb::cli {

// name: a folder holding template.json, else a name under reports/ of data_dir, else under the
// standard data (so a custom --data-dir keeps the default look). command names the command in
// messages ("report"). Throws UsageError naming every place tried when none holds it.
render::ReportTemplate load_report_template(const std::string& data_dir, const std::string& name, const char* command);

// SOURCE_DATE_EPOCH (reproducible builds): seconds since 1970, nullopt when unset. Throws
// UsageError when it is not a number of seconds.
std::optional<long long> source_date_epoch(const char* command);

}  // namespace cjb::cli
