#pragma once
// Answers as people type them into a field sheet's Level and N/A cells (docs/formats.md, field
// sheets): a level as a number (2, 2.0, 2,0), its label ("Defined"), or both ("2 Defined"); N/A
// as n/a, na, x or -; a yes/no item also as yes/no/y/n/true/false.

#include <string>

#include "core/model.h"

namespace cjb::sheet {

struct Answer {
  enum class Kind { kBlank, kLevel, kNa, kInvalid } kind = Kind::kBlank;
  int level = 0;        // with kLevel
  std::string problem = {};  // with kInvalid: what is wrong and what was expected
};

// Reads a Level cell of an item on scale. Matching ignores case and surrounding blanks.
Answer parse_level_answer(const std::string& text, const Scale& scale);

// Reads an N/A cell: true for yes, y, x, true, 1, n/a, na; false for empty, no, n, false, 0, -;
// nullopt for anything else.
std::optional<bool> parse_na_mark(const std::string& text);

// A level as the drop-down of a field sheet offers it: "2 Defined" (just "2" without a label).
std::string level_answer_text(const Scale& scale, int value);

// The spelling of N/A writers use.
inline constexpr const char* kNaAnswer = "N/A";

}  // namespace cjb::sheet
