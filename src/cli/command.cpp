#include "cli/command.h"

#include <algorithm>
#include <sstream>

#include <fmt/format.h>

#include "cli/options.h"
#include "cli/output.h"
#include "core/error.h"

namespace cjb::cli {

void Command::describe(po::options_description& options, po::positional_options_description& positional) {
  options.add_options()
      ("help,h", po::bool_switch(&help_), "show this help")
      ("data-dir", po::value<std::string>(&data_dir_)->value_name("DIR"),
       "where model/ and checklists/ are (default: $CJB_DATA, the installed data, or the source tree)")
      ("quiet,q", po::bool_switch(&quiet_), "print only problems and the output asked for: no notes, no progress bars");
  if (colours())
    options.add_options()(
        "color", po::value<std::string>(&colour_text_)->value_name("WHEN")->default_value("auto"),
        "when to colour: auto, always or never (auto: when writing to a terminal and NO_COLOR is not set)");
  declare(options, positional);
}

void Command::parse(const std::vector<std::string>& args) {
  po::options_description options;
  po::positional_options_description positional;
  describe(options, positional);
  for (const auto& arg : args)
    if (arg == "-h" || arg == "--help") {
      help_ = true;
      return;  // --help wins over everything else on the line
    }
  store(args, options, positional);
  expect_one_of(name(), "color", colour_text_, {"auto", "always", "never"});
  colour_ = colour_text_ == "always" ? ColourChoice::Always : colour_text_ == "never" ? ColourChoice::Never : ColourChoice::Auto;
  validate();
}

// A missing argument is named as the usage line names it ("expected an ASSESSMENT file",
// "expected -o FILE"), never as Boost's "the option '--assessment' is required".
void Command::store(const std::vector<std::string>& args, po::options_description& options,
                    po::positional_options_description& positional) {
  try {
    po::variables_map vm;
    po::store(po::command_line_parser(args).options(options).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::required_option& e) {
    std::string long_name = e.get_option_name().substr(e.get_option_name().find_first_not_of('-'));
    const po::option_description& option = options.find(long_name, false);
    std::string value_name = option.semantic()->name();
    bool is_positional = false;
    for (unsigned i = 0; i < std::min(positional.max_total_count(), 16u); ++i)
      is_positional = is_positional || positional.name_for_position(i) == long_name;
    std::string shown = option.canonical_display_name(po::command_line_style::allow_dash_for_short);
    std::string expected = is_positional ? expected_argument(value_name) : shown + " " + value_name;
    throw UsageError(fmt::format("{}: expected {} (see 'cjb {} --help')", name(), expected, name()));
  } catch (const po::error& e) {
    throw UsageError(fmt::format("{}: {} (see 'cjb {} --help')", name(), e.what(), name()));
  }
}

bool Command::colour(bool is_terminal) const {
  if (colour_ == ColourChoice::Always) return true;
  if (colour_ == ColourChoice::Never) return false;
  return use_colour(is_terminal);
}

std::string Command::help_text() {
  // Described afresh so that the defaults shown are the declared ones, not parsed values.
  po::options_description options("Options");
  po::positional_options_description positional;
  describe(options, positional);
  std::ostringstream out;
  out << "usage: " << usage() << "\n\n" << summary() << "\n\n" << options << "\nExample:\n" << example() << "\n";
  return out.str();
}

}  // namespace cjb::cli
