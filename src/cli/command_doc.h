#pragma once
// A command's options as data, read from the same boost::program_options description that
// `--help` prints, for the man pages (cli/manpage.cpp) and the shell completion
// (cli/completion.cpp), so that neither can drift from --help.

#include <string>
#include <vector>

#include "cli/command.h"

namespace cjb::cli {

// What an option's value is, for completion.
enum class ValueKind {
  None,        // a switch: no value
  Text,        // free text (a name, a number, a date): nothing to complete
  Choice,      // one of `choices`
  InputFile,   // an existing file with one of `extensions` (or a folder to descend into)
  OutputFile,  // any file name
  Directory,   // a folder
  Profile,     // a profile id of the data in use
};

struct OptionDoc {
  std::string long_name;       // "format"
  char short_name = 0;         // 'f', or 0 for none
  std::string value_name;      // "FORMAT"; empty for a switch
  std::string default_value;   // "text"; empty when there is none
  std::string description;     // as --help shows it
  bool positional = false;     // an argument, not an --option
  bool many = false;           // takes several values (PATH..., multitoken)
  ValueKind kind = ValueKind::None;
  std::vector<std::string> choices;     // for Choice
  std::vector<std::string> extensions;  // for InputFile: "xml", "csv"
};

struct CommandDoc {
  std::string name, summary, usage, example;  // as `cjb NAME --help` shows them
  std::string listed_summary;                 // as `cjb --help` lists the command (registry.cpp)
  std::vector<OptionDoc> options;  // the shared ones first, then the command's, as --help lists them
};

// Every command of the table (commands()), described.
std::vector<CommandDoc> describe_commands();
CommandDoc describe_command(Command& command);

// The values an option's description lists, by the convention every option with a fixed set
// of values follows: "a, b or c", each value perhaps followed by a note in brackets — at the
// start of the text or after a colon ("text (a terminal scorecard), json or csv", "PDF paper:
// a4 or letter"), or anywhere with three values or more ("roll up by retailer, site or
// region"). Empty when there is none. tests/cli/command_doc_test.cpp pins every command's.
std::vector<std::string> choices_in(const std::string& description);

// The file kinds an input option's description names ("CSV", "XLSX", "JSON", "XML"), as
// extensions; {"xml"} when it names none (assessments, checklists and profiles are XML).
std::vector<std::string> extensions_in(const std::string& description);

}  // namespace cjb::cli
