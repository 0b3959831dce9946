#pragma once
// An XML document held together with its text, so that every node can be turned back into a
// file:line:column for diagnostics. pugixml never complains by itself: the readers built on
// this check every element and attribute they need.

#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "core/error.h"
#include "util/files.h"
#include "util/line_index.h"

namespace cjb::xml {

// Limits of every XML input (docs/reliability.md): beyond each, a clear error.
// Files larger than this are refused before parsing (no real cjb file comes near it).
inline constexpr size_t kMaxFileBytes = files::kMaxInputBytes;
// Elements nested deeper than this (a real file nests five deep).
inline constexpr int kMaxDepth = 64;
// Elements in one file (a full assessment holds about 600).
inline constexpr size_t kMaxElements = 1'000'000;

class Source {
 public:
  // Parses text named name (a path, used in messages). Throws InputError for an empty file,
  // invalid UTF-8 and malformed XML, with the line and column of the fault.
  Source(std::string text, std::string name);
  Source(const Source&) = delete;
  Source& operator=(const Source&) = delete;

  const std::string& name() const { return name_; }
  pugi::xml_node root() const { return doc_.document_element(); }
  // Line and column (in characters) of a node or a byte offset (util/line_index.h).
  Location locate(pugi::xml_node node) const;
  Location locate_offset(size_t offset) const;
  // Bytes counted by locate so far: the work the test of linear error reporting counts.
  size_t location_work() const { return lines_.work(); }

 private:
  // Throws InputError for control characters, two root elements, duplicate attributes, and
  // nesting or element counts over the limits (see source.cpp).
  void check_tree() const;

  std::string text_;
  std::string name_;
  LineIndex lines_;  // of text_
  pugi::xml_document doc_;
};

}  // namespace cjb::xml
