#pragma once
// A seeded synthetic chain of stores for benchmarks and demos: sites in regions and formats,
// several visits each, with scores that behave like real audits (a site quality that persists
// across visits, a region effect, visit-to-visit noise, items that are harder than others).
// The same options give the same files, byte for byte, on any machine (own random numbers:
// std::normal_distribution differs between standard libraries).

#include <cstdint>
#include <string>

#include "core/catalog.h"

namespace cjb::bench {

struct ChainOptions {
  int sites = 100;               // default 100
  int visits = 3;                // per site; default 3
  std::uint64_t seed = 42;       // default 42
  std::string profile = "omnichannel-chain";  // scope of every assessment
  std::string retailer = "Northwind Stores";
  std::string first_date = "2025-01";  // month of the first visits, YYYY-MM
  double notes = 0.1;            // share of responses with a note (default 0.1)
  // Also write dir/kpi/contacts.csv and dir/kpi/surveys.csv, a help desk's and a survey tool's
  // exports for the same sites, driven by the same site quality as the audits (so audit scores
  // and KPIs correlate, as they should). Drawn from a separate random stream: the assessments
  // are the same bytes either way. Default false.
  bool kpi_exports = false;
};

// Writes sites × visits assessments under dir/<region>/<site>-<visit>.xml (folders created).
// Returns the number of files written. Throws cjb::Error when the profile is not in the
// catalog or a file cannot be written.
int generate_chain(const Catalog& catalog, const ChainOptions& options, const std::string& dir);

}  // namespace cjb::bench
