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

  std::vector<Response> read(const std::string& csv) {
    return read_field_sheet({to_table(read_csv(csv, "s.csv"))}, "s.csv", catalog.model, instrument).responses;
  }
  std::string error_of(const std::string& csv) {
    try {
      read(csv);
    } catch (const InputError& e) {
      return e.what();
    }
    return "no error";
  }
  // The level read from one row answering L-VIS-01 (maturity 0–4) or L-VIS-02 (yes/no).
  std::string answer_of(const std::string& item, const std::string& level, const std::string& na = "") {
    try {
      auto responses = read("Item,Level,N/A,Note,Evidence\n" + item + "," + level + "," + na + ",,\n");
      if (responses.empty()) return "blank";
      return responses[0].na ? "na" : std::to_string(*responses[0].level);
    } catch (const InputError& e) {
      return e.what();
    }
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
    EXPECT_EQ(std::string(e.what()), "t.csv:2:1: error: malformed CSV: the quoted field that starts here is never closed (expected every quoted field to be closed)");
  }
  try {
    read_csv("a,b\nx,caf\xe9\n", "t.csv");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), "t.csv:2:6: error: the file is not UTF-8: byte 0xE9 looks like \"é\" in Windows-1252, the encoding of Excel's "
                                     "plain \"CSV\" (expected UTF-8: save as \"CSV UTF-8\", or convert with `iconv -f WINDOWS-1252 -t UTF-8`)");
  }
  try {
    read_csv("a,b\nx,\x96 dash\n", "t.csv");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), "t.csv:2:3: error: the file is not UTF-8: byte 0x96 looks like \"–\" in Windows-1252, the encoding of Excel's "
                                     "plain \"CSV\" (expected UTF-8: save as \"CSV UTF-8\", or convert with `iconv -f WINDOWS-1252 -t UTF-8`)");
  }
  try {
    read_csv("a,b\nx,\x81\n", "t.csv");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), "t.csv:2:3: error: the file is not UTF-8: byte 0x81 cannot start a character (expected a UTF-8 encoded CSV file; save it as \"CSV UTF-8\")");
  }
}

TEST(CsvReader, DelimiterDetectedFromTheHeaderRow) {
  EXPECT_EQ(detect_delimiter("Item;Level;N/A;Note\n1,5;2;;\n"), ';');
  EXPECT_EQ(detect_delimiter("Item\tLevel\tNote, more\n"), '\t');
  EXPECT_EQ(detect_delimiter("Item,Level,N/A\n"), ',');
  EXPECT_EQ(detect_delimiter("\"a;b;c\",d\n"), ',');  // inside quotes does not count
  EXPECT_EQ(detect_delimiter("single\n"), ',');
  auto rows = read_csv("\xEF\xBB\xBFItem;Note\nL-1;\"a; b, c\"\n", "t.csv");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0][0].text, "Item");
  EXPECT_EQ(rows[1][1].text, "a; b, c");
  auto tabs = read_csv("a\tb\nc\td\n", "t.csv");
  EXPECT_EQ(tabs[1][1].text, "d");
  CsvOptions forced;
  forced.delimiter = ',';
  auto as_comma = read_csv("a;b\nc;d\n", "t.csv", forced);
  EXPECT_EQ(as_comma[1][0].text, "c;d");
}

TEST(CsvReader, Utf16IsNamed) {
  for (std::string bom : {"\xFF\xFE", "\xFE\xFF"}) {
    try {
      read_csv(bom + std::string("a\0,\0b\0", 6), "t.csv");
      FAIL();
    } catch (const InputError& e) {
      EXPECT_EQ(std::string(e.what()), "t.csv:1:1: error: the file is UTF-16, not UTF-8 (expected UTF-8: save as \"CSV UTF-8\", or convert with "
                                       "`iconv -f UTF-16 -t UTF-8`)");
    }
  }
}

