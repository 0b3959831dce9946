#include "core/printable.h"

#include <fmt/format.h>

#include "util/utf8.h"

namespace cjb {

bool is_unsafe_character(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x061C || (c >= 0x200B && c <= 0x200F) ||
         (c >= 0x2028 && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
}

std::string printable(std::string_view text, bool keep_newlines) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    utf8::CodePoint cp = utf8::decode(text, i);
    if (cp.length == 0) {
      out += fmt::format("<0x{:02X}>", static_cast<unsigned char>(text[i]));
      ++i;
      continue;
    }
    if (is_unsafe_character(cp.value) && !(keep_newlines && cp.value == '\n'))
      out += fmt::format("<U+{:04X}>", static_cast<unsigned>(cp.value));
    else
      out.append(text.substr(i, cp.length));
    i += cp.length;
  }
  return out;
}

}  // namespace cjb
