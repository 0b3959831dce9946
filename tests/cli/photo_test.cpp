// Photo evidence end to end (docs/formats.md, assessments): the mini assessment with photos
// beside it, through cjb report (PDF, HTML, Markdown) and cjb validate.

#include <cstdio>
#include <filesystem>
#include <regex>

#include <fmt/format.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gtest/gtest.h>

#include "support.h"

namespace cjb::test {
namespace {

namespace fs = std::filesystem;

std::string shell(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return out;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  pclose(pipe);
  return out;
}

// The mini assessment in dir, with the example photos under dir/photos and `evidence`
// (elements) added to the responses named.
std::string assessment_with(const std::string& dir, const std::vector<std::pair<std::string, std::string>>& evidence) {
  fs::create_directories(dir + "/photos");
  for (const char* name : {"fire-exit.jpg", "shelf-gap.png"})
    fs::copy_file(source_path(std::string("examples/photos/") + name), dir + "/photos/" + name, fs::copy_options::overwrite_existing);
  std::string text = read_text(source_path("tests/data/mini-assessment.xml"));
  for (const auto& [item, elements] : evidence) {
    std::string open = fmt::format("<response item=\"{}\" level=\"", item);
    size_t at = text.find(open);
    EXPECT_NE(at, std::string::npos) << item;
    size_t end = text.find("/>", at);
    text.replace(end, 2, ">" + elements + "</response>");
  }
  std::string path = dir + "/a.xml";
  write_text(path, text);
  return path;
}

const std::vector<std::pair<std::string, std::string>> kTwoPhotos = {
    {"J-ARR-P-01", "<evidence file=\"photos/fire-exit.jpg\">Roll cage across the fire exit</evidence>"},
    {"J-BRO-P-01", "<evidence file=\"photos/shelf-gap.png\">Gap on the shelf</evidence>"}};

RunResult report(const std::string& assessment, const std::string& out) {
  return run_cjb({"report", assessment, "--data-dir", source_path("tests/data/mini"), "-o", out}, "", {"SOURCE_DATE_EPOCH=1767225600"});
}

// Lines of `pdfimages -list` after its two header lines: one per image drawn on a page.
std::vector<std::string> pdf_images(const std::string& pdf) {
  std::vector<std::string> lines;
  std::string list = shell("pdfimages -list " + pdf);
  size_t start = 0;
  int n = 0;
  while (start < list.size()) {
    size_t end = list.find('\n', start);
    if (end == std::string::npos) end = list.size();
    if (++n > 2 && end > start) lines.push_back(list.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

TEST(PhotoReport, PdfHoldsEachPhotoInTheActionPlanAndTheAppendixUpright) {
  std::string dir = temp_dir("photo-pdf");
  RunResult r = report(assessment_with(dir, kTwoPhotos), dir + "/r.pdf");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  std::vector<std::string> images = pdf_images(dir + "/r.pdf");
  // Both items are in the action plan and in the appendix: four thumbnails drawn.
  ASSERT_EQ(images.size(), 4u) << shell("pdfimages -list " + dir + "/r.pdf");
  int jpeg = 0, png = 0;
  for (const auto& line : images) {
    // The JPEG is stored 240×320 with EXIF orientation 6: drawn upright it is 320 wide, 240 high.
    if (line.find(" jpeg ") != std::string::npos) {
      ++jpeg;
      EXPECT_TRUE(std::regex_search(line, std::regex("image\\s+320\\s+240\\s"))) << line;
    } else {
      ++png;
      EXPECT_TRUE(std::regex_search(line, std::regex("image\\s+320\\s+240\\s"))) << line;
    }
  }
  // A photo without transparency is re-encoded as JPEG, the PNG too.
  EXPECT_EQ(jpeg, 4);
  EXPECT_EQ(png, 0);
  std::string again = dir + "/again.pdf";
  ASSERT_EQ(report(dir + "/a.xml", again).exit_code, 0);
  EXPECT_TRUE(read_text(dir + "/r.pdf") == read_text(again)) << "photos keep the PDF deterministic";
}

// The grocer example ships two photos (examples/photos): the fire exit of its critical failure
// J-ARR-P-03 is drawn in the action plan's "Fix now" table and in the appendix, the shelf gap of
// J-BRO-P-03 (not among the listed actions) in the appendix; pdfimages lists each drawing.
TEST(PhotoReport, GrocerExamplePdfHoldsItsPhotosWhereTheFindingsAre) {
  std::string dir = temp_dir("photo-grocer");
  RunResult r = run_cjb({"report", "examples/grocer-omnichannel.xml", "-o", dir + "/g.pdf"}, "", {"SOURCE_DATE_EPOCH=1767225600"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  std::vector<std::string> images = pdf_images(dir + "/g.pdf");
  ASSERT_EQ(images.size(), 3u) << shell("pdfimages -list " + dir + "/g.pdf");
  std::vector<int> pages;
  for (const auto& line : images) {
    std::smatch m;
    ASSERT_TRUE(std::regex_search(line, m, std::regex("^\\s*(\\d+)\\s+\\d+\\s+image\\s+320\\s+240\\s+rgb\\s+3\\s+8\\s+jpeg"))) << line;
    pages.push_back(std::stoi(m[1]));
  }
  // A page's text with every run of blanks and line breaks as one space: captions wrap.
  auto page_text = [&](int page) {
    return std::regex_replace(shell(fmt::format("pdftotext -f {0} -l {0} {1}/g.pdf -", page, dir)), std::regex("\\s+"), " ");
  };
  std::string first = page_text(pages[0]);
  EXPECT_NE(first.find("Fix now: critical failures"), std::string::npos) << first;
  EXPECT_NE(first.find("Roll cage across the fire exit, aisle 14"), std::string::npos) << "the caption under the thumbnail";
  EXPECT_NE(page_text(pages[1]).find("J-ARR-P-03"), std::string::npos);
  std::string last = page_text(pages[2]);
  EXPECT_NE(last.find("J-BRO-P-03"), std::string::npos);
  EXPECT_NE(last.find("Empty facings with no label"), std::string::npos);
}

TEST(PhotoReport, HtmlInlinesDownscaledPhotosAndMarkdownLinksThem) {
  std::string dir = temp_dir("photo-html");
  std::string a = assessment_with(dir, kTwoPhotos);
  RunResult r = report(a, dir + "/r.html");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  std::string html = read_text(dir + "/r.html");
  EXPECT_NE(html.find("<img src=\"data:image/jpeg;base64,/9j/"), std::string::npos);
  EXPECT_NE(html.find("alt=\"Gap on the shelf\""), std::string::npos);
  EXPECT_NE(html.find("width=\"320\" height=\"240\" alt=\"Roll cage across the fire exit\""), std::string::npos);

  fs::create_directories(dir + "/out");
  RunResult md = report(a, dir + "/out/r.md");
  ASSERT_EQ(md.exit_code, 0) << md.err;
  EXPECT_EQ(md.err, "");
  std::string text = read_text(dir + "/out/r.md");
  // Relative to the folder the report is written to.
  EXPECT_NE(text.find("<br>[Photo: Roll cage across the fire exit](../photos/fire-exit.jpg)"), std::string::npos) << text;
  EXPECT_NE(text.find("<br>[Photo: Gap on the shelf](../photos/shelf-gap.png)"), std::string::npos);
}

TEST(PhotoReport, FiftyCameraSizedPhotosKeepTheHtmlUnderTenMebibytes) {
  std::string dir = temp_dir("photo-fifty");
  fs::create_directories(dir + "/photos");
  // A 4000×3000 camera-sized photo of noise (the worst case for JPEG), about 4 MB as written.
  GdkPixbuf* big = gdk_pixbuf_new(GDK_COLORSPACE_RGB, FALSE, 8, 4000, 3000);
  guchar* pixels = gdk_pixbuf_get_pixels(big);
  unsigned state = 12345;
  for (size_t i = 0, n = static_cast<size_t>(gdk_pixbuf_get_rowstride(big)) * 3000; i < n; ++i) {
    state = state * 1103515245u + 12345u;
    pixels[i] = static_cast<guchar>(state >> 24);
  }
  std::vector<std::pair<std::string, std::string>> evidence;
  const char* items[] = {"L-VIS-01", "L-VIS-02", "L-ROL-02", "L-STR-01", "L-CUL-01", "L-EMP-01", "E-STD-01", "E-STD-02", "E-PRO-02",
                         "E-PEO-01", "E-PEO-02", "E-MEA-01", "E-MEA-02", "E-VOC-02", "J-RES-P-01", "J-RES-P-02", "J-ARR-P-01",
                         "J-WEL-P-01", "J-WEL-P-02", "J-BRO-P-01", "J-BRO-P-02", "J-PER-P-01", "J-PER-P-02", "L-EMP-02", "E-PRO-01"};
  int photos = 0;
  for (const char* item : items) {
    std::string elements;
    for (int k = 0; k < 2; ++k, ++photos) {
      std::string name = fmt::format("photos/p{:02}.jpg", photos);
      if (photos < 2) ASSERT_TRUE(gdk_pixbuf_save(big, (dir + "/" + name).c_str(), "jpeg", nullptr, "quality", "90", nullptr));
      else fs::copy_file(dir + "/photos/p0" + std::to_string(photos % 2) + ".jpg", dir + "/" + name);
      elements += fmt::format("<evidence file=\"{}\">photo {}</evidence>", name, photos);
    }
    evidence.push_back({item, elements});
  }
  g_object_unref(big);
  ASSERT_EQ(photos, 50);
  std::string a = assessment_with(dir, evidence);
  RunResult r = report(a, dir + "/r.html");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  std::string html = read_text(dir + "/r.html");
  size_t images = 0;
  for (size_t at = html.find("data:image/jpeg"); at != std::string::npos; at = html.find("data:image/jpeg", at + 1)) ++images;
  EXPECT_GE(images, 50u);
  EXPECT_LT(html.size(), 10u * 1024 * 1024) << html.size();
  EXPECT_NE(html.find("width=\"480\" height=\"360\""), std::string::npos) << "downscaled to 480 pixels";
}

TEST(PhotoReport, AMissingPhotoIsAWarningNotAFailedReport) {
  std::string dir = temp_dir("photo-missing");
  std::string a = assessment_with(dir, {{"J-ARR-P-01", "<evidence file=\"photos/gone.jpg\">Gone</evidence>"},
                                        {"J-BRO-P-01", "<evidence file=\"photos/shelf-gap.png\"/>"}});
  write_text(dir + "/photos/broken.png", "not a PNG");
  for (const char* out : {"r.pdf", "r.html", "r.md"}) {
    RunResult r = report(a, dir + "/" + out);
    EXPECT_EQ(r.exit_code, 0) << out << r.err;
    EXPECT_TRUE(fs::exists(dir + "/" + out));
    EXPECT_EQ(r.err, fmt::format("cjb report: warning: photo photos/gone.jpg of J-ARR-P-01 cannot be read: Failed to open file “{}/photos/gone.jpg”: No such file or directory\n", dir))
        << out;
  }
  std::string broken = assessment_with(dir, {{"J-ARR-P-01", "<evidence file=\"photos/broken.png\"/>"}});
  RunResult r = report(broken, dir + "/b.pdf");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("cjb report: warning: photo photos/broken.png of J-ARR-P-01 cannot be read: "), std::string::npos) << r.err;
  EXPECT_EQ(pdf_images(dir + "/b.pdf").size(), 0u);
}

TEST(PhotoValidate, AMissingPhotoIsAProblemAtItsEvidenceElement) {
  std::string dir = temp_dir("photo-validate");
  std::string a = assessment_with(dir, {{"J-ARR-P-01", "<evidence file=\"photos/gone.jpg\">Gone</evidence>"},
                                        {"J-BRO-P-01", "<evidence file=\"photos/shelf-gap.png\"/>"}});
  RunResult r = run_cjb({"validate", "-q", "--data-dir", source_path("tests/data/mini"), a});
  EXPECT_EQ(r.exit_code, 1);
  std::string text = read_text(a);
  size_t at = text.find("<evidence file=\"photos/gone.jpg\"");
  int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
  int column = static_cast<int>(at - text.rfind('\n', at));
  EXPECT_EQ(r.err, fmt::format("{}:{}:{}: error: photo 'photos/gone.jpg' of 'J-ARR-P-01' is not there (expected a JPEG or PNG file at {}/photos/gone.jpg)\n"
                               "cjb: 1 problem found\n", a, line, column, dir));
  std::string good = assessment_with(dir, kTwoPhotos);
  EXPECT_EQ(run_cjb({"validate", "-q", "--data-dir", source_path("tests/data/mini"), good}).exit_code, 0);
}

}  // namespace
}  // namespace cjb::test
