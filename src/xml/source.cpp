#include "xml/source.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

namespace cjb::xml {

namespace fs = std::filesystem;

std::string read_file(const std::string& path) {
  std::error_code ec;
  auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) throw InputError(Location{path}, "no such file (expected a path to an existing file)");
  if (fs::is_directory(status)) throw InputError(Location{path}, "is a directory (expected a file)");
  auto size = fs::file_size(path, ec);
  if (!ec && size > kMaxFileBytes)
    throw InputError(Location{path}, fmt::format("file is {} bytes (expected at most {} bytes)", size, kMaxFileBytes));
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(Location{path}, fmt::format("cannot read: {}", std::strerror(errno)));
  // Read the size stat() gave plus one byte, then whatever the file grew by since (up to the
  // limit): no 16 MiB buffer per file, which a batch of 10,000 files would pay 10,000 times.
  std::string text;
  size_t expected = ec ? 0 : static_cast<size_t>(size);
  text.resize(std::min(expected, kMaxFileBytes) + 1);
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  size_t got = static_cast<size_t>(in.gcount());
  while (got == text.size() && text.size() <= kMaxFileBytes) {
    text.resize(std::min(text.size() * 2, kMaxFileBytes + 1));
    in.read(text.data() + got, static_cast<std::streamsize>(text.size() - got));
    got += static_cast<size_t>(in.gcount());
  }
  text.resize(got);
  if (text.size() > kMaxFileBytes)
    throw InputError(Location{path}, fmt::format("file is larger than {} bytes (expected a smaller file)", kMaxFileBytes));
  if (in.bad()) throw InputError(Location{path}, "cannot read (I/O error)");
  return text;
}

void write_file_atomically(const std::string& path, std::string_view content) {
  fs::path target(path);
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string pattern = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
  int fd = mkstemp(pattern.data());
  if (fd < 0) throw Error(fmt::format("{}: error: cannot write: {}", path, std::strerror(errno)));
  size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      ::unlink(pattern.c_str());
      throw Error(fmt::format("{}: error: cannot write: {}", path, std::strerror(err)));
    }
    done += static_cast<size_t>(n);
  }
  // The temporary file is created 0600; give it the usual permissions of a new file.
  mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    ::unlink(pattern.c_str());
    throw Error(fmt::format("{}: error: cannot write: {}", path, std::strerror(errno)));
  }
  if (std::rename(pattern.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(pattern.c_str());
    throw Error(fmt::format("{}: error: cannot write: {}", path, std::strerror(err)));
  }
}

size_t find_invalid_utf8(std::string_view text) {
  size_t i = 0;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  while (i < text.size()) {
    unsigned char c = s[i];
    size_t len;
    uint32_t cp;
    if (c < 0x80) { ++i; continue; }
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
    else return i;
    if (i + len > text.size()) return i;
    for (size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
      return i;
    i += len;
  }
  return std::string_view::npos;
}

Source::Source(std::string text, std::string name) : text_(std::move(text)), name_(std::move(name)) {
  line_starts_.push_back(0);
  for (size_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n') line_starts_.push_back(i + 1);

  if (text_.find_first_not_of(" \t\r\n") == std::string::npos)
    throw InputError(Location{name_}, "file is empty (expected an XML document)");
  if (size_t bad = find_invalid_utf8(text_); bad != std::string_view::npos)
    throw InputError(locate_offset(bad), "invalid UTF-8 byte sequence (expected a UTF-8 encoded file)");
  pugi::xml_parse_result result =
      doc_.load_buffer(text_.data(), text_.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!result) {
    size_t offset = std::min(static_cast<size_t>(std::max<ptrdiff_t>(result.offset, 0)), text_.size());
    throw InputError(locate_offset(offset), fmt::format("malformed XML: {} (expected well-formed XML)", result.description()));
  }
  if (!doc_.document_element())
    throw InputError(Location{name_, 1, 1}, "no root element (expected an XML document)");
  check_characters();
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
}  // namespace

void Source::check_characters() const {
  std::vector<Diagnostic> problems;
  auto check = [&](pugi::xml_node where, const char* text) {
    int c = find_control_character(text);
    if (c >= 0)
      problems.push_back({locate(where), fmt::format("control character U+{:04X} in <{}> (expected text without control characters)", c, where.name())});
  };
  for (pugi::xml_node node = doc_.first_child(); node;) {
    if (node.type() == pugi::node_element) {
      for (auto a : node.attributes()) check(node, a.value());
    } else if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
      check(node.parent(), node.value());
    }
    // Depth-first walk without recursion, so a deeply nested file cannot exhaust the stack.
    if (node.first_child()) {
      node = node.first_child();
    } else {
      while (node && !node.next_sibling()) node = node.parent();
      if (node) node = node.next_sibling();
    }
  }
  if (!problems.empty()) throw InputError(std::move(problems));
}

Location Source::locate_offset(size_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  size_t line = static_cast<size_t>(it - line_starts_.begin());
  size_t start = line_starts_[line - 1];
  // Columns count characters, not bytes: skip UTF-8 continuation bytes.
  int column = 1;
  for (size_t i = start; i < offset && i < text_.size(); ++i)
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  return Location{name_, static_cast<int>(line), column};
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
