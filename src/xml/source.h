#pragma once
// An XML document held together with its text, so that every node can be turned back into a
// file:line:column for diagnostics. pugixml never complains by itself: the readers built on
// this check every element and attribute they need.

#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "core/error.h"

namespace cjb::xml {

// Files larger than this are refused before parsing (no real cjb file comes near it).
inline constexpr size_t kMaxFileBytes = 16 * 1024 * 1024;

// Reads a whole file. Throws InputError: missing, a directory, unreadable, over kMaxFileBytes.
std::string read_file(const std::string& path);

// Writes a whole file atomically: a temporary file in the same folder, flushed, then renamed,
// so a reader never sees half a file. Throws Error on failure.
void write_file_atomically(const std::string& path, std::string_view content);

class Source {
 public:
  // Parses text named name (a path, used in messages). Throws InputError for an empty file,
  // invalid UTF-8 and malformed XML, with the line and column of the fault.
  Source(std::string text, std::string name);
  Source(const Source&) = delete;
  Source& operator=(const Source&) = delete;

  const std::string& name() const { return name_; }
  pugi::xml_node root() const { return doc_.document_element(); }
  Location locate(pugi::xml_node node) const;
  Location locate_offset(size_t offset) const;

 private:
  // Throws InputError for control characters in text or attributes (see source.cpp).
  void check_characters() const;

  std::string text_;
  std::string name_;
  std::vector<size_t> line_starts_;
  pugi::xml_document doc_;
};

// Offset of the first byte that is not valid UTF-8, or npos.
size_t find_invalid_utf8(std::string_view text);

}  // namespace cjb::xml
