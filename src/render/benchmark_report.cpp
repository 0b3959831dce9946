#include "render/benchmark_report.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <thread>

#include "render/csv.h"
#include "render/kpi_json.h"
#include "render/format.h"
#include "render/benchmark_tables.h"

namespace cjb::render {

namespace {

using Json = nlohmann::ordered_json;

std::string number_text(std::optional<double> v) { return v ? fmt::format("{}", *v) : std::string(); }
std::string signed_text(std::optional<double> v) { return v ? fmt::format("{:+.1f}", *v) : std::string("–"); }
std::string none_if_empty(const std::string& key) { return key.empty() ? "(none)" : key; }

Json json_number(std::optional<double> v) { return v ? Json(*v) : Json(nullptr); }

Json json_summary(const Summary& s) {
  Json j;
  j["n"] = s.n;
  auto value = [&](double v) { return s.n > 0 ? Json(v) : Json(nullptr); };
  j["mean"] = value(s.mean);
  j["median"] = value(s.median);
  j["p25"] = value(s.p25);
  j["p75"] = value(s.p75);
  j["min"] = value(s.min);
  j["max"] = value(s.max);
  return j;
}

Json json_stats(const BenchmarkStats& stats) {
  Json j;
  j["overall"] = json_summary(stats.overall);
  for (const auto& [key, list] : {std::pair{"layers", &stats.layers}, std::pair{"groups", &stats.groups},
                                  std::pair{"channels", &stats.channels}}) {
    Json by_id = Json::object();
    for (const auto& d : *list) by_id[std::string(d.id)] = json_summary(d.summary);
    j[key] = by_id;
  }
  return j;
}

Json json_scores(const std::vector<NamedScore>& scores) {
  Json j = Json::object();
  for (const auto& s : scores) j[std::string(s.id)] = json_number(s.score);
  return j;
}

// brief: the league's form (layers only), so that 50,000 entries stay quick to write and read.
Json json_entry(const BenchmarkEntry& e, bool brief = false) {
  Json j;
  j["id"] = e.id;
  j["retailer"] = e.subject.retailer;
  j["site"] = e.subject.site;
  j["site_id"] = e.site_key();
  j["sector"] = e.subject.sector;
  j["region"] = e.subject.region;
  j["format"] = e.subject.format;
  j["tags"] = e.subject.tags;
  j["date"] = e.date;
  j["overall"] = json_number(e.overall);
  j["visits"] = e.visits;
  if (!e.file.empty()) j["file"] = e.file;
  j["layers"] = json_scores(e.layers);
  if (brief) return j;
  j["groups"] = json_scores(e.groups);
  j["channels"] = json_scores(e.channels);
  return j;
}

Json json_standing(const PeerStanding& s) {
  Json j;
  j["kind"] = s.kind;
  j["id"] = s.id;
  j["score"] = json_number(s.score);
  j["peers"] = s.peers;
  j["percentile_rank"] = json_number(s.percentile_rank);
  j["median"] = json_number(s.median);
  j["gap_to_median"] = json_number(s.gap_to_median);
  j["best"] = json_number(s.best);
  j["gap_to_best"] = json_number(s.gap_to_best);
  return j;
}

// The league holds most of the output (50,000 entries at scale), so its entries are written
// straight into the text rather than built as Json objects first, and in slices on every core:
// the same bytes as json_entry(e, true).dump() with "rank" first, in a fraction of the time.
// Anything but plain printable ASCII in a string, and every number, is still written by
// nlohmann's own serializer (one per slice, writing into the slice's text).
class LeagueWriter {
 public:
  explicit LeagueWriter(std::string& out) : out_(out), serializer_(nlohmann::detail::output_adapter<char>(out), ' ') {}

  void entry(int rank, const BenchmarkEntry& e) {
    out_ += "{\"rank\":";
    out_ += std::to_string(rank);
    field("id", e.id);
    field("retailer", e.subject.retailer);
    field("site", e.subject.site);
    field("site_id", e.site_key());
    field("sector", e.subject.sector);
    field("region", e.subject.region);
    field("format", e.subject.format);
    out_ += ",\"tags\":[";
    for (size_t t = 0; t < e.subject.tags.size(); ++t) {
      if (t) out_ += ',';
      string(e.subject.tags[t]);
    }
    out_ += ']';
    field("date", e.date);
    out_ += ",\"overall\":";
    number(e.overall);
    out_ += ",\"visits\":";
    out_ += std::to_string(e.visits);
    if (!e.file.empty()) field("file", e.file);
    out_ += ",\"layers\":{";
    for (size_t l = 0; l < e.layers.size(); ++l) {
      if (l) out_ += ',';
      string(e.layers[l].id);
      out_ += ':';
      number(e.layers[l].score);
    }
    out_ += "}}";
  }

