#include "render/benchmark_drawings.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "render/format.h"
#include "render/pdf_handles.h"

namespace cjb::render {

namespace {

constexpr double kPi = 3.14159265358979323846;
const char* const kNoScore = "#eeeeee";

void set_colour(cairo_t* cr, const std::string& hex, double alpha = 1) {
  unsigned v = hex.size() == 7 ? static_cast<unsigned>(std::strtoul(hex.c_str() + 1, nullptr, 16)) : 0;
  cairo_set_source_rgba(cr, ((v >> 16) & 255) / 255.0, ((v >> 8) & 255) / 255.0, (v & 255) / 255.0, alpha);
}

struct TextSpec {
  double size = 7;
  bool bold = false;
  bool right = false;
  std::string colour;  // empty: the style's ink
};

// Plain text (never markup) in the style's body font, cut with "…" at width; its height.
double draw_text(cairo_t* cr, const ReportStyle& style, const std::string& s, double x, double y, double width, const TextSpec& spec) {
  pdf::LayoutPtr layout(pango_cairo_create_layout(cr));
  pdf::FontDescriptionPtr font = pdf::make_font(style.body_font, spec.size, spec.bold);
  pango_layout_set_font_description(layout.get(), font.get());
  std::string shown = pdf::laid_out_text(s);
  pango_layout_set_text(layout.get(), shown.c_str(), -1);
  pango_layout_set_width(layout.get(), static_cast<int>(std::max(width, 1.0) * PANGO_SCALE));
  pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment(layout.get(), spec.right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  set_colour(cr, spec.colour.empty() ? style.colour("ink") : spec.colour);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout.get());
  cairo_new_path(cr);
  int w = 0, h = 0;
  pango_layout_get_size(layout.get(), &w, &h);
  return static_cast<double>(h) / PANGO_SCALE;
}

// The bands shaded behind a 0–100 axis, x(v) giving the position of v.
template <typename X>
void shade_bands(cairo_t* cr, const std::vector<LegendEntry>& bands, const std::vector<double>& lowers, X x, double top, double height) {
  for (size_t b = 0; b < bands.size(); ++b) {
    double lo = lowers[b], hi = b + 1 < bands.size() ? lowers[b + 1] : 100;
    set_colour(cr, bands[b].colour, 0.15);
    cairo_rectangle(cr, x(lo), top, x(hi) - x(lo), height);
    cairo_fill(cr);
  }
}

// The band legend in a line at y: a swatch and "Label range" each, then "no score" when asked.
void draw_legend(cairo_t* cr, const ReportStyle& style, const std::vector<LegendEntry>& bands, double x, double y, double width, bool no_score) {
  std::vector<LegendEntry> entries = bands;
  if (no_score) entries.push_back({"no score", "", kNoScore});
  double step = std::min(96.0, width / static_cast<double>(std::max<size_t>(entries.size(), 1)));
  for (const auto& e : entries) {
    set_colour(cr, e.colour);
    cairo_rectangle(cr, x, y + 1, 10, 8);
    cairo_fill(cr);
    draw_text(cr, style, e.range.empty() ? e.label : e.label + " " + e.range, x + 13, y, step - 15, {6.5, false, false, style.colour("muted")});
    x += step;
  }
}

// ---- heat map ---------------------------------------------------------------------------------

class HeatmapDrawing : public PdfDrawing {
 public:
  HeatmapDrawing(const Heatmap& h, const Model* model) : columns_(h.columns), bands_(band_legend_entries(model)) {
    for (const auto& block : h.blocks) {
      Block b{block.title, {}};
      for (const auto& row : block.rows) {
        Row r{row.site_id, row.name, row.region, score_text(row.overall), heat_colour(model, row.overall), {}};
        for (const auto& cell : row.cells) r.colours.push_back(heat_colour(model, cell));
        b.rows.push_back(std::move(r));
      }
      blocks_.push_back(std::move(b));
    }
  }

