#include "cli/line_input.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <ostream>

#include <fmt/format.h>

#include "core/error.h"
#include "util/utf8.h"

namespace cjb::cli {

namespace {

// State the signal handler may touch: a flag and the write end of the self-pipe.
volatile std::sig_atomic_t g_signal_seen = 0;
int g_wake_write = -1;
int g_wake_read = -1;

extern "C" void on_interrupt(int) {
  int saved = errno;
  g_signal_seen = 1;
  char byte = 1;
  if (g_wake_write >= 0) {
    ssize_t written = ::write(g_wake_write, &byte, 1);  // a full pipe already wakes the reader
    (void)written;
  }
  errno = saved;
}

constexpr int kCaught[] = {SIGINT, SIGTERM, SIGHUP};
struct sigaction g_previous[3];

constexpr size_t kMaxLine = 64 * 1024;

enum class Ready { Input, Interrupt, Timeout };

// Waits until fd has bytes (or is at its end), a signal arrived, or timeout_ms passed (-1: no limit).
Ready wait_for(int fd, int wake_fd, int timeout_ms) {
  for (;;) {
    pollfd fds[2] = {{wake_fd, POLLIN, 0}, {fd, POLLIN, 0}};
    int n = ::poll(fds, 2, timeout_ms);
    if (g_signal_seen) return Ready::Interrupt;
    if (n < 0) {
      if (errno == EINTR) continue;
      throw Error(fmt::format("cjb: error: cannot read the input: {}", std::strerror(errno)));
    }
    if (n == 0) return Ready::Timeout;
    if (fds[0].revents) return Ready::Interrupt;
    return Ready::Input;
  }
}

// Reads what is there (at least one byte unless at the end). Returns 0 at the end of input.
size_t read_some(int fd, char* buffer, size_t size) {
  for (;;) {
    ssize_t n = ::read(fd, buffer, size);
    if (n >= 0) return static_cast<size_t>(n);
    if (errno == EINTR || errno == EAGAIN) return static_cast<size_t>(-1);
    if (errno == EIO) return 0;  // a terminal that went away
    throw Error(fmt::format("cjb: error: cannot read the input: {}", std::strerror(errno)));
  }
}

class PipeInput : public LineInput {
 public:
  PipeInput(int fd, std::ostream& out, const InterruptCatcher& interrupts) : fd_(fd), out_(out), interrupts_(interrupts) {}

  InputEvent read_line(const std::string& prompt, std::string& line) override {
    out_ << prompt;
    out_.flush();
    for (;;) {
      if (interrupts_.interrupted()) {
        out_ << "^C\n";
        return InputEvent::Interrupted;
      }
      if (size_t eol = pending_.find('\n'); eol != std::string::npos) {
        line = pending_.substr(0, eol);
        pending_.erase(0, eol + 1);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        out_ << line << "\n";
        return InputEvent::Line;
      }
      if (at_end_) {
        if (pending_.empty()) {
          out_ << "\n";
          return InputEvent::EndOfInput;
        }
        line = std::move(pending_);  // a last line without its newline
        pending_.clear();
        out_ << line << "\n";
        return InputEvent::Line;
      }
      if (wait_for(fd_, interrupts_.wake_fd(), -1) == Ready::Interrupt) continue;
      char buffer[4096];
      size_t n = read_some(fd_, buffer, sizeof buffer);
      if (n == static_cast<size_t>(-1)) continue;
      if (n == 0) {
        at_end_ = true;
        continue;
      }
      for (size_t i = 0; i < n; ++i) {
        // A line longer than kMaxLine keeps only its start: nobody types that much, and the
        // memory stays bounded whatever is piped in.
        size_t line_length = pending_.size() - (pending_.rfind('\n') == std::string::npos ? 0 : pending_.rfind('\n') + 1);
        if (buffer[i] != '\n' && line_length >= kMaxLine) continue;
        pending_ += buffer[i];
      }
    }
  }

 private:
  int fd_;
  std::ostream& out_;
  const InterruptCatcher& interrupts_;
  std::string pending_;
  bool at_end_ = false;
};

// Raw mode for the whole session: bytes arrive one by one, nothing is echoed, and Ctrl-C,
// Ctrl-Z, Ctrl-\ arrive as bytes (ISIG off) so that the editor decides what they do. Output
// processing stays on, so "\n" still moves to the start of the next line. Switching with
// TCSANOW, not TCSAFLUSH, keeps what was typed (or pasted) ahead of the next question.
class RawMode {
 public:
  explicit RawMode(int fd) : fd_(fd) {
    saved_ok_ = ::tcgetattr(fd_, &saved_) == 0;
    enter();
  }
  ~RawMode() { leave(); }
  RawMode(const RawMode&) = delete;
  RawMode& operator=(const RawMode&) = delete;

  void enter() {
    if (!saved_ok_ || active_) return;
    termios raw = saved_;
    raw.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO | ISIG | IEXTEN);
    raw.c_iflag &= ~static_cast<tcflag_t>(IXON);
    raw.c_iflag |= ICRNL;
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    active_ = ::tcsetattr(fd_, TCSANOW, &raw) == 0;
  }
  void leave() {
    if (active_) ::tcsetattr(fd_, TCSADRAIN, &saved_);
    active_ = false;
  }

