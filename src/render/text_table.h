#pragma once
// Aligned plain-text tables for terminals, and the same tables as escaped HTML.

#include <string>
#include <string_view>
#include <vector>

#include "render/align.h"
#include "render/escape.h"

namespace cjb::render {

struct TextTable {
  std::vector<std::string> header;
  std::vector<Align> align;  // one per column; missing ones are Left (Centre is Left in text)
  std::vector<std::vector<std::string>> rows;
};

// Columns padded to their widest cell (counted in UTF-8 characters), two spaces apart, each
// line indented by `indent` spaces, trailing spaces removed.
std::string format_table(const TextTable& table, int indent = 2);

// The table as an HTML <table>, every cell escaped; right-aligned columns get class "num".
std::string html_table(const TextTable& table);
// A self-contained HTML page (inline style, no external resources) around body, which must
// already be escaped markup; title is escaped here.
std::string html_document(std::string_view title, std::string_view body);

}  // namespace cjb::render
