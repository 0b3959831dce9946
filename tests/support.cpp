#include "support.h"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <gtest/gtest.h>

extern char** environ;

namespace cjb::test {

namespace fs = std::filesystem;

int hang_guard_ms(int base_ms) {
  const char* text = std::getenv("CJB_TEST_SLOWDOWN");
  int factor = text ? std::atoi(text) : 1;
  return base_ms * std::clamp(factor, 1, 50);
}

std::string source_dir() { return CJB_SOURCE_DIR; }
std::string source_path(const std::string& relative) { return (fs::path(CJB_SOURCE_DIR) / relative).string(); }

std::string temp_dir(const std::string& name) {
  // Under the running test's own folder: ctest runs tests side by side, and two tests that
  // chose the same name must not delete each other's files.
  fs::path dir = fs::path(CJB_TEST_TMP);
  if (const auto* test = ::testing::UnitTest::GetInstance()->current_test_info())
    dir /= std::string(test->test_suite_name()) + "." + test->name();
  else  // SetUpTestSuite: ctest runs each test of the suite in a process of its own
    dir /= "process-" + std::to_string(getpid());
  dir /= name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir.string();
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_text(const std::string& path, const std::string& text) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream out(path, std::ios::binary);
  out << text;
}

RunResult run_cjb(const std::vector<std::string>& args, const std::string& input,
                  const std::vector<std::string>& extra_env) {
  signal(SIGPIPE, SIG_IGN);  // cjb may exit before reading all its input
  int in_pipe[2], out_pipe[2], err_pipe[2];
  if (pipe(in_pipe) || pipe(out_pipe) || pipe(err_pipe)) throw std::runtime_error("pipe");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in_pipe[0], 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  for (int fd : {in_pipe[0], in_pipe[1], out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]})
    posix_spawn_file_actions_addclose(&actions, fd);

  std::vector<std::string> argv_strings{CJB_BINARY};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_strings) argv.push_back(a.data());
  argv.push_back(nullptr);

  std::vector<std::string> env_strings;
  for (char** e = environ; *e; ++e) {
    std::string entry = *e;
    if (entry.rfind("CJB_DATA=", 0) == 0 || entry.rfind("NO_COLOR=", 0) == 0) continue;
    env_strings.push_back(entry);
  }
  env_strings.push_back("NO_COLOR=1");
  for (const auto& e : extra_env) env_strings.push_back(e);
  std::vector<char*> envp;
  for (auto& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);

  pid_t pid;
  int rc = posix_spawn(&pid, CJB_BINARY, &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  close(in_pipe[0]);
  close(out_pipe[1]);
  close(err_pipe[1]);
  if (rc != 0) throw std::runtime_error("posix_spawn failed");

  RunResult result;
  size_t written = 0;
  if (input.empty()) close(in_pipe[1]);
  bool in_open = !input.empty();
  fcntl(in_pipe[1], F_SETFL, O_NONBLOCK);
  bool out_open = true, err_open = true;
  char buffer[65536];
  while (out_open || err_open) {
    std::vector<pollfd> fds;
    if (out_open) fds.push_back({out_pipe[0], POLLIN, 0});
    if (err_open) fds.push_back({err_pipe[0], POLLIN, 0});
    if (in_open) fds.push_back({in_pipe[1], POLLOUT, 0});
    if (poll(fds.data(), fds.size(), hang_guard_ms(60000)) <= 0) break;  // a hang fails the test below
    for (auto& p : fds) {
      if (p.fd == in_pipe[1] && (p.revents & (POLLOUT | POLLERR | POLLHUP))) {
        ssize_t n = write(in_pipe[1], input.data() + written, input.size() - written);
        if (n > 0) written += static_cast<size_t>(n);
        if (n < 0 || written == input.size()) {
          close(in_pipe[1]);
          in_open = false;
        }
      } else if (p.revents & (POLLIN | POLLHUP | POLLERR)) {
        ssize_t n = read(p.fd, buffer, sizeof buffer);
        if (n <= 0) {
          (p.fd == out_pipe[0] ? out_open : err_open) = false;
        } else {
          (p.fd == out_pipe[0] ? result.out : result.err).append(buffer, static_cast<size_t>(n));
        }
      }
    }
  }
  if (in_open) close(in_pipe[1]);
  close(out_pipe[0]);
  close(err_pipe[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  else result.exit_code = 128 + WTERMSIG(status);  // a crash shows as 128+signal
  return result;
}

void expect_golden(const std::string& text, const std::string& golden_name) {
  std::string path = source_path("tests/golden/" + golden_name);
  const char* update = std::getenv("CJB_UPDATE_GOLDEN");
  bool exists = fs::exists(path);
  if (update && std::string(update) == "1") {
    if (exists && read_text(path) == text) return;
    write_text(path, text);
    ADD_FAILURE() << "rewrote golden file " << path << ": review `git diff` and name the change in the commit";
    return;
  }
  ASSERT_TRUE(exists) << "missing golden file " << path << " (run with CJB_UPDATE_GOLDEN=1 to create it)";
  std::string expected = read_text(path);
  EXPECT_EQ(text, expected) << "output differs from " << path << " (CJB_UPDATE_GOLDEN=1 rewrites it, and fails)";
}

void expect_golden(const RunResult& run, const std::string& golden_name) {
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err, "") << "unexpected stderr";
  expect_golden(run.out, golden_name);
}

}  // namespace cjb::test
