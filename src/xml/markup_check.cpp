#include "xml/markup_check.h"

#include <algorithm>
#include <cstdint>
#include <utility>

#include <fmt/format.h>

namespace cjb::xml {

namespace {

bool starts_with_at(std::string_view text, size_t at, std::string_view prefix) {
  return text.substr(at, prefix.size()) == prefix;
}

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
std::uint64_t digit_value(char c) {
  if (c >= '0' && c <= '9') return static_cast<std::uint64_t>(c - '0');
  return static_cast<std::uint64_t>((c | 0x20) - 'a' + 10);
}
bool is_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

constexpr const char* kExpectedReference = "expected &amp;, &lt;, &gt;, &quot;, &apos; or a character reference such as &#233;";

// Checks the reference starting at text[at] == '&'.
std::optional<MarkupFault> check_reference(std::string_view text, size_t at) {
  size_t i = at + 1;
  if (i < text.size() && text[i] == '#') {
    bool hex = i + 1 < text.size() && text[i + 1] == 'x';
    i += hex ? 2 : 1;
    size_t digits = i;
    std::uint64_t value = 0;
    while (i < text.size() && (hex ? is_hex(text[i]) : (text[i] >= '0' && text[i] <= '9'))) {
      if (value <= 0x10FFFF) value = value * (hex ? 16 : 10) + digit_value(text[i]);  // stops growing past the range
      ++i;
    }
    if (i == digits || i >= text.size() || text[i] != ';')
      return MarkupFault{at, fmt::format("malformed character reference ({})", kExpectedReference)};
    if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
      return MarkupFault{at, fmt::format("character reference to no character, U+{:X} (expected a code point from U+1 to U+10FFFF, not a surrogate)",
                                         std::min<std::uint64_t>(value, 0x110000))};
    return std::nullopt;
  }
  size_t name = i;
  while (i < text.size() && i - name <= 32 && is_alnum(text[i])) ++i;
  std::string_view entity = text.substr(name, i - name);
  if (i < text.size() && text[i] == ';' && !entity.empty()) {
    if (entity == "amp" || entity == "lt" || entity == "gt" || entity == "quot" || entity == "apos") return std::nullopt;
    return MarkupFault{at, fmt::format("undefined entity '&{};' ({})", entity, kExpectedReference)};
  }
  return MarkupFault{at, fmt::format("'&' that starts no entity ({}; write a plain '&' as &amp;)", kExpectedReference)};
}

// Skips a comment, CDATA section or processing instruction starting at at; npos if it is none.
size_t skip_special(std::string_view text, size_t at) {
  for (auto [open, close] : {std::pair{"<!--", "-->"}, std::pair{"<![CDATA[", "]]>"}, std::pair{"<?", "?>"}}) {
    if (!starts_with_at(text, at, open)) continue;
    size_t end = text.find(close, at + std::string_view(open).size());
    return end == std::string_view::npos ? text.size() : end + std::string_view(close).size();
  }
  return std::string_view::npos;
}

}  // namespace

std::optional<MarkupFault> find_markup_fault(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    size_t at = text.find_first_of("<&", i);
    if (at == std::string_view::npos) break;
    if (text[at] == '&') {
      if (auto fault = check_reference(text, at)) return fault;
      i = at + 1;
      continue;
    }
    if (size_t next = skip_special(text, at); next != std::string_view::npos) {
      i = next;
      continue;
    }
    if (starts_with_at(text, at, "<!"))
      return MarkupFault{at, "document type declaration (expected none: cjb files declare no DTD and no entities)"};
    // A tag: up to the '>' outside quotes.
    char quote = 0;
    size_t j = at + 1;
    for (; j < text.size(); ++j) {
      char c = text[j];
      if (quote) {
        if (c == quote) quote = 0;
        else if (c == '<') return MarkupFault{j, "'<' in an attribute value (expected &lt;)"};
        else if (c == '&') {
          if (auto fault = check_reference(text, j)) return fault;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        break;
      }
    }
    i = j + 1;
  }
  return std::nullopt;
}

}  // namespace cjb::xml
