#pragma once
// The Command interface: each subcommand declares its options, parses its arguments without
// doing any work (unit-tested), then runs.

#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "util/text.h"

namespace cjb::cli {

namespace po = boost::program_options;

// What a command needs from the outside world; tests pass string streams.
struct Context {
  std::ostream& out;
  std::ostream& err;
  bool out_is_terminal = false;  // stdout is a terminal (colour, progress)
  bool err_is_terminal = false;  // stderr is a terminal: progress bars (cleared by --quiet)
};

// --color: auto (a terminal, and NO_COLOR unset), always or never.
enum class ColourChoice { Auto, Always, Never };

// What `cjb COMMAND --help` says of a command besides its options.
struct CommandText {
  const char* name;
  const char* summary;  // one line for `cjb --help`
  const char* usage;    // "cjb score ASSESSMENT [options]": its words name the arguments in messages
  const char* example;  // one or more example lines for --help
  bool colours = false; // the command colours its output: it takes --color
};

class Command {
 public:
  explicit Command(const CommandText& text) : text_(text) {}
  virtual ~Command() = default;
  const char* name() const { return text_.name; }
  const char* summary() const { return text_.summary; }
  const char* usage() const { return text_.usage; }
  const char* example() const { return text_.example; }

  // Parses the arguments after the command name. Throws UsageError. Does no other work.
  void parse(const std::vector<std::string>& args);
  // Runs the parsed command; returns the exit code. Throws cjb::Error for bad input.
  virtual int run(Context& context) = 0;

  bool help_requested() const { return help_; }
  std::string help_text();
  // --data-dir as given (empty: find the data automatically).
  const std::string& data_dir_option() const { return data_dir_; }
  // --quiet: print only problems and the data asked for — no notes, no progress bars.
  bool quiet() const { return quiet_; }
  // Whether to colour output going to a terminal (is_terminal) under --color and NO_COLOR.
  bool colour(bool is_terminal) const;

  // Every option of the command: the shared set (--help, --data-dir, --quiet, and --color on
  // commands that colour) then its own. --help, the man pages and the shell completion are all
  // made from this one description (cli/manpage.cpp, cli/completion.cpp), so they cannot drift apart.
  void describe(po::options_description& options, po::positional_options_description& positional);
  // True for commands that colour their output: they take --color.
  bool colours() const { return text_.colours; }

 protected:
  // Adds the command's own options and positional arguments.
  virtual void declare(po::options_description& options, po::positional_options_description& positional) = 0;
  // Checks the parsed values against each other (a bad count, a format that cannot be told);
  // called by parse() after the options are stored. Throws UsageError. Default: nothing to check.
  virtual void validate() {}

 private:
  void store(const std::vector<std::string>& args, po::options_description& options, po::positional_options_description& positional);

  CommandText text_;
  bool help_ = false;
  bool quiet_ = false;
  std::string data_dir_;
  std::string colour_text_ = "auto";
  ColourChoice colour_ = ColourChoice::Auto;
};


// An option value listing several things: "physical,online" or "physical online".
inline std::vector<std::string> split_list(const std::string& text) { return text::split(text, ", "); }

struct CommandInfo {
  const char* name;
  const char* summary;
  std::unique_ptr<Command> (*create)();
};

// Every subcommand, in the order `cjb --help` lists them.
const std::vector<CommandInfo>& commands();

// The known command closest to a mistyped one, or empty if none is close.
std::string suggest_command(const std::string& typed);

// Runs the whole program: argv in, exit code out. Catches every cjb::Error.
int run(int argc, char** argv);
int run(const std::vector<std::string>& args, Context& context);

}  // namespace cjb::cli
