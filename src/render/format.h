#pragma once
// Small formatting helpers shared by the renderers.

#include <optional>
#include <string>

namespace cjb::render {

// A score as printed in reports: one decimal ("57.2"), or "–" when null.
std::string score_text(std::optional<double> score);

// The change between two scores as the reader can check it from the printed figures: the
// difference of the values rounded to one decimal ("58.3 → 60.3" is "+2.0" even when the exact
// change is 1.96); null when either is null.
std::optional<double> printed_change(std::optional<double> now, std::optional<double> before);

}  // namespace cjb::render
