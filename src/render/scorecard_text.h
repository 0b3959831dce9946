#pragma once
// The scorecard as plain text for a terminal: overall, then layers → groups → channels with
// score, band, target, gap and completeness; critical failures; the top actions; what is
// still unanswered.

#include <cstddef>
#include <string>

#include "core/scoring.h"

namespace cjb::render {

struct ScorecardTextOptions {
  bool colour = false;     // ANSI colours for bands and warnings (default off: a file or a pipe)
  size_t top_actions = 5;  // how many actions to list (default 5)
};

// The scorecard's instrument and assessment must be alive.
std::string scorecard_text(const Scorecard& card, const ScorecardTextOptions& options = {});

}  // namespace cjb::render
