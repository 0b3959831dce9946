#include "core/measure.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

#include "core/catalog.h"
#include "core/kpi.h"
#include "util/text.h"

namespace cjb {

namespace {

// The units a duration target may be given in, and their length in minutes.
constexpr std::array<std::pair<std::string_view, double>, 4> kDurationUnits = {
    {{"seconds", 1.0 / 60}, {"minutes", 1}, {"hours", 60}, {"days", 1440}}};

// Minutes in one of a duration unit; 0 for a unit that is no duration.
double minutes_per(std::string_view unit) {
  for (const auto& [name, minutes] : kDurationUnits)
    if (name == unit) return minutes;
  return 0;
}

// The KPI's figure in its own unit (minutes for first response, hours for resolution, …).
KpiValue own_figure(const Measure& m, const KpiFigures& f) {
  if (m.kpi == "first-response-median") return f.first_response_median;
  if (m.kpi == "first-response-p90") return f.first_response_p90;
  if (m.kpi == "resolution-median") return f.resolution_median;
  if (m.kpi == "resolution-p90") return f.resolution_p90;
  if (m.kpi == "first-contact-resolution") return f.first_contact_resolution;
  if (m.kpi == "csat-percent") return f.csat_percent;
  if (m.kpi == "csat-mean") return f.csat_mean;
  if (m.kpi == "nps") return f.nps;
  if (m.kpi == "idle-chats") return f.idle_chats;
  // standards-met: each answered contact is held to the one standard that applies to it, so the
  // standards' counts add up to the whole.
  int met = 0, n = 0;
  bool found = m.standard.empty();
  for (const auto& s : f.standards)
    if (m.standard.empty() || s.id == m.standard) {
      found = true;
      met += s.met;
      n += s.share.n;
    }
  if (!found || n == 0) return {n, std::nullopt};
  return {n, 100.0 * met / n};
}

std::string number_text(double value) {
  std::string text = fmt::format("{:.2f}", value);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text == "-0" ? "0" : text;
}

}  // namespace

const std::vector<MeasurableKpi>& measurable_kpis() {
  static const std::vector<MeasurableKpi> kpis = {
      {"first-response-median", "first response time, median", "minutes", true, true, "contacts"},
      {"first-response-p90", "first response time, 90th percentile", "minutes", true, true, "contacts"},
      {"resolution-median", "resolution time, median", "hours", true, true, "contacts"},
      {"resolution-p90", "resolution time, 90th percentile", "hours", true, true, "contacts"},
      {"first-contact-resolution", "first-contact resolution", "percent", false, false, "contacts"},
      {"csat-percent", "CSAT (share of 4 and 5)", "percent", false, false, "answers"},
      {"csat-mean", "CSAT, mean", "score", false, false, "answers"},
      {"nps", "NPS", "points", false, false, "answers"},
      {"idle-chats", "idle chats", "percent", true, false, "chats"},
      {"standards-met", "first responses within the service standard", "percent", false, false, "contacts"},
  };
  return kpis;
}

const MeasurableKpi* find_measurable_kpi(std::string_view name) {
  for (const auto& k : measurable_kpis())
    if (name == k.name) return &k;
  return nullptr;
}

std::optional<std::string> measure_problem(const Measure& m) {
  const MeasurableKpi* kpi = find_measurable_kpi(m.kpi);
  if (!kpi) {
    std::string names;
    for (const auto& k : measurable_kpis()) names += (names.empty() ? "" : ", ") + std::string(k.name);
    return fmt::format("<measure> names kpi '{}' (expected one of {})", m.kpi, names);
  }
  if (!m.standard.empty() && m.kpi != "standards-met")
    return fmt::format("<measure> of '{}' names a standard (expected standard=\"…\" only with kpi=\"standards-met\")", m.kpi);
  if (kpi->duration && minutes_per(m.unit) == 0)
    return fmt::format("<measure> of '{}' has unit '{}' (expected {})", m.kpi, m.unit,
                       text::or_list(kDurationUnits, [](const auto& unit) { return unit.first; }));
  if (!kpi->duration && !m.unit.empty() && m.unit != kpi->unit)
    return fmt::format("<measure> of '{}' has unit '{}' (expected {} or no unit)", m.kpi, m.unit, kpi->unit);
  bool curve = m.worst || m.best;
  if (curve == !m.levels.empty())
    return fmt::format("<measure> of '{}' {} (expected levels=\"…\", or worst=\"…\" and best=\"…\")", m.kpi,
                       curve ? "has both levels and a curve" : "gives no levels");
  const char* better = kpi->lower_is_better ? "lower" : "higher";
  if (curve) {
    if (!m.worst || !m.best) return fmt::format("<measure> of '{}' has only one of worst and best (expected both)", m.kpi);
    if (kpi->lower_is_better ? *m.best >= *m.worst : *m.best <= *m.worst)
      return fmt::format("<measure> of '{}' has best {} and worst {} (expected best {} than worst: {} is better)", m.kpi,
                         number_text(*m.best), number_text(*m.worst), better, better);
    return std::nullopt;
  }
  for (size_t i = 1; i < m.levels.size(); ++i)
    if (kpi->lower_is_better ? m.levels[i] >= m.levels[i - 1] : m.levels[i] <= m.levels[i - 1])
      return fmt::format("<measure> of '{}' has levels that do not get stricter at {} (expected each threshold {} than the one "
                         "before: {} is better)",
                         m.kpi, number_text(m.levels[i]), better, better);
  return std::nullopt;
}

std::optional<std::string> measure_scale_problem(const Measure& m, int max_level) {
  if (m.levels.empty() || static_cast<int>(m.levels.size()) == max_level) return std::nullopt;
  return fmt::format("<measure> of '{}' gives {} threshold{} (expected {}, one for each level above 0 of the item's scale)", m.kpi,
                     m.levels.size(), m.levels.size() == 1 ? "" : "s", max_level);
}

MeasuredFigure measured_figure(const Measure& m, const KpiFigures& figures) {
  const MeasurableKpi* kpi = find_measurable_kpi(m.kpi);
  MeasuredFigure out;
  KpiValue own = own_figure(m, figures);
  out.n = own.n;
  out.unit = m.unit.empty() ? kpi->unit : m.unit;
  if (own.value && kpi->duration) out.value = *own.value * minutes_per(kpi->unit) / minutes_per(out.unit);
  else out.value = own.value;
  return out;
}

int measured_level(const Measure& m, double value, int max_level) {
  bool lower = find_measurable_kpi(m.kpi)->lower_is_better;
  if (m.levels.empty()) {
    double fraction = std::clamp((value - *m.worst) / (*m.best - *m.worst), 0.0, 1.0);
    // The small allowance keeps a figure that lands on a level (computed as 2.9999…) at it.
    return std::min(max_level, static_cast<int>(std::floor(fraction * max_level + 1e-9)));
  }
  int level = 0;
  for (size_t i = 0; i < m.levels.size(); ++i)
    if (lower ? value <= m.levels[i] : value >= m.levels[i]) level = static_cast<int>(i) + 1;
  return std::min(level, max_level);
}

std::string measured_figure_text(double value, const std::string& unit) {
  if (unit == "percent") return number_text(value) + " %";
  if (unit == "score") return number_text(value) + " of 5";
  return number_text(value) + " " + unit;
}

namespace {

// The response to item, added at the end when the auditor gave none.
Response& response_for(Assessment& assessment, const Item& item) {
  for (auto& r : assessment.responses)
    if (r.item == item.id) return r;
  Response r;
  r.item = item.id;
  r.where = item.where;
  assessment.responses.push_back(std::move(r));
  return assessment.responses.back();
}

// The evidence with the measurement as its first line: an earlier measurement's line replaced,
// the auditor's own evidence kept under it.
std::string with_measurement(const Response& r, const std::string& line) {
  if (!r.measured || r.evidence.empty()) return r.evidence.empty() ? line : line + "\n" + r.evidence;
  size_t end = r.evidence.find('\n');
  return end == std::string::npos ? line : line + r.evidence.substr(end);
}

}  // namespace

std::vector<AppliedMeasure> apply_measures(Assessment& assessment, const Instrument& instrument, const KpiFigures& figures,
                                           const std::string& origin) {
  std::vector<AppliedMeasure> out;
  for (const auto& scoped : instrument.items) {
    const Item& item = *scoped.item;
    if (!item.measure) continue;
    const Measure& m = *item.measure;
    if (auto problem = measure_scale_problem(m, scoped.max_level))
      throw InputError(m.where, fmt::format("item '{}': {}", item.id, *problem));
    const MeasurableKpi& kpi = *find_measurable_kpi(m.kpi);
    AppliedMeasure applied{item.id, measured_figure(m, figures), std::nullopt, std::nullopt, ""};
    const Response* before = assessment.find_response(item.id);
    if (before) applied.observed_level = before->measured ? before->observed_level : before->level;
    if (before && before->na) applied.skipped = "N/A by the auditor";
    // A waiver (even an expired one) is a decision someone signed: the data does not overrule it.
    else if (before && before->waiver) applied.skipped = fmt::format("waived by {}", before->waiver->by);
    else if (!applied.figure.value) applied.skipped = fmt::format("no {} to measure {}", kpi.over, kpi.label);
    if (!applied.skipped.empty()) {
      out.push_back(std::move(applied));
      continue;
    }
    int level = measured_level(m, *applied.figure.value, scoped.max_level);
    applied.level = level;
    Response& r = response_for(assessment, item);
    std::string standard = m.standard.empty() ? "" : fmt::format(" ({})", m.standard);
    std::string line = fmt::format("{}: {}{} {} over {} {} → level {}", origin, kpi.label, standard,
                                   measured_figure_text(*applied.figure.value, applied.figure.unit), applied.figure.n, kpi.over, level);
    r.evidence = with_measurement(r, line);
    r.observed_level = applied.observed_level;
    r.level = level;
    r.measured = true;
    out.push_back(std::move(applied));
  }
  return out;
}

}  // namespace cjb
