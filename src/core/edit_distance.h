#pragma once
// How many single-letter edits turn one word into another, for "did you mean" suggestions
// (a mistyped command in cli/app.cpp, a mistyped site in core/benchmark.cpp).

#include <cstddef>
#include <string>

namespace cjb {

// Levenshtein distance: insertions, deletions and substitutions of one byte each.
size_t edit_distance(const std::string& a, const std::string& b);

}  // namespace cjb
