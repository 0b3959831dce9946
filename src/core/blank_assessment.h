#pragma once
// A blank assessment of one profile: the subject, meta and scope that `cjb init` and `cjb assess`
// write before any answer, so that `cjb assess FILE` and `cjb import --into FILE` fill it.

#include <string>
#include <vector>

#include "core/assessment.h"
#include "core/catalog.h"

namespace cjb {

struct BlankAssessmentRequest {
  std::string profile;                // a profile id; empty: every checklist of the catalog
  std::vector<std::string> channels;  // empty: the profile's (every channel without a profile)
  std::string retailer;               // empty: "My shop"
  std::string site;                   // empty: "Store", "Web shop" or "Store and web shop"
  std::string assessor;
  std::string date;    // YYYY-MM-DD; required
  std::string method;  // e.g. "audit"
  std::string id;      // empty: default_assessment_id
};

// The assessment with no response. Throws UsageError — the message without a command name,
// e.g. "no profile 'x' (expected one of: a, b)" — for an unknown profile or channel, a channel
// the profile does not cover, or a date that is not a date.
Assessment blank_assessment(const Catalog& catalog, const BlankAssessmentRequest& request);

}  // namespace cjb
