#include "xml/source.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "xml/markup_check.h"

namespace cjb::xml {

namespace fs = std::filesystem;

namespace {

// Closes a file descriptor on every path out.
struct Fd {
  int fd = -1;
  explicit Fd(int f) : fd(f) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

const char* file_type_name(mode_t mode) {
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

}  // namespace

std::string read_file(const std::string& path) {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever. The type
  // is then checked on the open descriptor (no race with a rename), before any read.
  Fd file(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC));
  if (file.fd < 0) {
    int err = errno;
    if (err == ENOENT || err == ENOTDIR || err == ELOOP)
      throw InputError(Location{path}, "no such file (expected a path to an existing file)");
    throw InputError(Location{path}, fmt::format("cannot read: {} (expected a readable file)", std::strerror(err)));
  }
  struct stat st {};
  if (::fstat(file.fd, &st) != 0)
    throw InputError(Location{path}, fmt::format("cannot read: {} (expected a readable file)", std::strerror(errno)));
  if (S_ISDIR(st.st_mode)) throw InputError(Location{path}, "is a directory (expected a file)");
  if (!S_ISREG(st.st_mode))
    throw InputError(Location{path}, fmt::format("is {} (expected a regular file)", file_type_name(st.st_mode)));
  auto size = static_cast<size_t>(st.st_size);
  if (size > kMaxFileBytes)
    throw InputError(Location{path}, fmt::format("file is {} bytes (expected at most {} bytes)", size, kMaxFileBytes));
  // Read the size fstat gave plus one byte, to see a file that grew meanwhile (up to the limit).
  std::string text(size + 1, '\0');
  size_t got = 0;
  for (;;) {
    if (got == text.size()) {
      if (text.size() > kMaxFileBytes) break;
      text.resize(std::min(text.size() * 2, kMaxFileBytes + 1));
    }
    ssize_t n = ::read(file.fd, text.data() + got, text.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw InputError(Location{path}, fmt::format("cannot read: {} (expected a readable file)", std::strerror(errno)));
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  text.resize(got);
  if (text.size() > kMaxFileBytes)
    throw InputError(Location{path}, fmt::format("file is larger than {} bytes (expected at most {} bytes)", kMaxFileBytes, kMaxFileBytes));
  return text;
}

namespace {

Error write_error(const std::string& path, int err) {
  return Error(fmt::format("{}: error: cannot write: {}", path, std::strerror(err)));
}

// The file a write to path lands in: a symlink's target (followed to the end, relative links
// taken from the link's folder), else path itself.
fs::path write_target(const std::string& path) {
  fs::path target(path);
  for (int hops = 0; hops < 40; ++hops) {
    std::error_code ec;
    if (!fs::is_symlink(fs::symlink_status(target, ec))) return target;
    fs::path link = fs::read_symlink(target, ec);
    if (ec) return target;
    target = link.is_absolute() ? link : target.parent_path() / link;
  }
  throw Error(fmt::format("{}: error: cannot write: too many levels of symbolic links", path));
}

// Removes `.NAME.XXXXXX` temporaries of this target left by a run that was killed mid-save
// (mkstemp's six characters after the dot). Only files owned by us, so as not to race a
// concurrent writer of someone else's file; a concurrent save of the same file by this user is
// not supported anyway (the last rename wins).
void remove_stale_temporaries(const fs::path& dir, const std::string& name) {
  std::string prefix = "." + name + ".";
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string entry = it->path().filename().string();
    if (entry.size() != prefix.size() + 6 || entry.compare(0, prefix.size(), prefix) != 0) continue;
    struct stat st {};
    if (::lstat(it->path().c_str(), &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == ::geteuid()) ::unlink(it->path().c_str());
  }
}

void write_all(int fd, std::string_view content, const std::string& path) {
  size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw write_error(path, errno);
    done += static_cast<size_t>(n);
  }
}

}  // namespace

void write_file_atomically(const std::string& path, std::string_view content) {
  fs::path target = write_target(path);
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string name = target.filename().string();
  remove_stale_temporaries(dir, name);

  // The mode of the file being replaced, else what a new file gets.
  struct stat old {};
  mode_t mode;
  if (::stat(target.c_str(), &old) == 0) {
    if (!S_ISREG(old.st_mode)) throw Error(fmt::format("{}: error: cannot write: not a regular file", path));
    mode = old.st_mode & 07777;
  } else {
    mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }

  std::string temporary = (dir / ("." + name + ".XXXXXX")).string();
  Fd file(::mkostemp(temporary.data(), O_CLOEXEC));
  if (file.fd < 0) throw write_error(path, errno);
  try {
    write_all(file.fd, content, path);
    if (::fchmod(file.fd, mode) != 0 || ::fsync(file.fd) != 0) throw write_error(path, errno);
    int fd = file.fd;
    file.fd = -1;
    if (::close(fd) != 0) throw write_error(path, errno);
    if (std::rename(temporary.c_str(), target.c_str()) != 0) throw write_error(path, errno);
  } catch (...) {
    ::unlink(temporary.c_str());
    throw;
  }
  // The rename is durable once the folder is: fsync it (best effort: some file systems refuse).
  Fd folder(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (folder.fd >= 0) ::fsync(folder.fd);
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
  char_marks_.reserve(text_.size() / kCharMarkStep + 1);
  size_t characters = 0;
  for (size_t i = 0; i < text_.size(); ++i) {
    if (i % kCharMarkStep == 0) char_marks_.push_back(characters);
    unsigned char c = static_cast<unsigned char>(text_[i]);
    if ((c & 0xC0) != 0x80) ++characters;  // UTF-8 continuation bytes are no new character
    if (c == '\n') line_starts_.push_back(i + 1);
  }
  char_marks_.push_back(characters);

  if (text_.find_first_not_of(" \t\r\n") == std::string::npos)
    throw InputError(Location{name_}, "file is empty (expected an XML document)");
  if (size_t bad = find_invalid_utf8(text_); bad != std::string_view::npos)
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

size_t Source::characters_before(size_t offset) const {
  size_t mark = offset / kCharMarkStep;
  size_t characters = char_marks_[mark];
  for (size_t i = mark * kCharMarkStep; i < offset; ++i)
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++characters;
  location_work_ += offset - mark * kCharMarkStep;
  return characters;
}

Location Source::locate_offset(size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  size_t line = static_cast<size_t>(it - line_starts_.begin());
  size_t start = line_starts_[line - 1];
  size_t column = characters_before(offset) - characters_before(start) + 1;
  return Location{name_, static_cast<int>(line), static_cast<int>(column)};
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
