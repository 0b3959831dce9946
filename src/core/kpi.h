#pragma once
// Service KPIs from a retailer's own exports (`cjb kpi`, docs/kpi.md): the hard numbers that sit
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
//   NPS              % promoters (9–10) − % detractors (0–6) over NPS answers (0–10), with
//                    its 95% confidence interval (normal approximation of the difference)
//   standards        share of answered contacts whose first response met the service standard
//                    that applies to them (by priority and channel; model.xml, docs/kpi.md)
//   idle chats       % of chats left open after the customer left, where the export says
//
// Only the values that exact percentiles need are kept (two doubles per contact), never the
// records: KpiAccumulator takes records one at a time, so an export of any size is summed up
// in one pass.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "core/profile.h"

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
  std::string retailer;                   // "" when the export has no retailer column
  std::string month;                      // YYYY-MM of opened, for --by month
  double opened = 0;
  std::optional<double> first_response;  // at or after opened
  std::optional<double> resolved;        // at or after opened
  std::optional<int> contacts;           // contacts it took, ≥ 1 (resolved contacts only)
  std::optional<double> handling_minutes;  // ≥ 0
  std::string priority;                   // urgent, high, normal, low, or "" (not given)
  // Durations the export gives itself, used as they are (in preference to the times above).
  std::optional<double> first_response_minutes, resolution_minutes;
  std::optional<bool> idle;  // a chat left open after the customer left (when the export says)
};

// Minutes to the first response and to resolution: the export's own durations when it gives
// them, else the difference of the times; nullopt when neither is known.
std::optional<double> response_minutes(const Contact& c);
std::optional<double> resolution_minutes(const Contact& c);

// The standard that applies to c, or nullptr.
const ServiceStandard* standard_for(const std::vector<ServiceStandard>& standards, const Contact& c);

// The model's standards with a profile's times (profile may be null). Throws InputError for a
// profile's standard the model does not have.
std::vector<ServiceStandard> service_standards(const Model& model, const Profile* profile);

// One answer of a survey export.
struct SurveyAnswer {
  std::string id, site, channel;
  std::string retailer;     // "" when the export has no retailer column
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
  std::optional<double> nps_low, nps_high;             // its 95% confidence interval
  KpiValue idle_chats;                                 // percent of chats that say
  struct Standard {
    std::string id, label;
    int met = 0;
    KpiValue share;  // percent of the answered contacts it applies to that met it
  };
  std::vector<Standard> standards;  // in the order given
  std::string first_month, last_month;  // YYYY-MM: the period of the records; empty when none
};

// Sums up records one at a time; figures() gives the KPIs of what was added so far.
class KpiAccumulator {
 public:
  explicit KpiAccumulator(const std::vector<ServiceStandard>* standards = nullptr);
  void add(const Contact& c);
  void add(const SurveyAnswer& a);
  // Sorts the kept values in place (hence not const); adding more afterwards is fine.
  KpiFigures figures();

 private:
  const std::vector<ServiceStandard>* standards_;
  int contacts_ = 0, surveys_ = 0, open_ = 0;
  std::vector<double> first_response_, resolution_;  // minutes, hours
  double handling_sum_ = 0;
  int handling_n_ = 0, fcr_counted_ = 0, fcr_first_ = 0;
  int csat_n_ = 0, csat_top_ = 0, csat_sum_ = 0;
  int promoters_ = 0, passives_ = 0, detractors_ = 0;
  int chats_known_ = 0, chats_idle_ = 0;
  std::vector<std::pair<int, int>> standards_met_;  // met, n per standard
  std::string first_month_, last_month_;
  void add_month(const std::string& month);
};

KpiFigures compute_kpis(const std::vector<Contact>& contacts, const std::vector<SurveyAnswer>& answers,
                        const std::vector<ServiceStandard>& standards = {});

