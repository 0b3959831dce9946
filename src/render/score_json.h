#pragma once
// The scorecard as JSON: the machine contract "cjb.score/1" of docs/scoring.md.
// Keys in a fixed order, scores at full precision, null where nothing was answered.

#include <string>

#include "core/scoring.h"

namespace cjb::render {

inline constexpr const char* kScoreSchema = "cjb.score/1";

struct ScoreJsonOptions {
  int indent = 2;  // spaces per level; -1 writes everything on one line
};

// The scorecard as a JSON document ending in a newline. The scorecard's instrument and
// assessment must be alive (they give the labels, subject and notes).
std::string score_json(const Scorecard& card, const ScoreJsonOptions& options = {});

}  // namespace cjb::render
