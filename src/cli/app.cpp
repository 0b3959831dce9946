// The program: global options, dispatch to a subcommand, and the one place errors are caught.

#include <unistd.h>

#include <algorithm>
#include <iostream>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/findings.h"
#include "cli/version.h"
#include "core/error.h"
#include "core/printable.h"

namespace cjb::cli {

namespace {

std::string main_help() {
  std::string text =
      "usage: cjb [--version] [--help] COMMAND [ARGS...]\n\n"
      "cjb benchmarks retail customer service: Leadership → Enablers → Customer Journey,\n"
      "scored per touchpoint, in store and online.\n\nCommands:\n";
  for (const auto& c : commands()) text += fmt::format("  {:<10} {}\n", c.name, c.summary);
  text +=
      "\nRun 'cjb help COMMAND' or 'cjb COMMAND --help' for a command's options and an example.\n"
      "Exit status: 0 success, 1 findings (e.g. validation problems), 2 bad usage or bad input.\n"
      "Every command takes --data-dir DIR and -q/--quiet; commands that colour take --color=auto|always|never\n"
      "(NO_COLOR in the environment turns auto off).\n"
      "Data (model/, checklists/, reports/): --data-dir DIR, $CJB_DATA, the installed data, or the source tree.\n";
  return text;
}

}  // namespace

std::string suggest_command(const std::string& typed) {
  std::string best;
  size_t best_distance = 0;
  for (const auto& c : commands()) {
    std::string name = c.name;
    size_t d = text::edit_distance(typed, name);
    if (name.rfind(typed, 0) == 0 && !typed.empty()) d = std::min<size_t>(d, 1);  // a prefix
    if (best.empty() || d < best_distance) {
      best = name;
      best_distance = d;
    }
  }
  return best_distance <= std::max<size_t>(2, typed.size() / 3) ? best : std::string();
}

int run(const std::vector<std::string>& given, Context& context) {
  // `cjb help COMMAND` is `cjb COMMAND --help`, word for word.
  std::vector<std::string> args = given;
  if (args.size() >= 2 && args[0] == "help") args = {args[1], "--help"};
  try {
    if (args.empty()) {
      context.err << main_help();
      return 2;
    }
    const std::string& first = args[0];
    if (first == "--help" || first == "-h" || first == "help") {
      context.out << main_help();
      return 0;
    }
    if (first == "--version" || first == "-V") {
      context.out << version_text();
      return 0;
    }
    const CommandInfo* info = nullptr;
    for (const auto& c : commands())
      if (first == c.name) info = &c;
    if (!info) {
      std::string message = fmt::format("cjb: error: '{}' is not a cjb command", first);
      if (first.rfind("-", 0) == 0) message = fmt::format("cjb: error: unknown option '{}' (expected a command first)", first);
      else if (std::string s = suggest_command(first); !s.empty()) message += fmt::format(" (did you mean '{}'?)", s);
      context.err << message << "\nRun 'cjb --help' for the list of commands.\n";
      return 2;
    }
    std::unique_ptr<Command> command = info->create();
    command->parse(std::vector<std::string>(args.begin() + 1, args.end()));
    if (command->help_requested()) {
      context.out << command->help_text();
      return 0;
    }
    Context command_context = context;
    if (command->quiet()) command_context.err_is_terminal = false;  // no progress bars
    return command->run(command_context);
  } catch (const Findings& e) {
    for (const auto& d : e.diagnostics()) context.err << d.to_string() << "\n";
    std::string program = e.command().empty() ? "cjb" : "cjb " + e.command();
    for (const auto& note : e.notes()) context.err << program << ": " << printable(note, true) << "\n";
    return e.exit_code();
  } catch (const ProgramError& e) {
    context.err << "cjb: error: " << printable(e.what(), true) << "\n";
    return e.exit_code();
  } catch (const UsageError& e) {
    context.err << "cjb " << printable(e.what(), true) << "\n";
    return e.exit_code();
  } catch (const Error& e) {
    context.err << printable(e.what(), true) << "\n";
    return e.exit_code();
  } catch (const std::bad_alloc&) {
    context.err << "cjb: error: out of memory\n";
    return 2;
  } catch (const std::exception& e) {
    // A bug, not an input problem: still no crash, and say so.
    context.err << "cjb: internal error: " << printable(e.what(), true) << "\n";
    return 3;
  }
}

int run(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  Context context{std::cout, std::cerr, isatty(STDOUT_FILENO) == 1, isatty(STDERR_FILENO) == 1};
  return run(args, context);
}

}  // namespace cjb::cli
