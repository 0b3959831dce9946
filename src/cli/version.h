#pragma once
// What `cjb --version` prints: the version, the commit it was built from, and the version of
// every library it uses (for bug reports and for the package's users).

#include <string>
#include <utility>
#include <vector>

namespace cjb::cli {

// "0.1.0": the project's version (CMakeLists.txt).
std::string version();
// The git commit the binary was built from ("38ef925a1b2c", "…-dirty"), or "unknown" outside
// a git checkout; written at build time (cmake/commit.cmake).
std::string build_commit();
// {name, version} of each library: fmt, pugixml, Boost, nlohmann_json and libcsv as compiled in
// (header-only or static), cairo and pango as loaded at run time, Graphviz as built against.
std::vector<std::pair<std::string, std::string>> library_versions();
// The whole --version text.
std::string version_text();

}  // namespace cjb::cli
