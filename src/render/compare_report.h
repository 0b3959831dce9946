#pragma once
// Writers of `cjb compare OLD NEW`: text for terminals, JSON (schema "cjb.compare/1"), CSV (one
// row per item) and self-contained HTML.

#include <string>

#include "core/compare.h"

namespace cjb::render {

std::string compare_text(const ScorecardDiff& diff);
std::string compare_json(const ScorecardDiff& diff);
std::string compare_csv(const ScorecardDiff& diff);
std::string compare_html(const ScorecardDiff& diff);

}  // namespace cjb::render
