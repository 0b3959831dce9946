#include "core/kpi.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <numeric>
#include <set>

#include <fmt/format.h>

#include "core/civil_time.h"
#include "core/error.h"
#include "core/statistics.h"
#include "util/text.h"

namespace cjb {

namespace {

bool digits(std::string_view text, size_t at, size_t count, int& value) {
  value = 0;
  for (size_t i = at; i < at + count; ++i) {
    if (i >= text.size() || text[i] < '0' || text[i] > '9') return false;
    value = value * 10 + (text[i] - '0');
  }
  return true;
}

bool leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && leap(year) ? 29 : kDays[month - 1];
}

// Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (Howard Hinnant's
// days_from_civil).
long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

KpiValue value_of(const std::vector<double>& values, std::optional<double> v) { return {static_cast<int>(values.size()), values.empty() ? std::nullopt : v}; }

const std::string& field_of(const Contact& c, std::string_view field) {
  return field == "site" ? c.site : field == "channel" ? c.channel : c.month;
}

const std::string& field_of(const SurveyAnswer& a, std::string_view field) {
  return field == "site" ? a.site : field == "channel" ? a.channel : a.month;
}

// The type-7 percentile of statistics.h's percentile_sorted, by selection instead of a sort:
// the two order statistics it interpolates between are found in linear time (a million values
// would take a sort several times as long). Reorders values.
std::optional<double> selected_percentile(std::vector<double>& values, double p) {
  if (values.empty()) return std::nullopt;
  double h = (static_cast<double>(values.size()) - 1) * p / 100.0;
  auto lo = static_cast<size_t>(std::floor(h));
  std::nth_element(values.begin(), values.begin() + static_cast<long>(lo), values.end());
  double a = values[lo];
  if (lo + 1 >= values.size()) return a;
  double b = *std::min_element(values.begin() + static_cast<long>(lo) + 1, values.end());
  return a + (h - static_cast<double>(lo)) * (b - a);
}

}  // namespace

std::optional<double> parse_local_time(std::string_view text) {
  // YYYY-MM-DD?HH:MM[:SS]
  if (text.size() != 16 && text.size() != 19) return std::nullopt;
  int year, month, day, hour, minute, second = 0;
  if (!digits(text, 0, 4, year) || text[4] != '-' || !digits(text, 5, 2, month) || text[7] != '-' || !digits(text, 8, 2, day) ||
      (text[10] != ' ' && text[10] != 'T') || !digits(text, 11, 2, hour) || text[13] != ':' || !digits(text, 14, 2, minute))
    return std::nullopt;
  if (text.size() == 19 && (text[16] != ':' || !digits(text, 17, 2, second))) return std::nullopt;
  if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month) || hour > 23 || minute > 59 || second > 59)
    return std::nullopt;
  return static_cast<double>(days_from_civil(year, month, day)) * 1440.0 + hour * 60.0 + minute + second / 60.0;
}

std::string format_local_time(double minutes) {
  CivilTime t = civil_from_seconds(static_cast<long long>(std::floor(minutes)) * 60);
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}", t.year, t.month, t.day, t.hour, t.minute);
}

std::optional<double> response_minutes(const Contact& c) {
  if (c.first_response_minutes) return c.first_response_minutes;
  if (c.first_response) return *c.first_response - c.opened;
  return std::nullopt;
}

std::optional<double> resolution_minutes(const Contact& c) {
  if (c.resolution_minutes) return c.resolution_minutes;
  if (c.resolved) return *c.resolved - c.opened;
  return std::nullopt;
}

const ServiceStandard* standard_for(const std::vector<ServiceStandard>& standards, const Contact& c) {
  const ServiceStandard* best = nullptr;
  int best_rank = -1;
  for (const auto& s : standards) {
    if ((!s.priority.empty() && s.priority != c.priority) || (!s.channel.empty() && s.channel != c.channel)) continue;
    int rank = (s.priority.empty() ? 0 : 2) + (s.channel.empty() ? 0 : 1);
    if (rank > best_rank) {
      best = &s;
      best_rank = rank;
    }
  }
  return best;
}