 private:
  int fd_;
  termios saved_{};
  bool saved_ok_ = false;
  bool active_ = false;
};

class TerminalInput : public LineInput {
 public:
  TerminalInput(int in_fd, int out_fd, std::ostream& out, bool colour, const InterruptCatcher& interrupts)
      : in_(in_fd), out_fd_(out_fd), out_(out), colour_(colour), interrupts_(interrupts), raw_(in_fd) {}

  InputEvent read_line(const std::string& prompt, std::string& line) override {
    out_.flush();
    prompt_ = prompt;
    chars_.clear();
    cursor_ = 0;
    scroll_ = 0;
    history_pos_ = history_.size();
    draft_.clear();
    redraw();
    for (;;) {
      int byte = next_byte(-1);
      if (byte == kInterrupt || byte == 3) {  // a signal, or Ctrl-C typed
        emit("^C\r\n");
        return InputEvent::Interrupted;
      }
      if (byte == kEnd) {
        emit("\r\n");
        return InputEvent::EndOfInput;
      }
      switch (byte) {
        case '\r':
        case '\n': {
          line = text();
          if (!line.empty() && (history_.empty() || history_.back() != line)) history_.push_back(line);
          cursor_ = chars_.size();
          redraw();
          emit("\r\n");
          return InputEvent::Line;
        }
        case 4:  // Ctrl-D: end of input on an empty line, else delete
          if (chars_.empty()) {
            emit("\r\n");
            return InputEvent::EndOfInput;
          }
          erase(cursor_, 1);
          break;
        case 127:
        case 8:  // Backspace
          if (cursor_ > 0) {
            --cursor_;
            erase(cursor_, 1);
          }
          break;
        case 1: cursor_ = 0; break;              // Ctrl-A
        case 5: cursor_ = chars_.size(); break;  // Ctrl-E
        case 2: cursor_ -= cursor_ > 0; break;   // Ctrl-B
        case 6: cursor_ += cursor_ < chars_.size(); break;  // Ctrl-F
        case 11: erase(cursor_, chars_.size() - cursor_); break;  // Ctrl-K
        case 21:                                                   // Ctrl-U
          erase(0, cursor_);
          cursor_ = 0;
          break;
        case 23: {  // Ctrl-W: the word before the cursor
          size_t start = cursor_;
          while (start > 0 && chars_[start - 1] == " ") --start;
          while (start > 0 && chars_[start - 1] != " ") --start;
          erase(start, cursor_ - start);
          cursor_ = start;
          break;
        }
        case 12: emit("\x1b[H\x1b[2J"); break;  // Ctrl-L: clear the screen
        case 26:                                   // Ctrl-Z: suspend as the shell's job control expects
          emit("\r\n");
          raw_.leave();
          ::kill(::getpid(), SIGTSTP);  // returns when the shell continues us (fg)
          raw_.enter();
          break;
        case 27: escape(); break;
        default:
          if (byte >= 0x20) insert(byte);  // other control keys (Ctrl-\, Tab, ...) do nothing
      }
      redraw();
    }
  }

 private:
  static constexpr int kInterrupt = -1;
  static constexpr int kEnd = -2;
  static constexpr int kTimeout = -3;

  int next_byte(int timeout_ms) {
    for (;;) {
      if (interrupts_.interrupted()) return kInterrupt;
      Ready ready = wait_for(in_, interrupts_.wake_fd(), timeout_ms);
      if (ready == Ready::Interrupt) return kInterrupt;
      if (ready == Ready::Timeout) return kTimeout;
      unsigned char c;
      size_t n = read_some(in_, reinterpret_cast<char*>(&c), 1);
      if (n == static_cast<size_t>(-1)) continue;
      if (n == 0) return kEnd;
      return c;
    }
  }

  // Reads the rest of a UTF-8 character that starts with lead and inserts it at the cursor.
  void insert(int lead) {
    std::string ch(1, static_cast<char>(lead));
    size_t length = utf8::sequence_length(static_cast<unsigned char>(lead));
    if (length == 0) return;  // a stray continuation byte
    for (size_t i = 1; i < length; ++i) {
      int b = next_byte(100);
      if (b < 0 || !utf8::is_continuation(static_cast<unsigned char>(b))) return;
      ch += static_cast<char>(b);
    }
    if (text().size() + ch.size() > kMaxLine) return;
    chars_.insert(chars_.begin() + static_cast<std::ptrdiff_t>(cursor_), ch);
    ++cursor_;
  }

  void erase(size_t from, size_t count) {
    count = std::min(count, chars_.size() - std::min(from, chars_.size()));
    chars_.erase(chars_.begin() + static_cast<std::ptrdiff_t>(from), chars_.begin() + static_cast<std::ptrdiff_t>(from + count));
  }

