#pragma once
// The one small exception hierarchy of cjb, and the diagnostics every bad input turns into.
// Everything is caught in one place (cli/app.cpp), which prints and maps to an exit code.

#include <stdexcept>
#include <string>
#include <vector>

namespace cjb {

// A place in an input file. line and column are 1-based; 0 means "unknown" (the whole file).
struct Location {
  std::string file;
  int line = 0;
  int column = 0;
  // In a spreadsheet, the place as the spreadsheet shows it ("row 11, column K (Level)"),
  // printed instead of line:column (docs/formats.md, field sheets).
  std::string cell = {};
};

// One problem with an input: "file:line:col: error: what is wrong (expected …)".
struct Diagnostic {
  Location where;
  std::string message;

  std::string to_string() const;
};

std::string format_diagnostics(const std::vector<Diagnostic>& diagnostics);

// Base of every error cjb reports to a user. exit_code() follows the CLI contract:
// 2 for bad usage or bad input.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
  virtual int exit_code() const { return 2; }
};

// The command line itself is wrong (unknown option, missing argument).
class UsageError : public Error {
 public:
  using Error::Error;
};

// The run itself cannot go on, through no fault of one input file: the data directory is
// missing, a library cannot start, memory ran out, another program changed a file under cjb.
// The message says what, without the program's name: the one catch (cli/app.cpp) prints it as
// "cjb: error: WHAT".
class ProgramError : public Error {
 public:
  using Error::Error;
};

// An input file cannot be used: unreadable, malformed, or meaningless. Carries every problem
// found, so a user sees all of them in one run.
class InputError : public Error {
 public:
  explicit InputError(std::vector<Diagnostic> diagnostics);
  InputError(Location where, const std::string& message);
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace cjb
