// Field sheets: CSV written for the shop floor and read back with exact diagnostics.

#include "sheet/field_sheet.h"

#include <filesystem>

#include <gtest/gtest.h>

#include "sheet/csv_reader.h"
#include "support.h"
#include "xml/catalog_loader.h"
#include "xml/files.h"

namespace cjb::sheet {
namespace {

using test::run_cjb;

class FieldSheet : public ::testing::Test {
 protected:
  Catalog catalog = xml::load_catalog(test::source_path("tests/data/mini"));
  Instrument instrument = resolve_profile(catalog, *catalog.find_profile("mini-store"));

  std::string error_of(const std::string& csv) {
    try {
      read_field_sheet(csv, "s.csv", instrument);
    } catch (const InputError& e) {
      return e.what();
    }
    return "no error";
  }
};

TEST(CsvReader, QuotedFieldsWithCommasQuotesAndLineBreaks) {
  auto rows = read_csv("a,b\n\"x, y\",\"say \"\"hi\"\"\nthere\"\n\xEF\xBB\xBFz,", "t.csv");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1][0].text, "x, y");
  EXPECT_EQ(rows[1][1].text, "say \"hi\"\nthere");
  EXPECT_EQ(rows[1][1].line, 2);
  EXPECT_EQ(rows[1][1].column, 8);
  EXPECT_EQ(rows[2][0].line, 4);
}

TEST(CsvReader, WindowsLineEnds) {
  auto rows = read_csv("a,b\r\nc,d\r\n", "t.csv");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1][1].text, "d");
  EXPECT_EQ(rows[1][0].line, 2);
  EXPECT_EQ(rows[1][0].column, 1);
  EXPECT_EQ(rows[1][1].column, 3);
}

TEST(CsvReader, ByteOrderMarkIsNotPartOfTheFirstField) {
  auto rows = read_csv("\xEF\xBB\xBFitem,level\n", "t.csv");
  EXPECT_EQ(rows[0][0].text, "item");
}

TEST(CsvReader, UnclosedQuoteAndInvalidUtf8) {
  try {
    read_csv("a,b\n\"never closed,1\n", "t.csv");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), "t.csv:3:1: error: malformed CSV: error parsing data while strict checking enabled (expected every quoted field to be closed)");
  }
  try {
    read_csv("a,b\nx,caf\xe9\n", "t.csv");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), "t.csv:2:6: error: invalid UTF-8 byte sequence (expected a UTF-8 encoded CSV file; save it as \"CSV UTF-8\")");
  }
}

TEST_F(FieldSheet, WrittenSheetHasOneRowPerItemAndReadsBackEmpty) {
  std::string csv = write_field_sheet(catalog, instrument, nullptr);
  auto rows = read_csv(csv, "s.csv");
  EXPECT_EQ(rows.size(), instrument.items.size() + 1);
  EXPECT_EQ(rows[0].size(), field_sheet_columns().size());
  EXPECT_EQ(rows[1][0].text, instrument.items[0].item->id);
  EXPECT_TRUE(read_field_sheet(csv, "s.csv", instrument).empty());
}

TEST_F(FieldSheet, ReadsLevelsNaNotesInAnyColumnOrder) {
  auto responses = read_field_sheet(
      "note,item,na,level,evidence\n"
      "\"Friendly, but slow\",L-VIS-01,,3,Visit log\n"
      ",L-VIS-02,yes,,\n"
      ",L-ROL-01,,,\n",
      "s.csv", instrument);
  ASSERT_EQ(responses.size(), 2u);
  EXPECT_EQ(responses[0].item, "L-VIS-01");
  EXPECT_EQ(*responses[0].level, 3);
  EXPECT_EQ(responses[0].note, "Friendly, but slow");
  EXPECT_EQ(responses[0].evidence, "Visit log");
  EXPECT_TRUE(responses[1].na);
}

TEST_F(FieldSheet, MissingColumns) {
  EXPECT_EQ(error_of("item,level\nL-VIS-01,2\n"),
            "s.csv:1:1: error: the header has no 'na' column (expected the columns item, level, na, note and evidence)\n"
            "s.csv:1:1: error: the header has no 'note' column (expected the columns item, level, na, note and evidence)\n"
            "s.csv:1:1: error: the header has no 'evidence' column (expected the columns item, level, na, note and evidence)");
}

