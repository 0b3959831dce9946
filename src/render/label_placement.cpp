#include "render/label_placement.h"

namespace cjb::render {

bool overlaps(const LabelBox& a, const LabelBox& b) {
  constexpr double kHairline = 0.5;
  return a.x + kHairline < b.x + b.width && b.x + kHairline < a.x + a.width && a.y + kHairline < b.y + b.height &&
         b.y + kHairline < a.y + a.height;
}

std::vector<size_t> place_labels(std::vector<LabelBox>& boxes, double step, double max_shift) {
  std::vector<size_t> unplaced;
  for (size_t i = 0; i < boxes.size(); ++i) {
    auto collides = [&] {
      for (size_t j = 0; j < i; ++j)
        if (overlaps(boxes[i], boxes[j])) return true;
      return false;
    };
    double start = boxes[i].y;
    for (double shift = step; collides() && shift <= max_shift + 1e-9; shift += step) boxes[i].y = start + boxes[i].direction * shift;
    if (collides()) {
      boxes[i].y = start;
      unplaced.push_back(i);
    }
  }
  return unplaced;
}

}  // namespace cjb::render