TEST(CsvReader, MalformedCsvNamesTheSeparator) {
  try {
    read_csv("a;b\nx;\"quoted\"tail;y\n", "t.csv");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), "t.csv:2:11: error: malformed CSV: a quote inside a quoted field is followed by a character other than a quote, a separator or a line end (expected quotes to be doubled "
                                     "inside a quoted field; the separator is ';', give --delimiter if it is another)");
  }
}

TEST(CsvReader, RecordsBecomeSheetRowsNotTextLines) {
  Table table = to_table(read_csv("a,b\n\"two\nlines\",x\nc,d\n", "t.csv"));
  ASSERT_EQ(table.rows.size(), 3u);
  EXPECT_EQ(table.rows[2][1].row, 3);  // text line 4
  EXPECT_EQ(table.rows[2][1].column, 2);
  EXPECT_EQ(column_letters(1), "A");
  EXPECT_EQ(column_letters(11), "K");
  EXPECT_EQ(column_letters(26), "Z");
  EXPECT_EQ(column_letters(27), "AA");
  EXPECT_EQ(column_letters(703), "AAA");
}

TEST_F(FieldSheet, WrittenSheetHasOneRowPerItemAndReadsBackEmpty) {
  std::string csv = write_field_sheet(catalog, instrument, nullptr);
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");  // Excel on Windows reads UTF-8 only with a BOM
  auto rows = read_csv(csv, "s.csv");
  EXPECT_EQ(rows.size(), instrument.items.size() + 1);
  EXPECT_EQ(rows[0].size(), field_sheet_columns().size());
  EXPECT_EQ(rows[0][0].text, "Item");
  EXPECT_EQ(rows[1][0].text, instrument.items[0].item->id);
  EXPECT_TRUE(read(csv).empty());
  CsvSheetOptions no_bom;
  no_bom.byte_order_mark = false;
  EXPECT_EQ(write_field_sheet(catalog, instrument, nullptr, no_bom), csv.substr(3));
}

TEST_F(FieldSheet, ReadsLevelsNaNotesInAnyColumnOrder) {
  auto responses = read(
      "note,item,na,level,evidence\n"
      "\"Friendly, but slow\",L-VIS-01,,3,Visit log\n"
      ",L-VIS-02,yes,,\n"
      ",L-ROL-01,,,\n");
  ASSERT_EQ(responses.size(), 2u);
  EXPECT_EQ(responses[0].item, "L-VIS-01");
  EXPECT_EQ(*responses[0].level, 3);
  EXPECT_EQ(responses[0].note, "Friendly, but slow");
  EXPECT_EQ(responses[0].evidence, "Visit log");
  EXPECT_TRUE(responses[1].na);
}

TEST_F(FieldSheet, MissingColumns) {
  EXPECT_EQ(error_of("item,level\nL-VIS-01,2\n"),
            "s.csv: row 1: error: the header has no 'N/A' column (expected the columns Item, Level, N/A, Note and Evidence, as `cjb export` writes them)\n"
            "s.csv: row 1: error: the header has no 'Note' column (expected the columns Item, Level, N/A, Note and Evidence, as `cjb export` writes them)\n"
            "s.csv: row 1: error: the header has no 'Evidence' column (expected the columns Item, Level, N/A, Note and Evidence, as `cjb export` writes them)");
}

TEST_F(FieldSheet, ColumnNamedTwiceIsRefused) {
  EXPECT_EQ(error_of("Item,Level,N/A,Note,Evidence,level\nL-VIS-01,2,,,,3\n"),
            "s.csv: row 1, column F (level): error: column 'level' twice (expected each column once; the first is column B)");
  EXPECT_EQ(error_of("Item,Level,N/A,Note,Evidence,note\nL-VIS-01,2,,,,\n"),
            "s.csv: row 1, column F (note): error: column 'note' twice (expected each column once; the first is column D)");
}

