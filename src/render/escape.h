#pragma once
// Escaping for every text format render writes: HTML and SVG text and attributes, and Markdown.
// Text a user typed never becomes markup.

#include <string>
#include <string_view>

namespace cjb::render {

// & < > " ' as entities, so that text a user typed never becomes markup.
std::string html_escape(std::string_view text);

// What a line break in Markdown text becomes: a space (a table row or a list item is one line),
// or "<br>" (a break inside a report's table cell or paragraph).
enum class MarkdownBreak { Space, Html };

// Text safe inside a Markdown paragraph or table cell: Markdown punctuation (\ ` * _ [ ] | #)
// is backslash-escaped, <, > and & become entities (no raw HTML reaches a Markdown renderer),
// line breaks become breaks, tabs spaces, other control characters '?' (they could drive a
// terminal). '!' is left alone: an image needs "![", and '[' is escaped.
std::string markdown_escape(std::string_view text, MarkdownBreak breaks = MarkdownBreak::Space);

}  // namespace cjb::render
