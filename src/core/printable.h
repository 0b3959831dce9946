#pragma once
// Text from an input file made safe to print on a terminal: a message must never carry a raw
// control character (ESC sequences recolour or rewrite the screen) or a bidirectional override
// (U+202E shows "txt.exe" as "exe.txt"), which would let a file spoof cjb's own output.

#include <string>
#include <string_view>

namespace cjb {

// text with every C0 and C1 control character, DEL, bidirectional formatting character
// (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), zero-width or line/paragraph
// separator (U+200B–U+200D, U+2028, U+2029, U+FEFF) written as <U+XXXX>, and each byte that is
// not UTF-8 as <0xNN>. Line feeds are kept when keep_newlines is true (a list of diagnostics).
std::string printable(std::string_view text, bool keep_newlines = false);

// The code point of the UTF-8 sequence at text[at] and its length in bytes; length 0 for a
// byte that starts no valid sequence.
struct CodePoint {
  char32_t value = 0;
  size_t length = 0;
};
CodePoint decode_utf8(std::string_view text, size_t at);

// True for the characters printable() writes as <U+XXXX>.
bool is_unsafe_character(char32_t c);

}  // namespace cjb
