#pragma once
// Shell completion for bash and zsh, written from the command table (the same description as
// --help and the man pages): commands, options, the values of options with a fixed set,
// profile ids read from the data in use when Tab is pressed, and file names by the extensions
// each option takes. Made at build time by cjb-docgen (cli/docgen_main.cpp).

#include <string>
#include <vector>

#include "cli/command_doc.h"

namespace cjb::cli {

// installed_data_dir: where the package puts the data (/usr/share/cjb), for profile ids when
// neither --data-dir nor $CJB_DATA says otherwise.
std::string bash_completion(const std::vector<CommandDoc>& commands, const std::string& installed_data_dir);
std::string zsh_completion(const std::vector<CommandDoc>& commands, const std::string& installed_data_dir);

}  // namespace cjb::cli
