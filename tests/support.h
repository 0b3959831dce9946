#pragma once
// Helpers shared by the tests: running the cjb binary, temporary files, the source tree.

#include <string>
#include <vector>

namespace cjb::test {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs the built cjb with args (no shell), stdin from `input`, NO_COLOR set, CJB_DATA unset.
RunResult run_cjb(const std::vector<std::string>& args, const std::string& input = "",
                  const std::vector<std::string>& extra_env = {});

// The source tree (data, examples, golden files).
// A hang guard of base_ms, stretched by CJB_TEST_SLOWDOWN (a factor of 1 to 50; scripts/sanitize
// sets 10, since ASan runs cjb several times slower). A guard against hangs, never a timing.
int hang_guard_ms(int base_ms);

std::string source_dir();
std::string source_path(const std::string& relative);

// A fresh empty folder for one test (below a folder of the running test's own, so tests run
// side by side never share one), emptied at the start of the next run.
std::string temp_dir(const std::string& name);

std::string read_text(const std::string& path);
void write_text(const std::string& path, const std::string& text);

// Compares text with a golden file under tests/golden/ (tests/golden/README.md). With
// CJB_UPDATE_GOLDEN=1 in the environment, a golden file that differs is rewritten and the test
// FAILS all the same, so that every changed golden file is a diff someone reviewed (name it and
// its reason in the commit). Tests that compare with a golden file have "Golden" in their name:
// `ctest -L golden` runs them.
void expect_golden(const std::string& text, const std::string& golden_name);

// A run of cjb against a golden file: it must also exit 0 and write nothing on stderr.
void expect_golden(const RunResult& run, const std::string& golden_name);

}  // namespace cjb::test
