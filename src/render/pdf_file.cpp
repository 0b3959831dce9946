#include "render/pdf_file.h"

#include <cairo-pdf.h>
#include <fmt/format.h>

#include "core/civil_time.h"

namespace cjb::render {

PageSize page_size(Paper paper) { return paper == Paper::Letter ? PageSize{612, 792} : PageSize{595.276, 841.89}; }

std::string pdf_date(long long seconds) {
  CivilTime t = civil_from_seconds(seconds);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", t.year, t.month, t.day, t.hour, t.minute, t.second);
}

namespace {

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

PdfFile::PdfFile(Paper paper, const PdfMetadata& metadata) : size_(page_size(paper)) {
  surface_ = pdf::make_pdf_surface(append_bytes, &bytes_, size_.width, size_.height);
  cr_ = pdf::make_context(surface_.get());
  cairo_surface_t* s = surface_.get();
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, metadata.title.c_str());
  if (!metadata.author.empty()) cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, metadata.author.c_str());
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "cjb");
  if (metadata.timestamp) {
    std::string date = pdf_date(*metadata.timestamp);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, date.c_str());
  }
}

void PdfFile::add_outline(const std::string& title, const std::string& destination) {
  cairo_pdf_surface_add_outline(surface_.get(), CAIRO_PDF_OUTLINE_ROOT, title.c_str(), destination.c_str(), CAIRO_PDF_OUTLINE_FLAG_OPEN);
}

std::string PdfFile::finish() {
  pdf::check_status(cairo_status(cr_.get()), "drawing");
  cr_.reset();
  cairo_surface_finish(surface_.get());
  pdf::check_status(cairo_surface_status(surface_.get()), "writing");
  surface_.reset();
  return std::move(bytes_);
}

}  // namespace cjb::render
