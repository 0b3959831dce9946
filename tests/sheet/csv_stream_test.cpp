// The streaming CSV reader's byte scan (sheet/csv_stream.h) goes eight bytes at a time: special
// bytes (line ends, tabs, control characters, UTF-8) must be found at every offset of a word.

#include "sheet/csv_stream.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace cjb::sheet {
namespace {

struct Seen {
  std::vector<std::pair<int, std::vector<std::string>>> records;  // line, fields
  std::vector<std::string> bad;                                   // "line:column kind"
};

Seen read(const std::string& text) {
  Seen seen;
  CsvHandler handler;
  handler.on_record = [&](const CsvRecord& r) {
    std::vector<std::string> fields;
    for (size_t i = 0; i < r.size(); ++i) fields.emplace_back(r[i]);
    seen.records.push_back({r.line(), fields});
  };
  handler.on_bad = [&](const Location& at, std::string_view kind, std::string) {
    seen.bad.push_back(std::to_string(at.line) + ":" + std::to_string(at.column) + " " + std::string(kind));
  };
  read_csv_stream(text, "t.csv", handler);
  return seen;
}

TEST(CsvStreamScan, LineEndsAtEveryOffset) {
  // Rows of 1 to 20 bytes, so that each line end falls at every offset of an eight-byte word.
  std::string text;
  for (int n = 1; n <= 20; ++n) text += std::string(n, 'a') + (n % 3 == 0 ? "\r\n" : "\n");
  Seen seen = read(text);
  ASSERT_EQ(seen.records.size(), 20u);
  for (int n = 1; n <= 20; ++n) {
    EXPECT_EQ(seen.records[n - 1].first, n);
    EXPECT_EQ(seen.records[n - 1].second, std::vector<std::string>{std::string(n, 'a')});
  }
  EXPECT_TRUE(seen.bad.empty());
}

TEST(CsvStreamScan, ControlCharactersAndUtf8AtEveryOffset) {
  for (size_t at = 0; at < 17; ++at) {
    std::string row = "x," + std::string(20, 'b');
    std::string control = row, invalid = row, valid = row, del = row, tab = row;
    control[2 + at] = '\x01';
    del[2 + at] = '\x7F';
    invalid[2 + at] = '\xFF';
    valid.replace(2 + at, 2, "\xC3\xA9");  // é
    tab[2 + at] = '\t';
    std::string column = std::to_string(3 + at);
    Seen c = read("h,i\n" + control + "\n");
    EXPECT_EQ(c.bad, std::vector<std::string>{"2:" + column + " control character"}) << at;
    EXPECT_EQ(read("h,i\n" + del + "\n").bad, std::vector<std::string>{"2:" + column + " control character"}) << at;
    EXPECT_EQ(read("h,i\n" + invalid + "\n").bad, std::vector<std::string>{"2:" + column + " invalid UTF-8"}) << at;
    Seen v = read("h,i\n" + valid + "\n");
    EXPECT_TRUE(v.bad.empty()) << at;
    ASSERT_EQ(v.records.size(), 2u);
    EXPECT_EQ(v.records[1].second[1], valid.substr(2));
    Seen t = read("h,i\n" + tab + "\n");
    EXPECT_TRUE(t.bad.empty()) << at;
    ASSERT_EQ(t.records.size(), 2u);
  }
}

}  // namespace
}  // namespace cjb::sheet
