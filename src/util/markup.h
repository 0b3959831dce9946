#pragma once
// The entities every markup target needs (HTML, SVG, Graphviz labels, Markdown), written once so
// that text a user typed never becomes markup (docs/formats.md, reports).

#include <string>

namespace cjb::util {

enum class Quotes { Escape, Keep };  // Keep: text between tags, where quotes are harmless

// Appends the entity for c when it has one (& < >, and " ' unless quotes are kept); false when
// c needs none and was not appended.
inline bool append_entity(std::string& out, char32_t c, Quotes quotes = Quotes::Escape) {
  switch (c) {
    case '&': out += "&amp;"; return true;
    case '<': out += "&lt;"; return true;
    case '>': out += "&gt;"; return true;
    case '"': if (quotes == Quotes::Keep) return false; out += "&quot;"; return true;
    case '\'': if (quotes == Quotes::Keep) return false; out += "&#39;"; return true;
    default: return false;
  }
}

}  // namespace cjb::util
