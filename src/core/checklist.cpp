#include "core/checklist.h"

namespace cjb {

const ItemLevel* Item::find_level(int value) const {
  for (const auto& level : levels)
    if (level.value == value) return &level;
  return nullptr;
}

}  // namespace cjb
