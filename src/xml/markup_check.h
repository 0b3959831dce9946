#pragma once
// What pugixml lets through and XML 1.0 forbids, found in the raw text of a document pugixml
// has already parsed: '<' inside an attribute value, an entity other than the five predefined
// ones (pugixml keeps "&nbsp;" as text), a bare '&', a character reference to no character
// (&#0;, past U+10FFFF, a surrogate), and a document type declaration (cjb files have none, and
// an internal subset could declare entities pugixml would silently ignore).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace cjb::xml {

struct MarkupFault {
  size_t offset = 0;     // byte offset of the fault in the text
  std::string message;   // "... (expected ...)", printable: never holds the raw bytes it names
};

// The first fault, or nullopt. One pass over text: linear in its size.
std::optional<MarkupFault> find_markup_fault(std::string_view text);

}  // namespace cjb::xml
