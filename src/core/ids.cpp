#include "core/ids.h"

#include <fmt/format.h>

#include "core/printable.h"

namespace cjb {

namespace {
constexpr const char* kExpectedId = "expected letters, digits and marks such as - . _ :, e.g. journey-queue-01";
}

std::optional<std::string> id_problem(std::string_view id) {
  if (id.size() > kMaxIdBytes)
    return fmt::format("id of {} bytes (expected at most {} bytes)", id.size(), kMaxIdBytes);
  if (!id.empty() && std::string_view("=+-@").find(id.front()) != std::string_view::npos)
    return fmt::format("id '{}' starts with '{}' ({}; not = + - @ first)", printable(id), id.front(), kExpectedId);
  for (size_t i = 0; i < id.size();) {
    CodePoint cp = decode_utf8(id, i);
    if (cp.length == 0) return fmt::format("id '{}' is not UTF-8 ({})", printable(id), kExpectedId);
    char32_t c = cp.value;
    if (is_unsafe_character(c) || c == ' ' || c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200A))
      return fmt::format("id '{}' holds U+{:04X} ({}; no spaces, control or direction characters)", printable(id),
                         static_cast<unsigned>(c), kExpectedId);
    if (std::string_view("\"'`<>&\\").find(static_cast<char>(c)) != std::string_view::npos && c < 0x80)
      return fmt::format("id '{}' holds '{}' ({}; no quotes, < > & or backslash)", printable(id), static_cast<char>(c), kExpectedId);
    i += cp.length;
  }
  return std::nullopt;
}

}  // namespace cjb
