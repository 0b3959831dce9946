#include "core/checklist.h"

#include <array>

#include "util/text.h"

namespace cjb {

const char* to_string(EvidenceKind kind) {
  switch (kind) {
    case EvidenceKind::Observed: return "observed";
    case EvidenceKind::Asked: return "asked";
    case EvidenceKind::Records: return "records";
  }
  return "observed";
}

namespace {
constexpr std::array<EvidenceKind, 3> kEvidenceKinds = {EvidenceKind::Observed, EvidenceKind::Asked, EvidenceKind::Records};
}  // namespace

std::optional<EvidenceKind> parse_evidence_kind(std::string_view text) {
  for (EvidenceKind kind : kEvidenceKinds)
    if (text == to_string(kind)) return kind;
  return std::nullopt;
}

std::string evidence_kind_names() {
  return text::or_list(kEvidenceKinds, [](EvidenceKind kind) { return to_string(kind); });
}

const ItemLevel* Item::find_level(int value) const {
  for (const auto& level : levels)
    if (level.value == value) return &level;
  return nullptr;
}

}  // namespace cjb
