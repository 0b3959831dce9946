#pragma once
// Running cjb as a child the test talks to while it runs: through pipes (to kill it half-way)
// or on a pseudo-terminal (to see what a user at a terminal sees).

#include <sys/types.h>

#include <string>
#include <vector>

namespace cjb::test {

struct Child {
  pid_t pid = -1;
  int input = -1;   // its standard input: a pipe's write end, or the terminal's master side
  int output = -1;  // its standard output (and, on a terminal, standard error)
};

// Starts cjb with stdin and stdout on pipes and stderr on /dev/null (or merged into stdout);
// NO_COLOR=1, CJB_DATA unset.
Child start_cjb_piped(const std::vector<std::string>& args, bool merge_stderr = false);

// Starts cjb on a new 80×24 pseudo-terminal with TERM=xterm-256color; NO_COLOR and CJB_DATA
// unset unless given in extra_env ("NAME=value").
Child start_cjb_on_terminal(const std::vector<std::string>& args, const std::vector<std::string>& extra_env = {});

// Appends what the child writes to text until text contains wanted (true) or the child's
// output ends or 20 s pass (false: a hang guard, not a timing; longer under CJB_TEST_SLOWDOWN).
bool read_until(const Child& child, std::string& text, const std::string& wanted);

// Appends one chunk of output; false when the output ended (or after 20 s, a hang guard).
bool read_more(const Child& child, std::string& text);

// Appends what the child writes for the next milliseconds (so that it never blocks on a full pipe).
void read_for(const Child& child, std::string& text, int milliseconds);

// Appends everything left until the child's output ends.
void read_rest(const Child& child, std::string& text);

void send(const Child& child, const std::string& bytes);

// Closes the descriptors and waits: the exit code, or 128 + the signal that ended it.
int finish(Child& child);

}  // namespace cjb::test
