#include "render/format.h"

#include <fmt/format.h>

namespace cjb::render {

std::string score_text(std::optional<double> score) {
  if (!score) return "–";
  return fmt::format("{:.1f}", *score);
}

}  // namespace cjb::render
