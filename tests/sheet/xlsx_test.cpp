// XLSX field sheets: written with libxlsxwriter, read with libzip + pugixml, and round trips
// through cjb (and, in xlsx_libreoffice_test.cpp, through LibreOffice).

#include <zip.h>

#include <filesystem>
#include <memory>

#include <gtest/gtest.h>

#include "sheet/field_sheet.h"
#include "sheet/xlsx_reader.h"
#include "sheet/xlsx_writer.h"
#include "support.h"
#include "xml/catalog_loader.h"
#include "xml/files.h"

namespace cjb::sheet {
namespace {

using test::run_cjb;

// A minimal workbook written part by part, the way other programs than libxlsxwriter write
// them (inline strings, rich text, numbers as "2.0", namespace prefixes).
std::string make_xlsx(const std::vector<std::pair<std::string, std::string>>& parts) {
  std::string path = test::temp_dir("xlsx-make") + "/w.xlsx";
  std::filesystem::remove(path);
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  EXPECT_NE(archive, nullptr);
  for (const auto& [name, text] : parts) {
    zip_source_t* source = zip_source_buffer(archive, text.data(), text.size(), 0);
    zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8);
  }
  EXPECT_EQ(zip_close(archive), 0);
  return test::read_text(path);
}

const char* kRels =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"/xl/sharedStrings.xml\"/>"
    "</Relationships>";
const char* kBook =
    "<x:workbook xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    "<x:sheets><x:sheet name=\"Audit\" sheetId=\"1\" r:id=\"rId1\"/></x:sheets></x:workbook>";
const char* kStrings =
    "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
    "<si><t>Item</t></si><si><t>Level</t></si><si><t>N/A</t></si><si><r><t>No</t></r><r><rPr><b/></rPr><t>te</t></r></si>"
    "<si><t>Evidence</t></si><si><t xml:space=\"preserve\">Friendly, </t><rPh><t>ignored</t></rPh></si></sst>";

std::string sheet_xml(const std::string& rows) {
  return "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
         "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c>"
         "<c r=\"D1\" t=\"s\"><v>3</v></c><c r=\"E1\" t=\"s\"><v>4</v></c></row>" +
         rows + "</sheetData></worksheet>";
}

class Xlsx : public ::testing::Test {
 protected:
  Catalog catalog = xml::load_catalog(test::source_path("tests/data/mini"));
  Instrument instrument = resolve_profile(catalog, *catalog.find_profile("mini-store"));

  std::string error_of(const std::string& bytes) {
    try {
      read_field_sheet(read_xlsx(bytes, "s.xlsx"), "s.xlsx", catalog.model, instrument);
    } catch (const InputError& e) {
      return e.what();
    }
    return "no error";
  }
};

TEST_F(Xlsx, ReadsSharedInlineAndRichStringsAndNumbers) {
  std::string bytes = make_xlsx({{"xl/_rels/workbook.xml.rels", kRels}, {"xl/workbook.xml", kBook}, {"xl/sharedStrings.xml", kStrings},
                                 {"xl/worksheets/sheet1.xml", sheet_xml(
                                      "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>L-VIS-01</t></is></c><c r=\"B2\"><v>2.0</v></c>"
                                      "<c r=\"D2\" t=\"s\"><v>5</v></c><c r=\"E2\" t=\"inlineStr\"><is><r><t>Log</t></r><r><t>book</t></r></is></c></row>"
                                      "<row r=\"5\"><c r=\"A5\" t=\"inlineStr\"><is><t>L-VIS-02</t></is></c><c r=\"C5\" t=\"b\"><v>1</v></c></row>"
                                      "<row r=\"6\"><c r=\"A6\" t=\"inlineStr\"><is><t>L-ROL-01</t></is></c><c r=\"B6\"><v>3</v></c></row>")}});
  auto tables = read_xlsx(bytes, "s.xlsx");
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].sheet, "Audit");
  EXPECT_EQ(tables[0].rows[0][3].text, "Note");  // rich text runs joined
  EXPECT_EQ(tables[0].rows[2][0].row, 5);       // the sheet's own row numbers, gaps kept
  auto answers = read_field_sheet(tables, "s.xlsx", catalog.model, instrument);
  ASSERT_EQ(answers.responses.size(), 3u);
  EXPECT_EQ(*answers.responses[0].level, 2);
  EXPECT_EQ(answers.responses[0].note, "Friendly,");
  EXPECT_EQ(answers.responses[0].evidence, "Logbook");
  EXPECT_TRUE(answers.responses[1].na);  // TRUE in the N/A column
  EXPECT_EQ(*answers.responses[2].level, 3);
}

