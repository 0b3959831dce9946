// The bad-input corpus (tests/bad-input/, issue 14): every file through `cjb validate` (KPI
// exports through `cjb kpi --strict`, field sheets through `cjb import`), each
// with the exit code and the first line of the message it must give (expected.txt); then the
// non-regular and oversized files the test makes itself; then `cjb benchmark` over every
// assessment of the corpus, which must leave each one out (its fast reader and its full reader
// refuse what validate refuses), never crash, never hang.

#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <set>

#include <gtest/gtest.h>

#include "child_process.h"
#include "support.h"

namespace cjb::test {
namespace {

namespace fs = std::filesystem;

struct Case {
  std::string file;
  int exit_code = 0;
  std::string message;  // the first line of stderr, "{}" for the file's path
};

// expected.txt: "FILE<TAB>EXIT<TAB>MESSAGE" per line; # starts a comment.
std::vector<Case> read_cases(const std::string& path) {
  std::vector<Case> cases;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t a = line.find('\t'), b = line.find('\t', a + 1);
    if (a == std::string::npos || b == std::string::npos) {
      ADD_FAILURE() << "bad line in expected.txt: " << line;
      continue;
    }
    cases.push_back({line.substr(0, a), std::stoi(line.substr(a + 1, b - a - 1)), line.substr(b + 1)});
  }
  return cases;
}

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

std::string with_path(std::string message, const std::string& path) {
  for (size_t at = message.find("{}"); at != std::string::npos; at = message.find("{}", at + path.size()))
    message.replace(at, 2, path);
  return message;
}

// Runs cjb on path with a hang guard (a FIFO must not block it): `cjb validate` for the XML
// files, `cjb kpi --strict` for KPI exports (kpi-*), `cjb import --into` for field sheets
// (sheet-*). The commands that write are given an output path in out_dir; it must not exist
// after a refusal (nothing half-written).
RunResult run_on(const std::string& path, const std::string& out_dir = "") {
  std::string name = fs::path(path).filename().string();
  std::string output = out_dir + "/" + name + ".out";
  std::vector<std::string> args = {"validate", "-q", "--data-dir", "tests/data/mini", path};
  if (name.rfind("kpi-", 0) == 0) args = {"kpi", "-q", "--strict", "--data-dir", "tests/data/mini", path, "-o", output};
  if (name.rfind("sheet-", 0) == 0)
    args = {"import", "-q", "--data-dir", "tests/data/mini", path, "--into", "tests/data/mini-assessment.xml", "-o", output};
  Child child = start_cjb_piped(args, true);
  std::string out;
  bool ended = read_until(child, out, "found\n");
  if (!ended) ::kill(child.pid, SIGKILL);
  read_rest(child, out);
  RunResult r;
  r.exit_code = finish(child);
  r.err = out;
  if (args[0] != "validate" && r.exit_code != 0) {
    EXPECT_FALSE(fs::exists(output)) << path << ": an output was written after a refusal";
  }
  return r;
}

RunResult validate(const std::string& path) { return run_on(path); }

TEST(BadInput, EveryFileOfTheCorpusGivesItsExitCodeAndMessage) {
  const std::string dir = "tests/bad-input";
  std::vector<Case> cases = read_cases(source_path(dir + "/expected.txt"));
  std::set<std::string> listed;
  std::string out_dir = temp_dir("bad-input-outputs");
  for (const auto& c : cases) {
    listed.insert(c.file);
    std::string path = dir + "/" + c.file;
    RunResult r = run_on(path, out_dir);
    EXPECT_EQ(r.exit_code, c.exit_code) << path << "\n" << r.err;
    EXPECT_EQ(first_line(r.err), with_path(c.message, path)) << path;
    EXPECT_EQ(r.err.find("internal error"), std::string::npos) << path;
  }
  // Every file of the folder has its expectation, and there are at least 60.
  size_t files = 0;
  for (const auto& e : fs::directory_iterator(source_path(dir))) {
    std::string name = e.path().filename().string();
    if (name == "expected.txt" || name == "README.md") continue;
    ++files;
    EXPECT_TRUE(listed.count(name)) << name << " has no line in expected.txt";
  }
  EXPECT_GE(files, 60u);
}

TEST(BadInput, FilesTheTestMakes) {
  std::string dir = temp_dir("bad-input-made");
  std::string fifo = dir + "/fifo.xml";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  fs::create_directories(dir + "/folder.xml");
  fs::create_symlink("/dev/zero", dir + "/dev-zero.xml");
  fs::create_symlink(dir + "/nowhere.xml", dir + "/dangling.xml");
  write_text(dir + "/too-large.xml", "<assessment>" + std::string(16 * 1024 * 1024, ' ') + "</assessment>");
  std::string mini = read_text(source_path("tests/data/mini-assessment.xml"));
  write_text(dir + "/huge-attribute.xml", std::string(mini).replace(mini.find("id=\"mini-2026-01\""), 17, "id=\"" + std::string(2 * 1024 * 1024, 'x') + "\""));
  std::string one_line = "<assessment id=\"a\"><subject retailer=\"R\" site=\"S\"/><meta date=\"2026-01-15\"/><scope model=\"cjb-retail\" profile=\"mini-store\"/><responses>";
  for (int i = 0; i < 100000; ++i) one_line += "<response item=\"x\"/>";
  write_text(dir + "/100000-errors-one-line.xml", one_line + "</responses></assessment>");

  const std::vector<Case> cases = {
      {"fifo.xml", 2, "{}: error: is a FIFO (named pipe) (expected a regular file)"},
      {"folder.xml", 2, "{}: error: is a directory (expected a file)"},
      {"dev-zero.xml", 2, "{}: error: is a character device (expected a regular file)"},
      {"dangling.xml", 2, "{}: error: no such file (expected a path to an existing file)"},
      {"too-large.xml", 2, "{}: error: file is 16777241 bytes (expected at most 16777216 bytes)"},
      {"huge-attribute.xml", 1, "{}:2:1: error: 'id' on <assessment>: id of 2097152 bytes (expected at most 200 bytes)"},
      {"100000-errors-one-line.xml", 1, "{}:1:136: error: response to 'x' has no level (expected level=\"N\" or na=\"true\")"},
  };
  for (const auto& c : cases) {
    std::string path = dir + "/" + c.file;
    RunResult r = validate(path);
    EXPECT_EQ(r.exit_code, c.exit_code) << path << "\n" << r.err.substr(0, 2000);
    EXPECT_EQ(first_line(r.err), with_path(c.message, path)) << path;
  }
  RunResult all = validate(dir + "/100000-errors-one-line.xml");
  EXPECT_NE(all.err.find("cjb: 100000 problems found\n"), std::string::npos);
}

TEST(BadInput, BenchmarkLeavesOutEveryBadAssessment) {
  std::string dir = temp_dir("bad-input-benchmark");
  size_t bad = 0;
  for (const auto& c : read_cases(source_path("tests/bad-input/expected.txt"))) {
    if (c.file.rfind("assessment-", 0) != 0 || c.exit_code == 0) continue;
    fs::copy_file(source_path("tests/bad-input/" + c.file), dir + "/" + c.file);
    ++bad;
  }
  ::mkfifo((dir + "/fifo.xml").c_str(), 0600);
  ++bad;
  fs::copy_file(source_path("tests/data/mini-assessment.xml"), dir + "/good.xml");
  Child child = start_cjb_piped({"benchmark", dir, "--data-dir", "tests/data/mini", "--jobs", "2"}, true);
  std::string out;
  bool ended = read_until(child, out, "files left out\n");
  if (!ended) ::kill(child.pid, SIGKILL);
  read_rest(child, out);
  EXPECT_TRUE(ended);
  EXPECT_EQ(finish(child), 1);
  EXPECT_NE(out.find("cjb: " + std::to_string(bad) + " of " + std::to_string(bad + 1) + " files left out\n"), std::string::npos) << out.substr(out.size() > 3000 ? out.size() - 3000 : 0);
  EXPECT_EQ(out.find("internal error"), std::string::npos);
}

}  // namespace
}  // namespace cjb::test