 private:
  void field(const char* name, std::string_view text) {
    out_ += ",\"";
    out_ += name;
    out_ += "\":";
    string(text);
  }

  void string(std::string_view text) {
    for (char c : text) {
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
        serializer_.dump(Json(text), false, false, 0);
        return;
      }
    }
    out_ += '"';
    out_ += text;
    out_ += '"';
  }

  void number(std::optional<double> v) {
    if (v) serializer_.dump(Json(*v), false, false, 0);
    else out_ += "null";
  }

  std::string& out_;
  nlohmann::detail::serializer<Json> serializer_;
};

// Appends the league's entries in order, one per line, each led by the separator the document
// needs: "\n    " for the first, ",\n    " after. The first slice is written straight into out,
// the others beside it and then appended, so the text is copied once at most.
void append_league_json(std::string& out, const std::vector<BenchmarkEntry>& entries) {
  std::vector<size_t> order = league_order(entries);
  constexpr size_t kSliceFrom = 4096;  // below this, threads cost more than they save
  constexpr size_t kBytesPerEntry = 400;
  size_t slices = order.size() >= kSliceFrom ? std::max(1u, std::thread::hardware_concurrency()) : 1;
  std::vector<std::string> others(slices - 1);
  out.reserve(out.size() + order.size() * kBytesPerEntry);
  auto write_slice = [&](size_t slice) {
    size_t begin = order.size() * slice / slices, end = order.size() * (slice + 1) / slices;
    std::string& text = slice == 0 ? out : others[slice - 1];
    if (slice > 0) text.reserve((end - begin) * kBytesPerEntry);
    LeagueWriter writer(text);
    for (size_t k = begin; k < end; ++k) {
      text += k == 0 ? "\n    " : ",\n    ";
      writer.entry(static_cast<int>(k + 1), entries[order[k]]);
    }
  };
  std::vector<std::thread> threads;
  for (size_t slice = 1; slice < slices; ++slice) threads.emplace_back(write_slice, slice);
  write_slice(0);
  for (auto& t : threads) t.join();
  for (const auto& text : others) out += text;
}

// One "kind id" label per distribution, for the text, CSV and HTML tables.
struct StatRow {
  std::string label;
  const Summary* summary;
};

std::vector<StatRow> stat_rows(const BenchmarkStats& stats) {
  std::vector<StatRow> rows{{"overall", &stats.overall}};
  for (const auto& d : stats.layers) rows.push_back({"layer " + std::string(d.id), &d.summary});
  for (const auto& d : stats.groups) rows.push_back({"group " + std::string(d.id), &d.summary});
  for (const auto& d : stats.channels) rows.push_back({"channel " + std::string(d.id), &d.summary});
  return rows;
}

std::vector<std::string> summary_cells(const Summary& s) {
  if (s.n == 0) return {"0", "–", "–", "–", "–", "–", "–"};
  return {std::to_string(s.n), score_text(s.mean), score_text(s.median), score_text(s.p25),
          score_text(s.p75),   score_text(s.min),  score_text(s.max)};
}

const std::vector<std::string> kSummaryHeader{"n", "mean", "median", "p25", "p75", "min", "max"};

}  // namespace

std::string benchmark_heading_line(const BenchmarkReport& r) {
  std::string text = fmt::format("{} assessment{} scored of {} file{}", r.assessments, r.assessments == 1 ? "" : "s",
                                 r.files, r.files == 1 ? "" : "s");
  if (!r.left_out.empty()) text += fmt::format(" ({} left out)", r.left_out.size());
  if (!r.combine.empty())
    text += fmt::format("; visits combined by {} per site and {}: {} site-period{}", r.combine, r.period,
                        r.entries.size(), r.entries.size() == 1 ? "" : "s");
  return text;
}

