#pragma once
// The scorecard as Markdown tables: overview, groups, sections, channels, critical failures,
// the whole action plan and the unanswered items. Text users typed is escaped.

#include <string>

#include "core/scoring.h"

namespace cjb::render {

// The scorecard's instrument and assessment must be alive.
std::string score_markdown(const Scorecard& card);

}  // namespace cjb::render
