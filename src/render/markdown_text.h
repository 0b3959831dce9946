#pragma once
// Helpers for writing Markdown that holds text a user typed.

#include <string>
#include <string_view>
#include <vector>

namespace cjb::render {

// Text safe inside a Markdown paragraph or table cell: Markdown punctuation is backslash-
// escaped, <, > and & become entities (no raw HTML reaches a Markdown renderer), line breaks
// and tabs become spaces (a table row is one line), other control characters become '?'.
std::string markdown_escape(std::string_view text);

// One table row: "| a | b |\n" (cells are written as given: escape them first).
std::string markdown_row(const std::vector<std::string>& cells);

}  // namespace cjb::render
