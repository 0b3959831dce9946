#pragma once
// The paper a PDF is printed on and the dates it carries: what the PDF writer (render/pdf_file.h)
// and its callers share, without cairo.

#include <string>

namespace cjb::render {

enum class Paper { A4, Letter };

struct PageSize {
  double width = 0, height = 0;  // points
};

// A4 595.276 × 841.89 points, US letter 612 × 792.
PageSize page_size(Paper paper);

// "2026-01-15T10:00:00Z" for seconds since 1970 (UTC), as cairo's PDF metadata expects.
std::string pdf_date(long long seconds);

}  // namespace cjb::render