TEST_F(FieldSheet, EveryBadRowIsReported) {
  EXPECT_EQ(error_of("item,level,na,note,evidence\n"
                     "L-VIS-01,5,,,\n"
                     "L-VIS-02,2,,,\n"
                     "J-RES-O-01,2,,,\n"
                     "L-ROL-01,2,yes,,\n"
                     "L-ROL-02,,,Saw it,\n"
                     "L-VIS-02,0,,,\n"
                     "L-STR-01,two,,,\n"
                     "L-STR-02,,maybe,,\n"),
            "s.csv:2:10: error: level '5' for item 'L-VIS-01' is outside its scale (expected 0 to 4)\n"
            "s.csv:3:10: error: level '2' for item 'L-VIS-02' is outside its scale (expected 0 to 1)\n"
            "s.csv:4:1: error: item 'J-RES-O-01' is not in the assessment's scope (expected an item listed by `cjb export` for it)\n"
            "s.csv:5:10: error: item 'L-ROL-01' has both a level and na (expected one of them)\n"
            "s.csv:6:10: error: item 'L-ROL-02' has a note or evidence but no level (expected a level 0 to 4 or na=yes, so the note is not lost)\n"
            "s.csv:7:1: error: item 'L-VIS-02' is listed twice (expected one row per item; the first is on line 3)\n"
            "s.csv:8:10: error: level 'two' for item 'L-STR-01' is outside its scale (expected 0 to 4)\n"
            "s.csv:9:11: error: na is 'maybe' for item 'L-STR-02' (expected yes, or empty)");
}

TEST(ExportImport, RoundTripThroughTheCommandLine) {
  std::string dir = test::temp_dir("export-import");
  auto exported = run_cjb({"export", "--data-dir", "tests/data/mini", "tests/data/mini-assessment.xml", "-o", dir + "/sheet.csv"});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_EQ(exported.err, "");
  auto imported = run_cjb({"import", "--data-dir", "tests/data/mini", dir + "/sheet.csv", "--into", "tests/data/mini-assessment.xml", "-o", dir + "/back.xml"});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  // Every response, note and evidence survives the trip.
  Assessment original = xml::load_assessment(test::source_path("tests/data/mini-assessment.xml"));
  Assessment back = xml::load_assessment(dir + "/back.xml");
  ASSERT_EQ(back.responses.size(), original.responses.size());
  for (const auto& r : original.responses) {
    const Response* b = back.find_response(r.item);
    ASSERT_NE(b, nullptr) << r.item;
    EXPECT_EQ(b->level, r.level) << r.item;
    EXPECT_EQ(b->na, r.na) << r.item;
    EXPECT_EQ(b->note, r.note) << r.item;
    EXPECT_EQ(b->evidence, r.evidence) << r.item;
  }
}

TEST(ExportImport, NewAssessmentFromASheetAndNoOverwrite) {
  std::string dir = test::temp_dir("import-new");
  test::write_text(dir + "/sheet.csv", "item,level,na,note,evidence\nL-VIS-01,3,,\"Seen <b>twice</b> & noted\",\n");
  std::vector<std::string> args{"import", "--data-dir", "tests/data/mini", dir + "/sheet.csv", "--profile", "mini-store",
                                "--retailer", "Shop & Co", "--site", "Main St", "--date", "2026-05-01", "-o", dir + "/new.xml"};
  auto r = run_cjb(args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  Assessment a = xml::load_assessment(dir + "/new.xml");
  EXPECT_EQ(a.id, "shop-co-main-st-2026-05-01");
  EXPECT_EQ(a.scope.profile, "mini-store");
  ASSERT_EQ(a.responses.size(), 1u);
  EXPECT_EQ(a.responses[0].note, "Seen <b>twice</b> & noted");
  std::string before = test::read_text(dir + "/new.xml");
  auto again = run_cjb(args);
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_EQ(again.err, "cjb import: " + dir + "/new.xml already exists (expected a new file; use --into " + dir + "/new.xml to merge into it)\n");
  EXPECT_EQ(test::read_text(dir + "/new.xml"), before);
}

TEST(ExportImport, BadSheetWritesNothing) {
  std::string dir = test::temp_dir("import-bad");
  test::write_text(dir + "/sheet.csv", "item,level,na,note,evidence\nL-VIS-01,9,,,\n");
  auto r = run_cjb({"import", "--data-dir", "tests/data/mini", dir + "/sheet.csv", "--profile", "mini-store", "--retailer", "R",
                    "--site", "S", "--date", "2026-05-01", "-o", dir + "/new.xml"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, dir + "/sheet.csv:2:10: error: level '9' for item 'L-VIS-01' is outside its scale (expected 0 to 4)\n");
  EXPECT_FALSE(std::filesystem::exists(dir + "/new.xml"));
}

}  // namespace
}  // namespace cjb::sheet
