#include "render/benchmark_document.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include <fmt/format.h>

#include "render/benchmark_charts.h"
#include "render/benchmark_drawings.h"
#include "render/benchmark_heatmap.h"
#include "render/benchmark_tables.h"
#include "render/format.h"
#include "util/utf8.h"

namespace cjb::render {

namespace {

// The model's band of a score as a table cell in its colour; "–" without one.
Cell band_cell(const Model* model, std::optional<double> score) {
  const Band* band = model && score ? model->band_for(*score) : nullptr;
  if (!band) return text_cell("–");
  return Cell{band->label, band->colour, ink_on(band->colour), false, 0, ""};
}

// Points a cell's text takes at the PDF's table size (about 8 pt): digits are the widest
// characters the tables hold; letters average less.
double text_points(const std::string& text) {
  double points = 0;
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if ((u & 0xC0) == 0x80) continue;  // a UTF-8 continuation byte
    points += u == '%' ? 8.2 : std::isdigit(u) ? 5.3 : std::isupper(u) ? 5.8 : 4.6;
  }
  return points;
}

// Column widths in points on an A4 page: each column as wide as its widest cell and its
// header's longest word; when they do not fit, only the widest columns give way, all cut to
// one width, so that numbers and dates stay on one line and names wrap.
std::vector<double> column_points(const TextTable& t) {
  constexpr double kPage = 495, kPadding = 11;
  std::vector<double> natural;
  for (size_t c = 0; c < t.header.size(); ++c) {
    double widest = 0;
    size_t start = 0;
    while (start <= t.header[c].size()) {
      size_t end = std::min(t.header[c].find(' ', start), t.header[c].size());
      widest = std::max(widest, 0.85 * text_points(t.header[c].substr(start, end - start)));  // headers shrink to fit
      start = end + 1;
    }
    for (const auto& row : t.rows)
      if (c < row.size()) widest = std::max(widest, text_points(row[c]));
    natural.push_back(widest + kPadding);
  }
  auto total = [&](double cap) {
    double sum = 0;
    for (double n : natural) sum += std::min(n, cap);
    return sum;
  };
  double lo = 0, hi = kPage;
  if (total(hi) > kPage)
    for (int k = 0; k < 40; ++k) (total((lo + hi) / 2) > kPage ? hi : lo) = (lo + hi) / 2;
  else lo = hi;
  for (double& n : natural) n = std::min(n, lo);
  return natural;
}

// A text table as a document table. A "band" column after "overall" becomes the overall
// cell's colour (the legend names the bands); other "band" columns are coloured cells.
Table document_table(TextTable t, const Model* model) {
  t.align.resize(t.header.size(), Align::Left);
  std::vector<std::string> band_of_overall;
  for (size_t c = 0; c + 1 < t.header.size(); ++c)
    if (t.header[c] == "overall" && t.header[c + 1] == "band") {
      t.header.erase(t.header.begin() + static_cast<std::ptrdiff_t>(c + 1));
      t.align.erase(t.align.begin() + static_cast<std::ptrdiff_t>(c + 1));
      for (auto& row : t.rows) {
        band_of_overall.push_back(c + 1 < row.size() ? row[c + 1] : "");
        if (c + 1 < row.size()) row.erase(row.begin() + static_cast<std::ptrdiff_t>(c + 1));
      }
      break;
    }
  auto band_named = [&](const std::string& label) -> const Band* {
    if (model)
      for (const auto& band : model->bands)
        if (band.label == label) return &band;
    return nullptr;
  };
  Table out;
  out.header = t.header;
  out.align = t.align;
  out.widths = column_points(t);
  for (size_t r = 0; r < t.rows.size(); ++r) {
    std::vector<Cell> cells;
    for (size_t c = 0; c < t.rows[r].size(); ++c) {
      Cell cell = text_cell(t.rows[r][c]);
      const Band* band = t.header[c] == "band" ? band_named(cell.text)
                         : t.header[c] == "overall" && r < band_of_overall.size() ? band_named(band_of_overall[r])
                                                                                  : nullptr;
      if (band) {
        cell.fill = band->colour;
        cell.ink = ink_on(band->colour);
        cell.bold = t.header[c] == "overall";
      }
      cells.push_back(std::move(cell));
    }
    out.rows.push_back(std::move(cells));
  }
  return out;
}

// The first and last dates of a cohort's entries.
std::pair<std::string, std::string> date_span(const BenchmarkReport& r) {
  std::string first, last;
  for (const auto& e : r.entries) {
    if (first.empty() || e.date < first) first = e.date;
    if (e.date > last) last = e.date;
  }
  return {first, last};
}

std::string chain_name(const std::vector<BenchmarkReport>& cohorts) {
  std::set<std::string> retailers;
  for (const auto& r : cohorts)
    for (const auto& e : r.entries) retailers.insert(e.subject.retailer.empty() ? "(no retailer)" : e.subject.retailer);
  std::string name;
  size_t named = 0;
  for (const auto& n : retailers) {
    if (++named > 3) return name + fmt::format(" and {} more", retailers.size() - 3);
    name += (name.empty() ? "" : ", ") + n;
  }
  return name.empty() ? "Chain" : name;
}

std::string period_text(const std::vector<BenchmarkReport>& cohorts) {
  std::string first, last;
  for (const auto& r : cohorts) {
    auto [f, l] = date_span(r);
    if (!f.empty() && (first.empty() || f < first)) first = f;
    if (l > last) last = l;
  }
  if (first.empty()) return "";
  return first == last ? first : first + " to " + last;
}

std::string plural(size_t n, const char* one, const char* many) { return fmt::format("{} {}", n, n == 1 ? one : many); }

class Builder {
 public:
  Builder(const BenchmarkReport& r, const std::string& prefix) : r_(r), t_(benchmark_tables(r)), prefix_(prefix) {}