  std::vector<Part> parts(double width, double page_height) const override {
    (void)width;
    std::vector<Part> out;
    // A region is a page of its own (docs/benchmark.md), unless the map is one block.
    for (const auto& piece : pieces(page_height)) out.push_back({piece_height(piece), blocks_.size() > 1 && piece.first_of_block});
    return out;
  }

  void draw(size_t part, cairo_t* cr, const ReportStyle& style, double x, double y, double width, double page_height) const override {
    auto all = pieces(page_height);
    if (part >= all.size()) return;
    const Piece& p = all[part];
    const Block& block = blocks_[p.block];
    const std::string& muted = style.colour("muted");
    if (!block.title.empty()) {
      std::string title = p.first_of_block ? fmt::format("{} · {} site{}", block.title, block.rows.size(), block.rows.size() == 1 ? "" : "s")
                                           : fmt::format("{} (continued)", block.title);
      draw_text(cr, style, title, x, y, width, {10, true, false, style.colour("primary")});
      y += kTitle;
    }
    double cell = cell_width(width);
    double grid_x = x + width - cell * static_cast<double>(columns_.size());
    double label_w = grid_x - x - 4;
    // Column heads: the channel over its first touchpoint and a rule over its columns, the
    // touchpoint names upright.
    for (size_t c = 0; c < columns_.size(); ++c) {
      double cx = grid_x + cell * static_cast<double>(c);
      if (c == 0 || columns_[c].channel != columns_[c - 1].channel) {
        size_t end = c;
        while (end < columns_.size() && columns_[end].channel == columns_[c].channel) ++end;
        double span = cell * static_cast<double>(end - c);
        draw_text(cr, style, columns_[c].channel_label, cx, y, std::max(span, 60.0), {7.5, true, false, style.colour("primary")});
        set_colour(cr, style.colour("accent"));
        cairo_rectangle(cr, cx, y + 11, span - 1.5, 1.2);
        cairo_fill(cr);
      }
      cairo_save(cr);
      cairo_translate(cr, cx + 1.5, y + kHead);
      cairo_rotate(cr, -kPi / 2);
      draw_text(cr, style, columns_[c].group_label, 0, 0, kHead - 18, {6.5, false, false, ""});
      cairo_restore(cr);
    }
    draw_text(cr, style, "site", x, y + kHead - 9, 44, {6.5, true, false, muted});
    draw_text(cr, style, "name", x + 46, y + kHead - 9, 90, {6.5, true, false, muted});
    if (label_w > 200) draw_text(cr, style, "region", x + label_w - 96, y + kHead - 9, 60, {6.5, true, false, muted});
    draw_text(cr, style, "overall", x + label_w - 34, y + kHead - 9, 34, {6.5, true, true, muted});
    y += kHead + 3;
    for (size_t i = p.first_row; i < p.end_row; ++i) {
      const Row& row = block.rows[i];
      if ((i - p.first_row) % 2 == 1) {
        set_colour(cr, style.colour("stripe"));
        cairo_rectangle(cr, x, y - 0.5, label_w, kRow);
        cairo_fill(cr);
      }
      draw_text(cr, style, row.site_id, x + 1, y - 0.5, 44, {6.5, false, false, ""});
      double name_w = label_w > 200 ? label_w - 46 - 100 : label_w - 46 - 38;
      draw_text(cr, style, row.name, x + 46, y - 0.5, name_w, {6.5, false, false, ""});
      if (label_w > 200) draw_text(cr, style, row.region, x + label_w - 96, y - 0.5, 58, {6.5, false, false, muted});
      set_colour(cr, row.overall_colour);
      cairo_rectangle(cr, x + label_w - 3, y, 3, kRow - 1.5);
      cairo_fill(cr);
      draw_text(cr, style, row.overall, x + label_w - 40, y - 0.5, 34, {6.5, true, true, ""});
      for (size_t c = 0; c < row.colours.size() && c < columns_.size(); ++c) {
        set_colour(cr, row.colours[c]);
        cairo_rectangle(cr, grid_x + cell * static_cast<double>(c), y, cell - 1.5, kRow - 1.5);
        cairo_fill(cr);
      }
      y += kRow;
    }
    draw_legend(cr, style, bands_, x, y + 5, width, true);
  }