TEST_F(FieldSheet, ControlCharactersAreErrorsInSheetCoordinates) {
  EXPECT_EQ(error_of(std::string("Item,Level,N/A,Note,Evidence\nL-VIS-01,2,,bell\x07here,\nL-VIS-02,1,,,nul") + '\0' + "\n"),
            "s.csv: row 2, column D (Note): error: a control character (U+0007) at character 5 of the cell (expected text; only tabs and line breaks may be in a cell)\n"
            "s.csv: row 3, column E (Evidence): error: a control character (U+0000, NUL) at character 4 of the cell (expected text; only tabs and line breaks may be in a cell)");
  // Tabs and line breaks are text.
  auto responses = read("Item,Level,N/A,Note,Evidence\nL-VIS-01,2,,\"a\tb\nc\",\n");
  EXPECT_EQ(responses[0].note, "a\tb\nc");
}

TEST_F(FieldSheet, EveryAnswerSpelling) {
  for (std::string two : {"2", "2.0", "2,0", "2.00", " 2 ", "Defined", "defined", "DEFINED", "2 Defined", "2 defined", "2 - Defined", "2: Defined"})
    EXPECT_EQ(answer_of("L-VIS-01", two), "2") << two;
  EXPECT_EQ(answer_of("L-VIS-01", "0"), "0");
  EXPECT_EQ(answer_of("L-VIS-01", "Ad hoc"), "1");
  EXPECT_EQ(answer_of("L-VIS-01", "\"4 Leading\""), "4");
  for (std::string na : {"n/a", "N/A", "na", "NA", "x", "X", "-"}) EXPECT_EQ(answer_of("L-VIS-01", na), "na") << na;
  for (std::string mark : {"yes", "Yes", "y", "x", "true", "1", "n/a", "NA"}) EXPECT_EQ(answer_of("L-VIS-01", "", mark), "na") << mark;
  for (std::string mark : {"no", "n", "false", "0", "-", ""}) EXPECT_EQ(answer_of("L-VIS-01", "3", mark), "3") << mark;
  for (std::string yes : {"1", "1.0", "yes", "Yes", "y", "Y", "true", "TRUE", "1 Yes"}) EXPECT_EQ(answer_of("L-VIS-02", yes), "1") << yes;
  for (std::string no : {"0", "0.0", "no", "No", "n", "false", "0 No"}) EXPECT_EQ(answer_of("L-VIS-02", no), "0") << no;
  EXPECT_EQ(answer_of("L-VIS-01", ""), "blank");
  // yes/no words are not levels of a maturity item.
  EXPECT_EQ(answer_of("L-VIS-01", "yes"),
            "s.csv: row 2, column B (Level): error: \"yes\" is not an answer on the scale 0–4 (expected 0, 1, 2, 3, 4, a label such as \"Defined\", or N/A)");
}

TEST_F(FieldSheet, WrongAnswersVerbatim) {
  EXPECT_EQ(answer_of("L-VIS-01", "5"),
            "s.csv: row 2, column B (Level): error: \"5\" is outside the scale 0–4 (expected 0, 1, 2, 3, 4, a label such as \"Defined\", or N/A)");
  EXPECT_EQ(answer_of("L-VIS-01", "2.5"),
            "s.csv: row 2, column B (Level): error: \"2.5\" is not an answer on the scale 0–4 (expected 0, 1, 2, 3, 4, a label such as \"Defined\", or N/A)");
  EXPECT_EQ(answer_of("L-VIS-01", "5 Stellar"),
            "s.csv: row 2, column B (Level): error: \"5 Stellar\" is outside the scale 0–4 (expected 0, 1, 2, 3, 4, a label such as \"Defined\", or N/A)");
  EXPECT_EQ(answer_of("L-VIS-01", "2 Leading"),
            "s.csv: row 2, column B (Level): error: \"2 Leading\" gives level 2 but the label of level 4 (expected a level with its own label, e.g. \"4 Leading\")");
  EXPECT_EQ(answer_of("L-VIS-02", "2"),
            "s.csv: row 2, column B (Level): error: \"2\" is outside the scale 0–1 (expected 0, 1, a label such as \"Yes\", yes or no, or N/A)");
  EXPECT_EQ(answer_of("L-VIS-02", "maybe"),
            "s.csv: row 2, column B (Level): error: \"maybe\" is not an answer on the scale 0–1 (expected 0, 1, a label such as \"Yes\", yes or no, or N/A)");
}