  // Sections in the order: summary, league, heat map, distributions, movers; the
  // questions asked with options (subject, roll-up, trend, KPIs) after the summary.
  void add_sections(std::vector<Section>& out) const {
    out.push_back(summary());
    if (r_.subject) out.push_back(subject());
    if (!r_.by.empty()) out.push_back(rollup());
    if (!r_.site.empty()) out.push_back(trend());
    if (!r_.kpi_sources.empty()) out.push_back(kpis());
    out.push_back(league());
    if (auto s = heatmap()) out.push_back(std::move(*s));
    out.push_back(distributions());
    out.push_back(movers());
    if (!r_.left_out.empty() && r_.cohort == r_.cohorts) out.push_back(left_out());
  }

 private:
  Section section(const std::string& id, const std::string& title) const {
    return Section{r_.cohorts > 1 ? fmt::format("c{}-{}", r_.cohort, id) : id, prefix_ + title, {}};
  }
  const char* unit() const { return r_.every_visit ? "visits" : "sites"; }
  Table table(const TextTable& t) const { return document_table(t, r_.model); }

  Section summary() const {
    Section s = section("summary", "Summary");
    auto [first, last] = date_span(r_);
    size_t regions = 0;
    {
      std::set<std::string> seen;
      for (const auto& e : r_.row_entries) seen.insert(e.subject.region);
      regions = seen.size();
    }
    std::string rows = r_.every_visit ? plural(r_.rows.size(), "visit", "visits")
                                      : plural(r_.rows.size(), "site", "sites") + ", each at its latest visit,";
    s.blocks.push_back(Paragraph{fmt::format("{} in {}; {} from {} to {}; cohort {}. Scores run from 0 to 100 and are read against the "
                                             "model's bands; a site audited several times counts once.",
                                             rows, plural(regions, "region", "regions"), r_.combine.empty() ? "visits" : "periods", first, last,
                                             scope_label(r_.scope)),
                                 false});
    for (const auto& note : r_.other_cohorts) s.blocks.push_back(Paragraph{"Not pooled (another scope): " + note, true});
    const Summary& o = r_.stats.overall;
    KeyFigures k;
    if (o.n > 0) {
      const Band* band = r_.model ? r_.model->band_for(o.median) : nullptr;
      k.figures.push_back({"Median overall", score_text(o.median), band ? band->label : "", band ? band->colour : ""});
      k.figures.push_back({"Middle half of " + std::string(unit()), fmt::format("{}–{}", score_text(o.p25), score_text(o.p75)),
                           fmt::format("spread {} points", score_text(o.p75 - o.p25)), ""});
      k.figures.push_back({"Range", fmt::format("{}–{}", score_text(o.min), score_text(o.max)), "lowest to highest", ""});
    }
    size_t critical_sites = 0;
    {
      std::set<size_t> rows;
      for (const auto& f : r_.attention.critical) rows.insert(f.row);
      critical_sites = rows.size();
    }
    k.figures.push_back({fmt::format("{} with a critical failure", r_.every_visit ? "Visits" : "Sites"), std::to_string(critical_sites),
                         fmt::format("of {} at the latest visit", r_.rows.size()), critical_sites ? "#C0392B" : ""});
    k.figures.push_back({"Improved", std::to_string(count_changes(true)), "by over 1 point since the last visit", ""});
    k.figures.push_back({"Declined", std::to_string(count_changes(false)), "by over 1 point since the last visit", ""});
    s.blocks.push_back(std::move(k));
    s.blocks.push_back(Heading{fmt::format("{} by band", r_.every_visit ? "Visits" : "Sites"), 3});
    s.blocks.push_back(band_counts());
    std::vector<std::string> points = highlights();
    if (!points.empty()) {
      s.blocks.push_back(Heading{"What needs attention", 3});
      s.blocks.push_back(BulletList{std::move(points)});
    }
    return s;
  }