BenchmarkTables benchmark_tables(const BenchmarkReport& r) {
  BenchmarkTables t;
  if (!r.kpi_sources.empty()) {
    t.site_kpis.header = {"site", "audits", "audit score"};
    for (auto& h : kpi_headline_header()) t.site_kpis.header.push_back(std::move(h));
    t.site_kpis.align.assign(t.site_kpis.header.size(), Align::Right);
    t.site_kpis.align[0] = Align::Left;
    for (const auto& s : r.site_kpis) {
      std::vector<std::string> row{none_if_empty(s.site), std::to_string(s.assessments), score_text(s.audit_score)};
      for (auto& c : kpi_headline_cells(s.kpis)) row.push_back(std::move(c));
      t.site_kpis.rows.push_back(std::move(row));
    }
    t.correlations.header = {"KPI", "sites", "Spearman's rho with the audit score"};
    t.correlations.align = {Align::Left, Align::Right, Align::Right};
    for (const auto& c : r.kpi_correlations)
      t.correlations.rows.push_back({kpi_label(c.kpi), std::to_string(c.sites), c.rho ? fmt::format("{:+.2f}", *c.rho) : "–"});
  }
  bool combined = !r.combine.empty();
  t.league.header = {"#", "id", "retailer", "site", combined ? "period" : "date", "overall"};
  t.league.align = {Align::Right, Align::Left, Align::Left, Align::Left, Align::Left, Align::Right};
  if (combined) {
    t.league.header.push_back("visits");
    t.league.align.push_back(Align::Right);
  }
  int rank = 0;
  for (size_t i : league_order(r.entries)) {
    const auto& e = r.entries[i];
    std::vector<std::string> row{std::to_string(++rank), e.id, e.subject.retailer, e.subject.site, e.date, score_text(e.overall)};
    if (combined) row.push_back(std::to_string(e.visits));
    t.league.rows.push_back(std::move(row));
  }

  t.stats.header = {"score"};
  t.stats.header.insert(t.stats.header.end(), kSummaryHeader.begin(), kSummaryHeader.end());
  t.stats.align = {Align::Left, Align::Right, Align::Right, Align::Right, Align::Right, Align::Right, Align::Right, Align::Right};
  for (const auto& row : stat_rows(r.stats)) {
    std::vector<std::string> cells{row.label};
    auto s = summary_cells(*row.summary);
    cells.insert(cells.end(), s.begin(), s.end());
    t.stats.rows.push_back(std::move(cells));
  }

  t.standings.header = {"score", "subject", "peers", "rank", "median", "vs median", "best", "vs best"};
  t.standings.align = {Align::Left, Align::Right, Align::Right, Align::Right, Align::Right, Align::Right, Align::Right, Align::Right};
  for (const auto& s : r.standings) {
    // Printed as the subject's distance: negative when behind the median or the best.
    auto behind = [](std::optional<double> gap) { return gap ? std::optional<double>(-*gap) : std::nullopt; };
    t.standings.rows.push_back({s.kind == "overall" ? "overall" : s.kind + " " + s.id, score_text(s.score), std::to_string(s.peers),
                                s.percentile_rank ? fmt::format("{:.0f}%", *s.percentile_rank) : "–", score_text(s.median),
                                signed_text(behind(s.gap_to_median)), score_text(s.best), signed_text(behind(s.gap_to_best))});
  }

  t.rollup.header = {r.by};
  t.rollup.header.insert(t.rollup.header.end(), kSummaryHeader.begin(), kSummaryHeader.end());
  t.rollup.align = t.stats.align;
  for (const auto& row : r.rollups) {
    std::vector<std::string> cells{none_if_empty(row.key)};
    auto s = summary_cells(row.stats.overall);
    cells.insert(cells.end(), s.begin(), s.end());
    t.rollup.rows.push_back(std::move(cells));
  }

  t.trend.header = {combined ? "period" : "date", "id", "overall", "change"};
  t.trend.align = {Align::Left, Align::Left, Align::Right, Align::Right};
  std::vector<std::string_view> layer_ids;
  for (const auto& d : r.stats.layers) layer_ids.push_back(d.id);
  for (const auto& id : layer_ids) {
    t.trend.header.push_back(std::string(id));
    t.trend.align.push_back(Align::Right);
  }
  std::optional<double> previous;
  for (size_t i : r.trend) {
    const auto& e = r.entries[i];
    std::optional<double> change;
    if (previous && e.overall) change = *e.overall - *previous;
    std::vector<std::string> row{e.date, e.id, score_text(e.overall), signed_text(change)};
    for (const auto& id : layer_ids) {
      const NamedScore* s = e.find(e.layers, id);
      row.push_back(score_text(s ? s->score : std::nullopt));
    }
    t.trend.rows.push_back(std::move(row));
    if (e.overall) previous = e.overall;
  }
  return t;
}

