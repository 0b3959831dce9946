#include "cli/child_process.h"

#include "support.h"

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <stdexcept>

extern char** environ;

namespace cjb::test {

namespace {

std::vector<std::string> child_environment(const std::vector<std::string>& extra) {
  std::vector<std::string> env;
  for (char** e = environ; *e; ++e) {
    std::string entry = *e;
    if (entry.rfind("CJB_DATA=", 0) == 0 || entry.rfind("NO_COLOR=", 0) == 0 || entry.rfind("TERM=", 0) == 0) continue;
    env.push_back(entry);
  }
  env.insert(env.end(), extra.begin(), extra.end());
  return env;
}

[[noreturn]] void exec_cjb(const std::vector<std::string>& args, std::vector<std::string> env) {
  std::vector<std::string> argv_strings{CJB_BINARY};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv, envp;
  for (auto& a : argv_strings) argv.push_back(a.data());
  argv.push_back(nullptr);
  for (auto& e : env) envp.push_back(e.data());
  envp.push_back(nullptr);
  ::execve(CJB_BINARY, argv.data(), envp.data());
  ::_exit(127);
}

}  // namespace

Child start_cjb_piped(const std::vector<std::string>& args, bool merge_stderr) {
  ::signal(SIGPIPE, SIG_IGN);
  int in[2], out[2];
  if (::pipe2(in, O_CLOEXEC) || ::pipe2(out, O_CLOEXEC)) throw std::runtime_error("pipe");
  auto env = child_environment({"NO_COLOR=1"});
  pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork");
  if (pid == 0) {
    ::dup2(in[0], 0);
    ::dup2(out[1], 1);
    if (merge_stderr) {
      ::dup2(out[1], 2);
    } else {
      int null = ::open("/dev/null", O_WRONLY);
      ::dup2(null, 2);
    }
    exec_cjb(args, env);
  }
  ::close(in[0]);
  ::close(out[1]);
  return {pid, in[1], out[0]};
}

Child start_cjb_on_terminal(const std::vector<std::string>& args, const std::vector<std::string>& extra_env) {
  std::vector<std::string> extra{"TERM=xterm-256color"};
  extra.insert(extra.end(), extra_env.begin(), extra_env.end());
  auto env = child_environment(extra);
  winsize size{};
  size.ws_row = 24;
  size.ws_col = 80;
  int master = -1;
  pid_t pid = ::forkpty(&master, nullptr, nullptr, &size);
  if (pid < 0) throw std::runtime_error("forkpty");
  if (pid == 0) exec_cjb(args, env);
  return {pid, master, master};
}

bool read_more(const Child& child, std::string& text) {
  pollfd p{child.output, POLLIN, 0};
  if (::poll(&p, 1, hang_guard_ms(20000)) <= 0) return false;
  char buffer[4096];
  ssize_t n = ::read(child.output, buffer, sizeof buffer);
  if (n <= 0) return false;  // the end (EIO on a terminal whose child has gone)
  text.append(buffer, static_cast<size_t>(n));
  return true;
}

void read_for(const Child& child, std::string& text, int milliseconds) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(milliseconds);
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
    if (left <= 0) return;
    pollfd p{child.output, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left)) <= 0) continue;
    char buffer[4096];
    ssize_t n = ::read(child.output, buffer, sizeof buffer);
    if (n <= 0) return;
    text.append(buffer, static_cast<size_t>(n));
  }
}

bool read_until(const Child& child, std::string& text, const std::string& wanted) {
  while (text.find(wanted) == std::string::npos)
    if (!read_more(child, text)) return false;
  return true;
}

void read_rest(const Child& child, std::string& text) {
  while (read_more(child, text)) {
  }
}

void send(const Child& child, const std::string& bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(child.input, bytes.data() + done, bytes.size() - done);
    if (n <= 0) return;
    done += static_cast<size_t>(n);
  }
}

int finish(Child& child) {
  if (child.input >= 0) ::close(child.input);
  if (child.output >= 0 && child.output != child.input) ::close(child.output);
  child.input = child.output = -1;
  int status = 0;
  ::waitpid(child.pid, &status, 0);
  child.pid = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace cjb::test
