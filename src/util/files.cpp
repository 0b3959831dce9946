#include "util/files.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "core/error.h"

namespace cjb::files {

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

std::string read_file(const std::string& path, size_t max_bytes) {
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
  if (size > max_bytes)
    throw InputError(Location{path}, fmt::format("file is {} bytes (expected at most {} bytes)", size, max_bytes));
  // Read the size fstat gave plus one byte, to see a file that grew meanwhile (up to the limit).
  std::string text(size + 1, '\0');
  size_t got = 0;
  for (;;) {
    if (got == text.size()) {
      if (text.size() > max_bytes) break;
      text.resize(std::min(text.size() * 2, max_bytes + 1));
    }
    ssize_t n = ::read(file.fd, text.data() + got, text.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw InputError(Location{path}, fmt::format("cannot read: {} (expected a readable file)", std::strerror(errno)));
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  text.resize(got);
  if (text.size() > max_bytes)
    throw InputError(Location{path}, fmt::format("file is larger than {} bytes (expected at most {} bytes)", max_bytes, max_bytes));
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

}  // namespace cjb::files
