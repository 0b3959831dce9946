#include "render/format.h"

#include <cmath>
#include <string>

#include <fmt/format.h>

namespace cjb::render {

std::string score_text(std::optional<double> score) {
  if (!score) return "–";
  return fmt::format("{:.1f}", *score);
}

std::optional<double> printed_change(std::optional<double> now, std::optional<double> before) {
  if (!now || !before) return std::nullopt;
  // The figures as score_text prints them, so the change always adds up on the page.
  double shown_now = std::stod(score_text(now)), shown_before = std::stod(score_text(before));
  return std::round((shown_now - shown_before) * 10) / 10 + 0.0;
}

}  // namespace cjb::render
