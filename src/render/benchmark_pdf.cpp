// The benchmark as A4 pages of tables: cairo for the pages, pango for the text (plain text
// only, never markup, so a shop called "<b>" stays "<b>").

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <cstdlib>
#include <ctime>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "core/error.h"
#include "render/benchmark_heatmap.h"
#include "render/benchmark_report.h"
#include "render/format.h"
#include "render/benchmark_tables.h"
#include "render/pdf_handles.h"

namespace cjb::render {

namespace {

// The owners of the C handles are the report renderer's (render/pdf_handles.h).
using Surface = pdf::SurfacePtr;
using Context = pdf::CairoPtr;
using Layout = pdf::LayoutPtr;
using Font = pdf::FontDescriptionPtr;

constexpr double kPageWidth = 595.28, kPageHeight = 841.89;  // A4 in points
constexpr double kMargin = 42;
constexpr double kRowHeight = 13;

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

void check(cairo_status_t status, const char* what) {
  if (status != CAIRO_STATUS_SUCCESS) throw Error(fmt::format("cjb: error: cannot draw the PDF ({}: {})", what, cairo_status_to_string(status)));
}

// Lays out pages top to bottom, starting a new page (with its number) when one is full.
class PageWriter {
 public:
  PageWriter(cairo_t* cr, PangoLayout* layout) : cr_(cr), layout_(layout) {}