std::vector<ServiceStandard> service_standards(const Model& model, const Profile* profile) {
  std::vector<ServiceStandard> out = model.service_standards;
  if (!profile) return out;
  std::vector<Diagnostic> problems;
  for (const auto& o : profile->service_standards) {
    auto it = std::find_if(out.begin(), out.end(), [&](const ServiceStandard& s) { return s.id == o.id; });
    if (it == out.end()) {
      std::string known;
      for (const auto& s : out) known += (known.empty() ? "" : ", ") + s.id;
      problems.push_back({o.where, fmt::format("service standard '{}' is not in the model (expected one of {})", o.id, known)});
      continue;
    }
    it->minutes = o.minutes;
  }
  if (!problems.empty()) throw InputError(std::move(problems));
  return out;
}

KpiAccumulator::KpiAccumulator(const std::vector<ServiceStandard>* standards) : standards_(standards) {
  if (standards_) standards_met_.assign(standards_->size(), {0, 0});
}

void KpiAccumulator::add_month(const std::string& month) {
  if (month.empty()) return;
  if (first_month_.empty() || month < first_month_) first_month_ = month;
  if (month > last_month_) last_month_ = month;
}

void KpiAccumulator::add(const Contact& c) {
  ++contacts_;
  add_month(c.month);
  std::optional<double> response = response_minutes(c);
  if (response) first_response_.push_back(*response);
  if (std::optional<double> resolution = resolution_minutes(c)) {
    resolution_.push_back(*resolution / 60.0);
    if (c.contacts) {
      ++fcr_counted_;
      if (*c.contacts == 1) ++fcr_first_;
    }
  } else {
    ++open_;
  }
  if (c.handling_minutes) {
    handling_sum_ += *c.handling_minutes;
    ++handling_n_;
  }
  if (c.idle) {
    ++chats_known_;
    if (*c.idle) ++chats_idle_;
  }
  if (standards_ && response) {
    if (const ServiceStandard* s = standard_for(*standards_, c)) {
      auto& [met, n] = standards_met_[static_cast<size_t>(s - standards_->data())];
      ++n;
      if (*response <= s->minutes) ++met;
    }
  }
}

void KpiAccumulator::add(const SurveyAnswer& a) {
  ++surveys_;
  add_month(a.month);
  if (a.csat) {
    ++csat_n_;
    csat_sum_ += *a.csat;
    if (*a.csat >= 4) ++csat_top_;
  }
  if (a.nps) {
    if (*a.nps >= 9) ++promoters_;
    else if (*a.nps >= 7) ++passives_;
    else ++detractors_;
  }
}

KpiFigures KpiAccumulator::figures() {
  KpiFigures f;
  f.contacts = contacts_;
  f.surveys = surveys_;
  f.open = open_;
  f.first_month = first_month_;
  f.last_month = last_month_;
  f.first_response_median = value_of(first_response_, selected_percentile(first_response_, 50));
  f.first_response_p90 = value_of(first_response_, selected_percentile(first_response_, 90));
  f.resolution_median = value_of(resolution_, selected_percentile(resolution_, 50));
  f.resolution_p90 = value_of(resolution_, selected_percentile(resolution_, 90));
  if (fcr_counted_ > 0) f.first_contact_resolution = {fcr_counted_, 100.0 * fcr_first_ / fcr_counted_};
  if (handling_n_ > 0) f.handling_mean = {handling_n_, handling_sum_ / handling_n_};
  if (csat_n_ > 0) {
    f.csat_percent = {csat_n_, 100.0 * csat_top_ / csat_n_};
    f.csat_mean = {csat_n_, static_cast<double>(csat_sum_) / csat_n_};
  }
  f.promoters = promoters_;
  f.passives = passives_;
  f.detractors = detractors_;
  int nps_n = promoters_ + passives_ + detractors_;
  if (nps_n > 0) f.nps = {nps_n, 100.0 * (promoters_ - detractors_) / nps_n};
  if (auto ci = nps_interval(promoters_, passives_, detractors_)) {
    f.nps_low = ci->first;
    f.nps_high = ci->second;
  }
  if (chats_known_ > 0) f.idle_chats = {chats_known_, 100.0 * chats_idle_ / chats_known_};
  if (standards_) {
    for (size_t i = 0; i < standards_->size(); ++i) {
      auto [met, n] = standards_met_[i];
      KpiFigures::Standard s{(*standards_)[i].id, (*standards_)[i].label, met, {n, std::nullopt}};
      if (n > 0) s.share.value = 100.0 * met / n;
      f.standards.push_back(std::move(s));
    }
  }
  return f;
}

