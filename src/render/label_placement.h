#pragma once
// Chart labels placed so that none overlaps another: each label starts at its preferred place
// (beside its axis end); one that collides with a label already placed is moved away from the
// chart's centre line, step by step, and shortened as a last resort. Pure geometry, no cairo:
// the PDF and HTML radars both use it.

#include <string>
#include <vector>

namespace cjb::render {

struct LabelBox {
  double x = 0, y = 0, width = 0, height = 0;  // top-left corner and size, in the chart's units
  double direction = 1;  // +1: move down when it collides (labels in the lower half), −1: up
};

// True when the two boxes share more than a hairline (0.5 units) of area.
bool overlaps(const LabelBox& a, const LabelBox& b);

// Moves boxes (in order) until none overlaps an earlier one: by steps of `step` along its
// direction, at most max_shift in all. Returns the indices of boxes that still overlap (the
// caller shortens those and places them again); empty when every label found a place.
std::vector<size_t> place_labels(std::vector<LabelBox>& boxes, double step = 2, double max_shift = 40);

}  // namespace cjb::render
