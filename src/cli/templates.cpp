#include "cli/templates.h"

#include <cstdlib>
#include <filesystem>
#include <vector>

#include <fmt/format.h>

#include "cli/data.h"
#include "core/error.h"
#include "util/files.h"

namespace cjb::cli {

namespace fs = std::filesystem;

render::ReportTemplate load_report_template(const std::string& data_dir, const std::string& name, const char* command) {
  std::vector<fs::path> tried;
  std::error_code ec;
  if (name.find('/') != std::string::npos || fs::is_directory(name, ec)) {
    tried.push_back(name);
  } else {
    tried.push_back(fs::path(data_dir) / "reports" / name);
    try {
      std::string standard = find_data_dir("");
      if (!fs::equivalent(standard, data_dir, ec)) tried.push_back(fs::path(standard) / "reports" / name);
    } catch (const Error&) {
      // No standard data: only the data directory's own reports/ is tried.
    }
  }
  for (const auto& dir : tried) {
    fs::path json = dir / "template.json";
    if (!fs::is_regular_file(json, ec)) continue;
    render::ReportTemplate t = render::parse_template(files::read_file(json.string()), json.string());
    fs::path css = dir / "style.css";
    if (fs::is_regular_file(css, ec)) t.css = files::read_file(css.string());
    return t;
  }
  std::string places;
  for (const auto& dir : tried) places += (places.empty() ? "" : ", ") + (dir / "template.json").string();
  throw UsageError(fmt::format("{}: template '{}' not found; tried {} (expected a name under reports/ or a folder with template.json)", command,
                               name, places));
}

std::optional<long long> source_date_epoch(const char* command) {
  const char* value = std::getenv("SOURCE_DATE_EPOCH");
  if (!value || !*value) return std::nullopt;
  char* end = nullptr;
  long long seconds = std::strtoll(value, &end, 10);
  if (*end != '\0' || seconds < 0)
    throw UsageError(fmt::format("{}: SOURCE_DATE_EPOCH={} is not a number of seconds (expected e.g. 1767225600)", command, value));
  return seconds;
}

}  // namespace cjb::cli
