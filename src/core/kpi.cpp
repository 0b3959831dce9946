#include "core/kpi.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include <fmt/format.h>

#include "core/statistics.h"

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
  // Howard Hinnant's civil_from_days.
  long whole = static_cast<long>(std::floor(minutes));
  long z = whole >= 0 ? whole / 1440 : -((-whole + 1439) / 1440);
  long minute_of_day = whole - z * 1440;
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  long d = doy - (153 * mp + 2) / 5 + 1;
  long m = mp + (mp < 10 ? 3 : -9);
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}", y + (m <= 2), m, d, minute_of_day / 60, minute_of_day % 60);
}

KpiFigures compute_kpis(const std::vector<Contact>& contacts, const std::vector<SurveyAnswer>& answers) {
  KpiFigures f;
  f.contacts = static_cast<int>(contacts.size());
  f.surveys = static_cast<int>(answers.size());

  std::vector<double> first_response, resolution, handling;
  int fcr_counted = 0, fcr_first = 0;
  for (const auto& c : contacts) {
    if (c.first_response) first_response.push_back(*c.first_response - c.opened);
    if (c.resolved) {
      resolution.push_back((*c.resolved - c.opened) / 60.0);
      if (c.contacts) {
        ++fcr_counted;
        if (*c.contacts == 1) ++fcr_first;
      }
    } else {
      ++f.open;
    }
    if (c.handling_minutes) handling.push_back(*c.handling_minutes);
  }
  f.first_response_median = value_of(first_response, percentile(first_response, 50));
  f.first_response_p90 = value_of(first_response, percentile(first_response, 90));
  f.resolution_median = value_of(resolution, percentile(resolution, 50));
  f.resolution_p90 = value_of(resolution, percentile(resolution, 90));
  if (fcr_counted > 0) f.first_contact_resolution = {fcr_counted, 100.0 * fcr_first / fcr_counted};
  if (!handling.empty()) {
    double sum = 0;
    for (double h : handling) sum += h;
    f.handling_mean = {static_cast<int>(handling.size()), sum / static_cast<double>(handling.size())};
  }

  int csat_n = 0, csat_top = 0, csat_sum = 0, nps_n = 0;
  for (const auto& a : answers) {
    if (a.csat) {
      ++csat_n;
      csat_sum += *a.csat;
      if (*a.csat >= 4) ++csat_top;
    }
    if (a.nps) {
      ++nps_n;
      if (*a.nps >= 9) ++f.promoters;
      else if (*a.nps >= 7) ++f.passives;
      else ++f.detractors;
    }
  }
  if (csat_n > 0) {
    f.csat_percent = {csat_n, 100.0 * csat_top / csat_n};
    f.csat_mean = {csat_n, static_cast<double>(csat_sum) / csat_n};
  }
  if (nps_n > 0) f.nps = {nps_n, 100.0 * (f.promoters - f.detractors) / nps_n};
  return f;
}

bool is_kpi_field(std::string_view field) { return field == "site" || field == "channel" || field == "month"; }

std::vector<KpiRow> kpis_by(const std::vector<Contact>& contacts, const std::vector<SurveyAnswer>& answers, std::string_view field) {
  std::map<std::string, std::pair<std::vector<Contact>, std::vector<SurveyAnswer>>> groups;
  for (const auto& c : contacts) groups[field_of(c, field)].first.push_back(c);
  for (const auto& a : answers) groups[field_of(a, field)].second.push_back(a);
  std::vector<KpiRow> rows;
  rows.reserve(groups.size());
  for (const auto& [key, group] : groups) rows.push_back({key, compute_kpis(group.first, group.second)});
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

std::vector<SiteKpis> join_site_kpis(const std::vector<std::pair<std::string, std::optional<double>>>& audits,
                                     const std::vector<Contact>& contacts, const std::vector<SurveyAnswer>& answers) {
  struct Site {
    double sum = 0;
    int scored = 0;
    std::vector<Contact> contacts;
    std::vector<SurveyAnswer> answers;
  };
  std::map<std::string, Site> sites;
  for (const auto& [key, score] : audits) {
    Site& site = sites[key];
    if (score) {
      site.sum += *score;
      ++site.scored;
    }
  }
  for (const auto& c : contacts) sites[c.site].contacts.push_back(c);
  for (const auto& a : answers) sites[a.site].answers.push_back(a);
  std::vector<SiteKpis> out;
  out.reserve(sites.size());
  for (const auto& [key, site] : sites) {
    SiteKpis row;
    row.site = key;
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
