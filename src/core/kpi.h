#pragma once
// Service KPIs from a retailer's own exports (`cjb kpi`, BRIEF §5): the hard numbers that sit
// beside an audit. A contacts export (help desk, contact centre, store service desk) gives
// first response time, resolution time, first-contact resolution and average handling time; a
// survey export gives CSAT and NPS. They are what the model's "Measurement and KPIs" enabler
// asks a retailer to track, and what its complaints-handling touchpoint is about.
//
// Definitions (docs/kpi.md):
//   first response   minutes from opened to first_response, over contacts that have one;
//                    median and 90th percentile (type 7, as in statistics.h)
//   resolution       hours from opened to resolved, over resolved contacts; median and p90;
//                    contacts without resolved are counted as open
//   first-contact    % of resolved contacts with a contacts count whose count is 1
//   resolution
//   handling time    mean of handling_minutes over the contacts that give it
//   CSAT             % of CSAT answers (1–5) that are 4 or 5; also their mean
//   NPS              % promoters (9–10) − % detractors (0–6) over NPS answers (0–10)

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cjb {

// A local time as minutes since 1970-01-01 00:00 (exports give local times; no time zone is
// read or assumed). Accepts "YYYY-MM-DD HH:MM", "YYYY-MM-DDTHH:MM", either followed by ":SS";
// nullopt for anything else, including impossible dates and times.
std::optional<double> parse_local_time(std::string_view text);

// The inverse: "YYYY-MM-DD HH:MM" (seconds dropped).
std::string format_local_time(double minutes);

// One contact of a contacts export. Times are minutes since 1970 (parse_local_time).
struct Contact {
  std::string id, site, channel;
  std::string month;                      // YYYY-MM of opened, for --by month
  double opened = 0;
  std::optional<double> first_response;  // at or after opened
  std::optional<double> resolved;        // at or after opened
  std::optional<int> contacts;           // contacts it took, ≥ 1 (resolved contacts only)
  std::optional<double> handling_minutes;  // ≥ 0
};

// One answer of a survey export.
struct SurveyAnswer {
  std::string id, site, channel;
  std::string month;       // YYYY-MM of the survey's date
  std::optional<int> csat;  // 1–5
  std::optional<int> nps;   // 0–10
};

// A figure over n records; value is nullopt when n is 0.
struct KpiValue {
  int n = 0;
  std::optional<double> value;
};

struct KpiFigures {
  int contacts = 0;  // contacts counted
  int surveys = 0;   // survey answers counted
  KpiValue first_response_median, first_response_p90;  // minutes
  KpiValue resolution_median, resolution_p90;          // hours
  int open = 0;                                        // contacts not resolved
  KpiValue first_contact_resolution;                   // percent
  KpiValue handling_mean;                              // minutes
  KpiValue csat_percent, csat_mean;                    // percent of 4–5; mean of 1–5
  KpiValue nps;                                        // −100 to 100
  int promoters = 0, passives = 0, detractors = 0;
};

KpiFigures compute_kpis(const std::vector<Contact>& contacts, const std::vector<SurveyAnswer>& answers);

// The fields --by accepts: "site", "channel", "month".
bool is_kpi_field(std::string_view field);

struct KpiRow {
  std::string key;  // the field's value ("" when the export left it blank)
  KpiFigures figures;
};

// One row per value of field over both exports, keys ascending (months sort by date).
// field must satisfy is_kpi_field.
std::vector<KpiRow> kpis_by(const std::vector<Contact>& contacts, const std::vector<SurveyAnswer>& answers, std::string_view field);

// ---- KPIs beside audit scores, site by site (`cjb benchmark --kpi`) ----------------------

// One site with both views: the mean overall audit score of its assessments and the KPIs of its
// records. site is the audit's site key (site-id, else site name) and the exports' site column.
struct SiteKpis {
  std::string site;
  int assessments = 0;                // audits of the site with an overall score
  std::optional<double> audit_score;  // their mean overall score
  KpiFigures kpis;
};

// How one KPI moves with the audit score across the sites that have both: Spearman's rank
// correlation (ties take their mean rank), from −1 to 1; nullopt below 3 sites or when either
// side does not vary.
struct KpiCorrelation {
  std::string kpi;  // "first_response_median", "resolution_median", "first_contact_resolution",
                    // "handling_mean", "csat_percent", "nps"
  int sites = 0;
  std::optional<double> rho;
};

// The sites of the audits (site key, overall score) joined to the sites of the records, keys
// ascending; a site in only one of them has the other side empty.
std::vector<SiteKpis> join_site_kpis(const std::vector<std::pair<std::string, std::optional<double>>>& audits,
                                     const std::vector<Contact>& contacts, const std::vector<SurveyAnswer>& answers);

std::vector<KpiCorrelation> correlate_kpis(const std::vector<SiteKpis>& sites);

// Spearman's rank correlation of paired values (same length); nullopt below 3 pairs or when
// either side is constant.
std::optional<double> spearman(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace cjb
