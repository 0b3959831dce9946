#pragma once
// What a command found, for cli/app.cpp to print: the problems as diagnostics, then what they
// amount to ("cjb: 2 problems found", "cjb assess: a.xml was left untouched"). Commands throw
// it rather than print, so that the one catch in app.cpp writes every error (docs/commands.md).

#include <string>
#include <vector>

#include "core/error.h"

namespace cjb::cli {

class Findings : public InputError {
 public:
  // command: the command the notes are from ("assess"), or empty for the program as a whole.
  // exit_code: 1 for findings in files a user asked to check, 2 for input that cannot be used.
  Findings(std::vector<Diagnostic> diagnostics, std::string command, std::vector<std::string> notes, int exit_code)
      : InputError(std::move(diagnostics)), command_(std::move(command)), notes_(std::move(notes)), exit_code_(exit_code) {}

  const std::string& command() const { return command_; }
  const std::vector<std::string>& notes() const { return notes_; }
  int exit_code() const override { return exit_code_; }

 private:
  std::string command_;
  std::vector<std::string> notes_;
  int exit_code_;
};

}  // namespace cjb::cli