  // ESC [ A … sequences of the cursor keys (and ESC O … of some terminals).
  void escape() {
    int kind = next_byte(50);
    if (kind != '[' && kind != 'O') return;
    std::string params;
    int final = next_byte(50);
    while (final >= '0' && final <= '9') {
      params += static_cast<char>(final);
      final = next_byte(50);
    }
    if (final == ';') {  // modifiers such as ESC [ 1 ; 5 C: skip them
      while (final >= 0 && !(final >= 0x40 && final <= 0x7E)) final = next_byte(50);
    }
    switch (final) {
      case 'D': cursor_ -= cursor_ > 0; break;
      case 'C': cursor_ += cursor_ < chars_.size(); break;
      case 'H': cursor_ = 0; break;
      case 'F': cursor_ = chars_.size(); break;
      case 'A': recall(-1); break;
      case 'B': recall(+1); break;
      case '~':
        if (params == "1" || params == "7") cursor_ = 0;
        else if (params == "4" || params == "8") cursor_ = chars_.size();
        else if (params == "3") erase(cursor_, 1);
        break;
      default: break;
    }
  }

  void recall(int direction) {
    if (history_.empty()) return;
    if (history_pos_ == history_.size()) draft_ = text();
    if (direction < 0 && history_pos_ > 0) --history_pos_;
    else if (direction > 0 && history_pos_ < history_.size()) ++history_pos_;
    else return;
    set_text(history_pos_ == history_.size() ? draft_ : history_[history_pos_]);
  }

  std::string text() const {
    std::string s;
    for (const auto& c : chars_) s += c;
    return s;
  }

  void set_text(const std::string& s) {
    chars_.clear();
    for (size_t i = 0; i < s.size();) {
      size_t len = 1;
      while (i + len < s.size() && utf8::is_continuation(static_cast<unsigned char>(s[i + len]))) ++len;
      chars_.push_back(s.substr(i, len));
      i += len;
    }
    cursor_ = chars_.size();
  }

  // One line, scrolled sideways when the text is wider than the terminal.
  void redraw() {
    const size_t width = static_cast<size_t>(terminal_width(out_fd_, 80));
    const size_t prompt_columns = utf8::length(prompt_);
    const size_t room = width > prompt_columns + 2 ? width - prompt_columns - 1 : 1;
    if (cursor_ < scroll_) scroll_ = cursor_;
    if (cursor_ > scroll_ + room) scroll_ = cursor_ - room;
    std::string frame = "\r";
    frame += colour_ ? "\x1b[1;36m" + prompt_ + "\x1b[0m" : prompt_;
    for (size_t i = scroll_; i < chars_.size() && i < scroll_ + room; ++i) frame += chars_[i];
    frame += "\x1b[K\r";
    size_t column = prompt_columns + cursor_ - scroll_;
    if (column > 0) frame += fmt::format("\x1b[{}C", column);
    emit(frame);
  }

  void emit(const std::string& bytes) {
    size_t done = 0;
    while (done < bytes.size()) {
      ssize_t n = ::write(out_fd_, bytes.data() + done, bytes.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return;  // the terminal went away; the end of input follows
      done += static_cast<size_t>(n);
    }
  }

  int in_, out_fd_;
  std::ostream& out_;
  bool colour_;
  const InterruptCatcher& interrupts_;
  std::string prompt_;
  std::vector<std::string> chars_;  // one UTF-8 character each
  size_t cursor_ = 0;               // index into chars_
  size_t scroll_ = 0;               // first character shown
  std::vector<std::string> history_;
  size_t history_pos_ = 0;
  std::string draft_;  // the line being typed while the history is browsed
  RawMode raw_;        // last: the terminal is restored before anything else goes
};

}  // namespace

InterruptCatcher::InterruptCatcher() {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0)
    throw Error(fmt::format("cjb: error: cannot set up the interrupt handler: {}", std::strerror(errno)));
  g_wake_read = fds[0];
  g_wake_write = fds[1];
  g_signal_seen = 0;
  struct sigaction action{};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: a blocked call returns EINTR and the loop looks at the flag
  for (size_t i = 0; i < std::size(kCaught); ++i) ::sigaction(kCaught[i], &action, &g_previous[i]);
}

InterruptCatcher::~InterruptCatcher() {
  for (size_t i = 0; i < std::size(kCaught); ++i) ::sigaction(kCaught[i], &g_previous[i], nullptr);
  ::close(g_wake_read);
  ::close(g_wake_write);
  g_wake_read = g_wake_write = -1;
}

int InterruptCatcher::wake_fd() const { return g_wake_read; }
bool InterruptCatcher::interrupted() const { return g_signal_seen != 0; }

std::unique_ptr<LineInput> make_pipe_input(int fd, std::ostream& out, const InterruptCatcher& interrupts) {
  return std::make_unique<PipeInput>(fd, out, interrupts);
}

std::unique_ptr<LineInput> make_terminal_input(int in_fd, int out_fd, std::ostream& out, bool colour,
                                               const InterruptCatcher& interrupts) {
  return std::make_unique<TerminalInput>(in_fd, out_fd, out, colour, interrupts);
}

int terminal_width(int fd, int fallback) {
  winsize size{};
  if (::ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  return fallback;
}

}  // namespace cjb::cli
