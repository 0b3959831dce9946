// The fast batch path of `cjb benchmark` against the reference: the fast scan against the full
// reader (BenchmarkScorer against score_assessment is in tests/core/benchmark_scorer_test.cpp).

#include "cli/batch.h"

#include <gtest/gtest.h>

#include "core/benchmark.h"
#include "core/scoring.h"
#include "core/same_scores.h"
#include "support.h"
#include "xml/catalog_loader.h"
#include "xml/files.h"

namespace cjb::cli {
namespace {

using test::expect_same_scores;

class FastPath : public ::testing::Test {
 protected:
  Catalog catalog = xml::load_catalog(test::source_path("tests/data/mini"));
  std::string dir = test::temp_dir(std::string("batch-fast-path-") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
  std::string original = test::read_text(test::source_path("tests/data/mini-assessment.xml"));

  std::string write(const std::string& name, const std::string& text) {
    std::string path = dir + "/" + name;
    test::write_text(path, text);
    return path;
  }
};

TEST_F(FastPath, ReadsWhatTheFullReaderReads) {
  std::string plain = write("plain.xml", original);
  // An xmlns attribute, CDATA notes and spaces around values: the scan gives up on the first
  // and the full reader takes over; either way the same result.
  std::string unusual = original;
  unusual.replace(unusual.find("<assessment id"), 11, "<assessment xmlns=\"urn:cjb\"");
  std::string spaced = original;
  spaced.replace(spaced.find("level=\"3\"/>"), 11, "level=\" 3 \"><note><![CDATA[a <b> note]]></note></response>");
  std::vector<std::string> files{plain, write("unusual.xml", unusual), write("spaced.xml", spaced)};
  BatchResult batch = score_files(catalog, files);
  ASSERT_TRUE(batch.left_out.empty()) << batch.left_out.front().problem;
  ASSERT_EQ(batch.entries.size(), 3u);
  for (size_t i = 0; i < files.size(); ++i) {
    BenchmarkEntry full = score_one_file(catalog, files[i]);  // always the full reader
    SCOPED_TRACE(files[i]);
    EXPECT_EQ(batch.entries[i].id, full.id);
    EXPECT_EQ(batch.entries[i].date, full.date);
    EXPECT_EQ(batch.entries[i].subject.retailer, "Mini & Co");
    EXPECT_EQ(batch.entries[i].subject.site, "High Street <1>");
    EXPECT_EQ(batch.entries[i].subject.tags, full.subject.tags);
    expect_same_scores(batch.entries[i], full);
  }
}

// The scan tries each response against the item after the previous one, and each worker keeps
// the scope of its previous file: items in any order and scopes that change from file to file
// must score as the full reader scores them.
TEST_F(FastPath, ItemsInAnyOrderAndScopesThatChange) {
  std::string head = original.substr(0, original.find("<response "));
  std::string tail = original.substr(original.find("</responses>"));
  std::vector<std::string> responses;  // one line each in the file
  std::string body = original.substr(head.size(), original.size() - head.size() - tail.size());
  for (size_t pos = 0; pos < body.size();) {
    size_t end = body.find('\n', pos);
    if (end == std::string::npos) end = body.size();
    std::string line = body.substr(pos, end - pos);
    line.erase(0, line.find_first_not_of(' '));
    if (!line.empty()) responses.push_back(line);
    pos = end + 1;
  }
  ASSERT_EQ(responses.size(), 63u);
  std::string reversed = head, shuffled = head;
  for (auto it = responses.rbegin(); it != responses.rend(); ++it) reversed += *it + "\n    ";
  for (size_t i = 0; i < responses.size(); ++i) shuffled += responses[(i * 17) % responses.size()] + "\n    ";
  reversed += tail;
  shuffled += tail;
  std::string listed = original;
  listed.replace(listed.find("<scope model=\"cjb-retail\" profile=\"mini-omnichannel\"/>"), 54,
                 "<scope model=\"cjb-retail\" channels=\"physical online\"><checklist ref=\"leadership\"/><checklist ref=\"enablers\"/>"
                 "<checklist ref=\"journey-physical\"/><checklist ref=\"journey-online\"/></scope>");
  std::vector<std::string> files{write("a.xml", original), write("b-reversed.xml", reversed), write("c-listed.xml", listed),
                                 write("d-shuffled.xml", shuffled), write("e.xml", original), write("f-listed.xml", listed)};
  BatchOptions one_worker;  // one worker sees every change of scope in turn
  one_worker.jobs = 1;
  BatchResult batch = score_files(catalog, files, one_worker);
  ASSERT_TRUE(batch.left_out.empty()) << batch.left_out.front().problem;
  ASSERT_EQ(batch.entries.size(), files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    SCOPED_TRACE(files[i]);
    expect_same_scores(batch.entries[i], score_one_file(catalog, files[i]));
  }
  expect_same_scores(batch.entries[1], batch.entries[0]);
  expect_same_scores(batch.entries[3], batch.entries[0]);
}

// Non-ASCII text takes the careful checks rather than the quick one; raw control characters and
// broken UTF-8 are left out with what the full reader says.
TEST_F(FastPath, NonAsciiControlCharactersAndBrokenUtf8) {
  std::string accented = original;
  accented.replace(accented.find("Mini &amp; Co"), 13, "Mini \xc3\xa9 Co");
  std::string raw_control = original;
  raw_control.replace(raw_control.find("Mini &amp; Co"), 13, "Mini \x1b Co");
  std::string broken = original;
  broken.replace(broken.find("Mini &amp; Co"), 13, "Mini \xc3 Co");
  std::vector<std::string> files{write("a-accented.xml", accented), write("b-control.xml", raw_control), write("c-broken.xml", broken)};
  BatchResult batch = score_files(catalog, files);
  ASSERT_EQ(batch.entries.size(), 1u);
  EXPECT_EQ(batch.entries[0].subject.retailer, "Mini \xc3\xa9 Co");
  ASSERT_EQ(batch.left_out.size(), 2u);
  EXPECT_EQ(batch.left_out[0].problem, dir + "/b-control.xml:3:3: error: control character U+001B in <subject> (expected text without control characters)");
  EXPECT_EQ(batch.left_out[1].file, dir + "/c-broken.xml");
  EXPECT_NE(batch.left_out[1].problem.find("UTF-8"), std::string::npos) << batch.left_out[1].problem;
}

TEST_F(FastPath, LeavesOutWhatTheFullReaderRefuses) {
  std::string duplicate = original;
  duplicate.replace(duplicate.find("</responses>"), 12, "<response item=\"L-VIS-01\" level=\"2\"/></responses>");
  std::string out_of_scale = original;
  out_of_scale.replace(out_of_scale.find("item=\"L-VIS-02\" level=\"1\""), 25, "item=\"L-VIS-02\" level=\"9\"");
  std::string bad_date = original;
  bad_date.replace(bad_date.find("2026-01-15"), 10, "2026-02-30");
  std::string control = original;
  control.replace(control.find("Mini &amp; Co"), 13, "Mini &#27; Co");
  std::vector<std::string> files{write("a-duplicate.xml", duplicate), write("b-scale.xml", out_of_scale),
                                 write("c-date.xml", bad_date), write("d-good.xml", original),
                                 write("e-control.xml", control)};
  BatchResult batch = score_files(catalog, files);
  ASSERT_EQ(batch.entries.size(), 1u);
  ASSERT_EQ(batch.left_out.size(), 4u);
  EXPECT_EQ(batch.left_out[0].problem, dir + "/a-duplicate.xml:72:3: error: a second response to item 'L-VIS-01' (expected one response per item; the first is at line 9)");
  EXPECT_EQ(batch.left_out[1].problem, dir + "/b-scale.xml:10:5: error: level 9 is outside the scale of item 'L-VIS-02' (expected 0 to 1)");
  EXPECT_EQ(batch.left_out[2].problem, dir + "/c-date.xml:6:3: error: date '2026-02-30' is not a date (expected YYYY-MM-DD)");
  EXPECT_EQ(batch.left_out[3].problem, dir + "/e-control.xml:3:3: error: control character U+001B in <subject> (expected text without control characters)");
}

}  // namespace
}  // namespace cjb::cli