  size_t count_changes(bool up) const {
    size_t n = 0;
    for (const auto& row : r_.rows)
      if (row.change && (up ? *row.change > 1 : *row.change < -1)) ++n;
    return n;
  }

  // How many rows fall in each band, best band first, and their share.
  Table band_counts() const {
    Table t;
    t.header = {"band", "range", unit(), "share"};
    t.align = {Align::Left, Align::Left, Align::Right, Align::Right};
    t.widths = {3, 2, 1.5, 1.5};
    if (!r_.model) return t;
    std::vector<size_t> counts(r_.model->bands.size(), 0);
    size_t none = 0;
    for (const auto& e : r_.row_entries) {
      const Band* band = e.overall ? r_.model->band_for(*e.overall) : nullptr;
      if (!band) {
        ++none;
        continue;
      }
      for (size_t b = 0; b < r_.model->bands.size(); ++b)
        if (&r_.model->bands[b] == band) ++counts[b];
    }
    double total = static_cast<double>(std::max<size_t>(r_.row_entries.size(), 1));
    for (size_t b = r_.model->bands.size(); b-- > 0;) {
      const Band& band = r_.model->bands[b];
      t.rows.push_back({Cell{band.label, band.colour, ink_on(band.colour), false, 0, ""}, text_cell(r_.model->band_range(b)),
                        text_cell(std::to_string(counts[b])), text_cell(fmt::format("{:.0f} %", 100.0 * static_cast<double>(counts[b]) / total))});
    }
    if (none) t.rows.push_back({text_cell("no score"), text_cell("–"), text_cell(std::to_string(none)), text_cell("")});
    return t;
  }

  std::string site_name(size_t row) const { return render::site_name(r_, r_.entries[r_.rows[row].entry]); }

  std::vector<std::string> highlights() const {
    const Attention& a = r_.attention;
    std::vector<std::string> out;
    if (!a.weakest.empty()) {
      const auto& w = a.weakest.front();
      out.push_back(fmt::format("Weakest area across the chain: {} (median {}, middle half {}–{}).", score_label(r_, "group", w.id),
                                score_text(w.summary.median), score_text(w.summary.p25), score_text(w.summary.p75)));
    }
    if (!a.bottom.empty()) {
      const auto& e = r_.entries[r_.rows[a.bottom.front()].entry];
      out.push_back(fmt::format("Lowest: {}, {}, {} on {}.", site_name(a.bottom.front()), e.subject.region.empty() ? "no region" : e.subject.region,
                                score_text(e.overall), e.date));
    }
    if (!a.declined.empty()) {
      const SiteRow& row = r_.rows[a.declined.front()];
      out.push_back(fmt::format("Largest fall since the previous visit: {}, {} to {} ({}).", site_name(a.declined.front()),
                                score_text(r_.entries[*row.previous].overall), score_text(r_.entries[row.entry].overall),
                                row.change ? fmt::format("{:+.1f}", *row.change) : "–"));
    }
    if (!a.critical.empty()) {
      // The item failed at most sites: where one fix across the chain pays most.
      std::map<std::string_view, std::set<size_t>> sites_by_item;
      for (const auto& f : a.critical) sites_by_item[f.item].insert(f.row);
      auto most = std::max_element(sites_by_item.begin(), sites_by_item.end(),
                                   [](const auto& x, const auto& y) { return x.second.size() < y.second.size(); });
      std::string text = item_text(most->first);
      out.push_back(fmt::format("Critical item failed most often: {}{} at {} of {} {} ({:.0f} %).", std::string(most->first),
                                text.empty() ? "" : " (" + text + ")", most->second.size(), r_.rows.size(), unit(),
                                100.0 * static_cast<double>(most->second.size()) / static_cast<double>(r_.rows.size())));
      const auto& f = a.critical.front();
      out.push_back(fmt::format("Longest-running critical failure: {} at {}, failed since {} ({}).", std::string(f.item), site_name(f.row), f.since,
                                plural(static_cast<size_t>(f.visits), "visit", "visits in a row")));
    }
    return out;
  }

