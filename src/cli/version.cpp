#include "cli/version.h"

#include <boost/version.hpp>
#include <cairo.h>
#include <csv.h>
#include <fmt/format.h>
#include <graphviz/graphviz_version.h>
#include <nlohmann/json.hpp>
#include <pango/pango.h>
#include <pugixml.hpp>

#ifndef CJB_VERSION
#define CJB_VERSION "0.0.0"
#endif

namespace cjb::cli {

const char* build_commit_string();  // cjb_commit.cpp, generated at build time

std::string version() { return CJB_VERSION; }

std::string build_commit() { return build_commit_string(); }

std::vector<std::pair<std::string, std::string>> library_versions() {
  return {
      {"fmt", fmt::format("{}.{}.{}", FMT_VERSION / 10000, FMT_VERSION / 100 % 100, FMT_VERSION % 100)},
      {"pugixml", fmt::format("{}.{}", PUGIXML_VERSION / 1000, PUGIXML_VERSION % 1000 / 10)},
      {"Boost", fmt::format("{}.{}.{}", BOOST_VERSION / 100000, BOOST_VERSION / 100 % 1000, BOOST_VERSION % 100)},
      {"cairo", cairo_version_string()},
      {"pango", pango_version_string()},
      {"Graphviz", PACKAGE_VERSION},
      {"libcsv", fmt::format("{}.{}.{}", CSV_MAJOR, CSV_MINOR, CSV_RELEASE)},
      {"nlohmann_json", fmt::format("{}.{}.{}", NLOHMANN_JSON_VERSION_MAJOR, NLOHMANN_JSON_VERSION_MINOR,
                                    NLOHMANN_JSON_VERSION_PATCH)},
  };
}

std::string version_text() {
  std::string text = fmt::format("cjb {}\ncommit {}\n", version(), build_commit());
  for (const auto& [name, number] : library_versions()) text += fmt::format("{} {}\n", name, number);
  return text;
}

}  // namespace cjb::cli