TEST_F(FieldSheet, ErrorsNameTheSheetRowNotTheTextLine) {
  // Row 4 of the sheet is text line 6: the notes above hold line breaks.
  EXPECT_EQ(error_of("Item,Layer,Group,Channel,Critical,Weight,Text,Guidance,Evidence hint,Levels,Level,N/A,Note,Evidence\n"
                     "L-VIS-01,,,,,,,,,,2,,\"one\ntwo\",\n"
                     "L-ROL-01,,,,,,,,,,3,,\"three\nfour\",\n"
                     "L-STR-01,,,,,,,,,,5,,,\n"),
            "s.csv: row 4, column K (Level): error: \"5\" is outside the scale 0–4 (expected 0, 1, 2, 3, 4, a label such as \"Defined\", or N/A)");
}

TEST_F(FieldSheet, FormulaTextIsDefusedOnExportAndRestoredOnImport) {
  Assessment a = xml::load_assessment(test::source_path("tests/data/mini-assessment.xml"));
  a.responses[0].note = "=HYPERLINK(\"http://x\")";
  a.responses[0].evidence = "+44 20 7946 0000";
  std::string csv = write_field_sheet(catalog, instrument, &a);
  EXPECT_NE(csv.find(",\"'=HYPERLINK(\"\"http://x\"\")\",'+44 20 7946 0000\n"), std::string::npos) << csv;
  auto back = read(csv);
  const Response* r = nullptr;
  for (const auto& b : back)
    if (b.item == a.responses[0].item) r = &b;
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->note, "=HYPERLINK(\"http://x\")");
  EXPECT_EQ(r->evidence, "+44 20 7946 0000");
  // An apostrophe the user typed before ordinary text stays.
  EXPECT_EQ(read("Item,Level,N/A,Note,Evidence\nL-VIS-01,2,,'quoted',\n")[0].note, "'quoted'");
}

TEST_F(FieldSheet, PartialKeepsTheGoodRows) {
  ReadSheetOptions partial;
  partial.partial = true;
  auto answers = read_field_sheet({to_table(read_csv("Item,Level,N/A,Note,Evidence\nL-VIS-01,2,,,\nL-ROL-01,7,,,\nL-ROL-02,n/a,,,\n", "s.csv"))},
                                  "s.csv", catalog.model, instrument, partial);
  ASSERT_EQ(answers.responses.size(), 2u);
  EXPECT_EQ(answers.responses[1].item, "L-ROL-02");
  EXPECT_TRUE(answers.responses[1].na);
  EXPECT_EQ(format_diagnostics(answers.skipped),
            "s.csv: row 3, column B (Level): error: \"7\" is outside the scale 0–4 (expected 0, 1, 2, 3, 4, a label such as \"Defined\", or N/A)");
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
            "s.csv: row 2, column B (level): error: \"5\" is outside the scale 0–4 (expected 0, 1, 2, 3, 4, a label such as \"Defined\", or N/A)\n"
            "s.csv: row 3, column B (level): error: \"2\" is outside the scale 0–1 (expected 0, 1, a label such as \"Yes\", yes or no, or N/A)\n"
            "s.csv: row 4, column A (item): error: item 'J-RES-O-01' is not in the assessment's scope (expected an item listed by `cjb export` for it)\n"
            "s.csv: row 5, column B (level): error: item 'L-ROL-01' has both a level and N/A (expected one of them)\n"
            "s.csv: row 6, column B (level): error: item 'L-ROL-02' has a note or evidence but no level (expected a level 0 to 4 or N/A, so the note is not lost)\n"
            "s.csv: row 7, column A (item): error: item 'L-VIS-02' is listed twice (expected one row per item; the first is row 3)\n"
            "s.csv: row 8, column B (level): error: \"two\" is not an answer on the scale 0–4 (expected 0, 1, 2, 3, 4, a label such as \"Defined\", or N/A)\n"
            "s.csv: row 9, column C (na): error: \"maybe\" is not an N/A mark (expected yes, x or empty)");
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

