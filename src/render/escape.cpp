#include "render/escape.h"

#include "util/markup.h"

namespace cjb::render {

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text)
    if (!util::append_entity(out, static_cast<unsigned char>(c))) out += c;
  return out;
}

std::string markdown_escape(std::string_view text, MarkdownBreak breaks) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (util::append_entity(out, static_cast<unsigned char>(c), util::Quotes::Keep)) continue;
    switch (c) {
      case '\r': break;
      case '\n': out += breaks == MarkdownBreak::Html ? "<br>" : " "; break;
      case '\t': out += ' '; break;
      case '\\': case '`': case '*': case '_': case '[': case ']': case '|': case '#':
        out += '\\';
        out += c;
        break;
      default:
        out += (static_cast<unsigned char>(c) < 0x20 || c == '\x7f') ? '?' : c;
    }
  }
  return out;
}

}  // namespace cjb::render
