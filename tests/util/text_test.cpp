// util/text: trim, lower, split, join.

#include "util/text.h"

#include <gtest/gtest.h>

#include <array>
#include <set>

namespace cjb::text {
namespace {

TEST(Text, Trim) {
  EXPECT_EQ(trim("  a b \r\n"), "a b");
  EXPECT_EQ(trim(" \t\n"), "");
  EXPECT_EQ(trim("x\n", " "), "x\n");
}

TEST(Text, Lower) { EXPECT_EQ(lower("Café ABC"), "café abc"); }

TEST(Text, SplitDropsEmptyWords) {
  EXPECT_EQ(split("a, b,,c ", ", "), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(split("  ", ", "), std::vector<std::string>{});
}

TEST(Text, JoinKeepsEveryPart) {
  EXPECT_EQ(join({"a", "", "b"}, ", "), "a, , b");
  EXPECT_EQ(join({}, ", "), "");
}

TEST(Text, OrListNamesTheChoicesOfAnyStringTable) {
  EXPECT_EQ(or_list(std::vector<std::string>{}), "");
  EXPECT_EQ(or_list(std::vector<std::string>{"a"}), "a");
  EXPECT_EQ(or_list(std::vector<std::string>{"a", "b"}), "a or b");
  constexpr std::array<std::string_view, 3> table = {"text", "json", "csv"};
  EXPECT_EQ(or_list(table), "text, json or csv");
  constexpr std::array<std::pair<const char*, int>, 2> rows = {{{"minutes", 1}, {"hours", 60}}};
  EXPECT_EQ(or_list(rows, [](const auto& row) { return row.first; }), "minutes or hours");
}

TEST(Text, AndListNamesAllOfSeveralThings) {
  EXPECT_EQ(and_list(std::set<std::string>{"Mini", "Maxi"}), "Maxi and Mini");
  EXPECT_EQ(and_list(std::vector<std::string>{"A", "B", "C"}), "A, B and C");
  EXPECT_EQ(and_list(std::vector<std::string>{"A"}), "A");
}

}  // namespace
}  // namespace cjb::text
