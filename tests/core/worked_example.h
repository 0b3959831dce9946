#pragma once
// The worked example of docs/scoring.md, built in code: a tiny model and checklist.

#include "core/catalog.h"

namespace cjb::test {

// Model: critical cap 40; layers leadership (1) and journey (2); groups vision (1),
// research (1), checkout (2); 0–4 maturity and yes/no scales; channel weights 1.
// Items L1, L2 (vision/all), R1 (research/physical), R2 (yes/no), R3 (critical)
// (research/online), C1, C2 (checkout/physical), C3 (checkout/online).
Catalog worked_example_catalog();
// The answers of the example: L1 4, L2 2, R1 3, R2 yes, R3 0, C1 N/A, C2 unanswered, C3 2.
Assessment worked_example_assessment();

}  // namespace cjb::test
