#pragma once
// Small formatting helpers shared by the renderers.

#include <optional>
#include <string>

namespace cjb::render {

// A score as printed in reports: one decimal ("57.2"), or "–" when null.
std::string score_text(std::optional<double> score);

}  // namespace cjb::render
