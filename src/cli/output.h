#pragma once
// Where a command's data goes: stdout, or a file written atomically (never half a file).

#include <string>
#include <string_view>

#include "cli/command.h"

namespace cjb::cli {

// Writes content to path ("" or "-" for the context's stdout).
void write_output(Context& context, const std::string& path, std::string_view content);

// True when colour may be used on this stream: it is a terminal and NO_COLOR is not set.
bool use_colour(bool is_terminal);

}  // namespace cjb::cli
