#include "core/error.h"

#include <fmt/format.h>

namespace cjb {

std::string Diagnostic::to_string() const {
  if (!where.cell.empty()) return fmt::format("{}: {}: error: {}", where.file, where.cell, message);
  if (where.line <= 0) return fmt::format("{}: error: {}", where.file, message);
  return fmt::format("{}:{}:{}: error: {}", where.file, where.line, where.column, message);
}

std::string format_diagnostics(const std::vector<Diagnostic>& diagnostics) {
  std::string text;
  for (const auto& d : diagnostics) {
    if (!text.empty()) text += '\n';
    text += d.to_string();
  }
  return text;
}

InputError::InputError(std::vector<Diagnostic> diagnostics)
    : Error(format_diagnostics(diagnostics)), diagnostics_(std::move(diagnostics)) {}

InputError::InputError(Location where, const std::string& message)
    : InputError(std::vector<Diagnostic>{Diagnostic{std::move(where), message}}) {}

}  // namespace cjb
