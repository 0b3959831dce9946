#include "cli/scored.h"

#include <fmt/format.h>

#include "xml/files.h"

namespace cjb::cli {

ScoredAssessment::ScoredAssessment(Assessment assessment_in, Instrument instrument_in)
    : assessment(std::move(assessment_in)), instrument(std::move(instrument_in)) {}

std::unique_ptr<ScoredAssessment> score_loaded(const Catalog& catalog, Assessment assessment,
                                               const ScoringOptions& options) {
  Instrument instrument = resolve_scope(catalog, assessment.scope);
  std::vector<Diagnostic> problems = check_assessment(catalog, instrument, assessment);
  if (!problems.empty()) throw InputError(std::move(problems));
  // Built in place first, scored second: the scorecard's pointers must aim at the members.
  auto scored = std::make_unique<ScoredAssessment>(std::move(assessment), std::move(instrument));
  scored->card = score_assessment(scored->instrument, scored->assessment, options);
  return scored;
}

std::unique_ptr<ScoredAssessment> score_file(const Catalog& catalog, const std::string& path,
                                             const ScoringOptions& options) {
  return score_loaded(catalog, xml::load_assessment(path), options);
}

std::optional<EvidenceKind> evidence_option(const std::string& value, const char* command) {
  if (value.empty()) return std::nullopt;
  std::optional<EvidenceKind> kind = parse_evidence_kind(value);
  if (!kind) throw UsageError(fmt::format("{}: unknown evidence kind '{}' (expected observed, asked or records)", command, value));
  return kind;
}

}  // namespace cjb::cli