  void text(const std::string& s, double x, double y, double width, bool right, bool bold, double size) {
    Font font(pango_font_description_from_string(fmt::format("DejaVu Sans {}{}", bold ? "Bold " : "", size).c_str()));
    pango_layout_set_font_description(layout_, font.get());
    std::string shown = pdf::laid_out_text(s);
    pango_layout_set_text(layout_, shown.c_str(), -1);  // plain text: never parsed as markup
    pango_layout_set_width(layout_, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_ellipsize(layout_, PANGO_ELLIPSIZE_END);
    pango_layout_set_alignment(layout_, right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
    cairo_move_to(cr_, x, y);
    pango_cairo_show_layout(cr_, layout_);
  }

  void need(double height) {
    if (y_ + height > kPageHeight - kMargin - 20) new_page();
  }

  void heading(const std::string& s, double size) {
    need(size + 3 * kRowHeight);
    y_ += size * 0.6;
    text(s, kMargin, y_, kPageWidth - 2 * kMargin, false, true, size);
    y_ += size * 1.6;
  }

  void paragraph(const std::string& s) {
    need(kRowHeight);
    text(s, kMargin, y_, kPageWidth - 2 * kMargin, false, false, 9);
    y_ += kRowHeight + 4;
  }

  // The width text takes, in points.
  double measure(const std::string& s, bool bold, double size) {
    Font font(pango_font_description_from_string(fmt::format("DejaVu Sans {}{}", bold ? "Bold " : "", size).c_str()));
    pango_layout_set_font_description(layout_, font.get());
    pango_layout_set_width(layout_, -1);
    pango_layout_set_text(layout_, s.c_str(), -1);
    int w = 0, h = 0;
    pango_layout_get_size(layout_, &w, &h);
    return static_cast<double>(w) / PANGO_SCALE;
  }

  // Each column gets its widest cell's width; when they do not fit, only the widest columns
  // give way, all cut to one width (so numbers and dates stay whole and names are shortened);
  // the header repeats on every page.
  void table(const TextTable& t) {
    if (t.rows.empty()) return;
    double usable = kPageWidth - 2 * kMargin;
    std::vector<double> natural(t.header.size(), 0);
    // Wide tables are set a point smaller first.
    double size = t.header.size() > 9 ? 7 : 8;
    for (size_t i = 0; i < t.header.size(); ++i) {
      // A long header ("Customer journey") over short numbers may be cut; the numbers may not.
      natural[i] = std::min(measure(t.header[i], true, size), 34.0);
      for (const auto& row : t.rows)
        if (i < row.size()) natural[i] = std::max(natural[i], measure(row[i], false, size));
      natural[i] += 5;
    }
    auto fitted = [&](double cap) {
      double sum = 0;
      for (double n : natural) sum += std::min(n, cap);
      return sum;
    };
    double lo = 0, hi = usable;
    for (int k = 0; k < 40; ++k) (fitted((lo + hi) / 2) > usable ? hi : lo) = (lo + hi) / 2;
    std::vector<double> widths(natural.size());
    double total = 0;
    for (size_t i = 0; i < natural.size(); ++i) total += widths[i] = std::min(natural[i], lo);
    // Room left over is shared out, so that the table spans the page.
    for (double& w : widths) w += (usable - total) / static_cast<double>(widths.size());
    auto draw_row = [&](const std::vector<std::string>& row, bool bold) {
      double x = kMargin;
      for (size_t i = 0; i < t.header.size(); ++i) {
        double w = widths[i];
        bool right = i < t.align.size() && t.align[i] == Align::Right;
        if (i < row.size()) text(row[i], x + 2, y_, w - 4, right, bold, size);
        x += w;
      }
      y_ += kRowHeight;
    };
    auto header = [&] {
      cairo_set_source_rgb(cr_, 0.93, 0.93, 0.93);
      cairo_rectangle(cr_, kMargin, y_ - 1, usable, kRowHeight);
      cairo_fill(cr_);
      cairo_set_source_rgb(cr_, 0.13, 0.13, 0.13);
      draw_row(t.header, true);
    };
    need(3 * kRowHeight);
    header();
    for (const auto& row : t.rows) {
      if (y_ + kRowHeight > kPageHeight - kMargin - 20) {
        new_page();
        header();
      }
      draw_row(row, false);
    }
    y_ += kRowHeight / 2;
  }

  // The heat map: a block of rows per page at least (a region per page when grouped), the
  // touchpoint names upright over their columns, cells in band colours, and the legend.
  void heatmap(const Heatmap& h, const Model* model) {
    if (h.columns.empty()) return;
    constexpr double kLabel = 190, kCellW = 11.5, kCellH = 9.5, kHead = 120;
    auto rgb = [&](const std::string& hex) {
      unsigned v = static_cast<unsigned>(std::strtoul(hex.c_str() + 1, nullptr, 16));
      cairo_set_source_rgb(cr_, ((v >> 16) & 255) / 255.0, ((v >> 8) & 255) / 255.0, (v & 255) / 255.0);
    };
    auto header = [&] {
      for (size_t c = 0; c < h.columns.size(); ++c) {
        double x = kMargin + kLabel + kCellW * static_cast<double>(c);
        if (c == 0 || h.columns[c].channel != h.columns[c - 1].channel) text(h.columns[c].channel_label, x, y_, 150, false, true, 8);
        cairo_save(cr_);
        cairo_translate(cr_, x + 1, y_ + kHead);
        cairo_rotate(cr_, -1.5707963267948966);
        text(h.columns[c].group_label, 0, 0, kHead - 16, false, false, 6.5);
        cairo_restore(cr_);
      }
      y_ += kHead + 4;
    };
    for (size_t b = 0; b < h.blocks.size(); ++b) {
      const auto& block = h.blocks[b];
      // A region on a page of its own when it fits on one.
      double needed = 40 + kHead + kCellH * static_cast<double>(block.rows.size()) + 30;
      if (b > 0 || (y_ > kMargin + 10 && y_ + needed > kPageHeight - kMargin - 40)) new_page();
      if (!block.title.empty()) heading(fmt::format("{} ({} sites)", block.title, block.rows.size()), 11);
      header();
      for (const auto& row : block.rows) {
        if (y_ + kCellH > kPageHeight - kMargin - 40) {
          new_page();
          header();
        }
        cairo_set_source_rgb(cr_, 0.13, 0.13, 0.13);
        text(row.site_id, kMargin, y_ - 1, 44, false, false, 6.5);
        text(row.name, kMargin + 44, y_ - 1, kLabel - 76, false, false, 6.5);
        text(score_text(row.overall), kMargin + kLabel - 34, y_ - 1, 30, true, true, 6.5);
        for (size_t c = 0; c < h.columns.size(); ++c) {
          rgb(heat_colour(model, row.cells[c]));
          cairo_rectangle(cr_, kMargin + kLabel + kCellW * static_cast<double>(c), y_, kCellW - 1.5, kCellH - 1.5);
          cairo_fill(cr_);
        }
        y_ += kCellH;
      }
      // The legend under every block: the model's bands, then "no score".
      y_ += 6;
      double x = kMargin;
      auto key = [&](const std::string& colour, const std::string& label) {
        rgb(colour);
        cairo_rectangle(cr_, x, y_, 9, 9);
        cairo_fill(cr_);
        cairo_set_source_rgb(cr_, 0.13, 0.13, 0.13);
        text(label, x + 11, y_ - 1, 74, false, false, 6);
        x += 85;
      };
      if (model)
        for (size_t i = 0; i < model->bands.size(); ++i) {
          const Band& band = model->bands[i];
          key(band.colour, i + 1 < model->bands.size() ? fmt::format("{} {:g}–{:g}", band.label, band.lower, model->bands[i + 1].lower)
                                                       : fmt::format("{} {:g}+", band.label, band.lower));
        }
      key("#eeeeee", "no score");
      y_ += kRowHeight + 4;
    }
  }

  // Box plots of the overall, layer and group scores on a 0–100 axis, bands shaded behind, the
  // subject as a diamond (as the HTML's, render/benchmark_charts.h).
  void boxplots(const BenchmarkReport& r) {
    struct Box {
      std::string label;
      const Summary* summary;
      std::optional<double> subject;
    };
    auto subject_of = [&](std::vector<NamedScore> BenchmarkEntry::*member, std::string_view id) -> std::optional<double> {
      if (!r.subject) return std::nullopt;
      const NamedScore* s = r.subject->find((*r.subject).*member, id);
      return s ? s->score : std::nullopt;
    };
    std::vector<Box> boxes{{"Overall", &r.stats.overall, r.subject ? r.subject->overall : std::nullopt}};
    for (const auto& d : r.stats.layers) boxes.push_back({score_label(r, "layer", d.id), &d.summary, subject_of(&BenchmarkEntry::layers, d.id)});
    for (const auto& d : r.stats.groups) boxes.push_back({score_label(r, "group", d.id), &d.summary, subject_of(&BenchmarkEntry::groups, d.id)});
    constexpr double kLabel = 160, kRowH = 12;
    double axis = kPageWidth - 2 * kMargin - kLabel - 10;
    need(kRowH * static_cast<double>(boxes.size()) + 30);
    double x0 = kMargin + kLabel, top = y_;
    auto x = [&](double v) { return x0 + axis * v / 100; };
    if (r.model)
      for (size_t b = 0; b < r.model->bands.size(); ++b) {
        double lo = r.model->bands[b].lower, hi = b + 1 < r.model->bands.size() ? r.model->bands[b + 1].lower : 100;
        unsigned v = static_cast<unsigned>(std::strtoul(r.model->bands[b].colour.c_str() + 1, nullptr, 16));
        cairo_set_source_rgba(cr_, ((v >> 16) & 255) / 255.0, ((v >> 8) & 255) / 255.0, (v & 255) / 255.0, 0.15);
        cairo_rectangle(cr_, x(lo), top, x(hi) - x(lo), kRowH * static_cast<double>(boxes.size()));
        cairo_fill(cr_);
      }
    for (const auto& b : boxes) {
      double mid = y_ + kRowH / 2;
      cairo_set_source_rgb(cr_, 0.13, 0.13, 0.13);
      text(b.label, kMargin, y_ - 0.5, kLabel - 8, true, false, 7);
      const Summary& s = *b.summary;
      if (s.n > 0) {
        cairo_set_line_width(cr_, 0.6);
        cairo_move_to(cr_, x(s.min), mid);
        cairo_line_to(cr_, x(s.max), mid);
        cairo_stroke(cr_);
        cairo_rectangle(cr_, x(s.p25), mid - 3.5, x(s.p75) - x(s.p25), 7);
        cairo_set_source_rgb(cr_, 1, 1, 1);
        cairo_fill_preserve(cr_);
        cairo_set_source_rgb(cr_, 0.13, 0.13, 0.13);
        cairo_stroke(cr_);
        cairo_set_line_width(cr_, 1.6);
        cairo_move_to(cr_, x(s.median), mid - 3.5);
        cairo_line_to(cr_, x(s.median), mid + 3.5);
        cairo_stroke(cr_);
      }
      if (b.subject) {
        cairo_set_source_rgb(cr_, 0.12, 0.37, 0.66);
        cairo_move_to(cr_, x(*b.subject), mid - 3.5);
        cairo_line_to(cr_, x(*b.subject) + 3.5, mid);
        cairo_line_to(cr_, x(*b.subject), mid + 3.5);
        cairo_line_to(cr_, x(*b.subject) - 3.5, mid);
        cairo_close_path(cr_);
        cairo_fill(cr_);
      }
      y_ += kRowH;
    }
    cairo_set_source_rgb(cr_, 0.4, 0.4, 0.4);
    for (int v = 0; v <= 100; v += 20) text(std::to_string(v), x(v) - 10, y_ + 1, 20, false, false, 6.5);
    y_ += kRowH;
    text(std::string("Box p25–p75, line median, whiskers min–max") + (r.subject ? "; diamond: the subject." : "."), x0, y_, axis, false, false, 7);
    cairo_set_source_rgb(cr_, 0.13, 0.13, 0.13);
    y_ += kRowH + 6;
  }

  // The --site visits as lines (overall bold, then each layer) on a 0–100 axis with the bands
  // shaded behind, a point per visit (as the HTML's).
  void trend_chart(const BenchmarkReport& r) {
    if (r.trend.empty()) return;
    constexpr double kLeft = 24, kH = 170;
    double width = kPageWidth - 2 * kMargin - kLeft - 110;
    need(kH + 40);
    double x0 = kMargin + kLeft, top = y_ + 4;
    auto y = [&](double v) { return top + kH * (1 - v / 100); };
    size_t n = r.trend.size();
    auto x = [&](size_t i) { return n == 1 ? x0 + width / 2 : x0 + 12 + (width - 24) * static_cast<double>(i) / static_cast<double>(n - 1); };
    auto rgb = [&](const std::string& hex, double alpha) {
      unsigned v = static_cast<unsigned>(std::strtoul(hex.c_str() + 1, nullptr, 16));
      cairo_set_source_rgba(cr_, ((v >> 16) & 255) / 255.0, ((v >> 8) & 255) / 255.0, (v & 255) / 255.0, alpha);
    };
    if (r.model)
      for (size_t b = 0; b < r.model->bands.size(); ++b) {
        double lo = r.model->bands[b].lower, hi = b + 1 < r.model->bands.size() ? r.model->bands[b + 1].lower : 100;
        rgb(r.model->bands[b].colour, 0.15);
        cairo_rectangle(cr_, x0, y(hi), width, y(lo) - y(hi));
        cairo_fill(cr_);
      }
    cairo_set_source_rgb(cr_, 0.4, 0.4, 0.4);
    for (int v = 0; v <= 100; v += 20) text(std::to_string(v), kMargin, y(v) - 5, kLeft - 4, true, false, 6.5);
    for (size_t i = 0; i < n; ++i) text(r.entries[r.trend[i]].date, x(i) - 30, top + kH + 2, 60, false, false, 6.5);
    std::vector<std::pair<std::string, std::vector<std::optional<double>>>> lines{{"Overall", {}}};
    for (size_t i : r.trend) lines[0].second.push_back(r.entries[i].overall);
    for (const auto& d : r.stats.layers) {
      lines.push_back({score_label(r, "layer", d.id), {}});
      for (size_t i : r.trend) {
        const NamedScore* s = r.entries[i].find(r.entries[i].layers, d.id);
        lines.back().second.push_back(s ? s->score : std::nullopt);
      }
    }
    const char* colours[] = {"#111111", "#1f5fa8", "#b5472b", "#3c8d4f", "#8a5fb0"};
    for (size_t l = 0; l < lines.size(); ++l) {
      rgb(colours[l % 5], 1);
      cairo_set_line_width(cr_, l == 0 ? 2 : 1.2);
      bool started = false;
      for (size_t i = 0; i < n; ++i) {
        const auto& v = lines[l].second[i];
        if (!v) continue;
        if (started) cairo_line_to(cr_, x(i), y(*v));
        else cairo_move_to(cr_, x(i), y(*v));
        started = true;
      }
      cairo_stroke(cr_);
      for (size_t i = 0; i < n; ++i)
        if (const auto& v = lines[l].second[i]) {
          cairo_arc(cr_, x(i), y(*v), 2.2, 0, 6.283185307179586);
          cairo_fill(cr_);
        }
      cairo_rectangle(cr_, x0 + width + 10, top + 12 * static_cast<double>(l), 8, 8);
      cairo_fill(cr_);
      cairo_set_source_rgb(cr_, 0.13, 0.13, 0.13);
      text(lines[l].first, x0 + width + 22, top + 12 * static_cast<double>(l) - 1.5, 90, false, false, 7);
    }
    y_ = top + kH + 24;
  }

  void finish() { footer(); }

 private:
  void footer() {
    cairo_set_source_rgb(cr_, 0.4, 0.4, 0.4);
    text(fmt::format("cjb benchmark · page {}", page_), kMargin, kPageHeight - kMargin, kPageWidth - 2 * kMargin, true, false, 7);
    cairo_set_source_rgb(cr_, 0.13, 0.13, 0.13);
  }

 public:
  void new_page() {
    footer();
    cairo_show_page(cr_);
    ++page_;
    y_ = kMargin;
  }

 private:

  cairo_t* cr_;
  PangoLayout* layout_;
  double y_ = kMargin;
  int page_ = 1;
};

}  // namespace

namespace {

void draw_cohort(PageWriter& page, const BenchmarkReport& report) {
  BenchmarkTables t = benchmark_tables(report);
  if (report.cohort == 1) {
    page.heading("Benchmark", 18);
    page.paragraph(benchmark_heading_line(report));
  }
  page.heading(fmt::format("Cohort: {}", scope_label(report.scope)), report.cohorts > 1 ? 16 : 12);
  page.paragraph("Chain: " + benchmark_chain_line(report));
  for (const auto& note : report.other_cohorts) page.paragraph("Not pooled (another scope): " + note);
  if (report.subject) {
    page.heading(fmt::format("Subject {} against its peers", report.subject->id), 12);
    page.paragraph(fmt::format("{}, {}, {}", report.subject->subject.retailer, report.subject->subject.site, report.subject->date));
    if (!report.peer_selection.note().empty()) page.paragraph("Like for like: " + report.peer_selection.note() + ".");
    page.table(t.standings);
  }
  if (!report.by.empty()) {
    page.heading("By " + report.by, 12);
    page.table(t.rollup);
    page.heading("Group medians by " + report.by, 12);
    page.table(t.rollup_groups);
  }
  if (!report.site.empty()) {
    page.heading("Trend of site " + report.site, 12);
    if (t.trend.rows.empty()) page.paragraph("(no assessment of this site)");
    page.table(t.trend);
    page.trend_chart(report);
    page.heading("Change per group", 12);
    page.table(t.trend_groups);
  }
  if (!report.kpi_sources.empty()) {
    page.heading("Audit score beside service KPIs, by site", 12);
    page.paragraph("KPIs from " + kpi_sources_line(report.kpi_sources));
    page.table(t.site_kpis);
    page.heading("How each KPI moves with the audit score across sites", 12);
    page.table(t.correlations);
  }
  if (!report.rows.empty()) {
    Heatmap heatmap = build_heatmap(report, report.heatmap_by_region);
    if (!heatmap.columns.empty()) {
      page.heading("Heat map: sites by touchpoint", 12);
      page.paragraph(report.heatmap_by_region ? "Sites grouped by region, best first within each; a touchpoint per column, by channel."
                                              : "Sites by overall score, best first; a touchpoint per column, by channel.");
      page.heatmap(heatmap, report.model);
      page.new_page();
    }
  }
  page.heading("Needs attention: bottom sites", 12);
  page.table(t.bottom);
  page.heading("Top sites", 12);
  page.table(t.top);
  page.heading("Most improved since the previous visit", 12);
  page.table(t.improved);
  page.heading("Most declined since the previous visit", 12);
  page.table(t.declined);
  page.heading("Critical failures at the latest visit", 12);
  page.table(t.critical);
  page.heading("Where the chain is weakest", 12);
  page.table(t.weakest);
  // The heading stays with its chart.
  page.need(12.0 * static_cast<double>(report.stats.layers.size() + report.stats.groups.size() + 1) + 70);
  page.heading("Distribution of scores", 12);
  page.boxplots(report);
  page.table(t.stats);
  page.heading("League table", 12);
  // On A4 the format and tags give way to the scores (text, HTML, JSON and CSV keep them).
  TextTable league = t.league;
  if (league.header.size() > 4 && league.header[4] == "format") {
    league.header.erase(league.header.begin() + 4);
    league.align.erase(league.align.begin() + 4);
    for (auto& row : league.rows) row.erase(row.begin() + 4);
  }
  page.table(league);
  if (!report.left_out.empty() && report.cohort == report.cohorts) {
    page.heading("Left out", 12);
    for (const auto& l : report.left_out) page.paragraph(l.problem);
  }
}

}  // namespace

std::string benchmark_pdf(const BenchmarkReport& report) { return benchmark_pdf(std::vector<BenchmarkReport>{report}); }

std::string benchmark_pdf(const std::vector<BenchmarkReport>& cohorts) {
  std::string bytes;
  {
    Surface surface(cairo_pdf_surface_create_for_stream(append_to_string, &bytes, kPageWidth, kPageHeight));
    check(cairo_surface_status(surface.get()), "surface");
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, "cjb benchmark");
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "cjb");
    // Reproducible builds: the creation date from SOURCE_DATE_EPOCH when set.
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
      std::time_t t = static_cast<std::time_t>(std::strtoll(epoch, nullptr, 10));
      std::tm tm{};
      gmtime_r(&t, &tm);
      char date[32];
      std::strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &tm);
      cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, date);
    }
    Context cr(cairo_create(surface.get()));
    check(cairo_status(cr.get()), "context");
    Layout layout(pango_cairo_create_layout(cr.get()));
    if (!layout) throw Error("cjb: error: cannot draw the PDF (no text layout)");
    cairo_set_source_rgb(cr.get(), 0.13, 0.13, 0.13);

    PageWriter page(cr.get(), layout.get());
    for (const auto& report : cohorts) draw_cohort(page, report);
    page.finish();
    check(cairo_status(cr.get()), "drawing");
    cairo_surface_finish(surface.get());
    check(cairo_surface_status(surface.get()), "finishing");
  }
  return bytes;
}

}  // namespace cjb::render
