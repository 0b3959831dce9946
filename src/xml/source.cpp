#include "xml/source.h"

#include <algorithm>

#include <fmt/format.h>

#include "util/utf8.h"
#include "xml/markup_check.h"

namespace cjb::xml {

Source::Source(std::string text, std::string name) : text_(std::move(text)), name_(std::move(name)), lines_(text_) {
  if (text_.find_first_not_of(" \t\r\n") == std::string::npos)
    throw InputError(Location{name_}, "file is empty (expected an XML document)");
  if (size_t bad = utf8::find_invalid(text_); bad != std::string_view::npos)
    throw InputError(locate_offset(bad), "invalid UTF-8 byte sequence (expected a UTF-8 encoded file)");
  // pugixml would end the text at a NUL byte and report a confusing mismatch after it.
  if (size_t nul = text_.find('\0'); nul != std::string::npos)
    throw InputError(locate_offset(nul), "control character U+0000 (expected text without control characters)");
  pugi::xml_parse_result result =
      doc_.load_buffer(text_.data(), text_.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!result) {
    size_t offset = std::min(static_cast<size_t>(std::max<ptrdiff_t>(result.offset, 0)), text_.size());
    throw InputError(locate_offset(offset), fmt::format("malformed XML: {} (expected well-formed XML)", result.description()));
  }
  if (!doc_.document_element())
    throw InputError(Location{name_, 1, 1}, "no root element (expected an XML document)");
  if (auto fault = find_markup_fault(text_))
    throw InputError(locate_offset(fault->offset), "malformed XML: " + fault->message);
  check_tree();
}

namespace {
// XML 1.0 allows no C0 control character but tab, line feed and carriage return, not even as a
// character reference (&#27;); pugixml decodes such references without complaint.
int find_control_character(const char* text) {
  for (const char* p = text; *p; ++p) {
    unsigned char c = static_cast<unsigned char>(*p);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return c;
  }
  return -1;
}

// The first attribute of node whose name an earlier one has too (pugixml keeps both, and
// node.attribute(name) would read the first), or an empty attribute.
pugi::xml_attribute duplicate_attribute(pugi::xml_node node) {
  std::vector<std::string_view> names;
  for (auto a : node.attributes()) names.emplace_back(a.name());
  if (names.size() < 2) return {};
  std::vector<std::string_view> sorted = names;
  std::sort(sorted.begin(), sorted.end());
  auto twice = std::adjacent_find(sorted.begin(), sorted.end());
  if (twice == sorted.end()) return {};
  return node.attribute(std::string(*twice).c_str());
}
}  // namespace

void Source::check_tree() const {
  std::vector<Diagnostic> problems;
  auto check = [&](pugi::xml_node where, const char* text) {
    int c = find_control_character(text);
    if (c >= 0)
      problems.push_back({locate(where), fmt::format("control character U+{:04X} in <{}> (expected text without control characters)", c, where.name())});
  };
  int roots = 0;
  for (auto top : doc_.children())
    if (top.type() == pugi::node_element && ++roots == 2)
      problems.push_back({locate(top), fmt::format("second root element <{}> (expected one root element)", top.name())});
  size_t elements = 0;
  int depth = 0;
  for (pugi::xml_node node = doc_.first_child(); node;) {
    if (node.type() == pugi::node_element) {
      if (++elements > kMaxElements)
        throw InputError(locate(node), fmt::format("more than {} elements (expected at most {})", kMaxElements, kMaxElements));
      if (depth >= kMaxDepth)
        throw InputError(locate(node), fmt::format("elements nested more than {} deep (expected at most {} levels)", kMaxDepth, kMaxDepth));
      if (pugi::xml_attribute twice = duplicate_attribute(node))
        problems.push_back({locate(node), fmt::format("attribute '{}' appears twice on <{}> (expected each attribute once)", twice.name(), node.name())});
      for (auto a : node.attributes()) check(node, a.value());
    } else if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
      check(node.parent(), node.value());
    }
    // Depth-first walk without recursion, so a deeply nested file cannot exhaust the stack.
    if (node.first_child()) {
      node = node.first_child();
      ++depth;
    } else {
      while (node && !node.next_sibling()) {
        node = node.parent();
        --depth;
      }
      if (node) node = node.next_sibling();
    }
  }
  if (!problems.empty()) throw InputError(std::move(problems));
}

Location Source::locate_offset(size_t offset) const {
  LineColumn at = lines_.locate(offset);
  return Location{name_, at.line, at.column};
}

Location Source::locate(pugi::xml_node node) const {
  ptrdiff_t offset = node.offset_debug();
  if (offset < 0) return Location{name_};
  size_t at = static_cast<size_t>(offset);
  // pugixml points at the element's name; a user looks for its '<'.
  if (node.type() == pugi::node_element && at > 0 && text_[at - 1] == '<') --at;
  return locate_offset(at);
}

}  // namespace cjb::xml
