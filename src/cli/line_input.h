#pragma once
// Reading answers one line at a time, from a pipe or a terminal, with Ctrl-C (and SIGTERM,
// SIGHUP) turned into an orderly "interrupted" event instead of a dead process.
//
// Line editing on a terminal is a small editor of our own on termios rather than GNU readline
// or libedit: readline is GPL, both install signal handlers and terminal state of their own
// that fight the self-pipe interrupt below, and an answer here is a digit or a short note, so
// cursor keys, Home/End, word and line deletion and a history are all a user needs.

#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

namespace cjb::cli {

enum class InputEvent { Line, EndOfInput, Interrupted };

// Catches SIGINT, SIGTERM and SIGHUP while it lives. The handler does only async-signal-safe
// work: it records the signal and writes one byte to a pipe that readers poll() on, so a
// reader blocked in poll() wakes up at once. The previous handlers are restored on destruction.
class InterruptCatcher {
 public:
  InterruptCatcher();
  ~InterruptCatcher();
  InterruptCatcher(const InterruptCatcher&) = delete;
  InterruptCatcher& operator=(const InterruptCatcher&) = delete;

  int wake_fd() const;      // becomes readable when a signal arrived
  bool interrupted() const;  // a signal arrived
};

class LineInput {
 public:
  virtual ~LineInput() = default;
  // Shows prompt, then reads one line without its end-of-line into line.
  virtual InputEvent read_line(const std::string& prompt, std::string& line) = 0;
};

// Lines from a pipe or a file (fd). Writes prompt and the line read to out, so a transcript
// of a scripted session reads like a terminal session. Lines longer than 64 KiB are cut.
std::unique_ptr<LineInput> make_pipe_input(int fd, std::ostream& out, const InterruptCatcher& interrupts);

// The line editor for a terminal (in_fd and out_fd are the terminal): ←/→, Home/End, Ctrl-A/E,
// Backspace/Delete, Ctrl-K/U/W, ↑/↓ history; Ctrl-C interrupts, Ctrl-D on an empty line ends
// the input. The terminal is in raw mode while the editor lives, and restored when it goes
// (whatever happens, short of SIGKILL). out is flushed before the editor writes to out_fd.
std::unique_ptr<LineInput> make_terminal_input(int in_fd, int out_fd, std::ostream& out, bool colour,
                                               const InterruptCatcher& interrupts);

// Columns of the terminal on fd, or fallback when it cannot be told.
int terminal_width(int fd, int fallback);

}  // namespace cjb::cli
