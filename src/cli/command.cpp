#include "cli/command.h"

#include <sstream>

#include <fmt/format.h>

#include "core/error.h"

namespace cjb::cli {

void Command::parse(const std::vector<std::string>& args) {
  po::options_description options;
  po::positional_options_description positional;
  options.add_options()
      ("help,h", po::bool_switch(&help_), "show this help")
      ("data-dir", po::value<std::string>(&data_dir_)->value_name("DIR"),
       "where model/ and checklists/ are (default: $CJB_DATA, the installed data, or the source tree)");
  declare(options, positional);
  for (const auto& arg : args)
    if (arg == "-h" || arg == "--help") {
      help_ = true;
      return;  // --help wins over everything else on the line
    }
  try {
    po::variables_map vm;
    po::store(po::command_line_parser(args).options(options).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError(fmt::format("{}: {} (see 'cjb {} --help')", name(), e.what(), name()));
  }
  validate();
}

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  std::string word;
  for (char c : text + ",") {
    if (c == ',' || c == ' ') {
      if (!word.empty()) out.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  return out;
}

std::string Command::help_text() {
  po::options_description options("Options");
  po::positional_options_description positional;
  options.add_options()
      ("help,h", "show this help")
      ("data-dir", po::value<std::string>()->value_name("DIR"),
       "where model/ and checklists/ are (default: $CJB_DATA, the installed data, or the source tree)");
  declare(options, positional);
  std::ostringstream out;
  out << "usage: " << usage() << "\n\n" << summary() << "\n\n" << options << "\nExample:\n" << example() << "\n";
  return out.str();
}

}  // namespace cjb::cli
