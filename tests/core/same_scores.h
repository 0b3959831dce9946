#pragma once
// Two benchmark entries with the same scores to the last bit: the fast scorer (BenchmarkScorer)
// and the fast scan against score_assessment and the full reader.

#include <gtest/gtest.h>

#include "core/benchmark.h"

namespace cjb::test {

inline void expect_same_scores(const BenchmarkEntry& a, const BenchmarkEntry& b) {
  // Exact equality: the fast scorer sums in the same order as score_assessment.
  EXPECT_EQ(a.overall, b.overall);
  EXPECT_EQ(a.answered, b.answered);
  EXPECT_EQ(a.applicable, b.applicable);
  for (auto member : {&BenchmarkEntry::layers, &BenchmarkEntry::groups, &BenchmarkEntry::channels}) {
    const auto& x = a.*member;
    const auto& y = b.*member;
    ASSERT_EQ(x.size(), y.size());
    for (size_t i = 0; i < x.size(); ++i) {
      EXPECT_EQ(x[i].id, y[i].id);
      EXPECT_EQ(x[i].order, y[i].order);
      EXPECT_EQ(x[i].score, y[i].score) << x[i].id;
    }
  }
  // The heat map's cells and the critical findings too.
  ASSERT_EQ(a.touchpoints.size(), b.touchpoints.size());
  for (size_t i = 0; i < a.touchpoints.size(); ++i) {
    EXPECT_EQ(a.touchpoints[i].group, b.touchpoints[i].group);
    EXPECT_EQ(a.touchpoints[i].channel, b.touchpoints[i].channel);
    EXPECT_EQ(a.touchpoints[i].score, b.touchpoints[i].score) << a.touchpoints[i].group << " " << a.touchpoints[i].channel;
  }
  EXPECT_EQ(a.critical_failures, b.critical_failures);
}

}  // namespace cjb::test