  Section subject() const {
    Section s = section("subject", "Subject " + r_.subject->id + " against its peers");
    s.blocks.push_back(Paragraph{fmt::format("{}, {}, {}", r_.subject->subject.retailer, r_.subject->subject.site, r_.subject->date), false});
    if (!r_.peer_selection.note().empty()) s.blocks.push_back(Paragraph{"Like for like: " + r_.peer_selection.note() + ".", true});
    s.blocks.push_back(table(t_.standings));
    return s;
  }

  Section rollup() const {
    Section s = section("rollup", "By " + r_.by);
    s.blocks.push_back(table(t_.rollup));
    s.blocks.push_back(Heading{"Group medians by " + r_.by, 3});
    s.blocks.push_back(table(t_.rollup_groups));
    return s;
  }

  Section trend() const {
    Section s = section("trend", "Trend of site " + r_.site);
    if (t_.trend.rows.empty()) {
      s.blocks.push_back(Paragraph{"(no assessment of this site in this cohort)", true});
      return s;
    }
    s.blocks.push_back(table(t_.trend));
    s.blocks.push_back(DrawnFigure{"The overall score and each layer per visit, on the bands of the model.", trend_svg(r_), trend_drawing(r_)});
    s.blocks.push_back(Heading{"Change per group", 3});
    s.blocks.push_back(table(t_.trend_groups));
    return s;
  }

  Section kpis() const {
    Section s = section("kpis", "Audit score beside service KPIs");
    s.blocks.push_back(Paragraph{"KPIs from " + kpi_sources_line(r_.kpi_sources), true});
    s.blocks.push_back(table(t_.site_kpis));
    s.blocks.push_back(Heading{"How each KPI moves with the audit score across sites", 3});
    s.blocks.push_back(table(t_.correlations));
    return s;
  }

  Section league() const {
    Section s = section("league", r_.every_visit ? "League of visits" : "League of sites");
    s.blocks.push_back(Paragraph{fmt::format("Every {} best first{}; change is since the site's previous visit. Equal scores by assessment id.",
                                             r_.every_visit ? "visit" : "site, at its latest visit,", r_.combine.empty() ? "" : " (visits combined)"),
                                 false});
    // On a page the format and tags give way to the scores (CSV and JSON keep them), and the
    // oldest overdue days to the dates (the list of stores with overdue actions has them).
    TextTable league = t_.league;
    for (size_t c = league.header.size(); c-- > 0;)
      if (league.header[c] == "format" || league.header[c] == "oldest overdue (days)") {
        league.header.erase(league.header.begin() + static_cast<std::ptrdiff_t>(c));
        league.align.erase(league.align.begin() + static_cast<std::ptrdiff_t>(c));
        for (auto& row : league.rows) row.erase(row.begin() + static_cast<std::ptrdiff_t>(c));
      }
    s.blocks.push_back(BandLegend{band_legend_entries(r_.model)});
    s.blocks.push_back(table(league));
    return s;
  }

