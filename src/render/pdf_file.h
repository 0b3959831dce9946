#pragma once
// One PDF being written: the page writer every PDF of render/ goes through (the gap report, and
// the benchmark through its Document). It owns the page size, the document's metadata — with
// the dates of SOURCE_DATE_EPOCH, so that two runs are byte-identical (docs/reports.md) —
// and cairo's status checks, so that a failed PDF is an error and never a half-written file.

#include <optional>
#include <string>

#include "render/paper.h"
#include "render/pdf_handles.h"

namespace cjb::render {

struct PdfMetadata {
  std::string title;
  std::string author;  // empty: none written
  // Creation and modification date, as seconds since 1970 (from SOURCE_DATE_EPOCH). nullopt:
  // cairo writes the current time, so two runs differ.
  std::optional<long long> timestamp;
};

class PdfFile {
 public:
  PdfFile(Paper paper, const PdfMetadata& metadata);
  PdfFile(const PdfFile&) = delete;  // cairo writes into bytes_ through a pointer
  PdfFile& operator=(const PdfFile&) = delete;

  double width() const { return size_.width; }
  double height() const { return size_.height; }
  cairo_t* context() { return cr_.get(); }
  // Ends the current page and starts the next.
  void show_page() { cairo_show_page(cr_.get()); }
  // An entry of the PDF's outline (bookmarks) at the top level, opening at destination
  // ("page=1"; cairo's link syntax).
  void add_outline(const std::string& title, const std::string& destination);
  // The file's bytes, once every page is drawn. Throws cjb::Error when cairo failed on the way.
  std::string finish();

 private:
  PageSize size_;
  std::string bytes_;
  pdf::SurfacePtr surface_;
  pdf::CairoPtr cr_;
};

}  // namespace cjb::render
