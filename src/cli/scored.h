#pragma once
// Loading, checking and scoring one assessment file: shared by score, report, diagram, assess
// and benchmark, so that every command refuses the same bad input with the same messages.

#include <memory>
#include <optional>
#include <string>

#include "core/catalog.h"
#include "core/scoring.h"

namespace cjb::cli {

// An assessment with its instrument and scorecard. The scorecard points into the other two
// members, so the whole is pinned in place (neither copyable nor movable): hold it through
// the std::unique_ptr that score_file returns.
struct ScoredAssessment {
  ScoredAssessment(Assessment assessment, Instrument instrument);
  ScoredAssessment(const ScoredAssessment&) = delete;
  ScoredAssessment& operator=(const ScoredAssessment&) = delete;

  Assessment assessment;
  Instrument instrument;
  Scorecard card;  // points into assessment and instrument
};

// Reads and parses the file, resolves its scope against the catalog, checks every response
// (check_assessment) and scores it. Throws InputError with every problem found, each at
// file:line:col: malformed XML, a missing checklist or profile, an unknown item, a level
// outside its scale, two responses to one item, an item outside the declared scope.
// The catalog must outlive the result.
std::unique_ptr<ScoredAssessment> score_file(const Catalog& catalog, const std::string& path,
                                             const ScoringOptions& options = {});

// The same for an assessment already in memory (e.g. one being answered by `cjb assess`).
std::unique_ptr<ScoredAssessment> score_loaded(const Catalog& catalog, Assessment assessment,
                                               const ScoringOptions& options = {});

// The value of an --evidence option: nullopt when empty (every item), else the kind it names.
// Throws UsageError, naming the command, for anything but observed, asked or records.
std::optional<EvidenceKind> evidence_option(const std::string& value, const char* command);

}  // namespace cjb::cli
