#pragma once
// The text renderers of the report document: Markdown (tables, for wikis and tickets) and
// JSON (the document itself, for other tools). Both are byte-identical for the same document.

#include <string>

#include "render/report_document.h"

namespace cjb::render {

// GitHub-flavoured Markdown. User text is escaped: Markdown punctuation gets a backslash and
// < > & become entities, so a note "<script>" shows as text and never as HTML.
// Photos become links "[Photo: caption](path)", the path relative to photo_base (the folder the
// report is written to; empty, the default: the path as resolved against the assessment).
std::string render_markdown(const Document& document, const std::string& photo_base = "");

// The document as JSON ("schema": "cjb.report/1"): cover, sections and their blocks, each
// block with a "type" (heading, paragraph, bullets, table, key_figures, radar, bars, journey,
// legend). Pretty-printed with two spaces, keys in a fixed order.
std::string render_report_json(const Document& document);

}  // namespace cjb::render