// Photos travel in the Evidence column as "file: PATH | caption" lines, through CSV and XLSX,
// and the round trip leaves the score unchanged. (This test once hung or crashed: it kept a
// pointer into the Assessment returned by load_assessment, a temporary destroyed at the end of
// that statement; the Assessment is now held for as long as the pointer is used.)
class PhotoRoundTrip : public ::testing::TestWithParam<std::string> {};

TEST_P(PhotoRoundTrip, PhotosTravelInTheEvidenceColumn) {
  std::string dir = test::temp_dir("export-import-photos-" + GetParam());
  std::string text = test::read_text(test::source_path("tests/data/mini-assessment.xml"));
  std::string from = "<response item=\"J-ARR-P-01\" level=\"2\"/>";
  ASSERT_NE(text.find(from), std::string::npos);
  text.replace(text.find(from), from.size(),
               "<response item=\"J-ARR-P-01\" level=\"2\"><evidence>Seen twice</evidence>"
               "<evidence file=\"photos/fire-exit.jpg\">Roll cage | aisle 14</evidence><evidence file=\"photos/b.png\"/></response>");
  test::write_text(dir + "/a.xml", text);
  std::string sheet = dir + "/sheet." + GetParam();
  auto exported = run_cjb({"export", "--data-dir", "tests/data/mini", dir + "/a.xml", "--no-bom", "-o", sheet});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  if (GetParam() == "csv") {
    EXPECT_NE(test::read_text(sheet).find("\"Seen twice\nfile: photos/fire-exit.jpg | Roll cage | aisle 14\nfile: photos/b.png\""), std::string::npos);
  }
  auto imported = run_cjb({"import", "--data-dir", "tests/data/mini", sheet, "--into", dir + "/a.xml", "-o", dir + "/back.xml"});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  const Assessment back = xml::load_assessment(dir + "/back.xml");
  const Response* r = back.find_response("J-ARR-P-01");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->evidence, "Seen twice");
  ASSERT_EQ(r->photos.size(), 2u);
  EXPECT_EQ(r->photos[0].file, "photos/fire-exit.jpg");
  EXPECT_EQ(r->photos[0].caption, "Roll cage | aisle 14");
  EXPECT_EQ(r->photos[1].file, "photos/b.png");
  EXPECT_EQ(r->photos[1].caption, "");
  auto before = run_cjb({"score", "--data-dir", "tests/data/mini", "--format", "json", dir + "/a.xml"});
  auto after = run_cjb({"score", "--data-dir", "tests/data/mini", "--format", "json", dir + "/back.xml"});
  ASSERT_EQ(before.exit_code, 0) << before.err;
  EXPECT_GT(before.out.size(), 1000u);
  EXPECT_EQ(after.out, before.out);
}

INSTANTIATE_TEST_SUITE_P(ExportImport, PhotoRoundTrip, ::testing::Values("csv", "xlsx"));

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
  EXPECT_EQ(r.err, dir + "/sheet.csv: row 2, column B (level): error: \"9\" is outside the scale 0–4 (expected 0, 1, 2, 3, 4, a label such as \"Defined\", or N/A)\n");
  EXPECT_FALSE(std::filesystem::exists(dir + "/new.xml"));
}

std::vector<std::string> new_assessment_args(const std::string& sheet, const std::string& out) {
  return {"import", "--data-dir", "tests/data/mini", sheet, "--profile", "mini-store", "--retailer", "R", "--site", "S", "--date", "2026-05-01", "-o", out};
}

