#include "cli/scored.h"

#include <fmt/format.h>

#include "core/error.h"

namespace cjb::cli {

std::optional<EvidenceKind> evidence_option(const std::string& value, const char* command) {
  if (value.empty()) return std::nullopt;
  std::optional<EvidenceKind> kind = parse_evidence_kind(value);
  if (!kind) throw UsageError(fmt::format("{}: unknown evidence kind '{}' (expected observed, asked or records)", command, value));
  return kind;
}

}  // namespace cjb::cli
