// The table of subcommands, in the order `cjb --help` lists them.

#include "cli/commands.h"

namespace cjb::cli {

const std::vector<CommandInfo>& commands() {
  static const std::vector<CommandInfo> table = {
      {"validate", "check model, checklist, profile and assessment files", make_validate},
      {"diagram", "draw the customer journey diagram (SVG, PDF, PNG, DOT)", make_diagram},
  };
  return table;
}

}  // namespace cjb::cli
