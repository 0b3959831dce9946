#include "core/checklist.h"

namespace cjb {

const char* to_string(EvidenceKind kind) {
  switch (kind) {
    case EvidenceKind::Observed: return "observed";
    case EvidenceKind::Asked: return "asked";
    case EvidenceKind::Records: return "records";
  }
  return "observed";
}

std::optional<EvidenceKind> parse_evidence_kind(std::string_view text) {
  for (EvidenceKind kind : {EvidenceKind::Observed, EvidenceKind::Asked, EvidenceKind::Records})
    if (text == to_string(kind)) return kind;
  return std::nullopt;
}

const ItemLevel* Item::find_level(int value) const {
  for (const auto& level : levels)
    if (level.value == value) return &level;
  return nullptr;
}

}  // namespace cjb
