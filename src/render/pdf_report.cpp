#include "render/pdf_report.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <cairo-pdf.h>
#include <fmt/format.h>

#include "diagram/journey_layout.h"
#include "render/label_placement.h"
#include "render/pdf_file.h"
#include "render/pdf_handles.h"
#include "render/photo.h"

namespace cjb::render {

namespace {

using namespace pdf;

constexpr double kPi = 3.14159265358979323846;
constexpr double kSideMargin = 50;
constexpr double kTopMargin = 64;     // below the running header
constexpr double kBottomMargin = 60;  // above the running footer

struct Rgb {
  double r = 0, g = 0, b = 0;
};

Rgb rgb(const std::string& hex) {
  if (hex.size() != 7 || hex[0] != '#') return {};
  auto part = [&](int i) { return std::stoi(hex.substr(1 + 2 * i, 2), nullptr, 16) / 255.0; };
  return {part(0), part(1), part(2)};
}

struct TextStyle {
  double size = 9.5;
  bool bold = false;
  bool italic = false;
  std::string colour;  // "#RRGGBB"; empty: ink
  PangoAlignment align = PANGO_ALIGN_LEFT;
  bool heading_font = false;
};

class PdfWriter {
 public:
  // total_pages: the page count shown as "Page N of M"; 0 when not yet known (first pass).
  PdfWriter(const Document& doc, const PdfOptions& options, int total_pages = 0)
      : doc_(doc), options_(options), file_(options.paper, {doc.title, doc.author, options.timestamp}), total_pages_(total_pages) {
    width_ = file_.width();
    height_ = file_.height();
    pango_ = make_pango_context(cr());
  }

  std::string render() {
    cover();
    int number = 0;
    for (const auto& section : doc_.sections) {
      if (section.id == "cover") continue;
      ++number;
      start_section(section, number);
      for (size_t i = 0; i < section.blocks.size(); ++i) {
        keep_ = keep_with(section.blocks, i);
        draw_block(section.blocks[i]);
      }
      keep_ = 0;
    }
    if (page_open_) {
      footer();
      file_.show_page();
    }
    return file_.finish();
  }

  cairo_t* cr() { return file_.context(); }

  // Pages drawn by render().
  int pages() const { return page_; }

 private:
  // ---- text -------------------------------------------------------------------------------

  PangoFontDescription* font(double size, bool bold, bool italic, bool heading) {
    std::string key = fmt::format("{}/{}/{}/{}", size, bold, italic, heading);
    auto it = fonts_.find(key);
    if (it == fonts_.end())
      it = fonts_.emplace(key, make_font(heading ? doc_.style.heading_font : doc_.style.body_font, size, bold, italic)).first;
    return it->second.get();
  }

  // A layout of plain text (never markup), wrapped at width (no wrapping when width <= 0).
  LayoutPtr text_layout(const std::string& text, const TextStyle& style, double width, int max_lines = 60) {
    LayoutPtr layout = make_layout(pango_.get());
    pango_layout_set_font_description(layout.get(), font(style.size, style.bold, style.italic, style.heading_font));
    std::string shown = laid_out_text(text);
    pango_layout_set_text(layout.get(), shown.c_str(), -1);
    if (width > 0) {
      pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
      pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
      pango_layout_set_alignment(layout.get(), style.align);
      // A cell can never grow taller than a page: past max_lines the text ends in "…".
      pango_layout_set_height(layout.get(), -max_lines);
      pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
    }
    return layout;
  }

