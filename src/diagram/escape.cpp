#include "diagram/escape.h"

#include <fmt/format.h>

namespace cjb::diagram {

std::u32string decode_utf8(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  constexpr char32_t kReplacement = 0xFFFD;
  size_t i = 0;
  while (i < text.size()) {
    auto byte = static_cast<unsigned char>(text[i]);
    int length = byte < 0x80 ? 1 : (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xE ? 3 : (byte >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > text.size()) {
      out.push_back(kReplacement);
      ++i;
      continue;
    }
    char32_t code = length == 1 ? byte : byte & (0x7F >> length);
    bool valid = true;
    for (int k = 1; k < length; ++k) {
      auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) {
        valid = false;
        break;
      }
      code = (code << 6) | (next & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not characters.
    static constexpr char32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
    if (!valid || code < kMinimum[length] || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) {
      out.push_back(kReplacement);
      ++i;
      continue;
    }
    out.push_back(code);
    i += length;
  }
  return out;
}

namespace {

std::string escape(std::string_view text, bool attribute) {
  std::string out;
  out.reserve(text.size());
  for (char32_t c : decode_utf8(text)) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
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
