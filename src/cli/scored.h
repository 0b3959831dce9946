#pragma once
// The --evidence option that score, report and benchmark share. Loading, checking and scoring
// an assessment lives in pipeline/scored_assessment.h.

#include <optional>
#include <string>

#include "core/checklist.h"

namespace cjb::cli {

// The value of an --evidence option: nullopt when empty (every item), else the kind it names.
// Throws UsageError, naming the command, for anything but observed, asked or records.
std::optional<EvidenceKind> evidence_option(const std::string& value, const char* command);

}  // namespace cjb::cli
