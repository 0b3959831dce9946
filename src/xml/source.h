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

// Limits of every XML input (docs/reliability.md): beyond each, a clear error.
// Files larger than this are refused before parsing (no real cjb file comes near it).
inline constexpr size_t kMaxFileBytes = 16 * 1024 * 1024;
// Elements nested deeper than this (a real file nests five deep).
inline constexpr int kMaxDepth = 64;
// Elements in one file (a full assessment holds about 600).
inline constexpr size_t kMaxElements = 1'000'000;

// Reads a whole file. Throws InputError: missing, a directory, a FIFO, a device or anything
// else that is not a regular file (refused without blocking), unreadable, over kMaxFileBytes.
std::string read_file(const std::string& path);

// Writes a whole file atomically: a temporary file `.NAME.XXXXXX` in the same folder, written,
// fsynced, renamed over the target, and the folder fsynced, so a reader never sees half a file
// and a crash leaves the old or the new file. A symlink is followed: its target is replaced and
// the link stays. The file keeps the permission bits of the file it replaces (a new file gets
// 0666 less the umask). Temporaries of the same target left by a killed run are removed.
// Throws Error on failure, leaving the target as it was.
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
  // Line and column (in characters) of a node or a byte offset: a binary search over the
  // line starts and at most kCharMarkStep bytes counted, so N lookups cost O(N log lines), not
  // O(N × line length) (a one-line file with 100,000 errors).
  Location locate(pugi::xml_node node) const;
  Location locate_offset(size_t offset) const;
  // Bytes counted by locate so far: the work the test of linear error reporting counts.
  size_t location_work() const { return location_work_; }

 private:
  static constexpr size_t kCharMarkStep = 256;
  size_t characters_before(size_t offset) const;
  // Throws InputError for control characters, two root elements, duplicate attributes, and
  // nesting or element counts over the limits (see source.cpp).
  void check_tree() const;

  std::string text_;
  std::string name_;
  std::vector<size_t> line_starts_;
  std::vector<size_t> char_marks_;  // characters before byte k × kCharMarkStep
  mutable size_t location_work_ = 0;
  pugi::xml_document doc_;
};

// Offset of the first byte that is not valid UTF-8, or npos.
size_t find_invalid_utf8(std::string_view text);

}  // namespace cjb::xml
