#include "render/label_placement.h"

#include <gtest/gtest.h>

namespace cjb::render {
namespace {

TEST(LabelPlacement, CollidingLabelsMoveApartAwayFromTheCentreLine) {
  // Three labels at the same place: the second and third move down (direction +1) until clear.
  std::vector<LabelBox> boxes = {{0, 0, 50, 10, 1}, {10, 2, 50, 10, 1}, {20, 4, 50, 10, -1}};
  EXPECT_TRUE(place_labels(boxes).empty());
  for (size_t i = 0; i < boxes.size(); ++i)
    for (size_t j = 0; j < i; ++j) EXPECT_FALSE(overlaps(boxes[i], boxes[j])) << i << " " << j;
  EXPECT_EQ(boxes[0].y, 0);
  EXPECT_GE(boxes[1].y, 10);
  EXPECT_LE(boxes[2].y, -6);  // moved up
}

TEST(LabelPlacement, LabelsThatDoNotCollideStayAndHopelessOnesAreReported) {
  std::vector<LabelBox> apart = {{0, 0, 10, 10, 1}, {20, 0, 10, 10, 1}};
  EXPECT_TRUE(place_labels(apart).empty());
  EXPECT_EQ(apart[1].y, 0);
  std::vector<LabelBox> crowded = {{0, 0, 10, 100, 1}, {0, 0, 10, 10, 1}};
  EXPECT_EQ(place_labels(crowded, 2, 40), std::vector<size_t>{1});
  EXPECT_EQ(crowded[1].y, 0);  // left where it was, for the caller to shorten
  EXPECT_FALSE(overlaps({0, 0, 10, 10, 1}, {10, 0, 10, 10, 1}));  // touching is not overlapping
}

}  // namespace
}  // namespace cjb::render