  std::optional<Section> heatmap() const {
    if (r_.rows.empty()) return std::nullopt;
    Heatmap h = build_heatmap(r_, r_.heatmap_by_region);
    if (h.columns.empty()) return std::nullopt;
    Section s = section("heatmap", "Heat map: sites by touchpoint");
    s.blocks.push_back(Paragraph{std::string(r_.heatmap_by_region ? "Sites grouped by region, best first within each" : "Sites by overall score, best first") +
                                     ". A column per touchpoint of the journey in each channel, coloured by the band of its score at the "
                                     "site's latest visit (after any critical cap); grey: not scored.",
                                 false});
    s.blocks.push_back(DrawnFigure{"", heatmap_svg(r_, h), heatmap_drawing(h, r_.model)});
    return s;
  }

  Section distributions() const {
    Section s = section("distributions", "Distributions");
    s.blocks.push_back(Paragraph{fmt::format("How the {} spread on the overall score, each layer and each group.", unit()), false});
    s.blocks.push_back(DrawnFigure{"", distribution_svg(r_), boxplot_drawing(r_)});
    s.blocks.push_back(table(t_.stats));
    return s;
  }

  Section movers() const {
    Section s = section("movers", "Movers and what needs attention");
    auto add = [&](const std::string& title, const TextTable& t) {
      s.blocks.push_back(Heading{title, 3});
      if (t.rows.empty()) s.blocks.push_back(Paragraph{"(none)", true});
      else s.blocks.push_back(table(t));
    };
    add("Most declined since the previous visit", t_.declined);
    add("Most improved since the previous visit", t_.improved);
    add(fmt::format("Bottom {} {}", t_.bottom.rows.size(), unit()), t_.bottom);
    add(fmt::format("Top {} {}", t_.top.rows.size(), unit()), t_.top);
    if (!r_.attention.critical.empty()) {
      s.blocks.push_back(Heading{"Critical items failed most often", 3});
      s.blocks.push_back(critical_items());
    }
    // A page or two of findings is read; fifteen are not. JSON and text --all hold every one.
    constexpr size_t kCriticalShown = 40;
    TextTable critical = t_.critical;
    size_t hidden = critical.rows.size() > kCriticalShown ? critical.rows.size() - kCriticalShown : 0;
    critical.rows.resize(std::min(critical.rows.size(), kCriticalShown));
    add("Critical failures at the latest visit (the longest-running first)", critical);
    if (hidden)
      s.blocks.push_back(Paragraph{fmt::format("… and {} more critical failures (every one: --format json, or text with --all).", hidden), true});
    if (r_.actions) add(fmt::format("Stores with overdue actions on {} (most overdue first)", r_.as_of), t_.overdue);
    add("Where the chain is weakest (groups by median)", t_.weakest);
    return s;
  }

  std::string item_text(std::string_view id) const {
    const Item* item = r_.catalog ? r_.catalog->find_item(std::string(id)) : nullptr;
    return item ? item->text : "";
  }

  // Per critical item failed at a latest visit: how many sites, their share, the longest run;
  // the ten most frequent (ties by item id). Where a chain-wide fix pays most.
  Table critical_items() const {
    struct Count {
      std::set<size_t> rows;
      int longest = 0;
    };
    std::map<std::string_view, Count> by_item;
    for (const auto& f : r_.attention.critical) {
      Count& c = by_item[f.item];
      c.rows.insert(f.row);
      c.longest = std::max(c.longest, f.visits);
    }
    std::vector<std::pair<std::string_view, const Count*>> items;
    for (const auto& [item, count] : by_item) items.emplace_back(item, &count);
    std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.second->rows.size() > b.second->rows.size(); });
    if (items.size() > 10) items.resize(10);
    TextTable t;
    t.header = {"item", "critical item at level 0", unit(), "share", "longest run (visits)"};
    t.align = {Align::Left, Align::Left, Align::Right, Align::Right, Align::Right};
    double total = static_cast<double>(std::max<size_t>(r_.rows.size(), 1));
    for (const auto& [item, count] : items)
      t.rows.push_back({std::string(item), item_text(item), std::to_string(count->rows.size()),
                        fmt::format("{:.0f} %", 100.0 * static_cast<double>(count->rows.size()) / total), std::to_string(count->longest)});
    return table(t);
  }

  Section left_out() const {
    Section s = section("left-out", "Files left out");
    std::vector<std::string> items;
    for (const auto& l : r_.left_out) items.push_back(l.problem);
    s.blocks.push_back(BulletList{std::move(items)});
    return s;
  }

  const BenchmarkReport& r_;
  BenchmarkTables t_;
  std::string prefix_;
};

