#pragma once
// The report document as one self-contained HTML file (inline CSS from the template's
// style.css, charts as inline SVG, no scripts, no network fetches), and the one-page SVG
// summary. Output is well-formed XML (XHTML syntax), so tools and tests can parse it; user
// text is always escaped.

#include <string>

#include "render/report_document.h"

namespace cjb::render {

class PhotoCache;

// css: the template's style sheet, placed in a <style> element.
// journey_svg: the journey diagram as `cjb diagram` draws it in SVG (diagram::render_journey),
// put inline at the head of the journey section; empty (the default) for the heatmap alone.
// photos: loads the photos of the document's cells, shown inline as data: URIs; nullptr (the
// default) leaves them out.
std::string render_html(const Document& document, const std::string& css, const std::string& journey_svg = "",
                        PhotoCache* photos = nullptr);

// One page for a reviewer or a slide: cover facts, the scorecard of layers and groups, the
// radar chart and the journey heatmap, as a standalone SVG 1.1 document.
std::string render_svg_summary(const Document& document);

}  // namespace cjb::render
