#include "cli/data.h"

#include <cstdlib>
#include <filesystem>

#include <fmt/format.h>

#include "xml/catalog_loader.h"

#ifndef CJB_SOURCE_DIR
#define CJB_SOURCE_DIR ""
#endif
#ifndef CJB_INSTALL_DATA_DIR
#define CJB_INSTALL_DATA_DIR "share/cjb"
#endif

namespace cjb::cli {

namespace fs = std::filesystem;

namespace {
bool holds_data(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / "model" / "model.xml", ec);
}
}  // namespace

std::string find_data_dir(const std::string& option) {
  if (!option.empty()) {
    if (!holds_data(option))
      throw ProgramError(fmt::format("--data-dir {}: no model/model.xml there (expected a cjb data directory)", option));
    return option;
  }
  std::vector<std::string> tried;
  if (const char* env = std::getenv("CJB_DATA"); env && *env) {
    if (!holds_data(env))
      throw ProgramError(fmt::format("CJB_DATA={}: no model/model.xml there (expected a cjb data directory)", env));
    return env;
  }
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path installed = exe.parent_path().parent_path() / CJB_INSTALL_DATA_DIR;
    if (holds_data(installed)) return installed.string();
    tried.push_back(installed.string());
  }
  fs::path source = CJB_SOURCE_DIR;
  if (!source.empty()) {
    if (holds_data(source)) return source.string();
    tried.push_back(source.string());
  }
  std::string places;
  for (const auto& t : tried) places += (places.empty() ? "" : ", ") + t;
  throw ProgramError(fmt::format("cannot find the cjb data (model/model.xml); tried {} (expected --data-dir DIR or CJB_DATA=DIR)", places));
}

Catalog load_catalog(const std::string& option) { return xml::load_catalog(find_data_dir(option)); }

}  // namespace cjb::cli
