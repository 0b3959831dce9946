#pragma once
// The man pages, in roff (man macros), written from the command table: cjb(1) and
// cjb-COMMAND(1) for each command. Made at build time by cjb-docgen (cli/docgen_main.cpp).

#include <string>
#include <vector>

#include "cli/command_doc.h"

namespace cjb::cli {

// Text as roff: backslashes, hyphens (\-, so options copy and paste), a leading dot or quote,
// and characters beyond ASCII as groff's named or \[uXXXX] glyphs.
std::string roff_escape(const std::string& text);

// cjb(1): what cjb is, every command with its summary, the shared options, environment, files.
std::string main_man_page(const std::vector<CommandDoc>& commands, const std::string& version);

// cjb-COMMAND(1): synopsis, arguments, options with their values and defaults, examples.
std::string command_man_page(const CommandDoc& command, const std::string& version);

}  // namespace cjb::cli