Cover cover(const std::vector<BenchmarkReport>& cohorts, const ReportTemplate& tpl, const Assessment& chain) {
  const BenchmarkReport& r = cohorts.front();
  Cover c;
  c.kicker = tpl.text("benchmark_kicker", "Chain benchmark");
  c.title = chain.subject.retailer;
  c.subtitle = chain.meta.date.empty() ? "" : (r.combine.empty() ? "Visits " : "Periods ") + chain.meta.date;
  const Summary& o = r.stats.overall;
  c.score = o.n ? score_text(o.median) : "–";
  Cell band = band_cell(r.model, o.n ? std::optional<double>(o.median) : std::nullopt);
  c.band = band.text;
  c.band_colour = band.fill.empty() ? tpl.style.colour("muted") : band.fill;
  c.band_ink = band.ink.empty() ? "#FFFFFF" : band.ink;
  c.target_line = o.n ? fmt::format("Median of {} {}; middle half {}–{}", o.n, r.every_visit ? "visits" : "sites", score_text(o.p25), score_text(o.p75)) : "";
  size_t visits = 0;
  for (const auto& row : r.rows) visits += static_cast<size_t>(std::max(row.visits, 0));
  c.facts.push_back({"Period", chain.meta.date});
  c.facts.push_back({"Cohort", scope_label(r.scope) + (cohorts.size() > 1 ? fmt::format(" (and {} more)", cohorts.size() - 1) : "")});
  c.facts.push_back({"Sites", r.every_visit ? plural(r.rows.size(), "visit", "visits") : fmt::format("{} ({})", r.rows.size(), plural(visits, "visit", "visits"))});
  c.facts.push_back({"Files", benchmark_heading_line(r)});
  if (r.subject) c.facts.push_back({"Subject", fmt::format("{}, {}", r.subject->subject.site, r.subject->date)});
  if (!r.site.empty()) c.facts.push_back({"Trend of", r.site});
  if (!r.by.empty()) c.facts.push_back({"Rolled up by", r.by});
  for (const auto& note : r.other_cohorts) c.facts.push_back({"Not pooled", note});
  c.note = fill_placeholders(tpl.text("cover_note", "Prepared for {retailer}. Confidential."), chain, tpl.consultancy);
  return c;
}

}  // namespace

Document benchmark_document(const std::vector<BenchmarkReport>& cohorts, const ReportTemplate& tpl) {
  // The chain stands where a gap report has its assessment: "{retailer}" is the chain, "{date}"
  // the period, "{site}" empty.
  Assessment chain;
  chain.subject.retailer = chain_name(cohorts);
  chain.meta.date = period_text(cohorts);
  Document doc;
  doc.title = fmt::format("{} — {}", tpl.text("benchmark_kicker", "Chain benchmark"), chain.subject.retailer);
  doc.consultancy = tpl.consultancy;
  doc.author = fill_placeholders(tpl.author, chain, tpl.consultancy);
  doc.logo_text = fill_placeholders(tpl.logo_text, chain, tpl.consultancy);
  doc.tagline = fill_placeholders(tpl.tagline, chain, tpl.consultancy);
  doc.header_text = chain.subject.retailer + " · chain benchmark" + (chain.meta.date.empty() ? "" : " · " + chain.meta.date);
  doc.footer_text = fill_placeholders(tpl.text("footer", "{consultancy} · Confidential"), chain, tpl.consultancy);
  doc.style = tpl.style;
  doc.cover = cover(cohorts, tpl, chain);
  doc.bands = band_legend_entries(cohorts.front().model);
  doc.sections.push_back(Section{"cover", "Cover", {}});
  for (const auto& r : cohorts) {
    std::string prefix = cohorts.size() > 1 ? fmt::format("Cohort {} ({}): ", r.cohort, scope_label(r.scope)) : "";
    Builder(r, prefix).add_sections(doc.sections);
  }
  return doc;
}

}  // namespace cjb::render
