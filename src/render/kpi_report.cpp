#include "render/kpi_report.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "render/csv.h"
#include "render/kpi_json.h"
#include "render/text_table.h"

namespace cjb::render {

namespace {

using Json = nlohmann::ordered_json;

Json json_value(const KpiValue& v) { return v.value ? Json(*v.value) : Json(nullptr); }


// Figures as people read them: one decimal with the unit, NPS signed, "–" for none.
std::string shown(const KpiValue& v, const char* unit, int decimals = 1) {
  if (!v.value) return "–";
  return fmt::format("{:.{}f}{}", *v.value, decimals, unit);
}

// NPS is read as a signed whole number; a score that rounds to 0 has no sign.
std::string shown_nps(const KpiValue& v) {
  if (!v.value) return "–";
  std::string text = fmt::format("{:+.0f}", *v.value);
  return text == "+0" || text == "-0" ? "0" : text;
}

std::string count(int n) { return std::to_string(n); }

std::string signed_whole(double v) {
  std::string text = fmt::format("{:+.0f}", v);
  return text == "+0" || text == "-0" ? "0" : text;
}

// The figures of one scope, one KPI a row.
TextTable figures_table(const KpiFigures& f) {
  TextTable t;
  t.header = {"KPI", "value", "n", "note"};
  t.align = {Align::Left, Align::Right, Align::Right, Align::Left};
  t.rows = kpi_figure_rows(f);
  return t;
}

// One row per --by key, the headline figure of each KPI a column.
TextTable rows_table(const KpiReport& r) {
  TextTable t;
  t.header = {r.by};
  for (auto& h : kpi_headline_header()) t.header.push_back(std::move(h));
  t.align.assign(t.header.size(), Align::Right);
  t.align[0] = Align::Left;
  for (const auto& row : r.rows) {
    std::vector<std::string> cells{row.key.empty() ? "(none)" : row.key};
    for (auto& c : kpi_headline_cells(row.figures)) cells.push_back(std::move(c));
    t.rows.push_back(std::move(cells));
  }
  return t;
}

}  // namespace

nlohmann::ordered_json kpi_figures_json(const KpiFigures& f) {
  using Json = nlohmann::ordered_json;
  Json j;
  j["contacts"] = f.contacts;
  j["surveys"] = f.surveys;
  j["first_response_minutes"] = {{"n", f.first_response_median.n}, {"median", json_value(f.first_response_median)}, {"p90", json_value(f.first_response_p90)}};
  j["resolution_hours"] = {{"n", f.resolution_median.n}, {"median", json_value(f.resolution_median)}, {"p90", json_value(f.resolution_p90)}, {"open", f.open}};
  j["first_contact_resolution"] = {{"n", f.first_contact_resolution.n}, {"percent", json_value(f.first_contact_resolution)}};
  j["handling_minutes"] = {{"n", f.handling_mean.n}, {"mean", json_value(f.handling_mean)}};
  j["csat"] = {{"n", f.csat_percent.n}, {"percent", json_value(f.csat_percent)}, {"mean", json_value(f.csat_mean)}};
  j["nps"] = {{"n", f.nps.n}, {"score", json_value(f.nps)}, {"promoters", f.promoters}, {"passives", f.passives}, {"detractors", f.detractors},
              {"ci95", f.nps_low ? Json::array({*f.nps_low, *f.nps_high}) : Json(nullptr)}};
  j["idle_chats"] = {{"n", f.idle_chats.n}, {"percent", json_value(f.idle_chats)}};
  Json standards = Json::array();
  for (const auto& s : f.standards)
    standards.push_back({{"id", s.id}, {"label", s.label}, {"n", s.share.n}, {"met", s.met}, {"percent", json_value(s.share)}});
  j["standards"] = standards;
  return j;
}

nlohmann::ordered_json kpi_sources_json(const std::vector<KpiSource>& sources) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const auto& s : sources) {
    out.push_back({{"file", s.file}, {"kind", s.kind}, {"rows", s.rows}});
    if (!s.layout.empty()) out.back()["layout"] = s.layout;
    if (s.skipped) out.back()["skipped"] = s.skipped;
  }
  return out;
}

std::vector<std::vector<std::string>> kpi_figure_rows(const KpiFigures& f) {
  std::vector<std::vector<std::string>> rows = {
      {"First response time, median", shown(f.first_response_median, " min"), count(f.first_response_median.n), ""},
      {"First response time, 90th percentile", shown(f.first_response_p90, " min"), count(f.first_response_p90.n), ""},
      {"Resolution time, median", shown(f.resolution_median, " h"), count(f.resolution_median.n), f.open ? fmt::format("{} still open", f.open) : ""},
      {"Resolution time, 90th percentile", shown(f.resolution_p90, " h"), count(f.resolution_p90.n), ""},
      {"First-contact resolution", shown(f.first_contact_resolution, " %"), count(f.first_contact_resolution.n), "of resolved contacts"},
      {"Average handling time", shown(f.handling_mean, " min"), count(f.handling_mean.n), ""},
      {"CSAT (4 or 5 of 5)", shown(f.csat_percent, " %"), count(f.csat_percent.n),
       f.csat_mean.value ? fmt::format("mean {:.2f} of 5", *f.csat_mean.value) : ""},
      {"Net Promoter Score", shown_nps(f.nps), count(f.nps.n),
       f.nps.n ? fmt::format("{} promoters, {} passives, {} detractors{}", f.promoters, f.passives, f.detractors,
                             f.nps_low ? fmt::format("; 95% CI {} to {}", signed_whole(*f.nps_low), signed_whole(*f.nps_high)) : "")
               : ""},
  };
  if (f.idle_chats.n) rows.push_back({"Idle chats", shown(f.idle_chats, " %"), count(f.idle_chats.n), "left open after the customer left"});
  for (const auto& s : f.standards)
    rows.push_back({s.label, shown(s.share, " %"), count(s.share.n), s.share.n ? fmt::format("{} met the standard", s.met) : ""});
  return rows;
}

