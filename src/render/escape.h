#pragma once
// Escaping for HTML and SVG text and attributes, shared by every renderer that writes markup.

#include <string>
#include <string_view>

namespace cjb::render {

// & < > " ' as entities, so that text a user typed never becomes markup.
std::string html_escape(std::string_view text);

}  // namespace cjb::render