std::string benchmark_text(const BenchmarkReport& r) {
  BenchmarkTables t = benchmark_tables(r);
  std::string out = "Benchmark: " + benchmark_heading_line(r) + "\n";
  if (r.subject) {
    out += fmt::format("\nSubject {} ({}, {}, {}) against {} peer{}\n", r.subject->id, r.subject->subject.retailer,
                       r.subject->subject.site, r.subject->date, r.standings.empty() ? 0 : r.standings[0].peers,
                       r.standings.empty() || r.standings[0].peers != 1 ? "s" : "");
    out += format_table(t.standings);
  }
  if (!r.by.empty()) {
    out += fmt::format("\nOverall score by {}\n", r.by);
    out += format_table(t.rollup);
  }
  if (!r.site.empty()) {
    out += fmt::format("\nTrend of site {}\n", r.site);
    out += t.trend.rows.empty() ? "  (no assessment of this site)\n" : format_table(t.trend);
  }
  if (!r.kpi_sources.empty()) {
    out += fmt::format("\nAudit score beside service KPIs, by site (KPIs from {})\n", kpi_sources_line(r.kpi_sources));
    out += format_table(t.site_kpis);
    out += "\nHow each KPI moves with the audit score across sites\n" + format_table(t.correlations);
  }
  out += "\nDistribution of scores\n" + format_table(t.stats);
  out += "\nLeague table\n" + format_table(t.league);
  if (!r.left_out.empty()) {
    out += "\nLeft out\n";
    for (const auto& l : r.left_out) out += "  " + l.problem + "\n";
  }
  return out;
}

std::string benchmark_json(const BenchmarkReport& r) {
  // Written key by key rather than as one tree: the league of 50,000 entries, one entry a
  // line, never exists as a JSON tree in memory.
  std::string out = "{\n";
  bool first = true;
  auto key = [&](const char* name) {
    out += first ? "  \"" : ",\n  \"";
    out += name;
    out += "\": ";
    first = false;
  };
  auto value = [&](const char* name, const Json& v) {
    key(name);
    std::string text = v.dump(2);
    // Indent the value's own lines by one level.
    for (char c : text) {
      out += c;
      if (c == '\n') out += "  ";
    }
  };
  value("schema", "cjb.benchmark/1");
  value("files", r.files);
  value("assessments", r.assessments);
  value("left_out", r.left_out.size());
  Json left = Json::array();
  for (const auto& l : r.left_out) left.push_back(Json{{"file", l.file}, {"problem", l.problem}});
  value("left_out_files", left);
  value("combine", r.combine.empty() ? Json(nullptr) : Json{{"method", r.combine}, {"period", r.period}});
  key("league");
  out += "[";
  append_league_json(out, r.entries);
  out += r.entries.empty() ? "]" : "\n  ]";
  value("stats", json_stats(r.stats));
  if (r.subject) {
    Json s = json_entry(*r.subject);
    Json standings = Json::array();
    for (const auto& x : r.standings) standings.push_back(json_standing(x));
    s["standings"] = std::move(standings);
    value("subject", s);
  }
  if (!r.by.empty()) {
    Json rows = Json::array();
    for (const auto& row : r.rollups) rows.push_back(Json{{"key", row.key}, {"stats", json_stats(row.stats)}});
    value("rollup", Json{{"by", r.by}, {"rows", std::move(rows)}});
  }
  if (!r.site.empty()) {
    Json points = Json::array();
    for (size_t i : r.trend) points.push_back(json_entry(r.entries[i]));
    value("trend", Json{{"site", r.site}, {"points", std::move(points)}});
  }
  if (!r.kpi_sources.empty()) {
    Json sites = Json::array();
    for (const auto& s : r.site_kpis) {
      Json row;
      row["site"] = s.site;
      row["assessments"] = s.assessments;
      row["audit_score"] = json_number(s.audit_score);
      row.update(kpi_figures_json(s.kpis));
      sites.push_back(std::move(row));
    }
    Json correlations = Json::array();
    for (const auto& c : r.kpi_correlations) correlations.push_back({{"kpi", c.kpi}, {"sites", c.sites}, {"rho", json_number(c.rho)}});
    value("kpis", Json{{"exports", kpi_sources_json(r.kpi_sources)}, {"sites", std::move(sites)}, {"correlations", std::move(correlations)}});
  }
  out += "\n}\n";
  return out;
}

