// Statistics against values computed by hand (type-7 percentiles and percentile ranks of docs/scoring.md).

#include "core/statistics.h"

#include <gtest/gtest.h>

namespace cjb {
namespace {

TEST(Percentile, Type7OnFiveValues) {
  // Sorted: 15 20 35 40 50; h = 4·p/100.
  std::vector<double> v{40, 15, 50, 35, 20};
  EXPECT_DOUBLE_EQ(*percentile(v, 0), 15);
  EXPECT_DOUBLE_EQ(*percentile(v, 25), 20);    // h = 1
  EXPECT_DOUBLE_EQ(*percentile(v, 40), 29);    // h = 1.6: 20 + 0.6·15
  EXPECT_DOUBLE_EQ(*percentile(v, 50), 35);    // h = 2
  EXPECT_DOUBLE_EQ(*percentile(v, 75), 40);    // h = 3
  EXPECT_DOUBLE_EQ(*percentile(v, 90), 46);    // h = 3.6: 40 + 0.6·10
  EXPECT_DOUBLE_EQ(*percentile(v, 100), 50);
}

TEST(Percentile, InterpolatesBetweenFourValues) {
  std::vector<double> v{4, 1, 3, 2};
  EXPECT_DOUBLE_EQ(*percentile(v, 25), 1.75);  // h = 0.75
  EXPECT_DOUBLE_EQ(*percentile(v, 50), 2.5);   // h = 1.5
  EXPECT_DOUBLE_EQ(*percentile(v, 75), 3.25);  // h = 2.25
}

TEST(Percentile, OneValueAndNone) {
  EXPECT_DOUBLE_EQ(*percentile({7}, 25), 7);
  EXPECT_DOUBLE_EQ(*percentile({7}, 99), 7);
  EXPECT_FALSE(percentile({}, 50).has_value());
  EXPECT_FALSE(percentile_sorted({}, 50).has_value());
}

TEST(PercentileRank, CountsTiesAsHalf) {
  std::vector<double> peers{10, 20, 20, 20, 30};
  EXPECT_DOUBLE_EQ(*percentile_rank(peers, 20), 50);  // (1 + 0.5·3) / 5
  EXPECT_DOUBLE_EQ(*percentile_rank(peers, 10), 10);  // (0 + 0.5·1) / 5
  EXPECT_DOUBLE_EQ(*percentile_rank(peers, 30), 90);  // (4 + 0.5·1) / 5
  EXPECT_DOUBLE_EQ(*percentile_rank(peers, 25), 80);  // 4 below, none equal
  EXPECT_DOUBLE_EQ(*percentile_rank(peers, 5), 0);
  EXPECT_DOUBLE_EQ(*percentile_rank(peers, 35), 100);
}

TEST(PercentileRank, AllTiedIsTheMiddle) {
  EXPECT_DOUBLE_EQ(*percentile_rank({50, 50, 50, 50}, 50), 50);
  EXPECT_FALSE(percentile_rank({}, 50).has_value());
}

TEST(Summarise, FourValues) {
  Summary s = summarise({3, 1, 4, 2});
  EXPECT_EQ(s.n, 4);
  EXPECT_DOUBLE_EQ(s.mean, 2.5);
  EXPECT_DOUBLE_EQ(s.median, 2.5);
  EXPECT_DOUBLE_EQ(s.p25, 1.75);
  EXPECT_DOUBLE_EQ(s.p75, 3.25);
  EXPECT_DOUBLE_EQ(s.min, 1);
  EXPECT_DOUBLE_EQ(s.max, 4);
}

TEST(Summarise, NoValues) {
  Summary s = summarise({});
  EXPECT_EQ(s.n, 0);
}

}  // namespace
}  // namespace cjb
