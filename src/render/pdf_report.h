#pragma once
// The report document as a PDF (cairo + pango): a cover, then each section from a new page,
// with a running header and footer and page numbers; tables break across pages repeating
// their header row; charts and the journey diagram are vectors; fonts are embedded.

#include <optional>
#include <string>

#include "render/paper.h"
#include "render/report_document.h"

namespace cjb::diagram {
struct JourneyLayout;
}

namespace cjb::render {

class PhotoCache;

struct PdfOptions {
  Paper paper = Paper::A4;  // default A4
  // Creation and modification date written into the PDF, as seconds since 1970 (from
  // SOURCE_DATE_EPOCH). nullopt: cairo writes the current time, so two runs differ.
  std::optional<long long> timestamp;
  // The journey diagram as Graphviz laid it out (diagram::lay_out_journey), drawn as vectors
  // in the journey section; nullptr: the section draws the document's journey heatmap.
  const diagram::JourneyLayout* journey = nullptr;
  // Loads the photos of the document's cells, drawn as thumbnails under the cell's text;
  // nullptr (the default) leaves them out.
  PhotoCache* photos = nullptr;
};

// The PDF file's bytes. Throws cjb::Error when cairo fails.
std::string render_pdf(const Document& document, const PdfOptions& options = {});

}  // namespace cjb::render
