#pragma once
// Whole files in and out, the one way cjb does it: reads that refuse what is not a regular file
// or is too large, and writes that never leave half a file (docs/reliability.md).

#include <string>
#include <string_view>

namespace cjb::files {

// The largest input cjb reads (no real cjb file comes near it).
inline constexpr size_t kMaxInputBytes = 16 * 1024 * 1024;

// Reads a whole file. Throws InputError: missing, a directory, a FIFO, a device or anything
// else that is not a regular file (refused without blocking), unreadable, over max_bytes.
std::string read_file(const std::string& path, size_t max_bytes = kMaxInputBytes);

// Writes a whole file atomically: a temporary file `.NAME.XXXXXX` in the same folder, written,
// fsynced, renamed over the target, and the folder fsynced, so a reader never sees half a file
// and a crash leaves the old or the new file. A symlink is followed: its target is replaced and
// the link stays. The file keeps the permission bits of the file it replaces (a new file gets
// 0666 less the umask). Temporaries of the same target left by a killed run are removed.
// Throws Error on failure, leaving the target as it was.
void write_file_atomically(const std::string& path, std::string_view content);

}  // namespace cjb::files