 private:
  struct Row {
    std::string site_id, name, region, overall, overall_colour;
    std::vector<std::string> colours;  // one per column
  };
  struct Block {
    std::string title;
    std::vector<Row> rows;
  };
  struct Piece {
    size_t block, first_row, end_row;
    bool first_of_block;
  };
  static constexpr double kRow = 9.5, kHead = 112, kTitle = 18, kLegend = 22;

  double cell_width(double width) const { return std::min(12.0, (width - 200) / static_cast<double>(std::max<size_t>(columns_.size(), 1))); }

  double piece_height(const Piece& p) const {
    return (blocks_[p.block].title.empty() ? 0 : kTitle) + kHead + 3 + kRow * static_cast<double>(p.end_row - p.first_row) + kLegend;
  }

  // Each block in as few parts as fit a page, every part with the column heads and legend.
  std::vector<Piece> pieces(double page_height) const {
    std::vector<Piece> out;
    for (size_t b = 0; b < blocks_.size(); ++b) {
      double fixed = (blocks_[b].title.empty() ? 0 : kTitle) + kHead + 3 + kLegend + 4;
      size_t per_page = static_cast<size_t>(std::max(5.0, std::floor((page_height - fixed) / kRow)));
      size_t n = blocks_[b].rows.size();
      if (n == 0) continue;
      // Evenly filled pages rather than full ones and a short last one.
      size_t pages = (n + per_page - 1) / per_page;
      for (size_t k = 0; k < pages; ++k) out.push_back({b, n * k / pages, n * (k + 1) / pages, k == 0});
    }
    return out;
  }

  std::vector<Heatmap::Column> columns_;
  std::vector<Block> blocks_;
  std::vector<LegendEntry> bands_;
};

// ---- box plots --------------------------------------------------------------------------------

class BoxPlotDrawing : public PdfDrawing {
 public:
  struct Box {
    std::string label;
    Summary summary;
    std::optional<double> subject;
    bool strong;
  };

  BoxPlotDrawing(std::vector<Box> boxes, const Model* model, bool has_subject)
      : boxes_(std::move(boxes)), bands_(band_legend_entries(model)), has_subject_(has_subject) {
    if (model)
      for (const auto& b : model->bands) lowers_.push_back(b.lower);
  }

  std::vector<Part> parts(double, double) const override { return {{kRow * static_cast<double>(boxes_.size()) + 48, false}}; }

