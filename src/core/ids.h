#pragma once
// What an id may hold. Ids (of the model's parts, items, checklists, profiles, assessments)
// end up in messages, file names, CSV cells, DOT, SVG and HTML: they are short names, and
// anything that could be markup, a formula, an option or a terminal trick is refused where a
// file is read, with a message that says which character is wrong.

#include <optional>
#include <string>
#include <string_view>

namespace cjb {

inline constexpr size_t kMaxIdBytes = 200;

// Why id is not a valid id ("..." (expected ...)), or nullopt when it is. An id is 1 to
// kMaxIdBytes bytes of UTF-8 with no whitespace, no control, bidirectional or zero-width
// character, none of " ' ` < > & \ and not starting with = + - @ (spreadsheet formulas,
// command-line options).
std::optional<std::string> id_problem(std::string_view id);

}  // namespace cjb
