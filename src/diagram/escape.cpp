#include "diagram/escape.h"

#include <fmt/format.h>

#include "util/markup.h"
#include "util/utf8.h"

namespace cjb::diagram {

namespace {

std::string escape(std::string_view text, bool attribute) {
  std::string out;
  out.reserve(text.size());
  for (char32_t c : utf8::decode_all(text)) {
    if (util::append_entity(out, c)) continue;
    switch (c) {
      // Graphviz expands backslash escapes in both kinds of text (\N is the node's name, \\ a
      // backslash), but decodes entities first in attributes and after in HTML labels.
      case '\\': out += attribute ? "\\\\" : "&#92;"; break;
      case '\n': out += attribute ? "&#10;" : " "; break;
      default:
        if (c < 0x20 || c == 0x7F) out += ' ';
        else if (c < 0x80) out += static_cast<char>(c);
        else out += fmt::format("&#{};", static_cast<unsigned long>(c));
    }
  }
  return out;
}

}  // namespace

std::string escape_html_label(std::string_view text) { return escape(text, false); }

std::string escape_attribute(std::string_view text) { return escape(text, true); }

}  // namespace cjb::diagram