  void draw(size_t, cairo_t* cr, const ReportStyle& style, double x0, double y, double width, double) const override {
    double axis = width - kLabel - 10, left = x0 + kLabel;
    auto x = [&](double v) { return left + axis * v / 100; };
    double top = y, height = kRow * static_cast<double>(boxes_.size());
    shade_bands(cr, bands_, lowers_, x, top, height);
    const std::string& ink = style.colour("ink");
    for (const auto& b : boxes_) {
      double mid = y + kRow / 2;
      draw_text(cr, style, b.label, x0, y + 1, kLabel - 8, {7, b.strong, true, ""});
      const Summary& s = b.summary;
      if (s.n > 0) {
        set_colour(cr, ink);
        cairo_set_line_width(cr, 0.6);
        cairo_move_to(cr, x(s.min), mid);
        cairo_line_to(cr, x(s.max), mid);
        for (double v : {s.min, s.max}) {
          cairo_move_to(cr, x(v), mid - 2.5);
          cairo_line_to(cr, x(v), mid + 2.5);
        }
        cairo_stroke(cr);
        cairo_rectangle(cr, x(s.p25), mid - 3.5, std::max(x(s.p75) - x(s.p25), 0.5), 7);
        set_colour(cr, "#FFFFFF");
        cairo_fill_preserve(cr);
        set_colour(cr, ink);
        cairo_stroke(cr);
        cairo_set_line_width(cr, 1.8);
        set_colour(cr, style.colour("primary"));
        cairo_move_to(cr, x(s.median), mid - 3.5);
        cairo_line_to(cr, x(s.median), mid + 3.5);
        cairo_stroke(cr);
      }
      if (b.subject) {
        set_colour(cr, style.colour("peer"));
        double sx = x(*b.subject);
        cairo_move_to(cr, sx, mid - 3.8);
        cairo_line_to(cr, sx + 3.8, mid);
        cairo_line_to(cr, sx, mid + 3.8);
        cairo_line_to(cr, sx - 3.8, mid);
        cairo_close_path(cr);
        cairo_fill(cr);
      }
      y += kRow;
    }
    for (int v = 0; v <= 100; v += 10) {
      set_colour(cr, style.colour("rule"));
      cairo_set_line_width(cr, 0.4);
      cairo_move_to(cr, x(v), y);
      cairo_line_to(cr, x(v), y + 3);
      cairo_stroke(cr);
      draw_text(cr, style, std::to_string(v), x(v) - 10, y + 3, 20, {6.5, false, false, style.colour("muted")});
    }
    y += 14;
    std::string key = "Box: middle half of sites (p25–p75); line: median; whiskers: lowest to highest";
    draw_text(cr, style, key + (has_subject_ ? "; diamond: the subject." : "."), left, y, axis, {7, false, false, style.colour("muted")});
    draw_legend(cr, style, bands_, x0, y + 13, width, false);
  }

 private:
  static constexpr double kLabel = 170, kRow = 12.5;
  std::vector<Box> boxes_;
  std::vector<LegendEntry> bands_;
  std::vector<double> lowers_;
  bool has_subject_;
};

// ---- trend ------------------------------------------------------------------------------------

class TrendDrawing : public PdfDrawing {
 public:
  struct Line {
    std::string label;
    std::vector<std::optional<double>> values;  // one per visit
  };

  TrendDrawing(std::vector<std::string> dates, std::vector<Line> lines, const Model* model)
      : dates_(std::move(dates)), lines_(std::move(lines)), bands_(band_legend_entries(model)) {
    if (model)
      for (const auto& b : model->bands) lowers_.push_back(b.lower);
  }

  std::vector<Part> parts(double, double) const override { return {{kHeight + 30, false}}; }

  void draw(size_t, cairo_t* cr, const ReportStyle& style, double x0, double top, double width, double) const override {
    constexpr double kLeft = 24, kKey = 120;
    double w = width - kLeft - kKey, left = x0 + kLeft;
    auto y = [&](double v) { return top + kHeight * (1 - v / 100); };
    size_t n = dates_.size();
    auto x = [&](size_t i) { return n == 1 ? left + w / 2 : left + 12 + (w - 24) * static_cast<double>(i) / static_cast<double>(n - 1); };
    for (size_t b = 0; b < bands_.size(); ++b) {
      double lo = lowers_[b], hi = b + 1 < bands_.size() ? lowers_[b + 1] : 100;
      set_colour(cr, bands_[b].colour, 0.15);
      cairo_rectangle(cr, left, y(hi), w, y(lo) - y(hi));
      cairo_fill(cr);
    }
    const std::string& muted = style.colour("muted");
    for (int v = 0; v <= 100; v += 20) draw_text(cr, style, std::to_string(v), x0, y(v) - 5, kLeft - 4, {6.5, false, true, muted});
    for (size_t i = 0; i < n; ++i) draw_text(cr, style, dates_[i], x(i) - 28, top + kHeight + 3, 56, {6.5, false, false, muted});
    const std::string colours[] = {style.colour("primary"), style.colour("accent"), "#B5472B", "#3C8D4F", style.colour("peer")};
    for (size_t l = 0; l < lines_.size(); ++l) {
      const std::string& colour = colours[l % 5];
      set_colour(cr, colour);
      cairo_set_line_width(cr, l == 0 ? 2.2 : 1.2);
      bool started = false;
      for (size_t i = 0; i < n; ++i) {
        const auto& v = lines_[l].values[i];
        if (!v) continue;
        if (started) cairo_line_to(cr, x(i), y(*v));
        else cairo_move_to(cr, x(i), y(*v));
        started = true;
      }
      cairo_stroke(cr);
      for (size_t i = 0; i < n; ++i)
        if (const auto& v = lines_[l].values[i]) {
          cairo_arc(cr, x(i), y(*v), l == 0 ? 2.6 : 2, 0, 2 * kPi);
          cairo_fill(cr);
        }
      set_colour(cr, colour);
      cairo_rectangle(cr, left + w + 12, top + 13 * static_cast<double>(l) + 2, 9, 6);
      cairo_fill(cr);
      draw_text(cr, style, lines_[l].label, left + w + 25, top + 13 * static_cast<double>(l), kKey - 26, {7, l == 0, false, ""});
    }
  }

