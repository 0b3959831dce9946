#include "render/laid_out_text.h"

namespace cjb::render::pdf {

std::string laid_out_text(std::string_view text) {
  if (text.size() <= kMaxLaidOutBytes) return std::string(text);
  size_t cut = kMaxLaidOutBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
  return std::string(text.substr(0, cut)) + "…";
}

}  // namespace cjb::render::pdf
