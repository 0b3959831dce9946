#include "pipeline/scored_assessment.h"

#include "xml/files.h"

namespace cjb::pipeline {

namespace {

void append(std::vector<Diagnostic>& to, const std::vector<Diagnostic>& problems) {
  to.insert(to.end(), problems.begin(), problems.end());
}

}  // namespace

ScoredAssessment::ScoredAssessment(Assessment assessment_in, Instrument instrument_in)
    : assessment(std::move(assessment_in)), instrument(std::move(instrument_in)) {}

CheckedAssessment check_loaded(const Catalog& catalog, const Assessment& assessment) {
  CheckedAssessment checked{resolve_scope(catalog, assessment.scope), {}};
  checked.problems = check_assessment(catalog, checked.instrument, assessment);
  return checked;
}

Instrument checked_instrument(const Catalog& catalog, const Assessment& assessment) {
  CheckedAssessment checked = check_loaded(catalog, assessment);
  if (!checked.problems.empty()) throw InputError(std::move(checked.problems));
  return std::move(checked.instrument);
}

Scorecard check_and_score(const Catalog& catalog, const Instrument& instrument, const Assessment& assessment,
                          const ScoringOptions& options) {
  std::vector<Diagnostic> problems = check_assessment(catalog, instrument, assessment);
  if (!problems.empty()) throw InputError(std::move(problems));
  return score_assessment(instrument, assessment, options);
}

std::unique_ptr<ScoredAssessment> score_loaded(const Catalog& catalog, Assessment assessment,
                                               const ScoringOptions& options) {
  Instrument instrument = resolve_scope(catalog, assessment.scope);
  // Built in place first, scored second: the scorecard's pointers must aim at the members.
  auto scored = std::make_unique<ScoredAssessment>(std::move(assessment), std::move(instrument));
  scored->card = check_and_score(catalog, scored->instrument, scored->assessment, options);
  return scored;
}

std::unique_ptr<ScoredAssessment> score_file(const Catalog& catalog, const std::string& path,
                                             const ScoringOptions& options) {
  return score_loaded(catalog, xml::load_assessment(path), options);
}

std::vector<std::unique_ptr<ScoredAssessment>> score_all(const Catalog& catalog, const std::vector<std::string>& paths,
                                                           const ScoringOptions& options) {
  std::vector<std::unique_ptr<ScoredAssessment>> scored;
  std::vector<Diagnostic> problems;
  for (const auto& path : paths) {
    try {
      scored.push_back(score_file(catalog, path, options));
    } catch (const InputError& e) {
      append(problems, e.diagnostics());
    }
  }
  if (!problems.empty()) throw InputError(std::move(problems));
  return scored;
}

std::vector<Assessment> load_checked(const Catalog& catalog, const std::vector<std::string>& paths) {
  std::vector<Assessment> assessments;
  std::vector<Diagnostic> problems;
  for (const auto& path : paths) {
    try {
      assessments.push_back(xml::load_assessment(path));
      append(problems, check_loaded(catalog, assessments.back()).problems);
    } catch (const InputError& e) {
      append(problems, e.diagnostics());
    }
  }
  if (!problems.empty()) throw InputError(std::move(problems));
  return assessments;
}

}  // namespace cjb::pipeline
