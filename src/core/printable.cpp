#include "core/printable.h"

#include <fmt/format.h>

namespace cjb {

CodePoint decode_utf8(std::string_view text, size_t at) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  unsigned char c = s[at];
  size_t length;
  char32_t value;
  if (c < 0x80) return {c, 1};
  if ((c & 0xE0) == 0xC0) { length = 2; value = c & 0x1F; }
  else if ((c & 0xF0) == 0xE0) { length = 3; value = c & 0x0F; }
  else if ((c & 0xF8) == 0xF0) { length = 4; value = c & 0x07; }
  else return {};
  if (at + length > text.size()) return {};
  for (size_t k = 1; k < length; ++k) {
    if ((s[at + k] & 0xC0) != 0x80) return {};
    value = (value << 6) | (s[at + k] & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
  if ((length == 2 && value < 0x80) || (length == 3 && value < 0x800) || (length == 4 && value < 0x10000) ||
      (value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF)
    return {};
  return {value, length};
}

bool is_unsafe_character(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x061C || (c >= 0x200B && c <= 0x200F) ||
         (c >= 0x2028 && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
}

std::string printable(std::string_view text, bool keep_newlines) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    CodePoint cp = decode_utf8(text, i);
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
