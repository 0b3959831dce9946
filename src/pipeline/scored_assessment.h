#pragma once
// Load → check → score, written once for every front end: an assessment file is read
// (xml/files.h), its scope resolved against the catalog and every response checked
// (core/catalog.h), then scored (core/scoring.h, the rules of docs/scoring.md). Every command
// that reads an assessment comes through here, so that all of them refuse the same bad input
// with the same messages. Only cjb errors (core/error.h) are thrown: what the user typed on a
// command line is the front end's business.

#include <memory>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/scoring.h"

namespace cjb::pipeline {

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

// An assessment's instrument (its scope resolved against the catalog) and every problem of its
// responses against it; no problems means it can be scored.
struct CheckedAssessment {
  Instrument instrument;
  std::vector<Diagnostic> problems;
};

// The check without the score, for commands that list problems rather than stop at them
// (validate, merge, agree). Throws InputError only for a scope that cannot be resolved.
CheckedAssessment check_loaded(const Catalog& catalog, const Assessment& assessment);

// The instrument of an assessment that must be valid (import before it writes, assess before
// it resumes). Throws InputError with every problem of its scope or its responses.
Instrument checked_instrument(const Catalog& catalog, const Assessment& assessment);

// Checks the responses against an instrument already resolved (the benchmark caches one per
// scope) and scores them. Throws InputError with every problem found.
Scorecard check_and_score(const Catalog& catalog, const Instrument& instrument, const Assessment& assessment,
                          const ScoringOptions& options = {});

// The same for an assessment already in memory (e.g. one being answered by `cjb assess`).
std::unique_ptr<ScoredAssessment> score_loaded(const Catalog& catalog, Assessment assessment,
                                               const ScoringOptions& options = {});

// Reads and parses the file, resolves its scope against the catalog, checks every response
// (check_assessment) and scores it. Throws InputError with every problem found, each at
// file:line:col: malformed XML, a missing checklist or profile, an unknown item, a level
// outside its scale, two responses to one item, an item outside the declared scope.
// The catalog must outlive the result.
std::unique_ptr<ScoredAssessment> score_file(const Catalog& catalog, const std::string& path,
                                             const ScoringOptions& options = {});

// Every file read, checked and scored before any fails, so that a user sees every problem of
// every file at once (compare). Throws one InputError with them all, in the order of paths.
std::vector<std::unique_ptr<ScoredAssessment>> score_all(const Catalog& catalog, const std::vector<std::string>& paths,
                                                           const ScoringOptions& options = {});

// Every file read and checked, its problems collected the same way (agree): the assessments in
// the order of paths, or one InputError with every problem of every file.
std::vector<Assessment> load_checked(const Catalog& catalog, const std::vector<std::string>& paths);

}  // namespace cjb::pipeline