TEST(ExportImport, SemicolonSheetAsExcelSavesItInEurope) {
  std::string dir = test::temp_dir("import-semicolon");
  test::write_text(dir + "/sheet.csv", "\xEF\xBB\xBFItem;Level;N/A;Note;Evidence\r\nL-VIS-01;2,0;;\"Clean; tidy, bright\";\r\nL-VIS-02;;x;;\r\n");
  auto r = run_cjb(new_assessment_args(dir + "/sheet.csv", dir + "/new.xml"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  Assessment a = xml::load_assessment(dir + "/new.xml");
  ASSERT_EQ(a.responses.size(), 2u);
  EXPECT_EQ(*a.responses[0].level, 2);
  EXPECT_EQ(a.responses[0].note, "Clean; tidy, bright");
  EXPECT_TRUE(a.responses[1].na);
  // Forcing the wrong separator: the message names the one used.
  auto args = new_assessment_args(dir + "/sheet.csv", dir + "/forced.xml");
  args.insert(args.end(), {"--delimiter", "tab"});
  auto forced = run_cjb(args);
  EXPECT_EQ(forced.exit_code, 2);
  EXPECT_NE(forced.err.find("sheet.csv:2:15: error: malformed CSV: a quote inside a quoted field is followed by a character other than a quote, a separator or a line end (expected quotes to be doubled inside a quoted field; the separator is tab, give --delimiter if it is another)"), std::string::npos) << forced.err;
  args.back() = "pipe";
  EXPECT_EQ(run_cjb(args).err, "cjb import: --delimiter 'pipe' is not a separator (expected comma, semicolon or tab)\n");
}

TEST(ExportImport, PartialWritesTheGoodRowsAndListsTheRest) {
  std::string dir = test::temp_dir("import-partial");
  test::write_text(dir + "/sheet.csv", "Item,Level,N/A,Note,Evidence\nL-VIS-01,3,,,\nL-ROL-01,9,,,\nL-ROL-02,Defined,,,\n");
  auto strict = run_cjb(new_assessment_args(dir + "/sheet.csv", dir + "/strict.xml"));
  EXPECT_EQ(strict.exit_code, 2);
  EXPECT_FALSE(std::filesystem::exists(dir + "/strict.xml"));
  auto args = new_assessment_args(dir + "/sheet.csv", dir + "/partial.xml");
  args.push_back("--partial");
  auto r = run_cjb(args);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "cjb: 2 answers read from " + dir + "/sheet.csv; 2 responses in " + dir + "/partial.xml\n" + dir +
                       "/sheet.csv: row 3, column B (Level): error: \"9\" is outside the scale 0–4 (expected 0, 1, 2, 3, 4, a label such as \"Defined\", or N/A)\n"
                       "cjb: --partial: 1 rows left out (listed above)\n");
  Assessment a = xml::load_assessment(dir + "/partial.xml");
  ASSERT_EQ(a.responses.size(), 2u);
  EXPECT_EQ(*a.responses[1].level, 2);
}

TEST(ExportImport, BomByDefaultAndNoBom) {
  std::string dir = test::temp_dir("export-bom");
  auto with = run_cjb({"export", "--data-dir", "tests/data/mini", "--profile", "mini-store"});
  ASSERT_EQ(with.exit_code, 0) << with.err;
  EXPECT_EQ(with.out.substr(0, 8), "\xEF\xBB\xBFItem,");
  auto without = run_cjb({"export", "--data-dir", "tests/data/mini", "--profile", "mini-store", "--no-bom"});
  EXPECT_EQ(without.out, with.out.substr(3));
}

TEST(ExportImport, FormatFollowsTheFileNameAndNeverMismatches) {
  std::string dir = test::temp_dir("export-format");
  auto r = run_cjb({"export", "--data-dir", "tests/data/mini", "--profile", "mini-store", "-o", dir + "/s.xlsx"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(test::read_text(dir + "/s.xlsx").substr(0, 4), "PK\x03\x04");
  auto mismatch = run_cjb({"export", "--data-dir", "tests/data/mini", "--profile", "mini-store", "--format", "csv", "-o", dir + "/t.xlsx"});
  EXPECT_EQ(mismatch.exit_code, 2);
  EXPECT_EQ(mismatch.err, "cjb export: --format csv does not fit the file name " + dir + "/t.xlsx (expected a .csv file)\n");
  EXPECT_FALSE(std::filesystem::exists(dir + "/t.xlsx"));
}

}  // namespace
}  // namespace cjb::sheet