 private:
  static constexpr double kHeight = 170;
  std::vector<std::string> dates_;
  std::vector<Line> lines_;
  std::vector<LegendEntry> bands_;
  std::vector<double> lowers_;
};

}  // namespace

std::vector<LegendEntry> band_legend_entries(const Model* model) {
  std::vector<LegendEntry> entries;
  if (!model) return entries;
  for (size_t i = 0; i < model->bands.size(); ++i) entries.push_back({model->bands[i].label, model->band_range(i), model->bands[i].colour});
  return entries;
}

std::shared_ptr<const PdfDrawing> heatmap_drawing(const Heatmap& heatmap, const Model* model) {
  if (heatmap.columns.empty()) return nullptr;
  return std::make_shared<HeatmapDrawing>(heatmap, model);
}

std::shared_ptr<const PdfDrawing> boxplot_drawing(const BenchmarkReport& r) {
  if (r.stats.overall.n == 0) return nullptr;
  auto subject_of = [&](std::vector<NamedScore> BenchmarkEntry::*member, std::string_view id) -> std::optional<double> {
    if (!r.subject) return std::nullopt;
    const NamedScore* s = r.subject->find((*r.subject).*member, id);
    return s ? s->score : std::nullopt;
  };
  std::vector<BoxPlotDrawing::Box> boxes{{"Overall", r.stats.overall, r.subject ? r.subject->overall : std::nullopt, true}};
  for (const auto& d : r.stats.layers) boxes.push_back({score_label(r, "layer", d.id), d.summary, subject_of(&BenchmarkEntry::layers, d.id), true});
  for (const auto& d : r.stats.groups) boxes.push_back({score_label(r, "group", d.id), d.summary, subject_of(&BenchmarkEntry::groups, d.id), false});
  return std::make_shared<BoxPlotDrawing>(std::move(boxes), r.model, r.subject.has_value());
}

std::shared_ptr<const PdfDrawing> trend_drawing(const BenchmarkReport& r) {
  if (r.trend.empty()) return nullptr;
  std::vector<std::string> dates;
  std::vector<TrendDrawing::Line> lines{{"Overall", {}}};
  for (size_t i : r.trend) {
    dates.push_back(r.entries[i].date);
    lines[0].values.push_back(r.entries[i].overall);
  }
  for (const auto& d : r.stats.layers) {
    lines.push_back({score_label(r, "layer", d.id), {}});
    for (size_t i : r.trend) {
      const NamedScore* s = r.entries[i].find(r.entries[i].layers, d.id);
      lines.back().values.push_back(s ? s->score : std::nullopt);
    }
  }
  return std::make_shared<TrendDrawing>(std::move(dates), std::move(lines), r.model);
}

}  // namespace cjb::render
