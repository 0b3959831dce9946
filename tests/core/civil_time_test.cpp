#include "core/civil_time.h"

#include <gtest/gtest.h>

namespace cjb {
namespace {

std::string text(const CivilTime& t) {
  return std::to_string(t.year) + "-" + std::to_string(t.month) + "-" + std::to_string(t.day) + " " + std::to_string(t.hour) + ":" +
         std::to_string(t.minute) + ":" + std::to_string(t.second);
}

TEST(CivilTime, SecondsSince1970AsADateAndTime) {
  EXPECT_EQ(text(civil_from_seconds(0)), "1970-1-1 0:0:0");
  EXPECT_EQ(text(civil_from_seconds(951782400 + 3661)), "2000-2-29 1:1:1");  // a leap day
  EXPECT_EQ(text(civil_from_seconds(1767225600)), "2026-1-1 0:0:0");
  EXPECT_EQ(text(civil_from_seconds(-1)), "1969-12-31 23:59:59");
}

}  // namespace
}  // namespace cjb
