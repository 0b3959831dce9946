#pragma once
// Scoring many assessment files at once, on every core, streaming: each worker parses one file
// with its own pugixml document, scores it, keeps the small BenchmarkEntry and drops the rest.
// The catalog is shared read-only; instruments are built once per scope and shared.

#include <iosfwd>
#include <string>
#include <vector>

#include "core/benchmark.h"
#include "core/catalog.h"
#include "render/benchmark_report.h"

namespace cjb::cli {

// The files named by paths: files as given, folders searched recursively for *.xml (sorted, so
// every machine sees the same order). Throws InputError for a path that does not exist, and
// when no file is found at all.
std::vector<std::string> find_assessment_files(const std::vector<std::string>& paths);

struct BatchOptions {
  int jobs = 0;                     // worker threads; 0: every core (default)
  bool strict = false;              // stop at the first broken file (default: go on)
  std::ostream* progress = nullptr; // a progress bar goes here when set (default: none)
};

struct BatchResult {
  std::vector<BenchmarkEntry> entries;     // the scored files, in file order
  std::vector<render::LeftOut> left_out;   // in file order; with strict, only the first
  std::vector<Diagnostic> problems;        // every problem of the files left out, in file order
};

// Reads, checks and scores every file. A file that is not an assessment, cannot be parsed, or
// whose responses do not fit its scope is left out with its problems; the rest are scored.
BatchResult score_files(const Catalog& catalog, const std::vector<std::string>& files, const BatchOptions& options = {});

// One file, for --subject. Throws InputError with its problems.
BenchmarkEntry score_one_file(const Catalog& catalog, const std::string& path);

}  // namespace cjb::cli