std::optional<std::pair<double, double>> nps_interval(int promoters, int passives, int detractors) {
  int n = promoters + passives + detractors;
  if (n < 2) return std::nullopt;
  double p = static_cast<double>(promoters) / n, d = static_cast<double>(detractors) / n;
  double variance = (p + d - (p - d) * (p - d)) / n;
  double half = 1.959963984540054 * std::sqrt(variance) * 100.0;
  double nps = (p - d) * 100.0;
  return std::pair{std::max(-100.0, nps - half), std::min(100.0, nps + half)};
}

KpiFigures compute_kpis(const std::vector<Contact>& contacts, const std::vector<SurveyAnswer>& answers, const std::vector<ServiceStandard>& standards) {
  KpiAccumulator sum(standards.empty() ? nullptr : &standards);
  for (const auto& c : contacts) sum.add(c);
  for (const auto& a : answers) sum.add(a);
  return sum.figures();
}

namespace {
constexpr std::array<std::string_view, 3> kKpiFields = {"site", "channel", "month"};
}  // namespace

bool is_kpi_field(std::string_view field) { return std::find(kKpiFields.begin(), kKpiFields.end(), field) != kKpiFields.end(); }

std::string kpi_field_names() { return text::or_list(kKpiFields); }

std::vector<KpiRow> kpis_by(const std::vector<Contact>& contacts, const std::vector<SurveyAnswer>& answers, std::string_view field) {
  KpiTally tally{std::string(field)};
  for (const auto& c : contacts) tally.add(c);
  for (const auto& a : answers) tally.add(a);
  return tally.rows();
}

KpiTally::KpiTally(std::string by, std::vector<ServiceStandard> standards)
    : by_(std::move(by)), standards_(std::move(standards)), overall_(standards_.empty() ? nullptr : &standards_) {}

template <typename Record>
void KpiTally::add_record(const Record& record) {
  overall_.add(record);
  if (by_.empty()) return;
  const std::string& key = field_of(record, by_);
  auto it = groups_.find(key);
  if (it == groups_.end()) it = groups_.emplace(key, KpiAccumulator(standards_.empty() ? nullptr : &standards_)).first;
  it->second.add(record);
}

void KpiTally::add(const Contact& c) { add_record(c); }
void KpiTally::add(const SurveyAnswer& a) { add_record(a); }

std::vector<KpiRow> KpiTally::rows() {
  std::vector<KpiRow> rows;
  rows.reserve(groups_.size());
  for (auto& [key, sum] : groups_) rows.push_back({key, sum.figures()});
  return rows;
}

namespace {

// Ranks 1..n, ties given the mean of the ranks they span.
std::vector<double> ranks(const std::vector<double>& values) {
  std::vector<size_t> order(values.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return values[a] < values[b]; });
  std::vector<double> r(values.size());
  for (size_t i = 0; i < order.size();) {
    size_t j = i;
    while (j + 1 < order.size() && values[order[j + 1]] == values[order[i]]) ++j;
    double mean_rank = (static_cast<double>(i) + static_cast<double>(j)) / 2 + 1;
    for (size_t k = i; k <= j; ++k) r[order[k]] = mean_rank;
    i = j + 1;
  }
  return r;
}

}  // namespace

std::optional<double> spearman(const std::vector<double>& x, const std::vector<double>& y) {
  if (x.size() != y.size() || x.size() < 3) return std::nullopt;
  // Pearson's correlation of the ranks: right with ties too.
  std::vector<double> rx = ranks(x), ry = ranks(y);
  double n = static_cast<double>(x.size()), mean = (n + 1) / 2;
  double sxy = 0, sxx = 0, syy = 0;
  for (size_t i = 0; i < rx.size(); ++i) {
    sxy += (rx[i] - mean) * (ry[i] - mean);
    sxx += (rx[i] - mean) * (rx[i] - mean);
    syy += (ry[i] - mean) * (ry[i] - mean);
  }
  if (sxx == 0 || syy == 0) return std::nullopt;
  return sxy / std::sqrt(sxx * syy);
}