  static double height_of(PangoLayout* layout) {
    int w = 0, h = 0;
    pango_layout_get_size(layout, &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
  }
  static double width_of(PangoLayout* layout) {
    int w = 0, h = 0;
    pango_layout_get_size(layout, &w, &h);
    return static_cast<double>(w) / PANGO_SCALE;
  }

  void colour(const std::string& hex, double alpha = 1) {
    Rgb c = rgb(hex);
    cairo_set_source_rgba(cr(), c.r, c.g, c.b, alpha);
  }

  void show(PangoLayout* layout, double x, double y, const std::string& hex) {
    colour(hex.empty() ? ink() : hex);
    cairo_move_to(cr(), x, y);
    pango_cairo_show_layout(cr(), layout);
    cairo_new_path(cr());  // no current point left behind for the next shape to join
  }

  // Draws text at (x, y) wrapped at width; returns its height.
  double text(const std::string& s, const TextStyle& style, double x, double y, double width) {
    LayoutPtr layout = text_layout(s, style, width);
    show(layout.get(), x, y, style.colour);
    return height_of(layout.get());
  }

  const std::string& ink() const { return doc_.style.colour("ink"); }
  const std::string& muted() const { return doc_.style.colour("muted"); }
  const std::string& primary() const { return doc_.style.colour("primary"); }
  double body() const { return doc_.style.body_size; }
  double content_width() const { return width_ - 2 * kSideMargin; }
  double bottom() const { return height_ - kBottomMargin; }

  void rect(double x, double y, double w, double h, const std::string& fill, double alpha = 1) {
    colour(fill, alpha);
    cairo_rectangle(cr(), x, y, w, h);
    cairo_fill(cr());
  }

  void rounded(double x, double y, double w, double h, double r) {
    cairo_t* cr = file_.context();
    r = std::min({r, w / 2, h / 2});
    cairo_new_sub_path(cr);
    cairo_arc(cr, x + w - r, y + r, r, -kPi / 2, 0);
    cairo_arc(cr, x + w - r, y + h - r, r, 0, kPi / 2);
    cairo_arc(cr, x + r, y + h - r, r, kPi / 2, kPi);
    cairo_arc(cr, x + r, y + r, r, kPi, 3 * kPi / 2);
    cairo_close_path(cr);
  }

  void rule(double x1, double x2, double y, const std::string& hex, double width = 0.5) {
    colour(hex);
    cairo_set_line_width(cr(), width);
    cairo_move_to(cr(), x1, y);
    cairo_line_to(cr(), x2, y);
    cairo_stroke(cr());
  }

  // ---- pages ------------------------------------------------------------------------------

  void new_page() {
    if (page_open_) {
      footer();
      file_.show_page();
    }
    ++page_;
    page_open_ = true;
    y_ = kTopMargin;
    header();
  }

  // Starts a new page unless height fits below the cursor.
  void ensure(double height) {
    if (y_ + height > bottom()) new_page();
  }

  void header() {
    TextStyle logo{7.5, true, false, primary()};
    LayoutPtr left = text_layout(doc_.logo_text.empty() ? doc_.consultancy : doc_.logo_text, logo, 0);
    show(left.get(), kSideMargin, 30, logo.colour);
    TextStyle right{7.5, false, false, muted(), PANGO_ALIGN_RIGHT};
    LayoutPtr r = text_layout(doc_.header_text, right, content_width() * 0.7, 1);
    show(r.get(), width_ - kSideMargin - content_width() * 0.7, 30, muted());
    rule(kSideMargin, width_ - kSideMargin, 44, doc_.style.colour("rule"));
  }

  void footer() {
    if (page_ == 1) return;  // the cover has none
    double y = height_ - 40;
    rule(kSideMargin, width_ - kSideMargin, y - 6, doc_.style.colour("rule"));
    TextStyle small{7.5, false, false, muted()};
    LayoutPtr left = text_layout(doc_.footer_text, small, content_width() * 0.75, 1);
    show(left.get(), kSideMargin, y, muted());
    TextStyle number{7.5, true, false, muted(), PANGO_ALIGN_RIGHT};
    std::string label = total_pages_ > 0 ? fmt::format("Page {} of {}", page_, total_pages_) : fmt::format("Page {}", page_);
    LayoutPtr right = text_layout(label, number, 100, 1);
    show(right.get(), width_ - kSideMargin - 100, y, muted());
  }

  void cover() {
    ++page_;
    page_open_ = true;
    const Cover& c = doc_.cover;
    const std::string& cover_ink = doc_.style.colour("cover_ink");
    double band = height_ * 0.42;
    rect(0, 0, width_, band, doc_.style.colour("cover_fill"));
    rect(0, band, width_, 5, doc_.style.colour("accent"));
    double w = content_width();
    text(doc_.logo_text.empty() ? doc_.consultancy : doc_.logo_text, {13, true, false, cover_ink}, kSideMargin, 46, w / 2);
    if (!doc_.tagline.empty())
      text(doc_.tagline, {8.5, false, false, cover_ink, PANGO_ALIGN_RIGHT}, kSideMargin + w / 2, 49, w / 2);
    double y = band * 0.40;
    y += text(c.kicker, {13, false, false, cover_ink}, kSideMargin, y, w) + 10;
    y += text(c.title, {30, true, false, cover_ink, PANGO_ALIGN_LEFT, true}, kSideMargin, y, w) + 4;
    if (!c.subtitle.empty()) text(c.subtitle, {17, false, false, cover_ink}, kSideMargin, y, w);

    // The overall score in its band colour, with the facts beside it.
    double top = band + 44;
    double box_w = 170, box_h = 150;
    colour(c.band_colour);
    rounded(kSideMargin, top, box_w, box_h, 8);
    cairo_fill(cr());
    double by = top + 14;
    by += text("Overall score", {9.5, false, false, c.band_ink, PANGO_ALIGN_CENTER}, kSideMargin, by, box_w) + 2;
    by += text(c.score, {40, true, false, c.band_ink, PANGO_ALIGN_CENTER}, kSideMargin, by, box_w) + 2;
    by += text(c.band, {13, true, false, c.band_ink, PANGO_ALIGN_CENTER}, kSideMargin, by, box_w) + 6;
    text(c.target_line, {8, false, false, c.band_ink, PANGO_ALIGN_CENTER}, kSideMargin + 8, by, box_w - 16);

    double fx = kSideMargin + box_w + 30, fw = width_ - kSideMargin - fx;
    double fy = top + 2;
    for (const auto& fact : c.facts) {
      double h1 = text(fact.label, {8.5, false, false, muted()}, fx, fy, 80);
      double h2 = text(fact.value, {10, false, false, ink()}, fx + 82, fy - 0.8, fw - 82);
      fy += std::max(h1, h2) + 5;
      if (fy > top + box_h + 60) break;
    }

    // Contents: the sections that follow.
    double ty = std::max(top + box_h, fy) + 36;
    text("Contents", {11, true, false, primary()}, kSideMargin, ty, w);
    ty += 20;
    int number = 0;
    for (const auto& s : doc_.sections) {
      if (s.id == "cover") continue;
      ++number;
      double h = text(fmt::format("{}", number), {9.5, true, false, doc_.style.colour("accent")}, kSideMargin, ty, 20);
      text(s.title, {9.5, false, false, ink()}, kSideMargin + 22, ty, w - 22);
      ty += h + 4;
    }

    double fy2 = height_ - 92;
    rule(kSideMargin, width_ - kSideMargin, fy2, doc_.style.colour("rule"));
    if (!doc_.author.empty()) text(doc_.author, {10, true, false, primary()}, kSideMargin, fy2 + 10, w);
    text(c.note, {8, false, false, muted()}, kSideMargin, fy2 + 27, w);
    file_.add_outline(doc_.cover.kicker, "page=1");
  }

  // A section starts a new page, unless the page it would leave is less than half full: then it
  // follows on that page, after a gap, when its title and what must stay with the title fit
  // there. So the short tail of a section is never a page alone (docs/reports.md, PDF).
  static constexpr double kFollowBelow = 0.5;  // share of the content area used
  static constexpr double kSectionGap = 26;

  double section_title_height(const Section& section) {
    double w = content_width();
    LayoutPtr label = text_layout("00", {8, true, false, ink()}, w);
    LayoutPtr title = text_layout(section.title, {19, true, false, primary(), PANGO_ALIGN_LEFT, true}, w);
    return height_of(label.get()) + 2 + height_of(title.get()) + 6 + 14;
  }

  // The least of a block that may stand under a section's title: first_chunk_height, with the
  // charts measured as they are drawn (each draws whole).
  double least_height(const Block& block) {
    if (std::holds_alternative<RadarChart>(block)) return 2 * radar_radius() + 100;
    if (auto* m = std::get_if<JourneyMap>(&block)) {
      if (options_.journey) return journey_diagram_height(*options_.journey);
      return 20 + m->touchpoints.size() * 24.0 + 10;
    }
    if (auto* k = std::get_if<KeyFigures>(&block)) return k->figures.empty() ? 0 : 64;
    if (auto* c = std::get_if<BarChart>(&block)) return 26 + std::min<size_t>(c->bars.size(), 5) * 15.0 + 40;
    if (auto* f = std::get_if<DrawnFigure>(&block); f && f->pdf) {
      auto parts = f->pdf->parts(content_width(), bottom() - kTopMargin);
      return parts.empty() ? 0 : parts.front().height;
    }
    return first_chunk_height(block);
  }

  bool follows_on(const Section& section) {
    if (page_ <= 1 || !page_open_) return false;  // the cover stands alone
    if ((y_ - kTopMargin) / (bottom() - kTopMargin) >= kFollowBelow) return false;
    double keep = 0;
    if (!section.blocks.empty()) {
      const Block& first = section.blocks.front();
      keep = std::get_if<Heading>(&first) ? block_height(first) + keep_with(section.blocks, 0) : least_height(first);
      // An introduction goes with the block it introduces.
      if (std::get_if<Paragraph>(&first) && section.blocks.size() > 1) keep = block_height(first) + least_height(section.blocks[1]);
    }
    return y_ + kSectionGap + section_title_height(section) + keep <= bottom();
  }

  void start_section(const Section& section, int number) {
    if (follows_on(section)) y_ += kSectionGap;
    else new_page();
    std::string dest = fmt::format("page={} pos=[{} {}]", page_, kSideMargin, y_);
    file_.add_outline(section.title, dest);
    double w = content_width();
    TextStyle label{8, true, false, doc_.style.colour("accent")};
    y_ += text(fmt::format("{:02}", number), label, kSideMargin, y_, w) + 2;
    y_ += text(section.title, {19, true, false, primary(), PANGO_ALIGN_LEFT, true}, kSideMargin, y_, w) + 6;
    rule(kSideMargin, kSideMargin + 40, y_, doc_.style.colour("accent"), 2);
    y_ += 14;
  }

  // ---- blocks -----------------------------------------------------------------------------

  void draw_block(const Block& block) {
    if (auto* h = std::get_if<Heading>(&block)) heading(*h);
    else if (auto* p = std::get_if<Paragraph>(&block)) paragraph(*p);
    else if (auto* b = std::get_if<BulletList>(&block)) bullets(*b);
    else if (auto* t = std::get_if<Table>(&block)) table(*t);
    else if (auto* k = std::get_if<KeyFigures>(&block)) key_figures(*k);
    else if (auto* r = std::get_if<RadarChart>(&block)) radar(*r);
    else if (auto* c = std::get_if<BarChart>(&block)) bars(*c);
    else if (auto* m = std::get_if<JourneyMap>(&block)) {
      if (options_.journey) journey_diagram(*options_.journey);
      else journey(*m);
    }
    else if (auto* l = std::get_if<BandLegend>(&block)) legend(l->entries);
    else if (auto* f = std::get_if<DrawnFigure>(&block)) figure(*f);
  }

  // ---- keeping things together --------------------------------------------------------------
  // Measured without drawing: what must stay on the page with the block at i (keep_).

  static constexpr double kUnknownHeight = 1e9;
  // A run under a heading this tall or less moves whole rather than split.
  double keep_whole_limit() const { return (bottom() - kTopMargin) / 3; }

  // The height of a block as drawn, for the blocks that keeping needs; kUnknownHeight else.
  double block_height(const Block& block) {
    if (auto* h = std::get_if<Heading>(&block)) {
      LayoutPtr l = text_layout(h->text, heading_style(*h), content_width());
      return height_of(l.get()) + (h->level <= 2 ? 18 : 12);
    }
    if (auto* p = std::get_if<Paragraph>(&block)) {
      LayoutPtr l = text_layout(p->text, {p->muted ? body() - 1 : body(), false, p->muted, ink()}, content_width());
      pango_layout_set_spacing(l.get(), static_cast<int>(1.5 * PANGO_SCALE));
      return height_of(l.get()) + 8;
    }
    if (auto* b = std::get_if<BulletList>(&block)) {
      double total = 4;
      for (const auto& item : b->items) total += bullet_height(item) + 4;
      return total;
    }
    if (auto* t = std::get_if<Table>(&block)) {
      if (t->rows.size() > 12) return kUnknownHeight;
      auto widths = column_widths(*t);
      double total = 10 + measure_row(header_cells(*t), widths, t->align, header_size(t->header, widths, table_size() - 0.3), true).height;
      for (size_t r = 0; r < t->rows.size(); ++r) total += measure_row(t->rows[r], widths, t->align, table_size(), is_emphasised(*t, r)).height;
      return total;
    }
    if (std::get_if<BandLegend>(&block)) return 16;
    return kUnknownHeight;
  }

  // The least of a block that may start a page: a table's header and first row, a list's first
  // two items, a paragraph's first three lines; the whole of anything else.
  double first_chunk_height(const Block& block) {
    if (auto* t = std::get_if<Table>(&block); t && !t->rows.empty()) {
      auto widths = column_widths(*t);
      return measure_row(header_cells(*t), widths, t->align, header_size(t->header, widths, table_size() - 0.3), true).height +
             measure_row(t->rows[0], widths, t->align, table_size(), is_emphasised(*t, 0)).height;
    }
    if (auto* b = std::get_if<BulletList>(&block); b && b->items.size() > 2)
      return bullet_height(b->items[0]) + bullet_height(b->items[1]) + 8;
    if (std::holds_alternative<Paragraph>(block)) return std::min(block_height(block), 3 * 1.5 * body() + 8);
    double h = block_height(block);
    return h == kUnknownHeight ? 200 : h;
  }

  // What must fit with block i on its page: for a heading, the run of blocks up to the next
  // heading when that run is short (it moves whole), else the first chunk of the next block;
  // for a table or list, a muted note right after it (a note never starts a page alone).
  double keep_with(const std::vector<Block>& blocks, size_t i) {
    if (i + 1 >= blocks.size()) return 0;
    if (std::get_if<Heading>(&blocks[i])) {
      // A heading right under a heading (a layer, then its first group) keeps both with what
      // follows the second.
      if (std::get_if<Heading>(&blocks[i + 1])) return block_height(blocks[i + 1]) + keep_with(blocks, i + 1);
      double run = 0;
      for (size_t j = i + 1; j < blocks.size() && !std::get_if<Heading>(&blocks[j]); ++j) {
        double h = block_height(blocks[j]);
        if (h == kUnknownHeight || (run += h) > keep_whole_limit()) return first_chunk_height(blocks[i + 1]);
      }
      return run;
    }
    if (std::get_if<Table>(&blocks[i]) || std::get_if<BulletList>(&blocks[i]))
      if (auto* p = std::get_if<Paragraph>(&blocks[i + 1]); p && p->muted) return block_height(blocks[i + 1]);
    return 0;
  }

  TextStyle heading_style(const Heading& h) const {
    return h.level <= 2 ? TextStyle{12.5, true, false, primary(), PANGO_ALIGN_LEFT, true}
                        : TextStyle{10.5, true, false, ink(), PANGO_ALIGN_LEFT, true};
  }

  double bullet_height(const std::string& item) {
    LayoutPtr layout = text_layout(item, {body(), false, false, ink()}, content_width() - 14);
    return height_of(layout.get());
  }

  void heading(const Heading& h) {
    TextStyle style = heading_style(h);
    LayoutPtr layout = text_layout(h.text, style, content_width());
    double height = height_of(layout.get());
    double before = h.level <= 2 ? 12 : 8;
    // Keep a heading with what follows it (keep_with).
    if (y_ + before + height + (h.level <= 2 ? 6 : 4) + keep_ > bottom()) new_page();
    else if (y_ > kTopMargin + 1) y_ += before;
    show(layout.get(), kSideMargin, y_, style.colour);
    y_ += height + (h.level <= 2 ? 6 : 4);
  }

  void paragraph(const Paragraph& p) {
    TextStyle style{p.muted ? body() - 1 : body(), false, p.muted, p.muted ? muted() : ink()};
    LayoutPtr layout = text_layout(p.text, style, content_width());
    pango_layout_set_spacing(layout.get(), static_cast<int>(1.5 * PANGO_SCALE));
    double height = height_of(layout.get());
    ensure(height);
    show(layout.get(), kSideMargin, y_, style.colour);
    y_ += height + 8;
  }

  void bullets(const BulletList& list) {
    for (size_t i = 0; i < list.items.size(); ++i) {
      const std::string& item = list.items[i];
      LayoutPtr layout = text_layout(item, {body(), false, false, ink()}, content_width() - 14);
      double height = height_of(layout.get());
      // The last item never goes to a page alone: it takes the one before with it, and the
      // note after the list (keep_) stays with the last item.
      bool last = i + 1 == list.items.size();
      double with = last ? keep_ : 0;
      if (i + 2 == list.items.size() && i > 0) {
        double next = bullet_height(list.items[i + 1]);
        if (y_ + height + 4 <= bottom() && y_ + height + 4 + next + keep_ > bottom()) with = next + 4 + keep_;
      }
      ensure(height + with);
      colour(doc_.style.colour("accent"));
      double baseline = static_cast<double>(pango_layout_get_baseline(layout.get())) / PANGO_SCALE;
      cairo_arc(cr(), kSideMargin + 4, y_ + baseline - body() * 0.32, 1.8, 0, 2 * kPi);
      cairo_fill(cr());
      show(layout.get(), kSideMargin + 14, y_, ink());
      y_ += height + 4;
    }
    y_ += 4;
  }

  // A photo drawn under a cell's text (docs/formats.md, assessments): upright, scaled to fit,
  // framed, with its caption (or file name) under it, so a reader knows what it shows.
  struct Thumbnail {
    std::shared_ptr<cairo_surface_t> surface;
    double width = 0, height = 0;  // points
    LayoutPtr caption;
  };

  struct MeasuredRow {
    std::vector<LayoutPtr> cells;
    std::vector<std::vector<Thumbnail>> photos;  // per cell
    std::vector<double> text_heights;            // per cell: 0 when it has photos and no text
    double height = 0;
  };

  static constexpr double kThumbHeight = 66;  // at most, in points
  static constexpr double kThumbGap = 4;
  static constexpr double kCaptionGap = 2;
  static constexpr size_t kThumbsPerCell = 3;  // so that a row never outgrows a page

  // The cell's photos that load, each at most kThumbHeight high and width wide; a photo that
  // does not load is left out (PhotoCache warns).
  std::vector<Thumbnail> thumbnails(const Cell& cell, double width) {
    std::vector<Thumbnail> out;
    if (!options_.photos) return out;
    for (const auto& ref : cell.photos) {
      if (out.size() == kThumbsPerCell) break;
      const EncodedPhoto* photo = options_.photos->get(ref);
      if (!photo || photo->width <= 0 || photo->height <= 0) continue;
      auto found = surfaces_.find(ref.path);
      if (found == surfaces_.end()) found = surfaces_.emplace(ref.path, photo_surface(*photo)).first;
      double scale = std::min(kThumbHeight / photo->height, width / photo->width);
      LayoutPtr caption = text_layout(ref.caption.empty() ? ref.file : ref.caption, {6.5, false, true, muted()}, width, 3);
      out.push_back({found->second, photo->width * scale, photo->height * scale, std::move(caption)});
    }
    return out;
  }

  double thumbnails_height(const std::vector<Thumbnail>& thumbs) const {
    double h = 0;
    for (const auto& t : thumbs) h += kThumbGap + t.height + kCaptionGap + height_of(t.caption.get());
    return h;
  }

  // Stacked from y down, each with a hairline frame and its caption.
  void draw_thumbnails(const std::vector<Thumbnail>& thumbs, double x, double y) {
    for (size_t i = 0; i < thumbs.size(); ++i) {
      const Thumbnail& t = thumbs[i];
      y += kThumbGap;
      cairo_t* cr = file_.context();
      cairo_save(cr);
      cairo_translate(cr, x, y);
      cairo_scale(cr, t.width / cairo_image_surface_get_width(t.surface.get()), t.height / cairo_image_surface_get_height(t.surface.get()));
      cairo_set_source_surface(cr, t.surface.get(), 0, 0);
      cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
      cairo_paint(cr);
      cairo_restore(cr);
      colour(doc_.style.colour("rule"));
      cairo_set_line_width(cr, 0.5);
      cairo_rectangle(cr, x, y, t.width, t.height);
      cairo_stroke(cr);
      y += t.height + kCaptionGap;
      show(t.caption.get(), x, y, muted());
      y += height_of(t.caption.get());
    }
  }

  static constexpr double kCellPadX = 4;
  static constexpr double kCellPadY = 3.5;
  static constexpr double kIndent = 10;

  MeasuredRow measure_row(const std::vector<Cell>& cells, const std::vector<double>& widths, const std::vector<Align>& align,
                          double size, bool bold_row) {
    MeasuredRow row;
    for (size_t i = 0; i < widths.size(); ++i) {
      Cell empty;
      const Cell& cell = i < cells.size() ? cells[i] : empty;
      Align a = i < align.size() ? align[i] : Align::Left;
      TextStyle style{size, bold_row || cell.bold, false, cell.ink,
                      a == Align::Right ? PANGO_ALIGN_RIGHT : a == Align::Centre ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT};
      double width = widths[i] - 2 * kCellPadX - cell.indent * kIndent - (cell.fill.empty() ? 0 : 4);
      if (cell.detail.empty()) {
        row.cells.push_back(text_layout(cell.text, style, std::max(width, 8.0), 30));
      } else {
        // The detail as a second paragraph of the same layout, smaller and muted: attributes
        // on byte ranges, never markup, so user text stays text.
        std::string whole = cell.text + "\n" + cell.detail;
        LayoutPtr layout = text_layout(whole, style, std::max(width, 8.0), 30);
        PangoAttrList* attributes = pango_attr_list_new();
        Rgb muted_rgb = rgb(muted());
        auto range = [&](PangoAttribute* a) {
          a->start_index = static_cast<guint>(cell.text.size() + 1);
          a->end_index = static_cast<guint>(whole.size());
          pango_attr_list_insert(attributes, a);
        };
        range(pango_attr_foreground_new(static_cast<guint16>(muted_rgb.r * 65535), static_cast<guint16>(muted_rgb.g * 65535),
                                        static_cast<guint16>(muted_rgb.b * 65535)));
        range(pango_attr_size_new_absolute(static_cast<int>((size - 1) * PANGO_SCALE)));
        range(pango_attr_weight_new(PANGO_WEIGHT_NORMAL));
        pango_layout_set_attributes(layout.get(), attributes);
        pango_attr_list_unref(attributes);
        row.cells.push_back(std::move(layout));
      }
      row.photos.push_back(thumbnails(cell, std::max(width, 8.0)));
      // A cell of photos alone starts them at its top, level with the other cells' first line.
      bool photos_only = cell.text.empty() && cell.detail.empty() && !row.photos.back().empty();
      row.text_heights.push_back(photos_only ? -kThumbGap : height_of(row.cells.back().get()));
      row.height = std::max(row.height, row.text_heights.back() + thumbnails_height(row.photos.back()) + 2 * kCellPadY);
    }
    return row;
  }

  void draw_row(const MeasuredRow& row, const std::vector<Cell>& cells, const std::vector<double>& widths, bool emphasised) {
    double x = kSideMargin;
    if (emphasised) rect(kSideMargin, y_, content_width(), row.height, doc_.style.colour("stripe"));
    for (size_t i = 0; i < widths.size(); ++i) {
      const Cell* cell = i < cells.size() ? &cells[i] : nullptr;
      double indent = cell ? cell->indent * kIndent : 0;
      if (cell && !cell->fill.empty()) {
        colour(cell->fill);
        rounded(x + 2, y_ + 2, widths[i] - 4, height_of(row.cells[i].get()) + 2 * kCellPadY - 4, 3);
        cairo_fill(cr());
        indent += 2;
      }
      std::string ink_colour = cell && !cell->ink.empty() ? cell->ink : ink();
      show(row.cells[i].get(), x + kCellPadX + indent, y_ + kCellPadY, ink_colour);
      if (i < row.photos.size()) draw_thumbnails(row.photos[i], x + kCellPadX + indent, y_ + kCellPadY + row.text_heights[i]);
      x += widths[i];
    }
    y_ += row.height;
  }

  // The header's font size: smaller than `size` where needed so that every word of every
  // header fits its column whole — a header is never hyphenated ("Chann-el").
  double header_size(const std::vector<std::string>& header, const std::vector<double>& widths, double size) {
    constexpr double kSmallest = 6;
    auto fits = [&](double candidate) {
      for (size_t i = 0; i < header.size() && i < widths.size(); ++i) {
        size_t start = 0;
        while (start < header[i].size()) {
          size_t end = header[i].find(' ', start);
          if (end == std::string::npos) end = header[i].size();
          LayoutPtr word = text_layout(header[i].substr(start, end - start), {candidate, true, false, ink()}, 0);
          if (width_of(word.get()) > widths[i] - 2 * kCellPadX) return false;
          start = end + 1;
        }
      }
      return true;
    };
    while (size > kSmallest && !fits(size)) size -= 0.25;
    return size;
  }

  std::vector<double> column_widths(const Table& t) const {
    double total = 0;
    for (size_t i = 0; i < t.header.size(); ++i) total += i < t.widths.size() ? t.widths[i] : 1;
    std::vector<double> widths;
    for (size_t i = 0; i < t.header.size(); ++i) widths.push_back((i < t.widths.size() ? t.widths[i] : 1) / total * content_width());
    return widths;
  }
  double table_size() const { return body() - 1.2; }
  static bool is_emphasised(const Table& t, size_t r) { return r < t.emphasised.size() && t.emphasised[r]; }
  std::vector<Cell> header_cells(const Table& t) const {
    std::vector<Cell> cells;
    for (const auto& h : t.header) cells.push_back(Cell{h, "", doc_.style.colour("header_ink"), true, 0, ""});
    return cells;
  }

  void table(const Table& t) {
    size_t columns = t.header.size();
    if (columns == 0) return;
    std::vector<double> widths = column_widths(t);
    double size = table_size();
    std::vector<Cell> head_cells = header_cells(t);
    MeasuredRow header = measure_row(head_cells, widths, t.align, header_size(t.header, widths, size - 0.3), true);
    auto draw_header = [&] {
      rect(kSideMargin, y_, content_width(), header.height, doc_.style.colour("header_fill"));
      draw_row(header, head_cells, widths, false);
    };
    bool header_drawn = false;
    for (size_t r = 0; r < t.rows.size(); ++r) {
      bool emphasised = is_emphasised(t, r);
      MeasuredRow row = measure_row(t.rows[r], widths, t.align, size, emphasised);
      // The last row takes the note after the table (keep_) with it, so a note never stands alone.
      double with = r + 1 == t.rows.size() && r > 0 ? keep_ + 10 : 0;
      if (!header_drawn || y_ + row.height + with > bottom()) {
        // The header row starts the table and every page it continues on.
        if (y_ + header.height + row.height + with > bottom()) new_page();
        draw_header();
        header_drawn = true;
      }
      draw_row(row, t.rows[r], widths, emphasised);
      rule(kSideMargin, kSideMargin + content_width(), y_, doc_.style.colour("rule"), 0.4);
    }
    if (!header_drawn) {
      ensure(header.height);
      draw_header();
    }
    y_ += 10;
  }

  void key_figures(const KeyFigures& k) {
    size_t per_row = k.figures.size() <= 4 ? std::max<size_t>(k.figures.size(), 1) : 3;
    double gap = 10;
    double w = (content_width() - gap * (per_row - 1)) / per_row;
    double h = 64;
    for (size_t i = 0; i < k.figures.size(); ++i) {
      if (i % per_row == 0) {
        if (i) y_ += h + gap;
        ensure(h);
      }
      const KeyFigure& f = k.figures[i];
      double x = kSideMargin + (i % per_row) * (w + gap);
      rect(x, y_, w, h, doc_.style.colour("stripe"));
      rect(x, y_, 4, h, f.colour.empty() ? doc_.style.colour("rule") : f.colour);
      text(f.label, {7.5, true, false, muted()}, x + 12, y_ + 8, w - 18);
      text(f.value, {20, true, false, ink()}, x + 12, y_ + 19, w - 18);
      LayoutPtr detail = text_layout(f.detail, {7.5, false, false, muted()}, w - 18, 1);
      show(detail.get(), x + 12, y_ + 47, muted());
    }
    y_ += h + 14;
  }

  void legend(const std::vector<LegendEntry>& entries) {
    double x = kSideMargin;
    ensure(16);
    for (const auto& e : entries) {
      LayoutPtr layout = text_layout(fmt::format("{} {}", e.label, e.range), {7.5, false, false, muted()}, 0);
      double w = width_of(layout.get());
      if (x + 14 + w > kSideMargin + content_width()) {
        x = kSideMargin;
        y_ += 14;
      }
      colour(e.colour);
      rounded(x, y_ + 1.5, 10, 8, 2);
      cairo_fill(cr());
      show(layout.get(), x + 14, y_, muted());
      x += 14 + w + 14;
    }
    y_ += 20;
  }

  // Polar point of value v (0–100) on axis i of n around (cx, cy) with radius r.
  static std::pair<double, double> polar(double cx, double cy, double r, size_t i, size_t n, double v) {
    double angle = -kPi / 2 + 2 * kPi * static_cast<double>(i) / static_cast<double>(n);
    return {cx + std::cos(angle) * r * v / 100, cy + std::sin(angle) * r * v / 100};
  }

  // Axis labels outside the circle, aligned away from it, then moved apart (or cut to one
  // line) where two would overlap: render/label_placement.h.
  void radar_labels(const std::vector<std::string>& axes, double cx, double cy, double radius, double label_w) {
    size_t n = axes.size();
    std::vector<LayoutPtr> layouts;
    std::vector<LabelBox> boxes;
    auto lay_out = [&](size_t i, int lines) {
      double angle = -kPi / 2 + 2 * kPi * static_cast<double>(i) / static_cast<double>(n);
      double c = std::cos(angle), s = std::sin(angle);
      auto [ax, ay] = polar(cx, cy, radius + 8, i, n, 100);
      PangoAlignment align = c > 0.25 ? PANGO_ALIGN_LEFT : c < -0.25 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_CENTER;
      LayoutPtr l = text_layout(axes[i], {6.8, false, false, ink(), align}, label_w, lines);
      PangoRectangle ink_rect, logical;
      pango_layout_get_pixel_extents(l.get(), &ink_rect, &logical);
      double lw = label_w, lh = height_of(l.get());
      double lx = align == PANGO_ALIGN_LEFT ? ax : align == PANGO_ALIGN_RIGHT ? ax - lw : ax - lw / 2;
      double ly = s < -0.3 ? ay - lh : s > 0.3 ? ay : ay - lh / 2;
      // The box is where the text is, not the whole wrapping width.
      LabelBox box{lx + logical.x, ly, static_cast<double>(logical.width), lh, s < 0 ? -1.0 : 1.0};
      return std::make_pair(std::move(l), box);
    };
    for (size_t i = 0; i < n; ++i) {
      auto [l, box] = lay_out(i, 3);
      layouts.push_back(std::move(l));
      boxes.push_back(box);
    }
    for (size_t i : place_labels(boxes)) {
      auto [l, box] = lay_out(i, 1);  // shortened to one line with "…"
      layouts[i] = std::move(l);
      boxes[i] = box;
    }
    // A shortened label that still collides moves further along its side of the chart.
    for (double reach = 40; !place_labels(boxes, 2, reach).empty() && reach < 400; reach += 40) {
    }
    for (size_t i = 0; i < n; ++i) {
      PangoRectangle ink_rect, logical;
      pango_layout_get_pixel_extents(layouts[i].get(), &ink_rect, &logical);
      show(layouts[i].get(), boxes[i].x - logical.x, boxes[i].y, ink());
    }
  }

  static constexpr double kRadarLabelWidth = 92;
  double radar_radius() const { return std::min((content_width() - 2 * kRadarLabelWidth - 20) / 2, 150.0); }

  void radar(const RadarChart& chart) {
    size_t n = chart.axes.size();
    if (n < 3) return;
    double label_w = kRadarLabelWidth;
    double radius = radar_radius();
    double height = 2 * radius + 70 + 30;
    ensure(height);
    cairo_t* cr = file_.context();
    double cx = kSideMargin + content_width() / 2, cy = y_ + radius + 34;
    const std::string& grid = doc_.style.colour("rule");
    cairo_set_line_width(cr, 0.5);
    for (int ring = 20; ring <= 100; ring += 20) {
      colour(grid);
      for (size_t i = 0; i <= n; ++i) {
        auto [x, y] = polar(cx, cy, radius, i % n, n, ring);
        if (i == 0) cairo_move_to(cr, x, y);
        else cairo_line_to(cr, x, y);
      }
      cairo_stroke(cr);
      auto [lx, ly] = polar(cx, cy, radius, 0, n, ring);
      LayoutPtr l = text_layout(std::to_string(ring), {6, false, false, muted()}, 0);
      show(l.get(), lx + 2, ly - 8, muted());
    }
    for (size_t i = 0; i < n; ++i) {
      colour(grid);
      auto [x, y] = polar(cx, cy, radius, i, n, 100);
      cairo_move_to(cr, cx, cy);
      cairo_line_to(cr, x, y);
      cairo_stroke(cr);
    }
    radar_labels(chart.axes, cx, cy, radius, label_w);
    for (const auto& series : chart.series) {
      bool started = false;
      for (size_t i = 0; i < n && i < series.values.size(); ++i) {
        if (!series.values[i]) continue;
        auto [x, y] = polar(cx, cy, radius, i, n, std::clamp(*series.values[i], 0.0, 100.0));
        if (!started) cairo_move_to(cr, x, y);
        else cairo_line_to(cr, x, y);
        started = true;
      }
      if (!started) continue;
      cairo_close_path(cr);
      if (series.filled) {
        colour(series.colour, 0.18);
        cairo_fill_preserve(cr);
      }
      colour(series.colour);
      cairo_set_line_width(cr, series.filled ? 1.6 : 1.2);
      if (series.dashed) {
        double dash[] = {4, 3};
        cairo_set_dash(cr, dash, 2, 0);
      }
      cairo_stroke(cr);
      cairo_set_dash(cr, nullptr, 0, 0);
      if (series.filled)
        for (size_t i = 0; i < n && i < series.values.size(); ++i) {
          if (!series.values[i]) continue;
          auto [x, y] = polar(cx, cy, radius, i, n, std::clamp(*series.values[i], 0.0, 100.0));
          cairo_arc(cr, x, y, 2, 0, 2 * kPi);
          cairo_fill(cr);
        }
    }
    y_ = cy + radius + 40;
    series_legend(chart.series);
    y_ += text(chart.caption, {body() - 1, false, true, muted(), PANGO_ALIGN_CENTER}, kSideMargin, y_, content_width()) + 14;
  }

  void series_legend(const std::vector<ChartSeries>& series) {
    double total = 0;
    std::vector<LayoutPtr> labels;
    for (const auto& s : series) {
      labels.push_back(text_layout(s.label, {7.5, false, false, ink()}, 0));
      total += 22 + width_of(labels.back().get()) + 16;
    }
    double x = kSideMargin + (content_width() - total) / 2;
    cairo_t* cr = file_.context();
    for (size_t i = 0; i < series.size(); ++i) {
      colour(series[i].colour);
      cairo_set_line_width(cr, 1.6);
      if (series[i].dashed) {
        double dash[] = {4, 3};
        cairo_set_dash(cr, dash, 2, 0);
      }
      cairo_move_to(cr, x, y_ + 5);
      cairo_line_to(cr, x + 18, y_ + 5);
      cairo_stroke(cr);
      cairo_set_dash(cr, nullptr, 0, 0);
      show(labels[i].get(), x + 22, y_, ink());
      x += 22 + width_of(labels[i].get()) + 16;
    }
    y_ += 16;
  }

  // A figure its maker draws: part by part, each whole on a page (a part that starts a page
  // of its own gets one), then its caption.
  void figure(const DrawnFigure& f) {
    if (!f.pdf) return;
    double page = bottom() - kTopMargin;
    auto parts = f.pdf->parts(content_width(), page);
    for (size_t i = 0; i < parts.size(); ++i) {
      if (parts[i].own_page && y_ > kTopMargin + 1) new_page();
      else ensure(parts[i].height + (i + 1 == parts.size() && !f.caption.empty() ? 20 : 0));
      cairo_save(cr());
      f.pdf->draw(i, cr(), doc_.style, kSideMargin, y_, content_width(), page);
      cairo_restore(cr());
      cairo_new_path(cr());
      y_ += parts[i].height;
    }
    if (!f.caption.empty()) y_ += text(f.caption, {body() - 1, false, true, muted()}, kSideMargin, y_ + 2, content_width()) + 10;
  }

  void bars(const BarChart& chart) {
    double label_w = 150, value_w = 36, row_h = 15;
    double area_x = kSideMargin + label_w + 6, area_w = content_width() - label_w - 6 - value_w;
    cairo_t* cr = file_.context();
    // A chart that fits on a page is kept whole; a longer one continues on the next page, its
    // caption kept with the first bars.
    double whole = 26 + chart.bars.size() * row_h + 40;
    ensure(whole <= bottom() - kTopMargin ? whole : 20 + 5 * row_h + 20);
    y_ += text(chart.caption, {body(), true, false, ink()}, kSideMargin, y_, content_width()) + 6;
    size_t next = 0;
    while (next < chart.bars.size()) {
      size_t fit = static_cast<size_t>(std::max(1.0, std::floor((bottom() - y_ - 18) / row_h)));
      size_t count = std::min(fit, chart.bars.size() - next);
      double top = y_, chart_h = count * row_h;
      // Grid every 10 points behind the bars, with its scale underneath.
      cairo_set_line_width(cr, 0.4);
      for (double v = 0; v <= chart.max + 0.01; v += 10) {
        double x = area_x + area_w * v / chart.max;
        colour(doc_.style.colour("rule"));
        cairo_move_to(cr, x, top);
        cairo_line_to(cr, x, top + chart_h);
        cairo_stroke(cr);
        LayoutPtr l = text_layout(fmt::format("{:g}", v), {6.5, false, false, muted(), PANGO_ALIGN_CENTER}, 24);
        show(l.get(), x - 12, top + chart_h + 3, muted());
      }
      for (size_t i = next; i < next + count; ++i) {
        const Bar& bar = chart.bars[i];
        LayoutPtr l = text_layout(bar.label, {7.5, false, false, ink(), PANGO_ALIGN_RIGHT}, label_w, 1);
        show(l.get(), kSideMargin, y_ + (row_h - height_of(l.get())) / 2, ink());
        double w = area_w * std::clamp(bar.value / chart.max, 0.0, 1.0);
        colour(bar.colour);
        cairo_rectangle(cr, area_x, y_ + 3, w, row_h - 6);
        cairo_fill(cr);
        LayoutPtr v = text_layout(bar.value_text, {7, true, false, ink()}, 0);
        show(v.get(), area_x + w + 4, y_ + (row_h - height_of(v.get())) / 2, ink());
        y_ += row_h;
      }
      next += count;
      y_ += 22;
      if (next < chart.bars.size()) new_page();
    }
  }

  // The journey as a heatmap: touchpoints in journey order down the page, one column per
  // channel, the cells coloured by band and linked by the journey line of each channel.
  void journey(const JourneyMap& map) {
    size_t n = map.touchpoints.size(), lanes = map.lanes.size();
    if (n == 0 || lanes == 0) return;
    double label_w = 190, row_h = 24;
    double lane_w = std::min(110.0, (content_width() - label_w) / lanes);
    cairo_t* cr = file_.context();
    ensure(20 + n * row_h + 10);
    for (size_t l = 0; l < lanes; ++l) {
      LayoutPtr t = text_layout(map.lanes[l].label, {8.5, true, false, primary(), PANGO_ALIGN_CENTER}, lane_w, 1);
      show(t.get(), kSideMargin + label_w + l * lane_w, y_, primary());
    }
    y_ += 18;
    double top = y_;
    for (size_t l = 0; l < lanes; ++l) {
      double cx = kSideMargin + label_w + (l + 0.5) * lane_w;
      colour(doc_.style.colour("rule"));
      cairo_set_line_width(cr, 2);
      cairo_move_to(cr, cx, top + row_h / 2);
      cairo_line_to(cr, cx, top + (n - 0.5) * row_h);
      cairo_stroke(cr);
    }
    for (size_t i = 0; i < n; ++i) {
      double y = top + i * row_h;
      LayoutPtr number = text_layout(std::to_string(i + 1), {8, true, false, doc_.style.colour("accent"), PANGO_ALIGN_RIGHT}, 16, 1);
      show(number.get(), kSideMargin, y + (row_h - height_of(number.get())) / 2, doc_.style.colour("accent"));
      LayoutPtr label = text_layout(map.labels[i], {8.5, false, false, ink()}, label_w - 26, 2);
      show(label.get(), kSideMargin + 22, y + (row_h - height_of(label.get())) / 2, ink());
      for (size_t l = 0; l < lanes; ++l) {
        const JourneyCell& c = i < map.lanes[l].cells.size() ? map.lanes[l].cells[i] : JourneyCell{};
        double x = kSideMargin + label_w + l * lane_w;
        double w = std::min(74.0, lane_w - 12), cx = x + (lane_w - w) / 2;
        if (!c.in_scope) {
          LayoutPtr none = text_layout("not in this channel", {6.5, false, true, muted(), PANGO_ALIGN_CENTER}, lane_w, 1);
          rect(cx, y + 4, w, row_h - 8, "#FFFFFF");
          show(none.get(), x, y + (row_h - height_of(none.get())) / 2, muted());
          continue;
        }
        colour(c.fill);
        rounded(cx, y + 3, w, row_h - 6, 5);
        cairo_fill(cr);
        LayoutPtr t = text_layout(c.text, {8.5, true, false, c.ink, PANGO_ALIGN_CENTER}, w, 1);
        show(t.get(), cx, y + (row_h - height_of(t.get())) / 2, c.ink);
        if (c.critical) {
          colour("#A11D1D");
          cairo_arc(cr, cx + w + 1, y + 5, 5, 0, 2 * kPi);
          cairo_fill(cr);
          LayoutPtr mark = text_layout("!", {7, true, false, "#FFFFFF", PANGO_ALIGN_CENTER}, 10, 1);
          show(mark.get(), cx + w - 4, y + 5 - height_of(mark.get()) / 2, "#FFFFFF");
        }
      }
      rule(kSideMargin, kSideMargin + label_w - 6, y + row_h, doc_.style.colour("rule"), 0.3);
    }
    y_ = top + n * row_h + 8;
    y_ += text(map.caption, {body() - 1, false, true, muted()}, kSideMargin, y_, content_width()) + 8;
  }

  // The journey diagram as Graphviz laid it out, scaled to the text width: lanes, touchpoint
  // nodes in band colours with their scores, journey links and numbered cross-channel links.
  // The layout's own title and legend are left out: the section has its heading and legend.
  // The diagram's height as drawn, scaled to the text width and at most a page.
  double journey_diagram_height(const diagram::JourneyLayout& layout) const {
    double height = layout.height - (layout.header.y + layout.header.height);
    if (layout.width <= 0 || height <= 0) return 0;
    return height * std::min(content_width() / layout.width, (bottom() - kTopMargin - 40) / height) + 10;
  }

  // One link of the diagram: its spline, an arrow head, and its number in a circle (transitions).
  void diagram_edge(const diagram::LaidOutEdge& edge, const diagram::DiagramStyle& style) {
    cairo_t* cr = file_.context();
    std::string ink_colour = edge.kind == diagram::EdgeKind::Journey      ? style.journey_edge
                             : edge.kind == diagram::EdgeKind::Transition ? style.transition_edge
                                                                          : style.driver_edge;
    colour(ink_colour);
    cairo_set_line_width(cr, edge.kind == diagram::EdgeKind::Journey ? 1.3 : 1.6);
    if (edge.kind != diagram::EdgeKind::Journey) {
      double dash[] = {5, 3.5};
      cairo_set_dash(cr, dash, 2, 0);
    }
    cairo_move_to(cr, edge.spline[0].x, edge.spline[0].y);
    for (size_t i = 1; i + 2 < edge.spline.size(); i += 3)
      cairo_curve_to(cr, edge.spline[i].x, edge.spline[i].y, edge.spline[i + 1].x, edge.spline[i + 1].y, edge.spline[i + 2].x,
                     edge.spline[i + 2].y);
    cairo_stroke(cr);
    cairo_set_dash(cr, nullptr, 0, 0);
    if (edge.arrow_tip) {
      // A head from the spline's end to the tip, as wide as two thirds of its length.
      const diagram::Point& end = edge.spline.back();
      double dx = edge.arrow_tip->x - end.x, dy = edge.arrow_tip->y - end.y;
      double length = std::hypot(dx, dy);
      if (length > 0.1) {
        double nx = -dy / length * length / 3, ny = dx / length * length / 3;
        cairo_move_to(cr, edge.arrow_tip->x, edge.arrow_tip->y);
        cairo_line_to(cr, end.x + nx, end.y + ny);
        cairo_line_to(cr, end.x - nx, end.y - ny);
        cairo_close_path(cr);
        cairo_fill(cr);
      }
    }
    if (edge.label_centre && !edge.label.empty()) {
      colour("#FFFFFF");
      cairo_arc(cr, edge.label_centre->x, edge.label_centre->y, 8, 0, 2 * kPi);
      cairo_fill_preserve(cr);
      colour(ink_colour);
      cairo_set_line_width(cr, 1.2);
      cairo_stroke(cr);
      LayoutPtr number = text_layout(edge.label, {8, true, false, ink_colour, PANGO_ALIGN_CENTER}, 16, 1);
      show(number.get(), edge.label_centre->x - 8, edge.label_centre->y - height_of(number.get()) / 2, ink_colour);
    }
  }

  // One node of the diagram: a box in its band's colour, the label, score, band and a critical tag.
  void diagram_node(const diagram::Box& box, const diagram::JourneyNode& node, const diagram::DiagramStyle& style) {
    cairo_t* cr = file_.context();
    colour(node.fill);
    rounded(box.x, box.y, box.width, box.height, 8);
    cairo_fill_preserve(cr);
    bool critical = node.critical_failure();
    colour(critical ? style.critical : style.node_border);
    cairo_set_line_width(cr, critical ? 3 : 0.8);
    cairo_stroke(cr);
    // Label lines, the score, the band and a critical tag, centred as one block.
    std::string label;
    for (const auto& line : node.label_lines) label += (label.empty() ? "" : "\n") + line;
    if (label.empty()) label = node.label;
    double inner = box.width - 8;
    LayoutPtr name = text_layout(label, {style.font_size, false, false, node.text_colour, PANGO_ALIGN_CENTER}, inner, 4);
    LayoutPtr score = text_layout(node.score_text, {style.score_font_size, true, false, node.text_colour, PANGO_ALIGN_CENTER}, inner, 1);
    LayoutPtr band = text_layout(node.band_label, {style.font_size * 0.8, false, false, node.text_colour, PANGO_ALIGN_CENTER}, inner, 1);
    double tag_h = critical ? 12 : 0;
    double total = height_of(name.get()) + (node.score_text.empty() ? 0 : height_of(score.get())) +
                   (node.band_label.empty() ? 0 : height_of(band.get())) + tag_h;
    double y = box.y + (box.height - total) / 2;
    show(name.get(), box.x + 4, y, node.text_colour);
    y += height_of(name.get());
    if (!node.score_text.empty()) {
      show(score.get(), box.x + 4, y, node.text_colour);
      y += height_of(score.get());
    }
    if (!node.band_label.empty()) {
      show(band.get(), box.x + 4, y, node.text_colour);
      y += height_of(band.get());
    }
    if (critical) {
      colour("#FFFFFF");
      rounded(box.x + box.width / 2 - 32, y + 1, 64, 10, 3);
      cairo_fill(cr);
      LayoutPtr tag = text_layout("! CRITICAL", {6.5, true, false, style.critical, PANGO_ALIGN_CENTER}, 64, 1);
      show(tag.get(), box.x + box.width / 2 - 32, y + 1 + (10 - height_of(tag.get())) / 2, style.critical);
    }
  }

  void journey_diagram(const diagram::JourneyLayout& layout) {
    const diagram::DiagramStyle& style = layout.style;
    double top = layout.header.y + layout.header.height;
    double height = layout.height - top;
    if (layout.width <= 0 || height <= 0) return;
    double scale = std::min(content_width() / layout.width, (bottom() - kTopMargin - 40) / height);
    ensure(journey_diagram_height(layout));
    cairo_t* cr = file_.context();
    cairo_save(cr);
    cairo_translate(cr, kSideMargin + (content_width() - layout.width * scale) / 2, y_);
    cairo_scale(cr, scale, scale);
    cairo_translate(cr, 0, -top);
    pango_cairo_update_context(cr, pango_.get());

    for (const auto& lane : layout.lanes) {
      colour(lane.drivers ? style.driver_lane_fill : style.lane_fill);
      rounded(lane.band.x, lane.band.y, lane.band.width, lane.band.height, 10);
      cairo_fill(cr);
      LayoutPtr caption = text_layout(lane.label, {style.font_size * 1.15, true, false, style.ink, PANGO_ALIGN_CENTER}, lane.caption.width, 3);
      show(caption.get(), lane.caption.x, lane.caption.y + (lane.caption.height - height_of(caption.get())) / 2, style.ink);
    }

    for (const auto& edge : layout.edges)
      if (edge.spline.size() >= 4) diagram_edge(edge, style);
    for (size_t i = 0; i < layout.nodes.size() && i < layout.graph.nodes.size(); ++i)
      diagram_node(layout.nodes[i].box, layout.graph.nodes[i], style);
    cairo_restore(cr);
    pango_cairo_update_context(cr, pango_.get());
    y_ += height * scale + 6;
    std::string caption = "Touchpoints in journey order, one lane per channel, coloured by band.";
    for (const auto& edge : layout.edges)
      if (edge.kind == diagram::EdgeKind::Transition) {
        caption += " Numbered dashed links: the journeys across channels listed below.";
        break;
      }
    y_ += text(caption, {body() - 1, false, true, muted()}, kSideMargin, y_, content_width()) + 8;
  }

  const Document& doc_;
  const PdfOptions& options_;
  PdfFile file_;
  double width_ = 0, height_ = 0;  // of a page
  PangoContextPtr pango_;
  std::map<std::string, FontDescriptionPtr> fonts_;
  std::map<std::string, std::shared_ptr<cairo_surface_t>> surfaces_;  // photos by path
  int page_ = 0;
  bool page_open_ = false;
  double y_ = 0;
  double keep_ = 0;  // what must stay on the page with the block being drawn (keep_with)
  int total_pages_ = 0;
};

}  // namespace

std::string render_pdf(const Document& document, const PdfOptions& options) {
  // Twice: the first pass counts the pages, so that every footer can say "Page N of M". The
  // footer's box has a fixed width, so the count changes nothing in the layout.
  PdfWriter count(document, options);
  count.render();
  PdfWriter writer(document, options, count.pages());
  return writer.render();
}

}  // namespace cjb::render
