// Photo evidence: the reader and writer of <evidence file="…">, and the image adapter
// (render/photo.h) that turns photos upright and scales them.

#include <filesystem>

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gtest/gtest.h>

#include "core/error.h"
#include "render/photo.h"
#include "support.h"
#include "xml/files.h"

namespace cjb::test {
namespace {

const std::string kHead =
    "<?xml version=\"1.0\"?>\n<assessment id=\"a\">\n<subject retailer=\"R\" site=\"S\"/>\n<meta date=\"2026-01-15\"/>\n"
    "<scope model=\"cjb-retail\" profile=\"p\"/>\n<responses>\n";

TEST(PhotoEvidence, ReadWithCaptionPlaceAndTextEvidenceApart) {
  Assessment a = xml::parse_assessment(kHead +
                                           "<response item=\"J-ARR-P-03\" level=\"0\">\n"
                                           "  <evidence>Photos 1 to 3</evidence>\n"
                                           "  <evidence file=\" photos/fire-exit.jpg \">Roll cage across the fire exit</evidence>\n"
                                           "  <evidence file=\"photos/b.png\"/>\n"
                                           "</response>\n</responses>\n</assessment>\n",
                                       "dir/a.xml");
  const Response& r = a.responses.at(0);
  EXPECT_EQ(r.evidence, "Photos 1 to 3");
  ASSERT_EQ(r.photos.size(), 2u);
  EXPECT_EQ(r.photos[0].file, "photos/fire-exit.jpg");
  EXPECT_EQ(r.photos[0].caption, "Roll cage across the fire exit");
  EXPECT_EQ(r.photos[0].where.line, 9);
  EXPECT_EQ(r.photos[1].file, "photos/b.png");
  EXPECT_EQ(r.photos[1].caption, "");
  // Written back: the same photos, after the text evidence.
  Assessment back = xml::parse_assessment(xml::write_assessment(a), "b.xml");
  ASSERT_EQ(back.responses.at(0).photos.size(), 2u);
  EXPECT_EQ(back.responses[0].photos[0].file, "photos/fire-exit.jpg");
  EXPECT_EQ(back.responses[0].photos[0].caption, "Roll cage across the fire exit");
  EXPECT_EQ(back.responses[0].photos[1].file, "photos/b.png");
  EXPECT_EQ(back.responses[0].evidence, "Photos 1 to 3");
}

TEST(PhotoEvidence, EmptyFileAndUnknownAttributeAreRefused) {
  try {
    xml::parse_assessment(kHead + "<response item=\"X\" level=\"1\"><evidence file=\"\"/><evidence kind=\"x\"/></response>\n</responses>\n</assessment>\n",
                          "a.xml");
    FAIL() << "accepted";
  } catch (const InputError& e) {
    ASSERT_EQ(e.diagnostics().size(), 2u);
    EXPECT_EQ(e.diagnostics()[0].to_string(), "a.xml:7:30: error: <evidence> of 'X' has an empty file=\"\" (expected a path such as photos/fire-exit.jpg)");
    EXPECT_NE(e.diagnostics()[1].message.find("kind"), std::string::npos) << e.diagnostics()[1].message;
  }
}

TEST(PhotoAdapter, ExifOrientationSwapsWidthAndHeight) {
  // Stored 240×320 with EXIF orientation 6 ("turn 90° clockwise"): upright it is 320×240.
  render::EncodedPhoto jpeg = render::load_photo(source_path("examples/photos/fire-exit.jpg"));
  EXPECT_EQ(jpeg.mime_type, "image/jpeg");
  EXPECT_EQ(jpeg.width, 320);
  EXPECT_EQ(jpeg.height, 240);
  render::EncodedPhoto small = render::load_photo(source_path("examples/photos/fire-exit.jpg"), {.max_side = 100});
  EXPECT_EQ(small.width, 100);
  EXPECT_EQ(small.height, 75);
  EXPECT_EQ(render::data_uri(small).rfind("data:image/jpeg;base64,/9j/", 0), 0u);
  render::EncodedPhoto png = render::load_photo(source_path("examples/photos/shelf-gap.png"));
  EXPECT_EQ(png.width, 320);
  EXPECT_EQ(png.height, 240);
  auto surface = render::photo_surface(jpeg);
  EXPECT_EQ(cairo_image_surface_get_width(surface.get()), 320);
  EXPECT_EQ(cairo_image_surface_get_height(surface.get()), 240);
}

// A JPEG written by the test, 40 wide and 20 high, red on the left and blue on the right, with
// an EXIF segment (orientation 6: "the stored left column is the visual top") put in by hand.
std::string sideways_jpeg(const std::string& dir) {
  GdkPixbuf* pixbuf = gdk_pixbuf_new(GDK_COLORSPACE_RGB, FALSE, 8, 40, 20);
  int stride = gdk_pixbuf_get_rowstride(pixbuf);
  guchar* pixels = gdk_pixbuf_get_pixels(pixbuf);
  for (int y = 0; y < 20; ++y)
    for (int x = 0; x < 40; ++x) {
      guchar* p = pixels + y * stride + x * 3;
      p[0] = x < 20 ? 220 : 20;
      p[1] = 20;
      p[2] = x < 20 ? 20 : 220;
    }
  gchar* buffer = nullptr;
  gsize size = 0;
  EXPECT_TRUE(gdk_pixbuf_save_to_buffer(pixbuf, &buffer, &size, "jpeg", nullptr, "quality", "95", nullptr));
  g_object_unref(pixbuf);
  std::string jpeg(buffer, size);
  g_free(buffer);
  // APP1: "Exif\0\0", a little-endian TIFF header, one IFD entry 0x0112 (SHORT) = 6.
  const unsigned char exif[] = {0xFF, 0xE1, 0x00, 0x22, 'E', 'x', 'i', 'f', 0, 0, 'I', 'I', 0x2A, 0, 8, 0, 0, 0,
                                1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0};
  jpeg.insert(2, reinterpret_cast<const char*>(exif), sizeof exif);
  std::string path = dir + "/sideways.jpg";
  write_text(path, jpeg);
  return path;
}

TEST(PhotoAdapter, ExifOrientationTurnsThePixelsUpright) {
  std::string path = sideways_jpeg(temp_dir("photo-exif"));
  render::EncodedPhoto photo = render::load_photo(path);
  ASSERT_EQ(photo.width, 20);
  ASSERT_EQ(photo.height, 40);
  auto surface = render::photo_surface(photo);
  const unsigned char* data = cairo_image_surface_get_data(surface.get());
  int stride = cairo_image_surface_get_stride(surface.get());
  auto pixel = [&](int x, int y) { return *reinterpret_cast<const uint32_t*>(data + y * stride + x * 4); };
  auto red = [](uint32_t argb) { return static_cast<int>((argb >> 16) & 0xFF); };
  auto blue = [](uint32_t argb) { return static_cast<int>(argb & 0xFF); };
  // The red half, stored on the left, is on top once upright; the blue half at the bottom.
  EXPECT_GT(red(pixel(10, 5)), 150);
  EXPECT_LT(blue(pixel(10, 5)), 100);
  EXPECT_GT(blue(pixel(10, 34)), 150);
  EXPECT_LT(red(pixel(10, 34)), 100);
}

TEST(PhotoAdapter, CacheWarnsOncePerFileAndItem) {
  render::PhotoCache cache;
  render::PhotoRef gone{"/nonexistent/gone.jpg", "gone.jpg", "", "J-ARR-P-03"};
  EXPECT_EQ(cache.get(gone), nullptr);
  EXPECT_EQ(cache.get(gone), nullptr);
  gone.item = "J-BRO-P-01";
  EXPECT_EQ(cache.get(gone), nullptr);
  ASSERT_EQ(cache.warnings().size(), 2u);
  EXPECT_EQ(cache.warnings()[0],
            "photo gone.jpg of J-ARR-P-03 cannot be read: Failed to open file “/nonexistent/gone.jpg”: No such file or directory");
  EXPECT_EQ(cache.warnings()[1].substr(0, 37), "photo gone.jpg of J-BRO-P-01 cannot b");
  render::PhotoRef ok{source_path("examples/photos/shelf-gap.png"), "photos/shelf-gap.png", "", "X"};
  EXPECT_NE(cache.get(ok), nullptr);
  EXPECT_EQ(cache.warnings().size(), 2u);
}

}  // namespace
}  // namespace cjb::test
