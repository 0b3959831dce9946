#pragma once
// Writers of `cjb agree A B`: text for terminals and JSON (schema "cjb.agree/1",
// schemas/cjb.agree.schema.json; docs/agreement.md).

#include <string>

#include "core/agreement.h"

namespace cjb::render {

// What the writers need besides the figures: the two audits, their files, and how many
// disagreements to list (all in JSON).
struct AgreementInput {
  const Agreement* agreement = nullptr;
  const Instrument* instrument = nullptr;
  const Assessment* a = nullptr;
  const Assessment* b = nullptr;
  std::string file_a, file_b;
  size_t top = 10;
};

// Landis and Koch's words for a kappa: "poor" (< 0), "slight" (≤ 0.20), "fair" (≤ 0.40),
// "moderate" (≤ 0.60), "substantial" (≤ 0.80), "almost perfect".
const char* kappa_words(double kappa);

std::string agreement_text(const AgreementInput& input);
std::string agreement_json(const AgreementInput& input);

}  // namespace cjb::render