// The 95% confidence interval of an NPS from its counts (normal approximation: the variance of
// %promoters − %detractors is (p + d − (p − d)²) / n); nullopt below 2 answers.
std::optional<std::pair<double, double>> nps_interval(int promoters, int passives, int detractors);

// The fields --by accepts: "site", "channel", "month".
bool is_kpi_field(std::string_view field);
// "site, channel or month", for messages.
std::string kpi_field_names();

struct KpiRow {
  std::string key;  // the field's value ("" when the export left it blank)
  KpiFigures figures;
};

// One row per value of field over both exports, keys ascending (months sort by date).
// field must satisfy is_kpi_field.
std::vector<KpiRow> kpis_by(const std::vector<Contact>& contacts, const std::vector<SurveyAnswer>& answers, std::string_view field);

// The whole and, with a --by field, one accumulator per key: what `cjb kpi` fills while it
// streams its exports.
class KpiTally {
 public:
  // by is "" or satisfies is_kpi_field.
  explicit KpiTally(std::string by = "", std::vector<ServiceStandard> standards = {});
  KpiTally(const KpiTally&) = delete;
  KpiTally& operator=(const KpiTally&) = delete;
  void add(const Contact& c);
  void add(const SurveyAnswer& a);
  KpiFigures overall() { return overall_.figures(); }
  std::vector<KpiRow> rows();  // keys ascending

 private:
  template <typename Record>
  void add_record(const Record& record);

  std::string by_;
  std::vector<ServiceStandard> standards_;
  KpiAccumulator overall_;
  std::map<std::string, KpiAccumulator, std::less<>> groups_;
};

// ---- KPIs beside audit scores, site by site (`cjb benchmark --kpi`) ----------------------

// Whether a record may be of the retailer's: it names that retailer, or none (the export of one
// retailer, the usual case). What report --kpi and kpi --apply keep before they look at sites.
inline bool of_retailer(std::string_view record_retailer, std::string_view retailer) {
  return record_retailer.empty() || record_retailer == retailer;
}

// One audited site's score, as `cjb benchmark --kpi` joins it: its retailer, its site key
// (site-id, else site name) and the overall score of one assessment or combined entry.
struct AuditedSite {
  std::string retailer, site;
  std::optional<double> overall;
};

// One site with both views: the mean overall audit score of its assessments and the KPIs of its
// records. Sites are each retailer's own (store 001 of two retailers is two sites,
// docs/scoring.md "Peers"): retailer is the audits' retailer, or the records' own ("" for
// records of a site no audit has and that name no retailer).
struct SiteKpis {
  std::string retailer, site;
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

// A site key that records name without a retailer while the audits have it at two retailers or
// more: those records could be either's (docs/kpi.md, "Several retailers").
struct AmbiguousKpiSite {
  std::string site;
  std::vector<std::string> retailers;  // ascending
};

// The first such site key in ascending order, or nullopt: join_site_kpis needs there to be none.
std::optional<AmbiguousKpiSite> find_ambiguous_kpi_site(const std::vector<AuditedSite>& audits, const std::vector<Contact>& contacts,
                                                        const std::vector<SurveyAnswer>& answers);

// The sites of the audits joined to the sites of the records, ordered by site key, then
// retailer (one retailer's sites in the order of their keys); a site in only one of them has
// the other side empty. A record that names a retailer joins that retailer's site; one that
// names none joins the only audited retailer with its site key, or else a site of its own with
// no retailer. Requires find_ambiguous_kpi_site to be nullopt.
std::vector<SiteKpis> join_site_kpis(const std::vector<AuditedSite>& audits, const std::vector<Contact>& contacts,
                                     const std::vector<SurveyAnswer>& answers);

std::vector<KpiCorrelation> correlate_kpis(const std::vector<SiteKpis>& sites);

// Spearman's rank correlation of paired values (same length); nullopt below 3 pairs or when
// either side is constant.
std::optional<double> spearman(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace cjb