namespace {

// Site key → the retailers whose audits have it.
std::map<std::string, std::set<std::string>> audited_retailers(const std::vector<AuditedSite>& audits) {
  std::map<std::string, std::set<std::string>> retailers;
  for (const auto& a : audits) retailers[a.site].insert(a.retailer);
  return retailers;
}

}  // namespace

std::optional<AmbiguousKpiSite> find_ambiguous_kpi_site(const std::vector<AuditedSite>& audits, const std::vector<Contact>& contacts,
                                                        const std::vector<SurveyAnswer>& answers) {
  std::map<std::string, std::set<std::string>> retailers = audited_retailers(audits);
  std::set<std::string> ambiguous;
  auto check = [&](const auto& record) {
    if (!record.retailer.empty()) return;
    auto it = retailers.find(record.site);
    if (it != retailers.end() && it->second.size() > 1) ambiguous.insert(record.site);
  };
  for (const auto& c : contacts) check(c);
  for (const auto& a : answers) check(a);
  if (ambiguous.empty()) return std::nullopt;
  const std::string& site = *ambiguous.begin();
  return AmbiguousKpiSite{site, {retailers[site].begin(), retailers[site].end()}};
}

std::vector<SiteKpis> join_site_kpis(const std::vector<AuditedSite>& audits, const std::vector<Contact>& contacts,
                                     const std::vector<SurveyAnswer>& answers) {
  struct Site {
    double sum = 0;
    int scored = 0;
    std::vector<Contact> contacts;
    std::vector<SurveyAnswer> answers;
  };
  std::map<std::pair<std::string, std::string>, Site> sites;  // (site key, retailer)
  for (const auto& a : audits) {
    Site& site = sites[{a.site, a.retailer}];
    if (a.overall) {
      site.sum += *a.overall;
      ++site.scored;
    }
  }
  std::map<std::string, std::set<std::string>> retailers = audited_retailers(audits);
  auto site_of = [&](const auto& record) -> Site& {
    if (record.retailer.empty())
      if (auto it = retailers.find(record.site); it != retailers.end()) return sites[{record.site, *it->second.begin()}];
    return sites[{record.site, record.retailer}];
  };
  for (const auto& c : contacts) site_of(c).contacts.push_back(c);
  for (const auto& a : answers) site_of(a).answers.push_back(a);
  std::vector<SiteKpis> out;
  out.reserve(sites.size());
  for (const auto& [key, site] : sites) {
    SiteKpis row;
    row.site = key.first;
    row.retailer = key.second;
    row.assessments = site.scored;
    if (site.scored > 0) row.audit_score = site.sum / site.scored;
    row.kpis = compute_kpis(site.contacts, site.answers);
    out.push_back(std::move(row));
  }
  return out;
}

std::vector<KpiCorrelation> correlate_kpis(const std::vector<SiteKpis>& sites) {
  using Pick = const KpiValue& (*)(const KpiFigures&);
  static const std::pair<const char*, Pick> kKpis[] = {
      {"first_response_median", [](const KpiFigures& f) -> const KpiValue& { return f.first_response_median; }},
      {"resolution_median", [](const KpiFigures& f) -> const KpiValue& { return f.resolution_median; }},
      {"first_contact_resolution", [](const KpiFigures& f) -> const KpiValue& { return f.first_contact_resolution; }},
      {"handling_mean", [](const KpiFigures& f) -> const KpiValue& { return f.handling_mean; }},
      {"csat_percent", [](const KpiFigures& f) -> const KpiValue& { return f.csat_percent; }},
      {"nps", [](const KpiFigures& f) -> const KpiValue& { return f.nps; }},
  };
  std::vector<KpiCorrelation> out;
  for (const auto& [name, pick] : kKpis) {
    std::vector<double> audit, kpi;
    for (const auto& s : sites) {
      const KpiValue& v = pick(s.kpis);
      if (s.audit_score && v.value) {
        audit.push_back(*s.audit_score);
        kpi.push_back(*v.value);
      }
    }
    out.push_back({name, static_cast<int>(audit.size()), spearman(audit, kpi)});
  }
  return out;
}

}  // namespace cjb
