#include "core/assessment.h"

#include <gtest/gtest.h>

namespace cjb {
namespace {

TEST(DefaultAssessmentId, LowerCaseWordsJoinedByHyphens) {
  Subject subject;
  subject.retailer = "Rose & Co";
  subject.site = "  High St. <1>";
  EXPECT_EQ(default_assessment_id(subject, "2026-03-14"), "rose-co-high-st-1-2026-03-14");
}

TEST(DefaultAssessmentId, NothingUsableGivesAFixedId) {
  Subject subject;
  subject.retailer = "&&";
  EXPECT_EQ(default_assessment_id(subject, ""), "assessment");
}

TEST(IsIsoDate, RealCalendarDatesOnly) {
  EXPECT_TRUE(is_iso_date("2024-02-29"));
  EXPECT_FALSE(is_iso_date("2026-02-29"));
  EXPECT_FALSE(is_iso_date("2026-13-01"));
  EXPECT_FALSE(is_iso_date("26-01-01"));
}

}  // namespace
}  // namespace cjb
