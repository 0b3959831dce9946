#pragma once
// Merging partial assessments of one site and scope (two auditors splitting a visit,
// docs/merge.md): answers given alike are kept once, answers that differ are conflicts — never
// guessed — unless a preferred part settles them.

#include <optional>
#include <string>
#include <vector>

#include "core/assessment.h"

namespace cjb {

// One part's answer to an item in conflict.
struct ConflictingAnswer {
  size_t part = 0;  // index into the parts
  const Response* response = nullptr;
};

// An item the parts answer differently (a level against another level or against N/A).
struct MergeConflict {
  std::string item;
  std::vector<ConflictingAnswer> answers;  // every part that answered it, in part order
};

struct MergeResult {
  Assessment merged;                     // the first part's id, subject and meta; responses in first-seen order
  std::vector<MergeConflict> conflicts;  // unsettled; the merged assessment must not be written then
  std::vector<MergeConflict> settled;    // settled by the preferred part
};

// How other differs in site (retailer, site, site id) or scope (model, profile, checklists,
// channels) from first, as a diagnostic at other's root or <scope> whose message ends
// "(expected {expected} of the same site)" or "… same scope)"; nullopt when it does not.
std::optional<Diagnostic> site_or_scope_difference(const Assessment& first, const Assessment& other, const std::string& expected);

// "a level 3", "N/A": an answer as the conflict list shows it.
std::string describe_answer(const Response& response);

// Merges parts (at least two). Throws InputError at the first differing part's root or <scope>
// when its site or scope differs from the first part's. preferred (an index into parts) wins
// every conflict it answers. Notes and evidence of answers given alike are joined (distinct
// ones, in part order); assessors too. The result's conflicts point into parts, which must
// outlive it (a temporary vector is refused at compile time).
MergeResult merge_assessments(const std::vector<Assessment>& parts, std::optional<size_t> preferred);
MergeResult merge_assessments(std::vector<Assessment>&& parts, std::optional<size_t> preferred) = delete;

}  // namespace cjb
