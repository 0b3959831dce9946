#include "render/markdown_text.h"

namespace cjb::render {

std::string markdown_row(const std::vector<std::string>& cells) {
  std::string row = "|";
  for (const auto& cell : cells) row += " " + cell + " |";
  return row + "\n";
}

}  // namespace cjb::render
