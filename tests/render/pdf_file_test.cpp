// The one PDF page writer: page sizes, the SOURCE_DATE_EPOCH dates, and a file two runs write alike.

#include "render/pdf_file.h"

#include <gtest/gtest.h>

namespace cjb::render {
namespace {

TEST(PdfFile, PageSizesInPoints) {
  EXPECT_DOUBLE_EQ(page_size(Paper::A4).width, 595.276);
  EXPECT_DOUBLE_EQ(page_size(Paper::A4).height, 841.89);
  EXPECT_DOUBLE_EQ(page_size(Paper::Letter).width, 612);
  EXPECT_DOUBLE_EQ(page_size(Paper::Letter).height, 792);
}

TEST(PdfFile, DatesAsCairoMetadataWantsThem) {
  EXPECT_EQ(pdf_date(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(pdf_date(1767225600 + 3661), "2026-01-01T01:01:01Z");
}

std::string one_page(const PdfMetadata& metadata) {
  PdfFile file(Paper::Letter, metadata);
  cairo_rectangle(file.context(), 10, 10, 100, 50);
  cairo_fill(file.context());
  file.add_outline("First", "page=1");
  file.show_page();
  return file.finish();
}

TEST(PdfFile, WithATimestampTwoRunsAreByteIdentical) {
  PdfMetadata metadata{"Title", "Author", 1767225600};
  std::string pdf = one_page(metadata);
  EXPECT_EQ(pdf.rfind("%PDF-", 0), 0u);
  EXPECT_NE(pdf.find("/CreationDate (20260101000000Z)"), std::string::npos);  // as cairo writes it
  EXPECT_NE(pdf.find("/Author (Author)"), std::string::npos);
  EXPECT_TRUE(pdf == one_page(metadata));
}

}  // namespace
}  // namespace cjb::render