std::string benchmark_csv(const BenchmarkReport& r) {
  std::string out;
  if (r.subject) {
    out += csv_row({"kind", "id", "score", "peers", "percentile_rank", "median", "gap_to_median", "best", "gap_to_best"});
    for (const auto& s : r.standings)
      out += csv_row({spreadsheet_text(s.kind), spreadsheet_text(s.id), number_text(s.score), std::to_string(s.peers), number_text(s.percentile_rank),
                      number_text(s.median), number_text(s.gap_to_median), number_text(s.best), number_text(s.gap_to_best)});
    return out;
  }
  auto summary_fields = [](const Summary& s) -> std::vector<std::string> {
    if (s.n == 0) return {"0", "", "", "", "", "", ""};
    return {std::to_string(s.n), number_text(s.mean), number_text(s.median), number_text(s.p25),
            number_text(s.p75), number_text(s.min), number_text(s.max)};
  };
  if (!r.by.empty()) {
    std::vector<std::string> header{r.by, "score"};
    header.insert(header.end(), kSummaryHeader.begin(), kSummaryHeader.end());
    out += csv_row(header);
    for (const auto& row : r.rollups)
      for (const auto& s : stat_rows(row.stats)) {
        std::vector<std::string> fields{spreadsheet_text(row.key), spreadsheet_text(s.label)};
        auto f = summary_fields(*s.summary);
        fields.insert(fields.end(), f.begin(), f.end());
        out += csv_row(fields);
      }
    return out;
  }
  // League (or trend): one row per entry with every score, columns in model order.
  std::vector<std::string> header{"rank", "id", "retailer", "site", "site_id", "sector", "region", "format", "tags", "date", "visits", "overall"};
  for (const auto& [prefix, list] : {std::pair{"layer:", &r.stats.layers}, std::pair{"group:", &r.stats.groups},
                                     std::pair{"channel:", &r.stats.channels}})
    for (const auto& d : *list) header.push_back(prefix + std::string(d.id));
  out += csv_row(header);
  std::vector<size_t> order = r.site.empty() ? league_order(r.entries) : r.trend;
  int rank = 0;
  for (size_t i : order) {
    const auto& e = r.entries[i];
    std::string tags;
    for (const auto& t : e.subject.tags) tags += (tags.empty() ? "" : " ") + t;
    // Names and tags are typed by users: defused for spreadsheets, as in score and compare CSV.
    std::vector<std::string> fields{std::to_string(++rank), spreadsheet_text(e.id), spreadsheet_text(e.subject.retailer),
                                    spreadsheet_text(e.subject.site), spreadsheet_text(e.site_key()), spreadsheet_text(e.subject.sector),
                                    spreadsheet_text(e.subject.region), spreadsheet_text(e.subject.format), spreadsheet_text(tags),
                                    spreadsheet_text(e.date), std::to_string(e.visits), number_text(e.overall)};
    for (const auto& [member, list] : {std::pair{&BenchmarkEntry::layers, &r.stats.layers}, std::pair{&BenchmarkEntry::groups, &r.stats.groups},
                                       std::pair{&BenchmarkEntry::channels, &r.stats.channels}})
      for (const auto& d : *list) {
        const NamedScore* s = e.find(e.*member, d.id);
        fields.push_back(number_text(s ? s->score : std::nullopt));
      }
    out += csv_row(fields);
  }
  return out;
}

std::string benchmark_html(const BenchmarkReport& r) {
  BenchmarkTables t = benchmark_tables(r);
  std::string out = "<h1>Benchmark</h1>\n<p>" + html_escape(benchmark_heading_line(r)) + "</p>\n";
  if (r.subject) {
    out += "<h2>Subject " + html_escape(r.subject->id) + " against its peers</h2>\n";
    out += "<p>" + html_escape(fmt::format("{}, {}, {}", r.subject->subject.retailer, r.subject->subject.site, r.subject->date)) + "</p>\n";
    out += html_table(t.standings);
  }
  if (!r.by.empty()) out += "<h2>Overall score by " + html_escape(r.by) + "</h2>\n" + html_table(t.rollup);
  if (!r.site.empty()) out += "<h2>Trend of site " + html_escape(r.site) + "</h2>\n" + html_table(t.trend);
  if (!r.kpi_sources.empty()) {
    out += "<h2>Audit score beside service KPIs, by site</h2>\n<p>" + html_escape("KPIs from " + kpi_sources_line(r.kpi_sources)) + "</p>\n" +
           html_table(t.site_kpis);
    out += "<h2>How each KPI moves with the audit score across sites</h2>\n" + html_table(t.correlations);
  }
  out += "<h2>Distribution of scores</h2>\n" + html_table(t.stats);
  out += "<h2>League table</h2>\n" + html_table(t.league);
  if (!r.left_out.empty()) {
    out += "<h2>Left out</h2>\n<ul>\n";
    for (const auto& l : r.left_out) out += "<li>" + html_escape(l.problem) + "</li>\n";
    out += "</ul>\n";
  }
  return html_document("cjb benchmark", out);
}

}  // namespace cjb::render
