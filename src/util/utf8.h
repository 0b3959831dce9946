#pragma once
// The one UTF-8 decoder of cjb: validating, decoding, encoding and counting characters. Every
// reader and writer that looks inside UTF-8 text uses these (docs/reliability.md: invalid bytes
// are reported, never passed on). Std only, header-only: core uses it too.

#include <algorithm>
#include <string>
#include <string_view>

namespace cjb::utf8 {

// The code point of the UTF-8 sequence at text[at] and its length in bytes; length 0 for a
// byte that starts no valid sequence (a stray continuation byte, a truncated sequence, an
// overlong form, a surrogate, a value past U+10FFFF).
struct CodePoint {
  char32_t value = 0;
  size_t length = 0;
};
CodePoint decode(std::string_view text, size_t at);

// Offset of the first byte that is not valid UTF-8, or npos.
size_t find_invalid(std::string_view text);

// Every code point of text; each byte that starts no valid sequence becomes U+FFFD.
std::u32string decode_all(std::string_view text);

// Appends code (any value up to U+10FFFF) to out as UTF-8.
void append(std::string& out, char32_t code);

// True for the bytes that continue a multi-byte sequence (10xxxxxx).
constexpr bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// Bytes in the sequence that lead starts (1 to 4), or 0 for a byte that starts none; for
// reading a character byte by byte (a terminal).
constexpr size_t sequence_length(unsigned char lead) {
  return lead < 0x80 ? 1 : (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3 : (lead & 0xF8) == 0xF0 ? 4 : 0;
}

// Characters in text, counted as the bytes that are no continuation bytes (one column per code
// point: cjb's texts are Latin script).
size_t length(std::string_view text);

// text if it has at most width characters, else its first width − 1 characters and "…".
std::string shorten(std::string_view text, size_t width);

// Definitions (inline: the header is all there is, so core can use it without linking).
inline CodePoint decode(std::string_view text, size_t at) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  unsigned char c = s[at];
  size_t length = sequence_length(c);
  if (length == 0) return {};
  if (length == 1) return {c, 1};
  char32_t value = c & (0x7F >> length);
  if (at + length > text.size()) return {};
  for (size_t k = 1; k < length; ++k) {
    if (!is_continuation(s[at + k])) return {};
    value = (value << 6) | (s[at + k] & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
  if ((length == 2 && value < 0x80) || (length == 3 && value < 0x800) || (length == 4 && value < 0x10000) ||
      (value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF)
    return {};
  return {value, length};
}

inline size_t find_invalid(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    CodePoint cp = decode(text, i);
    if (cp.length == 0) return i;
    i += cp.length;
  }
  return std::string_view::npos;
}

inline std::u32string decode_all(std::string_view text) {
  constexpr char32_t kReplacement = 0xFFFD;
  std::u32string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    CodePoint cp = decode(text, i);
    out.push_back(cp.length ? cp.value : kReplacement);
    i += std::max<size_t>(cp.length, 1);
  }
  return out;
}

inline void append(std::string& out, char32_t code) {
  auto byte = [](char32_t b) { return static_cast<char>(b); };
  if (code < 0x80) {
    out += byte(code);
  } else if (code < 0x800) {
    out += {byte(0xC0 | (code >> 6)), byte(0x80 | (code & 0x3F))};
  } else if (code < 0x10000) {
    out += {byte(0xE0 | (code >> 12)), byte(0x80 | ((code >> 6) & 0x3F)), byte(0x80 | (code & 0x3F))};
  } else {
    out += {byte(0xF0 | (code >> 18)), byte(0x80 | ((code >> 12) & 0x3F)), byte(0x80 | ((code >> 6) & 0x3F)),
            byte(0x80 | (code & 0x3F))};
  }
}

inline size_t length(std::string_view text) {
  return static_cast<size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return !is_continuation(static_cast<unsigned char>(c)); }));
}

inline std::string shorten(std::string_view text, size_t width) {
  if (length(text) <= width) return std::string(text);
  std::string out;
  size_t used = 0;
  for (char c : text) {
    if (!is_continuation(static_cast<unsigned char>(c)) && ++used > width - 1) break;
    out += c;
  }
  return out + "…";
}

}  // namespace cjb::utf8