std::vector<std::string> kpi_headline_header() {
  return {"contacts", "first response (median)", "resolution (median)", "FCR", "handling (mean)", "surveys", "CSAT", "NPS"};
}

std::vector<std::string> kpi_headline_cells(const KpiFigures& f) {
  return {count(f.contacts), shown(f.first_response_median, " min"), shown(f.resolution_median, " h"), shown(f.first_contact_resolution, " %"),
          shown(f.handling_mean, " min"), count(f.surveys), shown(f.csat_percent, " %"), shown_nps(f.nps)};
}

std::string kpi_label(const std::string& id) {
  if (id == "first_response_median") return "First response time (median)";
  if (id == "resolution_median") return "Resolution time (median)";
  if (id == "first_contact_resolution") return "First-contact resolution";
  if (id == "handling_mean") return "Average handling time";
  if (id == "csat_percent") return "CSAT";
  if (id == "nps") return "NPS";
  return id;
}

std::string kpi_sources_line(const std::vector<KpiSource>& sources) {
  std::string line;
  for (const auto& s : sources)
    line += fmt::format("{}{} ({} {}{}{})", line.empty() ? "" : ", ", s.file, s.rows, s.kind == "contacts" ? "contacts" : "survey answers",
                        s.layout.empty() ? "" : ", " + s.layout + " layout", s.skipped ? fmt::format(", {} bad rows skipped", s.skipped) : "");
  return line;
}

std::string kpi_text(const KpiReport& r) {
  std::string out = fmt::format("Service KPIs from {}\n\n", kpi_sources_line(r.sources));
  out += format_table(figures_table(r.overall));
  if (!r.by.empty()) out += fmt::format("\nBy {}:\n\n", r.by) + format_table(rows_table(r));
  return out;
}

std::string kpi_json(const KpiReport& r) {
  Json j;
  j["schema"] = "cjb.kpi/1";
  j["exports"] = kpi_sources_json(r.sources);
  j["overall"] = kpi_figures_json(r.overall);
  j["by"] = r.by.empty() ? Json(nullptr) : Json(r.by);
  Json rows = Json::array();
  for (const auto& row : r.rows) {
    Json x;
    x["key"] = row.key;
    x.update(kpi_figures_json(row.figures));
    rows.push_back(std::move(x));
  }
  j["rows"] = rows;
  return j.dump(2) + "\n";
}

std::string kpi_csv(const KpiReport& r) {
  std::string out = csv_row({"key", "contacts", "first_response_median_minutes", "first_response_p90_minutes", "resolution_median_hours",
                             "resolution_p90_hours", "open", "first_contact_resolution_percent", "handling_mean_minutes", "surveys",
                             "csat_percent", "csat_mean", "nps", "promoters", "passives", "detractors", "nps_ci95_low", "nps_ci95_high",
                             "idle_chats_percent"});
  if (!r.overall.standards.empty()) {
    out.pop_back();
    for (const auto& s : r.overall.standards) out += "," + csv_field("standard_" + s.id + "_percent");
    out += "\n";
  }
  auto number = [](const KpiValue& v) { return v.value ? fmt::format("{}", *v.value) : std::string(); };
  auto maybe = [](const std::optional<double>& v) { return v ? fmt::format("{}", *v) : std::string(); };
  auto line = [&](const std::string& key, const KpiFigures& f) {
    // The key is what an export's site or channel column held: defused like every text cell.
    std::vector<std::string> cells{spreadsheet_text(key), count(f.contacts), number(f.first_response_median), number(f.first_response_p90),
                                   number(f.resolution_median), number(f.resolution_p90), count(f.open), number(f.first_contact_resolution),
                                   number(f.handling_mean), count(f.surveys), number(f.csat_percent), number(f.csat_mean), number(f.nps),
                                   count(f.promoters), count(f.passives), count(f.detractors), maybe(f.nps_low), maybe(f.nps_high),
                                   number(f.idle_chats)};
    for (const auto& s : f.standards) cells.push_back(number(s.share));
    out += csv_row(cells);
  };
  line("overall", r.overall);
  for (const auto& row : r.rows) line(row.key, row.figures);
  return out;
}

std::string kpi_html(const KpiReport& r) {
  std::string out = "<h1>Service KPIs</h1>\n<p>" + html_escape("From " + kpi_sources_line(r.sources)) + "</p>\n";
  out += html_table(figures_table(r.overall));
  if (!r.by.empty()) out += "<h2>By " + html_escape(r.by) + "</h2>\n" + html_table(rows_table(r));
  out += "<p>" + html_escape("Definitions: docs/kpi.md. First response and resolution times are from opened; "
                             "first-contact resolution counts resolved contacts that took one contact; "
                             "NPS is % promoters (9–10) − % detractors (0–6).") + "</p>\n";
  return html_document("cjb kpi", out);
}

}  // namespace cjb::render
