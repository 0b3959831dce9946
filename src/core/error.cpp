#include "core/error.h"

#include <fmt/format.h>

#include "core/printable.h"

namespace cjb {

std::string Diagnostic::to_string() const {
  // A message quotes what a file holds: never let it reach the terminal raw.
  if (!where.cell.empty()) return fmt::format("{}: {}: error: {}", printable(where.file), printable(where.cell), printable(message));
  if (where.line <= 0) return fmt::format("{}: error: {}", printable(where.file), printable(message));
  return fmt::format("{}:{}:{}: error: {}", printable(where.file), where.line, where.column, printable(message));
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
