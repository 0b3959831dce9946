// Field sheets opened and saved again by a spreadsheet program (LibreOffice headless), then
// imported: the scores must not change. Slow (LibreOffice starts in tens of seconds), so the
// tests are DISABLED_ for the ordinary run and run by the CTest test
// sheet.libreoffice_round_trip (label libreoffice; tests/CMakeLists.txt).

#include <cstdlib>
#include <filesystem>

#include <gtest/gtest.h>

#include "support.h"
#include "xml/files.h"

namespace cjb {
namespace {

using test::run_cjb;

// The mini assessment with notes a spreadsheet would take for formulas and text with quotes,
// separators and line breaks, so the trip tests the defusing too; and photo evidence, whose
// "file: PATH | caption" lines must come back as photos.
std::string tricky_assessment(const std::string& dir) {
  std::string text = test::read_text(test::source_path("tests/data/mini-assessment.xml"));
  auto replace = [&](const std::string& from, const std::string& to) {
    size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
  };
  replace("<evidence>Asked two staff.</evidence>",
          "<evidence>=HYPERLINK(\"http://example.com\")</evidence>"
          "<evidence file=\"photos/fire-exit.jpg\">Roll cage; \"aisle\" 14</evidence><evidence file=\"photos/shelf gap.png\"/>");
  replace("<note>Not relevant here.</note>", "<note>-2 staff; \"closed\", then\nreopened</note>");
  std::filesystem::create_directories(dir + "/photos");
  std::filesystem::copy_file(test::source_path("examples/photos/fire-exit.jpg"), dir + "/photos/fire-exit.jpg");
  std::filesystem::copy_file(test::source_path("examples/photos/shelf-gap.png"), dir + "/photos/shelf gap.png");
  std::string path = dir + "/tricky.xml";
  test::write_text(path, text);
  return path;
}

// soffice --convert-to, with a profile of its own so parallel runs do not share a lock.
void libreoffice_convert(const std::string& dir, const std::string& input, const std::string& filter, const std::string& infilter = "") {
  std::string command = "cd '" + dir + "' && HOME='" + dir + "' soffice -env:UserInstallation=file://" + dir +
                        "/lo-profile --headless --norestore " + (infilter.empty() ? "" : "--infilter='" + infilter + "' ") +
                        "--convert-to '" + filter + "' --outdir '" + dir + "/lo' '" + input + "' > lo.log 2>&1";
  ASSERT_EQ(std::system(command.c_str()), 0) << command << "\n" << test::read_text(dir + "/lo.log");
}

void expect_same_scores(const std::string& assessment, const std::string& sheet, const std::string& dir) {
  std::string back = dir + "/back-" + std::filesystem::path(sheet).filename().string() + ".xml";
  auto imported = run_cjb({"import", "--data-dir", "tests/data/mini", sheet, "--into", assessment, "-o", back});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  auto before = run_cjb({"score", "--data-dir", "tests/data/mini", "--format", "json", assessment});
  auto after = run_cjb({"score", "--data-dir", "tests/data/mini", "--format", "json", back});
  ASSERT_EQ(before.exit_code, 0) << before.err;
  EXPECT_EQ(after.out, before.out);
  Assessment a = xml::load_assessment(assessment), b = xml::load_assessment(back);
  ASSERT_EQ(a.responses.size(), b.responses.size());
  for (size_t i = 0; i < a.responses.size(); ++i) {
    EXPECT_EQ(b.responses[i].note, a.responses[i].note) << a.responses[i].item;
    EXPECT_EQ(b.responses[i].evidence, a.responses[i].evidence) << a.responses[i].item;
    ASSERT_EQ(b.responses[i].photos.size(), a.responses[i].photos.size()) << a.responses[i].item;
    for (size_t k = 0; k < a.responses[i].photos.size(); ++k) {
      EXPECT_EQ(b.responses[i].photos[k].file, a.responses[i].photos[k].file);
      EXPECT_EQ(b.responses[i].photos[k].caption, a.responses[i].photos[k].caption);
    }
  }
  size_t photos = 0;
  for (const Response& r : b.responses) photos += r.photos.size();
  EXPECT_EQ(photos, 2u) << "the tricky assessment's photos came back";
}

TEST(LibreOffice, DISABLED_XlsxSavedByLibreOfficeImportsTheSame) {
  std::string dir = test::temp_dir("libreoffice-xlsx");
  std::string assessment = tricky_assessment(dir);
  auto exported = run_cjb({"export", "--data-dir", "tests/data/mini", assessment, "-o", dir + "/sheet.xlsx"});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  libreoffice_convert(dir, dir + "/sheet.xlsx", "xlsx:Calc MS Excel 2007 XML");
  ASSERT_TRUE(std::filesystem::exists(dir + "/lo/sheet.xlsx"));
  EXPECT_NE(test::read_text(dir + "/lo/sheet.xlsx"), test::read_text(dir + "/sheet.xlsx")) << "LibreOffice wrote its own file";
  expect_same_scores(assessment, dir + "/lo/sheet.xlsx", dir);
}

TEST(LibreOffice, DISABLED_CsvSavedByLibreOfficeImportsTheSame) {
  std::string dir = test::temp_dir("libreoffice-csv");
  std::string assessment = tricky_assessment(dir);
  auto exported = run_cjb({"export", "--data-dir", "tests/data/mini", assessment, "-o", dir + "/sheet.csv"});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  // Read as UTF-8 CSV, written as UTF-8 CSV with semicolons (as a European Excel would).
  libreoffice_convert(dir, dir + "/sheet.csv", "csv:Text - txt - csv (StarCalc):59,34,76,1", "CSV:44,34,76,1");
  ASSERT_TRUE(std::filesystem::exists(dir + "/lo/sheet.csv"));
  expect_same_scores(assessment, dir + "/lo/sheet.csv", dir);
}

}  // namespace
}  // namespace cjb
