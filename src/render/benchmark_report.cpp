#include "render/benchmark_report.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <thread>
#include <tuple>

#include "render/benchmark_charts.h"
#include "render/benchmark_document.h"
#include "render/benchmark_heatmap.h"
#include "render/pdf_report.h"
#include "render/report_html.h"
#include "sheet/csv_writer.h"
#include "render/kpi_json.h"
#include "render/format.h"
#include "render/benchmark_tables.h"
#include "util/utf8.h"

namespace cjb::render {

using sheet::csv_row; using sheet::spreadsheet_text;

namespace {

using Json = nlohmann::ordered_json;

std::string number_text(std::optional<double> v) { return v ? fmt::format("{}", *v) : std::string(); }
std::string signed_text(std::optional<double> v) { return v ? fmt::format("{:+.1f}", *v) : std::string("–"); }
std::string none_if_empty(const std::string& key) { return key.empty() ? "(none)" : key; }

Json json_number(std::optional<double> v) { return v ? Json(*v) : Json(nullptr); }

Json json_summary(const Summary& s) {
  Json j;
  j["n"] = s.n;
  for (const auto& [key, value] : {std::pair{"mean", s.mean}, std::pair{"median", s.median}, std::pair{"p25", s.p25},
                                    std::pair{"p75", s.p75}, std::pair{"min", s.min}, std::pair{"max", s.max}})
    j[key] = s.n > 0 ? Json(value) : Json(nullptr);
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
  for (const auto& [key, value] : {std::pair{"percentile_rank", s.percentile_rank}, std::pair{"median", s.median},
                                    std::pair{"gap_to_median", s.gap_to_median}, std::pair{"best", s.best},
                                    std::pair{"gap_to_best", s.gap_to_best}})
    j[key] = json_number(value);
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

  void entry(int rank, const BenchmarkEntry& e, const SiteRow& row) {
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
    out_ += ",\"change\":";
    number(row.change);
    out_ += ",\"visits\":";
    out_ += std::to_string(row.visits);
    if (!e.file.empty()) field("file", e.file);
    out_ += ",\"layers\":{";
    for (size_t l = 0; l < e.layers.size(); ++l) {
      if (l) out_ += ',';
      string(e.layers[l].id);
      out_ += ':';
      number(e.layers[l].score);
    }
    out_ += "},\"critical_failures\":[";
    for (size_t c = 0; c < e.critical_failures.size(); ++c) {
      if (c) out_ += ',';
      string(e.critical_failures[c]);
    }
    out_ += "]}";
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
void append_league_json(std::string& out, const std::vector<BenchmarkEntry>& entries, const std::vector<SiteRow>& order) {
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
      writer.entry(static_cast<int>(k + 1), entries[order[k].entry], order[k]);
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
  std::string label;  // "overall", "layer ID", … (CSV)
  std::string kind;   // "", "layer", "group", "channel"
  std::string_view id;
  const Summary* summary;
};

std::vector<StatRow> stat_rows(const BenchmarkStats& stats) {
  std::vector<StatRow> rows{{"overall", "", "overall", &stats.overall}};
  for (const auto& d : stats.layers) rows.push_back({"layer " + std::string(d.id), "layer", d.id, &d.summary});
  for (const auto& d : stats.groups) rows.push_back({"group " + std::string(d.id), "group", d.id, &d.summary});
  for (const auto& d : stats.channels) rows.push_back({"channel " + std::string(d.id), "channel", d.id, &d.summary});
  return rows;
}

std::vector<std::string> summary_cells(const Summary& s) {
  if (s.n == 0) return {"0", "–", "–", "–", "–", "–", "–"};
  return {std::to_string(s.n), score_text(s.mean), score_text(s.median), score_text(s.p25),
          score_text(s.p75),   score_text(s.min),  score_text(s.max)};
}

const std::vector<std::string> kSummaryHeader{"n", "mean", "median", "p25", "p75", "min", "max"};

// Whether rows come from more than one retailer: a table then names each row's retailer, as
// store 001 of two retailers is two sites (docs/scoring.md, "Peers").
template <typename Rows, typename RetailerOf>
bool several_retailers(const Rows& rows, RetailerOf retailer_of) {
  std::string_view first;
  for (const auto& row : rows) {
    std::string_view retailer = retailer_of(row);
    if (retailer.empty()) continue;
    if (first.empty()) first = retailer;
    else if (retailer != first) return true;
  }
  return false;
}

}  // namespace

std::string score_label(const BenchmarkReport& r, std::string_view kind, std::string_view id) {
  if (!r.model) return std::string(id);
  std::string key(id);
  if (kind == "layer") {
    if (const Layer* l = r.model->find_layer(key)) return l->label;
  } else if (kind == "group") {
    if (const Group* g = r.model->find_group(key)) return g->label;
  } else if (kind == "channel") {
    if (const Channel* c = r.model->find_channel(key)) return c->label;
  }
  return key;
}

bool several_retailers(const BenchmarkReport& r) {
  return several_retailers(r.rows, [&](const SiteRow& row) -> const std::string& { return r.entries[row.entry].subject.retailer; });
}

std::string with_retailer(std::string_view retailer, std::string_view name) { return fmt::format("{}, {}", retailer, name); }

std::string site_name(const BenchmarkReport& r, const BenchmarkEntry& e) {
  std::string name = e.subject.site.empty() ? e.site_key() : fmt::format("{} ({})", e.subject.site, e.site_key());
  return several_retailers(r) ? with_retailer(e.subject.retailer, name) : name;
}

namespace {

std::string band_text(const BenchmarkReport& r, std::optional<double> score) {
  if (!r.model || !score) return "";
  const Band* band = r.model->band_for(*score);
  return band ? band->label : "";
}

std::string format_and_tags(const Subject& s) {
  std::string text = s.format;
  std::string tags;
  for (const auto& t : s.tags) tags += (tags.empty() ? "" : ", ") + t;
  if (!tags.empty()) text += (text.empty() ? "" : " ") + ("(" + tags + ")");
  return text;
}

// The columns that say which site a row is: its key, the retailer's name when the report has
// several retailers, the site's name and region; then extra.
TextTable site_table(bool retailer, std::vector<std::string> extra, std::vector<Align> extra_align) {
  TextTable t;
  t.header = {"site", "name", "region"};
  if (retailer) t.header.insert(t.header.begin() + 1, "retailer");
  t.align.assign(t.header.size(), Align::Left);
  t.header.insert(t.header.end(), extra.begin(), extra.end());
  t.align.insert(t.align.end(), extra_align.begin(), extra_align.end());
  return t;
}

std::vector<std::string> site_cells(const BenchmarkEntry& e, bool retailer) {
  if (retailer) return {e.site_key(), e.subject.retailer, e.subject.site, e.subject.region};
  return {e.site_key(), e.subject.site, e.subject.region};
}

// Open, overdue, oldest overdue days; "–" without a plan.
std::vector<std::string> plan_cells(const std::optional<OverdueCounts>& plan) {
  if (!plan) return {"–", "–", "–"};
  return {std::to_string(plan->open), std::to_string(plan->overdue),
          plan->oldest_overdue_days ? std::to_string(*plan->oldest_overdue_days) : "–"};
}

void league_table(const BenchmarkReport& r, TextTable& t) {
  bool combined = !r.combine.empty();
  bool retailer = several_retailers(r);
  t = site_table(retailer, {"format", combined ? "period" : "date"}, {Align::Left, Align::Left});
  t.header.insert(t.header.begin(), "#");
  t.align.insert(t.align.begin(), Align::Right);
  if (r.every_visit) {
    t.header.push_back("visit");
    t.align.push_back(Align::Left);
  }
  for (const char* h : {"overall", "band"}) t.header.push_back(h);
  t.align.push_back(Align::Right);
  t.align.push_back(Align::Left);
  for (const auto& d : r.stats.layers) {
    t.header.push_back(score_label(r, "layer", d.id));
    t.align.push_back(Align::Right);
  }
  for (const char* h : {"change", r.every_visit ? "visits of site" : "visits"}) {
    t.header.push_back(h);
    t.align.push_back(Align::Right);
  }
  if (r.actions)
    for (const char* h : {"open actions", "overdue", "oldest overdue (days)"}) {
      t.header.push_back(h);
      t.align.push_back(Align::Right);
    }
  int rank = 0;
  for (const auto& row : r.rows) {
    const auto& e = r.entries[row.entry];
    std::vector<std::string> cells = site_cells(e, retailer);
    cells.insert(cells.begin(), std::to_string(++rank));
    cells.push_back(format_and_tags(e.subject));
    cells.push_back(e.date);
    if (r.every_visit) cells.push_back(e.id);
    cells.push_back(score_text(e.overall));
    cells.push_back(band_text(r, e.overall));
    for (const auto& d : r.stats.layers) {
      const NamedScore* s = e.find(e.layers, d.id);
      cells.push_back(score_text(s ? s->score : std::nullopt));
    }
    cells.push_back(signed_text(row.change));
    cells.push_back(std::to_string(row.visits));
    if (r.actions) {
      size_t k = static_cast<size_t>(rank - 1);
      const auto& plan = k < r.plans.size() ? r.plans[k] : std::nullopt;
      for (auto c : plan_cells(plan)) cells.push_back(c);
    }
    t.rows.push_back(std::move(cells));
  }
}

void overdue_table(const BenchmarkReport& r, TextTable& t) {
  bool retailer = several_retailers(r);
  t = site_table(retailer, {"open actions", "overdue", "oldest overdue (days)", "plan"}, {Align::Right, Align::Right, Align::Right, Align::Left});
  t.header.insert(t.header.begin(), "#");
  t.align.insert(t.align.begin(), Align::Right);
  for (size_t k : r.overdue) {
    auto cells = site_cells(r.entries[r.rows[k].entry], retailer);
    cells.insert(cells.begin(), std::to_string(k + 1));
    for (auto c : plan_cells(r.plans[k])) cells.push_back(c);
    cells.push_back(r.plan_files[k]);
    t.rows.push_back(std::move(cells));
  }
}

void attention_tables(const BenchmarkReport& r, BenchmarkTables& t) {
  const Attention& a = r.attention;
  bool retailer = several_retailers(r);
  for (auto [table, list] : {std::pair{&t.bottom, &a.bottom}, std::pair{&t.top, &a.top}}) {
    *table = site_table(retailer, {"overall", "band", "change"}, {Align::Right, Align::Left, Align::Right});
    table->header.insert(table->header.begin(), "#");
    table->align.insert(table->align.begin(), Align::Right);
    for (size_t k : *list) {
      const SiteRow& row = r.rows[k];
      const auto& e = r.entries[row.entry];
      auto cells = site_cells(e, retailer);
      cells.insert(cells.begin(), std::to_string(k + 1));
      for (auto c : {score_text(e.overall), band_text(r, e.overall), signed_text(row.change)}) cells.push_back(c);
      table->rows.push_back(std::move(cells));
    }
  }
  for (auto [table, list] : {std::pair{&t.improved, &a.improved}, std::pair{&t.declined, &a.declined}}) {
    *table = site_table(retailer, {"before", "now", "change", "previous visit"}, {Align::Right, Align::Right, Align::Right, Align::Left});
    for (size_t k : *list) {
      const SiteRow& row = r.rows[k];
      const auto& e = r.entries[row.entry];
      auto cells = site_cells(e, retailer);
      for (auto c : {score_text(r.entries[*row.previous].overall), score_text(e.overall), signed_text(row.change), r.entries[*row.previous].date})
        cells.push_back(c);
      table->rows.push_back(std::move(cells));
    }
  }
  t.critical = site_table(retailer, {"critical item at level 0", "since", "visits"}, {Align::Left, Align::Left, Align::Right});
  for (const auto& f : a.critical) {
    auto cells = site_cells(r.entries[r.rows[f.row].entry], retailer);
    for (auto c : {std::string(f.item), f.since, std::to_string(f.visits)}) cells.push_back(c);
    t.critical.rows.push_back(std::move(cells));
  }
  t.weakest.header = {"group", "sites", "median", "p25", "p75", "spread (p75 − p25)"};
  t.weakest.align = {Align::Left, Align::Right, Align::Right, Align::Right, Align::Right, Align::Right};
  for (const auto& d : a.weakest)
    t.weakest.rows.push_back({score_label(r, "group", d.id), std::to_string(d.summary.n), score_text(d.summary.median),
                              score_text(d.summary.p25), score_text(d.summary.p75), score_text(d.summary.p75 - d.summary.p25)});
}

void rollup_tables(const BenchmarkReport& r, BenchmarkTables& t) {
  // Medians, said once above the table (every format), so that the roll-up fits a terminal.
  t.rollup.header = {r.by, "sites", "visits", "overall", "p25", "p75"};
  t.rollup.align = {Align::Left, Align::Right, Align::Right, Align::Right, Align::Right, Align::Right};
  for (const auto& d : r.stats.layers) {
    t.rollup.header.push_back(score_label(r, "layer", d.id));
    t.rollup.align.push_back(Align::Right);
  }
  t.rollup_groups.header = {"group median"};
  t.rollup_groups.align = {Align::Left};
  for (const auto& row : r.rollups) {
    const Summary& o = row.stats.overall;
    std::vector<std::string> cells{none_if_empty(row.key), std::to_string(row.sites), std::to_string(row.visits),
                                   o.n ? score_text(o.median) : "–", o.n ? score_text(o.p25) : "–", o.n ? score_text(o.p75) : "–"};
    for (const auto& d : r.stats.layers) {
      std::string cell = "–";
      for (const auto& x : row.stats.layers)
        if (x.id == d.id && x.summary.n) cell = score_text(x.summary.median);
      cells.push_back(cell);
    }
    t.rollup.rows.push_back(std::move(cells));
    t.rollup_groups.header.push_back(none_if_empty(row.key));
    t.rollup_groups.align.push_back(Align::Right);
  }
  for (const auto& d : r.stats.groups) {
    std::vector<std::string> cells{score_label(r, "group", d.id)};
    for (const auto& row : r.rollups) {
      std::string cell = "–";
      for (const auto& x : row.stats.groups)
        if (x.id == d.id && x.summary.n) cell = score_text(x.summary.median);
      cells.push_back(cell);
    }
    t.rollup_groups.rows.push_back(std::move(cells));
  }
}

void trend_tables(const BenchmarkReport& r, BenchmarkTables& t) {
  bool combined = !r.combine.empty();
  t.trend.header = {combined ? "period" : "date", "id", "overall", "band", "change"};
  t.trend.align = {Align::Left, Align::Left, Align::Right, Align::Left, Align::Right};
  for (const auto& d : r.stats.layers) {
    t.trend.header.push_back(score_label(r, "layer", d.id));
    t.trend.align.push_back(Align::Right);
  }
  std::optional<double> previous;
  for (size_t i : r.trend) {
    const auto& e = r.entries[i];
    std::optional<double> change;
    if (previous && e.overall) change = *e.overall - *previous;
    std::vector<std::string> row{e.date, e.id, score_text(e.overall), band_text(r, e.overall), signed_text(change)};
    for (const auto& d : r.stats.layers) {
      const NamedScore* s = e.find(e.layers, d.id);
      row.push_back(score_text(s ? s->score : std::nullopt));
    }
    t.trend.rows.push_back(std::move(row));
    if (e.overall) previous = e.overall;
  }
  // The same visits turned round: a row per score, a column per visit, then the change since
  // the visit before the last.
  t.trend_groups.header = {"score"};
  t.trend_groups.align = {Align::Left};
  for (size_t i : r.trend) {
    t.trend_groups.header.push_back(r.entries[i].date);
    t.trend_groups.align.push_back(Align::Right);
  }
  t.trend_groups.header.push_back("change");
  t.trend_groups.align.push_back(Align::Right);
  auto add = [&](const std::string& label, auto&& score_of) {
    std::vector<std::string> cells{label};
    std::vector<std::optional<double>> scores;
    for (size_t i : r.trend) scores.push_back(score_of(r.entries[i]));
    for (const auto& s : scores) cells.push_back(score_text(s));
    std::optional<double> change;
    if (scores.size() >= 2 && scores[scores.size() - 1] && scores[scores.size() - 2]) change = *scores.back() - *scores[scores.size() - 2];
    cells.push_back(signed_text(change));
    t.trend_groups.rows.push_back(std::move(cells));
  };
  add("Overall", [](const BenchmarkEntry& e) { return e.overall; });
  // A plain loop variable rather than a structured binding: clang 14 (the sanitizer build)
  // cannot capture structured bindings in a lambda.
  for (const auto& row : {std::tuple{"layer", &BenchmarkEntry::layers, &r.stats.layers},
                          std::tuple{"group", &BenchmarkEntry::groups, &r.stats.groups}}) {
    const char* kind = std::get<0>(row);
    auto member = std::get<1>(row);
    for (const auto& d : *std::get<2>(row))
      add(std::string(kind == std::string_view("group") ? "  " : "") + score_label(r, kind, d.id), [&](const BenchmarkEntry& e) {
        const NamedScore* s = e.find(e.*member, d.id);
        return s ? s->score : std::nullopt;
      });
  }
}

}  // namespace

BenchmarkTables benchmark_tables(const BenchmarkReport& r) {
  BenchmarkTables t;
  if (!r.kpi_sources.empty()) {
    bool by_retailer = several_retailers(r.site_kpis, [](const SiteKpis& s) -> const std::string& { return s.retailer; });
    t.site_kpis.header = {"site", "audits", "audit score"};
    if (by_retailer) t.site_kpis.header.insert(t.site_kpis.header.begin(), "retailer");
    for (auto& h : kpi_headline_header()) t.site_kpis.header.push_back(std::move(h));
    t.site_kpis.align.assign(t.site_kpis.header.size(), Align::Right);
    t.site_kpis.align[0] = Align::Left;
    if (by_retailer) t.site_kpis.align[1] = Align::Left;
    for (const auto& s : r.site_kpis) {
      std::vector<std::string> row{none_if_empty(s.site), std::to_string(s.assessments), score_text(s.audit_score)};
      if (by_retailer) row.insert(row.begin(), none_if_empty(s.retailer));
      for (auto& c : kpi_headline_cells(s.kpis)) row.push_back(std::move(c));
      t.site_kpis.rows.push_back(std::move(row));
    }
    t.correlations.header = {"KPI", "sites", "Spearman's rho with the audit score"};
    t.correlations.align = {Align::Left, Align::Right, Align::Right};
    for (const auto& c : r.kpi_correlations)
      t.correlations.rows.push_back({kpi_label(c.kpi), std::to_string(c.sites), c.rho ? fmt::format("{:+.2f}", *c.rho) : "–"});
  }
  league_table(r, t.league);
  attention_tables(r, t);
  if (r.actions) overdue_table(r, t.overdue);

  t.stats.header = {"score"};
  t.stats.header.insert(t.stats.header.end(), kSummaryHeader.begin(), kSummaryHeader.end());
  t.stats.align = {Align::Left, Align::Right, Align::Right, Align::Right, Align::Right, Align::Right, Align::Right, Align::Right};
  for (const auto& row : stat_rows(r.stats)) {
    std::vector<std::string> cells{row.kind.empty() ? "Overall" : score_label(r, row.kind, row.id)};
    if (row.kind == "group") cells[0] = "  " + cells[0];
    if (row.kind == "channel") cells[0] = "Channel: " + cells[0];
    auto s = summary_cells(*row.summary);
    cells.insert(cells.end(), s.begin(), s.end());
    t.stats.rows.push_back(std::move(cells));
  }

  t.standings.header = {"score", "subject", "peers", "rank", "median", "vs median", "best", "vs best"};
  t.standings.align = {Align::Left, Align::Right, Align::Right, Align::Right, Align::Right, Align::Right, Align::Right, Align::Right};
  for (const auto& s : r.standings) {
    // Printed as the subject's distance: negative when behind the median or the best.
    auto behind = [](std::optional<double> gap) { return gap ? std::optional<double>(-*gap) : std::nullopt; };
    t.standings.rows.push_back({s.kind == "overall" ? "Overall" : score_label(r, s.kind, s.id), score_text(s.score), std::to_string(s.peers),
                                peer_rank_text(s.peers, s.percentile_rank, s.score.has_value()), score_text(s.median),
                                signed_text(behind(s.gap_to_median)), score_text(s.best), signed_text(behind(s.gap_to_best))});
  }
  rollup_tables(r, t);
  trend_tables(r, t);
  return t;
}

namespace {

// A table for a terminal: the first and last `keep` rows, and a line counting the rest in
// between (`what`: "sites", "findings").
std::string shortened(const TextTable& table, size_t keep, bool head_and_tail, const std::string& what) {
  size_t shown = head_and_tail ? 2 * keep : keep;
  if (table.rows.size() <= shown) return format_table(table);
  TextTable t = table;
  size_t hidden = table.rows.size() - shown;
  size_t at = keep;  // where the marker row goes
  t.rows.erase(t.rows.begin() + static_cast<std::ptrdiff_t>(keep), t.rows.end() - static_cast<std::ptrdiff_t>(head_and_tail ? keep : 0));
  t.rows.insert(t.rows.begin() + static_cast<std::ptrdiff_t>(at), std::vector<std::string>(t.header.size(), "…"));
  // The marker row is replaced by a line of its own, so the columns keep their widths.
  std::string text = format_table(t), out;
  size_t line = 0, start = 0;
  for (size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1, ++line)
    out += line == at + 1 ? fmt::format("  … {} more {} (--all prints every row)\n", hidden, what) : text.substr(start, end - start + 1);
  return out;
}

// "Mini & Co; visits 2026-01-05 to 2026-02-10": who and when, for the top of every format.
std::string chain_line(const BenchmarkReport& r) {
  std::set<std::string> retailers;
  std::string first, last;
  for (const auto& e : r.entries) {
    retailers.insert(e.subject.retailer);
    if (first.empty() || e.date < first) first = e.date;
    if (e.date > last) last = e.date;
  }
  std::string who;
  size_t named = 0;
  for (const auto& name : retailers) {
    if (++named > 3) {
      who += fmt::format(" and {} more", retailers.size() - 3);
      break;
    }
    who += (who.empty() ? "" : ", ") + (name.empty() ? std::string("(no retailer)") : name);
  }
  if (first.empty()) return who;
  return fmt::format("{}; {} {} to {}", who, r.combine.empty() ? "visits" : "periods", first, last);
}

// ---- Text for a terminal ----------------------------------------------------------------
//
// Text output fits a terminal of kTerminalColumns (docs/benchmark.md): long site ids, names and
// regions are cut with "…", and the league keeps the columns a reader scans down (rank, site,
// region, date, overall, band, change, visits); layer scores, format and tags are in the CSV,
// JSON, HTML and PDF. The worst case, every column at its limit and 99,999 rows, is exactly 100 columns.

// text cut to at most width characters, the last one "…" when cut.
std::string clipped(const std::string& text, size_t width) {
  if (utf8::length(text) <= width) return text;
  std::string out = utf8::shorten(text, width);
  out.resize(out.size() - std::string_view("…").size());
  while (!out.empty() && out.back() == ' ') out.pop_back();  // "Long…", not "Long …"
  return out + "…";
}

// The table with its site, name and region cells cut to a terminal's share.
TextTable for_terminal(TextTable t) {
  for (size_t c = 0; c < t.header.size(); ++c) {
    const std::string& h = t.header[c];
    size_t width = h == "site" ? 12 : h == "name" ? 15 : h == "region" || h == "retailer" ? 10 : 0;
    if (width == 0) continue;
    for (auto& row : t.rows)
      if (c < row.size()) row[c] = clipped(row[c], width);
  }
  return t;
}

// The table cut to a terminal: first-column cells to first_width characters (0: kept), every
// other header to header_width; then, while a line is wider than kTerminalColumns, the last
// columns are left out and a line under the table names how many (`what`) and where they are
// (`where`).
std::string fitted(TextTable t, size_t first_width, size_t header_width, const std::string& what, const std::string& where) {
  if (first_width)
    for (auto& row : t.rows)
      if (!row.empty()) row[0] = clipped(row[0], first_width);
  for (size_t c = 1; c < t.header.size(); ++c) t.header[c] = clipped(t.header[c], header_width);
  size_t dropped = 0;
  auto width = [](const TextTable& table) {
    size_t widest = 0;
    std::string text = format_table(table);
    for (size_t start = 0, end; (end = text.find('\n', start)) != std::string::npos; start = end + 1)
      widest = std::max(widest, utf8::length(std::string_view(text).substr(start, end - start)));
    return widest;
  };
  while (t.header.size() > 2 && width(t) > kTerminalColumns) {
    t.header.pop_back();
    if (t.align.size() > t.header.size()) t.align.pop_back();
    for (auto& row : t.rows)
      if (row.size() > t.header.size()) row.pop_back();
    ++dropped;
  }
  std::string out = format_table(t);
  if (dropped) out += fmt::format("  … {} more {} (--format {})\n", dropped, what, where);
  return out;
}

// The league's columns a terminal shows, by header; the site's visits are "visits" there too.
TextTable terminal_league(const TextTable& league) {
  static const std::set<std::string> kept{"#", "site", "name", "region", "date", "period", "overall", "band", "change", "visits", "visits of site",
                                           "open actions", "overdue"};
  TextTable t;
  std::vector<size_t> columns;
  // Several retailers: "Maxi, High Street" in the name column, so the league keeps its width.
  auto retailer_column = std::find(league.header.begin(), league.header.end(), "retailer");
  bool retailer = retailer_column != league.header.end();
  size_t r = static_cast<size_t>(retailer_column - league.header.begin());
  for (size_t c = 0; c < league.header.size(); ++c) {
    if (!kept.count(league.header[c])) continue;
    columns.push_back(c);
    t.header.push_back(league.header[c] == "visits of site" ? "visits" : league.header[c]);
    t.align.push_back(c < league.align.size() ? league.align[c] : Align::Left);
  }
  for (const auto& row : league.rows) {
    auto& cells = t.rows.emplace_back();
    for (size_t c : columns) {
      std::string cell = c < row.size() ? row[c] : std::string();
      cells.push_back(retailer && league.header[c] == "name" && r < row.size() ? with_retailer(row[r], cell) : std::move(cell));
    }
  }
  return for_terminal(std::move(t));
}

std::string cohort_line(const BenchmarkReport& r) {
  std::string sites = r.every_visit ? fmt::format("{} visits", r.rows.size()) : fmt::format("{} site{}", r.rows.size(), r.rows.size() == 1 ? "" : "s");
  return fmt::format("Cohort {}: {} of {}", scope_label(r.scope), sites, r.entries.size() == 1 ? "1 entry" : fmt::format("{} entries", r.entries.size()));
}

}  // namespace

std::string benchmark_chain_line(const BenchmarkReport& r) { return chain_line(r); }

std::string benchmark_heading_line(const BenchmarkReport& r) {
  std::string text = fmt::format("{} assessment{} scored of {} file{}", r.assessments, r.assessments == 1 ? "" : "s",
                                 r.files, r.files == 1 ? "" : "s");
  if (!r.left_out.empty()) text += fmt::format(" ({} left out)", r.left_out.size());
  if (!r.combine.empty())
    text += fmt::format("; visits combined by {} per site and {}: {} site-period{}", r.combine, r.period,
                        r.entries.size(), r.entries.size() == 1 ? "" : "s");
  return text;
}

std::string benchmark_text(const BenchmarkReport& r) {
  BenchmarkTables t = benchmark_tables(r);
  // A terminal gets the plan's file name: a folder's path would not fit 100 columns.
  for (auto& row : t.overdue.rows)
    if (!row.empty()) row.back() = std::filesystem::path(row.back()).filename().string();
  for (TextTable* table : {&t.bottom, &t.top, &t.improved, &t.declined, &t.critical, &t.overdue}) *table = for_terminal(std::move(*table));
  t.league = terminal_league(t.league);
  std::string out;
  if (r.cohort == 1) out += "Benchmark: " + benchmark_heading_line(r) + "\n";
  if (r.cohorts > 1) out += fmt::format("\n== Cohort {} of {}: {} ==\n", r.cohort, r.cohorts, scope_label(r.scope));
  else if (!r.scope.empty()) out += fmt::format("Scope: {}\n", scope_label(r.scope));
  out += "Chain: " + chain_line(r) + "\n";
  for (const auto& note : r.other_cohorts) out += "Not pooled (another scope): " + note + "\n";
  if (!r.site.empty()) {
    // A question about one site gets only its answer.
    const BenchmarkEntry* last = r.trend.empty() ? nullptr : &r.entries[r.trend.back()];
    out += fmt::format("\nTrend of site {}", r.site);
    if (last) out += fmt::format(" ({}, {}, {})", last->subject.site, last->subject.region, format_and_tags(last->subject));
    out += "\n";
    out += t.trend.rows.empty() ? "  (no assessment of this site in this cohort)\n" : format_table(t.trend);
    if (!t.trend.rows.empty()) out += "\nChange per group (since the previous visit)\n" + format_table(t.trend_groups);
    return out;
  }
  if (r.subject) {
    out += fmt::format("\nSubject {} ({}, {}, {}) against {} peer{}\n", r.subject->id, r.subject->subject.retailer,
                       r.subject->subject.site, r.subject->date, r.standings.empty() ? 0 : r.standings[0].peers,
                       r.standings.empty() || r.standings[0].peers != 1 ? "s" : "");
    if (!r.peer_selection.note().empty()) out += "  Like for like: " + r.peer_selection.note() + ".\n";
    out += format_table(t.standings);
  }
  if (!r.by.empty()) {
    out += fmt::format("\nBy {} (medians; p25 and p75 of the overall score)\n", r.by);
    out += fitted(t.rollup, 12, 16, "", "");
    out += fmt::format("\nGroup medians by {}\n", r.by) + fitted(t.rollup_groups, 30, 10, "values", "csv or json");
  }
  if (!r.kpi_sources.empty()) {
    out += fmt::format("\nAudit score beside service KPIs, by site (KPIs from {})\n", kpi_sources_line(r.kpi_sources));
    out += format_table(t.site_kpis);
    out += "\nHow each KPI moves with the audit score across sites\n" + format_table(t.correlations);
  }
  const char* unit = r.every_visit ? "visits" : "sites";
  out += fmt::format("\nNeeds attention\n\nBottom {} {}\n", t.bottom.rows.size(), unit) + format_table(t.bottom);
  out += fmt::format("\nTop {} {}\n", t.top.rows.size(), unit) + format_table(t.top);
  out += "\nMost improved since the previous visit\n" + (t.improved.rows.empty() ? "  (none)\n" : format_table(t.improved));
  out += "\nMost declined since the previous visit\n" + (t.declined.rows.empty() ? "  (none)\n" : format_table(t.declined));
  out += "\nCritical failures at the latest visit (the longest-running first)\n" +
         (t.critical.rows.empty() ? "  (none)\n" : r.all_rows ? format_table(t.critical) : shortened(t.critical, 20, false, "findings"));
  if (r.actions)
    out += fmt::format("\nStores with overdue actions on {} (most overdue first)\n", r.as_of) +
           (t.overdue.rows.empty() ? "  (none)\n" : r.all_rows ? format_table(t.overdue) : shortened(t.overdue, 20, false, "stores"));
  out += "\nWhere the chain is weakest (groups by median)\n" + format_table(t.weakest);
  out += "\nDistribution of scores\n" + format_table(t.stats);
  out += fmt::format("\nLeague table ({})\n", cohort_line(r));
  out += "  (layer scores, format and tags: --format csv, json, html or pdf)\n";
  out += (r.all_rows ? format_table(t.league) : shortened(t.league, 20, true, r.every_visit ? "visits" : "sites"));
  if (!r.left_out.empty() && r.cohort == r.cohorts) {
    out += "\nLeft out\n";
    for (const auto& l : r.left_out) out += "  " + l.problem + "\n";
  }
  return out;
}

namespace {

// The "attention" part: bottom and top sites, movers, critical failures since when, weakest groups.
Json attention_json(const BenchmarkReport& r) {
  const Attention& a = r.attention;
  auto sites = [&](const std::vector<size_t>& list) {
    Json j = Json::array();
    for (size_t k : list) {
      const SiteRow& row = r.rows[k];
      const auto& e = r.entries[row.entry];
      j.push_back(Json{{"rank", k + 1}, {"site_id", e.site_key()}, {"site", e.subject.site}, {"region", e.subject.region},
                       {"date", e.date}, {"overall", json_number(e.overall)},
                       {"previous", row.previous ? json_number(r.entries[*row.previous].overall) : Json(nullptr)},
                       {"change", json_number(row.change)}});
    }
    return j;
  };
  Json critical = Json::array();
  for (const auto& f : a.critical) {
    const auto& e = r.entries[r.rows[f.row].entry];
    critical.push_back(Json{{"site_id", e.site_key()}, {"site", e.subject.site}, {"item", f.item}, {"since", f.since}, {"visits", f.visits}});
  }
  Json weakest = Json::array();
  for (const auto& d : a.weakest) {
    Json w = json_summary(d.summary);
    w["spread"] = d.summary.p75 - d.summary.p25;
    weakest.push_back(Json{{"group", d.id}, {"stats", std::move(w)}});
  }
  return Json{{"bottom", sites(a.bottom)}, {"top", sites(a.top)}, {"improved", sites(a.improved)},
              {"declined", sites(a.declined)}, {"critical", std::move(critical)}, {"weakest_groups", std::move(weakest)}};
}

// The "actions" part (--actions): per league row, its plan's counts at as_of; the stores with
// overdue actions, most overdue first, as ranks.
Json actions_json(const BenchmarkReport& r) {
  Json sites = Json::array();
  for (size_t k = 0; k < r.rows.size() && k < r.plans.size(); ++k) {
    const auto& e = r.entries[r.rows[k].entry];
    const auto& p = r.plans[k];
    sites.push_back(Json{{"rank", k + 1}, {"site_id", e.site_key()}, {"site", e.subject.site},
                         {"plan", p ? Json(r.plan_files[k]) : Json(nullptr)}, {"open", p ? Json(p->open) : Json(nullptr)},
                         {"overdue", p ? Json(p->overdue) : Json(nullptr)},
                         {"oldest_overdue_days", p && p->oldest_overdue_days ? Json(*p->oldest_overdue_days) : Json(nullptr)}});
  }
  Json overdue = Json::array();
  for (size_t k : r.overdue) overdue.push_back(k + 1);
  return Json{{"as_of", r.as_of}, {"sites", std::move(sites)}, {"overdue_ranks", std::move(overdue)}};
}

// The "kpis" part: each site's audit score beside its KPIs, and how each KPI correlates with it.
Json kpis_json(const BenchmarkReport& r) {
  Json sites = Json::array();
  for (const auto& s : r.site_kpis) {
    Json row;
    row["retailer"] = s.retailer;
    row["site"] = s.site;
    row["assessments"] = s.assessments;
    row["audit_score"] = json_number(s.audit_score);
    row.update(kpi_figures_json(s.kpis));
    sites.push_back(std::move(row));
  }
  Json correlations = Json::array();
  for (const auto& c : r.kpi_correlations) correlations.push_back({{"kpi", c.kpi}, {"sites", c.sites}, {"rho", json_number(c.rho)}});
  return Json{{"exports", kpi_sources_json(r.kpi_sources)}, {"sites", std::move(sites)}, {"correlations", std::move(correlations)}};
}

}  // namespace

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
  value("cohort", Json{{"scope", r.scope}, {"label", scope_label(r.scope)}, {"entries", r.entries.size()}, {"rows", r.rows.size()}});
  value("rows", r.every_visit ? "visit" : "site");
  key("league");
  out += "[";
  append_league_json(out, r.entries, r.rows);
  out += r.rows.empty() ? "]" : "\n  ]";
  value("attention", attention_json(r));
  if (r.actions) value("actions", actions_json(r));
  value("stats", json_stats(r.stats));
  if (r.subject) {
    Json s = json_entry(*r.subject);
    Json standings = Json::array();
    for (const auto& x : r.standings) standings.push_back(json_standing(x));
    s["standings"] = std::move(standings);
    s["peers_left_out"] = Json{{"own_site", r.peer_selection.own_site}, {"other_scope", r.peer_selection.other_scope}};
    value("subject", s);
  }
  if (!r.by.empty()) {
    Json rows = Json::array();
    for (const auto& row : r.rollups) rows.push_back(Json{{"key", row.key}, {"sites", row.sites}, {"visits", row.visits}, {"stats", json_stats(row.stats)}});
    value("rollup", Json{{"by", r.by}, {"rows", std::move(rows)}});
  }
  if (!r.site.empty()) {
    Json points = Json::array();
    for (size_t i : r.trend) points.push_back(json_entry(r.entries[i]));
    value("trend", Json{{"site", r.site}, {"points", std::move(points)}});
  }
  if (!r.kpi_sources.empty()) value("kpis", kpis_json(r));
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
  std::vector<std::string> header{"rank", "id", "retailer", "site", "site_id", "sector", "region", "format", "tags", "date", "visits", "overall", "change"};
  for (const auto& [prefix, list] : {std::pair{"layer:", &r.stats.layers}, std::pair{"group:", &r.stats.groups},
                                     std::pair{"channel:", &r.stats.channels}})
    for (const auto& d : *list) header.push_back(prefix + std::string(d.id));
  bool plans = r.actions && r.site.empty();  // the league's rows, not a trend's
  if (plans)
    for (const char* h : {"open_actions", "overdue_actions", "oldest_overdue_days"}) header.push_back(h);
  out += csv_row(header);
  std::vector<std::pair<size_t, const SiteRow*>> order;
  if (r.site.empty())
    for (const auto& row : r.rows) order.emplace_back(row.entry, &row);
  else
    for (size_t i : r.trend) order.emplace_back(i, nullptr);
  int rank = 0;
  for (auto [i, row] : order) {
    const auto& e = r.entries[i];
    std::string tags;
    for (const auto& t : e.subject.tags) tags += (tags.empty() ? "" : " ") + t;
    // Names and tags are typed by users: defused for spreadsheets, as in score and compare CSV.
    std::vector<std::string> fields{std::to_string(++rank), spreadsheet_text(e.id), spreadsheet_text(e.subject.retailer),
                                    spreadsheet_text(e.subject.site), spreadsheet_text(e.site_key()), spreadsheet_text(e.subject.sector),
                                    spreadsheet_text(e.subject.region), spreadsheet_text(e.subject.format), spreadsheet_text(tags),
                                    spreadsheet_text(e.date), std::to_string(row ? row->visits : e.visits),
                                    number_text(e.overall), number_text(row ? row->change : std::nullopt)};
    for (const auto& [member, list] : {std::pair{&BenchmarkEntry::layers, &r.stats.layers}, std::pair{&BenchmarkEntry::groups, &r.stats.groups},
                                       std::pair{&BenchmarkEntry::channels, &r.stats.channels}})
      for (const auto& d : *list) {
        const NamedScore* s = e.find(e.*member, d.id);
        fields.push_back(number_text(s ? s->score : std::nullopt));
      }
    if (plans) {
      const auto& p = r.plans[static_cast<size_t>(rank - 1)];
      for (auto c : plan_cells(p)) fields.push_back(c == "–" ? "" : c);
    }
    out += csv_row(fields);
  }
  return out;
}

std::string benchmark_html(const std::vector<BenchmarkReport>& cohorts, const ReportTemplate& report_template) {
  return render_html(benchmark_document(cohorts, report_template), report_template.css);
}

std::string benchmark_pdf(const std::vector<BenchmarkReport>& cohorts, const ReportTemplate& report_template, std::optional<long long> timestamp) {
  PdfOptions options;
  options.timestamp = timestamp;
  return render_pdf(benchmark_document(cohorts, report_template), options);
}

std::string benchmark_svg(const std::vector<BenchmarkReport>& cohorts) {
  // One picture: the first cohort's (with several scopes, --profile picks the one to draw).
  const BenchmarkReport& r = cohorts.front();
  return heatmap_svg(r, build_heatmap(r, r.heatmap_by_region));
}

std::string benchmark_text(const std::vector<BenchmarkReport>& cohorts) {
  std::string out;
  for (const auto& r : cohorts) out += benchmark_text(r);
  return out;
}

std::string benchmark_json(const std::vector<BenchmarkReport>& cohorts) {
  if (cohorts.size() == 1) return benchmark_json(cohorts.front());
  std::string out = "{\n  \"schema\": \"cjb.benchmark/1\",\n  \"cohorts\": [";
  for (size_t i = 0; i < cohorts.size(); ++i) {
    out += i ? ",\n" : "\n";
    std::string one = benchmark_json(cohorts[i]);
    while (!one.empty() && one.back() == '\n') one.pop_back();
    out += "  ";
    for (char c : one) {
      out += c;
      if (c == '\n') out += "  ";
    }
  }
  out += "\n  ]\n}\n";
  return out;
}

}  // namespace cjb::render