TEST_F(Xlsx, ErrorsInSheetCoordinates) {
  std::string bytes = make_xlsx({{"xl/_rels/workbook.xml.rels", kRels}, {"xl/workbook.xml", kBook}, {"xl/sharedStrings.xml", kStrings},
                                 {"xl/worksheets/sheet1.xml", sheet_xml(
                                      "<row r=\"11\"><c r=\"A11\" t=\"inlineStr\"><is><t>L-VIS-01</t></is></c><c r=\"B11\"><v>5</v></c></row>"
                                      "<row r=\"12\"><c r=\"A12\" t=\"inlineStr\"><is><t>L-ROL-01</t></is></c><c r=\"B12\"><v>1</v></c>"
                                      "<c r=\"D12\" t=\"inlineStr\"><is><t>bell_x0007_here</t></is></c></row>")}});
  EXPECT_EQ(error_of(bytes),
            "s.xlsx: sheet 'Audit', row 11, column B (Level): error: \"5\" is outside the scale 0–4 (expected 0, 1, 2, 3, 4, a label such as \"Defined\", or N/A)\n"
            "s.xlsx: sheet 'Audit', row 12, column D (Note): error: a control character (U+0007) at character 5 of the cell (expected text; only tabs and "
            "line breaks may be in a cell)");
}

TEST_F(Xlsx, NotAWorkbook) {
  EXPECT_EQ(error_of("PK\x03\x04 truncated"), "s.xlsx: error: not an XLSX workbook: not a zip archive (expected a file saved as \"Excel Workbook (.xlsx)\")");
  EXPECT_EQ(error_of(make_xlsx({{"xl/workbook.xml", kBook}})),
            "s.xlsx: error: the workbook has no part xl/_rels/workbook.xml.rels (expected a file saved as \"Excel Workbook (.xlsx)\")");
  EXPECT_EQ(error_of(make_xlsx({{"xl/_rels/workbook.xml.rels", kRels}, {"xl/workbook.xml", kBook}, {"xl/worksheets/sheet1.xml", "<worksheet><sheetData>"}})),
            "s.xlsx: error: part xl/worksheets/sheet1.xml is not well-formed XML: Start-end tags mismatch at byte 21 (expected an undamaged workbook)");
}

TEST_F(Xlsx, WrittenWorkbookHasOneSheetPerLayerDropDownsAndLockedColumns) {
  std::string bytes = write_field_sheet_xlsx(catalog, instrument, nullptr);
  EXPECT_EQ(bytes, write_field_sheet_xlsx(catalog, instrument, nullptr));  // same input, same bytes
  auto tables = read_xlsx(bytes, "s.xlsx");
  std::vector<std::string> names;
  size_t rows = 0;
  for (const auto& t : tables) {
    names.push_back(t.sheet);
    rows += t.rows.size() - 1;
    EXPECT_EQ(t.rows[0][10].text, "Level");
  }
  EXPECT_EQ(names, (std::vector<std::string>{"Leadership", "Enablers", "Customer journey"}));
  EXPECT_EQ(rows, instrument.items.size());
  // What Excel reads from the sheet XML: frozen panes, protection, the drop-down, unlocked styles.
  std::string dir = test::temp_dir("xlsx-written");
  test::write_text(dir + "/s.xlsx", bytes);
  int error = 0;
  zip_t* archive = zip_open((dir + "/s.xlsx").c_str(), ZIP_RDONLY, &error);
  ASSERT_NE(archive, nullptr);
  zip_stat_t stat;
  ASSERT_EQ(zip_stat(archive, "xl/worksheets/sheet1.xml", 0, &stat), 0);
  std::string xml(stat.size, '\0');
  zip_file_t* file = zip_fopen(archive, "xl/worksheets/sheet1.xml", 0);
  zip_fread(file, xml.data(), stat.size);
  zip_fclose(file);
  zip_discard(archive);
  EXPECT_NE(xml.find("<pane xSplit=\"1\" ySplit=\"1\" topLeftCell=\"B2\" activePane=\"bottomRight\" state=\"frozen\"/>"), std::string::npos);
  EXPECT_NE(xml.find("<sheetProtection sheet=\"1\""), std::string::npos);
  EXPECT_NE(xml.find("<formula1>\"0 Absent,1 Ad hoc,2 Defined,3 Consistent,4 Leading,N/A\"</formula1>"), std::string::npos);
  EXPECT_NE(xml.find("<formula1>\"0 No,1 Yes,N/A\"</formula1>"), std::string::npos) << "L-VIS-02 is a yes/no item";
}

