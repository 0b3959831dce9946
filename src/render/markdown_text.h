#pragma once
// Helpers for writing Markdown that holds text a user typed (markdown_escape is in
// render/escape.h).

#include <string>
#include <vector>

#include "render/escape.h"

namespace cjb::render {

// One table row: "| a | b |\n" (cells are written as given: escape them first).
std::string markdown_row(const std::vector<std::string>& cells);

}  // namespace cjb::render