TEST_F(Xlsx, OneSheetPerChannel) {
  XlsxSheetOptions by_channel;
  by_channel.split = XlsxSheetOptions::Split::kChannel;
  auto tables = read_xlsx(write_field_sheet_xlsx(catalog, instrument, nullptr, by_channel), "s.xlsx");
  std::vector<std::string> names;
  for (const auto& t : tables) names.push_back(t.sheet);
  EXPECT_EQ(names, (std::vector<std::string>{"All", "In store"}));
  EXPECT_TRUE(read_field_sheet(tables, "s.xlsx", catalog.model, instrument).responses.empty());
}

TEST(XlsxExportImport, ErrorsThroughTheCommandLineWriteNothing) {
  std::string dir = test::temp_dir("xlsx-cli-error");
  std::string xlsx = make_xlsx({{"xl/_rels/workbook.xml.rels", kRels}, {"xl/workbook.xml", kBook}, {"xl/sharedStrings.xml", kStrings},
                                {"xl/worksheets/sheet1.xml", sheet_xml("<row r=\"11\"><c r=\"A11\" t=\"inlineStr\"><is><t>L-VIS-01</t></is></c>"
                                                                       "<c r=\"B11\"><v>5</v></c></row>")}});
  test::write_text(dir + "/sheet.xlsx", xlsx);
  auto r = run_cjb({"import", "--data-dir", "tests/data/mini", dir + "/sheet.xlsx", "--profile", "mini-store", "--retailer", "R", "--site", "S",
                    "--date", "2026-05-01", "-o", dir + "/new.xml"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, dir + "/sheet.xlsx: sheet 'Audit', row 11, column B (Level): error: \"5\" is outside the scale 0–4 (expected 0, 1, 2, 3, 4, "
                         "a label such as \"Defined\", or N/A)\n");
  EXPECT_FALSE(std::filesystem::exists(dir + "/new.xml"));
}

TEST(XlsxExportImport, RoundTripIsLossless) {
  std::string dir = test::temp_dir("xlsx-round-trip");
  // An assessment with every kind of answer and a note that looks like a formula.
  std::string original = test::read_text(test::source_path("tests/data/mini-assessment.xml"));
  auto exported = run_cjb({"export", "--data-dir", "tests/data/mini", "tests/data/mini-assessment.xml", "-o", dir + "/sheet.xlsx"});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_EQ(exported.err, "");
  auto imported = run_cjb({"import", "--data-dir", "tests/data/mini", dir + "/sheet.xlsx", "--into", "tests/data/mini-assessment.xml", "-o", dir + "/back.xml"});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  auto before = run_cjb({"score", "--data-dir", "tests/data/mini", "--format", "json", "tests/data/mini-assessment.xml"});
  auto after = run_cjb({"score", "--data-dir", "tests/data/mini", "--format", "json", dir + "/back.xml"});
  ASSERT_EQ(before.exit_code, 0) << before.err;
  EXPECT_EQ(after.out, before.out);
  Assessment a = xml::load_assessment(test::source_path("tests/data/mini-assessment.xml"));
  Assessment b = xml::load_assessment(dir + "/back.xml");
  ASSERT_EQ(a.responses.size(), b.responses.size());
  for (size_t i = 0; i < a.responses.size(); ++i) {
    EXPECT_EQ(a.responses[i].note, b.responses[i].note);
    EXPECT_EQ(a.responses[i].evidence, b.responses[i].evidence);
  }
}

}  // namespace
}  // namespace cjb::sheet
