#include "render/report_html.h"

#include "render/photo.h"
#include "render/escape.h"
#include "render/label_placement.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "diagram/journey_graph.h"
#include "util/utf8.h"

namespace cjb::render {

namespace {

constexpr double kPi = 3.14159265358979323846;

std::string esc(const std::string& text) { return html_escape(text); }

// Escaped text with line breaks as <br/>.
std::string esc_lines(const std::string& text) {
  std::string out, line;
  for (char c : text) {
    if (c == '\n') {
      out += esc(line) + "<br/>";
      line.clear();
    } else {
      line += c;
    }
  }
  return out + esc(line);
}

std::string num(double v) {
  std::string s = fmt::format("{:.1f}", v);
  if (s == "-0.0") s = "0.0";
  return s;
}

// Multi-line SVG text: one <tspan> per line.
std::string svg_text(double x, double y, const std::vector<std::string>& lines, double size, const std::string& anchor,
                     const std::string& fill, double line_height, const std::string& weight = "normal") {
  std::string out = fmt::format(R"(<text x="{}" y="{}" font-size="{}" text-anchor="{}" fill="{}" font-weight="{}">)", num(x), num(y),
                                num(size), anchor, fill, weight);
  for (size_t i = 0; i < lines.size(); ++i)
    out += fmt::format(R"(<tspan x="{}" dy="{}">{}</tspan>)", num(x), i == 0 ? "0" : num(line_height), esc(lines[i]));
  return out + "</text>";
}

std::pair<double, double> polar(double cx, double cy, double r, size_t i, size_t n, double v) {
  double angle = -kPi / 2 + 2 * kPi * static_cast<double>(i) / static_cast<double>(n);
  return {cx + std::cos(angle) * r * v / 100, cy + std::sin(angle) * r * v / 100};
}

// The radar chart drawn in a box of width × height at (x, y): grid, axis labels, series, legend.
// Axis labels outside the circle, then moved apart where two would overlap
// (render/label_placement.h). Widths are estimated at 0.6 em per character of 8 px text.
// top and bottom: where the highest and lowest label reach once placed.
std::string radar_labels_svg(const std::vector<std::string>& axes, double cx, double cy, double radius, const std::string& ink, double& top,
                             double& bottom) {
  size_t n = axes.size();
  struct Placed {
    std::vector<std::string> lines;
    double ax = 0;
    std::string anchor;
  };
  std::vector<Placed> placed;
  std::vector<LabelBox> boxes;
  for (size_t i = 0; i < n; ++i) {
    double angle = -kPi / 2 + 2 * kPi * static_cast<double>(i) / static_cast<double>(n);
    double c = std::cos(angle), s = std::sin(angle);
    auto [ax, ay] = polar(cx, cy, radius + 8, i, n, 100);
    std::string anchor = c > 0.25 ? "start" : c < -0.25 ? "end" : "middle";
    auto lines = diagram::wrap_words(axes[i], 20);
    double block = 9.5 * (lines.size() - 1);
    double ty = s < -0.3 ? ay - block : s > 0.3 ? ay + 7 : ay + 3 - block / 2;  // first baseline
    double w = 0;
    for (const auto& l : lines) w = std::max(w, 0.6 * 8 * static_cast<double>(l.size()));
    double left = anchor == "start" ? ax : anchor == "end" ? ax - w : ax - w / 2;
    boxes.push_back({left, ty - 7, w, block + 9.5, s < 0 ? -1.0 : 1.0});
    placed.push_back({std::move(lines), ax, anchor});
  }
  // A label that cannot move clear is cut to its first line with "…", then moved further along
  // its side of the chart until it is clear, as the PDF's radar does.
  for (size_t i : place_labels(boxes)) {
    Placed& p = placed[i];
    if (p.lines.size() > 1) p.lines = {p.lines.front() + "…"};
    double w = 0.6 * 8 * static_cast<double>(p.lines.front().size());
    double centre = boxes[i].y + boxes[i].height / 2;
    double left = p.anchor == "start" ? p.ax : p.anchor == "end" ? p.ax - w : p.ax - w / 2;
    boxes[i] = {left, centre - 4.75, w, 9.5, boxes[i].direction};
  }
  for (double reach = 40; !place_labels(boxes, 2, reach).empty() && reach < 400; reach += 40) {
  }
  std::string out;
  top = cy;
  bottom = cy;
  for (size_t i = 0; i < n; ++i) {
    out += svg_text(placed[i].ax, boxes[i].y + 7, placed[i].lines, 8, placed[i].anchor, ink, 9.5);
    top = std::min(top, boxes[i].y);
    bottom = std::max(bottom, boxes[i].y + boxes[i].height);
  }
  return out;
}

std::string radar_svg(const RadarChart& chart, const ReportStyle& style, double x, double y, double width, double height) {
  size_t n = chart.axes.size();
  if (n < 3) return {};
  std::string out;
  double legend_h = 22;
  double radius = std::min(width / 2 - 120, (height - legend_h) / 2 - 28);
  double cx = x + width / 2, cy = y + (height - legend_h) / 2;
  const std::string& grid = style.colour("rule");
  const std::string& muted = style.colour("muted");
  const std::string& ink = style.colour("ink");
  // Place the labels, then shrink the circle until the labels, as placed, stay inside the box
  // above the legend (long names on the top and bottom axes wrap to several lines).
  std::string labels;
  for (;;) {
    double top = 0, bottom = 0;
    labels = radar_labels_svg(chart.axes, cx, cy, radius, ink, top, bottom);
    if ((top >= y + 2 && bottom <= y + height - legend_h - 2) || radius <= 40) break;
    radius -= 6;
  }
  for (int ring = 20; ring <= 100; ring += 20) {
    std::string points;
    for (size_t i = 0; i < n; ++i) {
      auto [px, py] = polar(cx, cy, radius, i, n, ring);
      points += fmt::format("{}{},{}", points.empty() ? "" : " ", num(px), num(py));
    }
    out += fmt::format(R"(<polygon points="{}" fill="none" stroke="{}" stroke-width="0.7"/>)", points, grid);
    // The ring's value just inside it, where no axis label reaches.
    auto [lx, ly] = polar(cx, cy, radius, 0, n, ring);
    out += fmt::format(R"(<text x="{}" y="{}" font-size="7" fill="{}">{}</text>)", num(lx + 3), num(ly + 8), muted, ring);
  }
  for (size_t i = 0; i < n; ++i) {
    auto [px, py] = polar(cx, cy, radius, i, n, 100);
    out += fmt::format(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="0.7"/>)", num(cx), num(cy), num(px), num(py), grid);
  }
  out += labels;
  for (const auto& series : chart.series) {
    std::string points;
    for (size_t i = 0; i < n && i < series.values.size(); ++i) {
      if (!series.values[i]) continue;
      auto [px, py] = polar(cx, cy, radius, i, n, std::clamp(*series.values[i], 0.0, 100.0));
      points += fmt::format("{}{},{}", points.empty() ? "" : " ", num(px), num(py));
    }
    if (points.empty()) continue;
    out += fmt::format(R"(<polygon points="{}" fill="{}" fill-opacity="{}" stroke="{}" stroke-width="{}"{}/>)", points,
                       series.filled ? series.colour : "none", series.filled ? "0.18" : "0", series.colour,
                       series.filled ? "1.8" : "1.3", series.dashed ? R"( stroke-dasharray="5 3")" : "");
  }
  // Legend centred under the chart.
  double total = 0;
  for (const auto& s : chart.series) total += 30 + s.label.size() * 5.2 + 16;
  double lx = cx - total / 2, ly = y + height - 8;
  for (const auto& s : chart.series) {
    out += fmt::format(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="2"{}/>)", num(lx), num(ly - 3), num(lx + 22),
                       num(ly - 3), s.colour, s.dashed ? R"( stroke-dasharray="5 3")" : "");
    out += fmt::format(R"(<text x="{}" y="{}" font-size="8.5" fill="{}">{}</text>)", num(lx + 27), num(ly), ink, esc(s.label));
    lx += 30 + s.label.size() * 5.2 + 16;
  }
  return out;
}

std::string bars_svg(const BarChart& chart, const ReportStyle& style, double width, double& height) {
  double label_w = 190, value_w = 40, row_h = 18;
  double area_x = label_w + 8, area_w = width - area_x - value_w;
  double chart_h = chart.bars.size() * row_h;
  height = chart_h + 22;
  std::string out;
  for (double v = 0; v <= chart.max + 0.01; v += 10) {
    double x = area_x + area_w * v / chart.max;
    out += fmt::format(R"(<line x1="{}" y1="0" x2="{}" y2="{}" stroke="{}" stroke-width="0.6"/>)", num(x), num(x), num(chart_h), style.colour("rule"));
    out += fmt::format(R"(<text x="{}" y="{}" font-size="8" text-anchor="middle" fill="{}">{}</text>)", num(x), num(chart_h + 13),
                       style.colour("muted"), fmt::format("{:g}", v));
  }
  double y = 0;
  for (const auto& bar : chart.bars) {
    double w = area_w * std::clamp(bar.value / chart.max, 0.0, 1.0);
    out += fmt::format(R"(<text x="{}" y="{}" font-size="9" text-anchor="end" fill="{}">{}</text>)", num(label_w), num(y + 12.5),
                       style.colour("ink"), esc(bar.label));
    out += fmt::format(R"(<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>)", num(area_x), num(y + 3.5), num(w), num(row_h - 7), bar.colour);
    out += fmt::format(R"(<text x="{}" y="{}" font-size="8.5" font-weight="bold" fill="{}">{}</text>)", num(area_x + w + 4), num(y + 12.5),
                       style.colour("ink"), esc(bar.value_text));
    y += row_h;
  }
  return out;
}

// The journey heatmap at (x, y), width wide; returns its height through height.
// The "!" of a critical failure: a red disc of radius 4.5 centred at (x, y).
std::string critical_badge(double x, double y) {
  return fmt::format(R"(<circle cx="{}" cy="{}" r="4.5" fill="#A11D1D"/><text x="{}" y="{}" font-size="7" font-weight="bold" text-anchor="middle" fill="#FFFFFF">!</text>)",
                     num(x), num(y), num(x), num(y + 2.5));
}

std::string journey_svg(const JourneyMap& map, const ReportStyle& style, double x, double y, double width, double& height) {
  size_t n = map.touchpoints.size();
  if (n == 0) {
    height = 0;
    return {};
  }
  double lane_w = 64, cell_w = (width - lane_w) / n, cell_h = 34;
  // Wide cells take their label wrapped above them; narrow ones a slanted label.
  bool slanted = cell_w < 48;
  size_t chars = static_cast<size_t>(std::max(6.0, cell_w / 4.6));
  size_t max_lines = 1;
  std::vector<std::vector<std::string>> labels;
  for (size_t i = 0; i < n; ++i) {
    auto lines = slanted ? std::vector<std::string>{fmt::format("{} {}", i + 1, map.labels[i])} : diagram::wrap_words(map.labels[i], chars);
    if (!slanted) lines.insert(lines.begin(), std::to_string(i + 1));
    max_lines = std::max(max_lines, lines.size());
    labels.push_back(std::move(lines));
  }
  double label_h = slanted ? 84 : max_lines * 9 + 4;
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    double tx = x + lane_w + (i + 0.5) * cell_w;
    if (slanted) {
      double ty = y + label_h - 2;
      out += fmt::format(R"svg(<text x="{}" y="{}" font-size="7.5" text-anchor="start" fill="{}" transform="rotate(-50 {} {})">{}</text>)svg",
                         num(tx), num(ty), style.colour("ink"), num(tx), num(ty), esc(labels[i][0]));
      continue;
    }
    double ty = y + label_h - 4 - (labels[i].size() - 1) * 9;
    out += svg_text(tx, ty, labels[i], 7.5, "middle", style.colour("ink"), 9);
  }
  double ly = y + label_h + 4;
  for (const auto& lane : map.lanes) {
    out += svg_text(x, ly + cell_h / 2 + 3, diagram::wrap_words(lane.label, 12), 9, "start", style.colour("primary"), 10, "bold");
    out += fmt::format(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="1.5"/>)", num(x + lane_w + cell_w / 2),
                       num(ly + cell_h / 2), num(x + lane_w + (n - 0.5) * cell_w), num(ly + cell_h / 2), style.colour("rule"));
    for (size_t i = 0; i < n && i < lane.cells.size(); ++i) {
      const JourneyCell& c = lane.cells[i];
      if (!c.in_scope) continue;
      double cx = x + lane_w + i * cell_w;
      std::string title = fmt::format("{} ({}): {}", map.labels[i], lane.label, c.text);
      out += fmt::format(R"(<g><title>{}</title><rect x="{}" y="{}" width="{}" height="{}" rx="4" fill="{}"/>)", esc(title), num(cx + 2),
                         num(ly + 3), num(cell_w - 4), num(cell_h - 6), c.fill);
      out += fmt::format(R"(<text x="{}" y="{}" font-size="9" font-weight="bold" text-anchor="middle" fill="{}">{}</text>)",
                         num(cx + cell_w / 2), num(ly + cell_h / 2 + 3.5), c.ink, esc(c.text));
      // The badge sits on the cell's top-right corner, above the figure's cap height (the
      // figure's top is at ly + cell_h / 2 − 3), so it never covers a digit.
      if (c.critical) out += critical_badge(cx + cell_w - 5, ly + 4);
      out += "</g>";
    }
    ly += cell_h;
  }
  height = ly - y + 4;
  return out;
}

std::string open_svg(double width, double height, const std::string& label) {
  return fmt::format(R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" width="{}" height="{}" role="img" aria-label="{}" font-family="DejaVu Sans, Verdana, sans-serif">)",
                     num(width), num(height), num(width), num(height), esc(label));
}

std::string cell_style(const Cell& c) {
  std::string style;
  if (!c.fill.empty()) style += "background:" + c.fill + ";";
  if (!c.ink.empty()) style += "color:" + c.ink + ";";
  if (c.indent) style += fmt::format("padding-left:{}em;", 0.4 + 1.2 * c.indent);
  return style.empty() ? "" : " style=\"" + style + "\"";
}

const char* align_class(Align a) { return a == Align::Right ? "r" : a == Align::Centre ? "c" : "l"; }

// The photos of a cell as inline images (data: URIs, downscaled by PhotoCache) with captions.
std::string html_photos(const Cell& c, PhotoCache* photos) {
  std::string out;
  for (const auto& ref : c.photos) {
    const EncodedPhoto* photo = photos ? photos->get(ref) : nullptr;
    if (!photo) continue;
    out += fmt::format("<figure class=\"photo\"><img src=\"{}\" width=\"{}\" height=\"{}\" alt=\"{}\" style=\"max-width:100%;height:auto\"/>",
                       data_uri(*photo), photo->width, photo->height, esc(ref.caption.empty() ? ref.file : ref.caption));
    out += "<figcaption>" + esc(ref.caption.empty() ? ref.file : ref.caption) + "</figcaption>";
    out += "</figure>";
  }
  return out;
}

void html_table(std::string& out, const Table& t, PhotoCache* photos) {
  out += "<div class=\"table-wrap\"><table>\n";
  // The PDF's relative column widths as hints, so that dates and numbers keep to one line.
  if (t.widths.size() == t.header.size() && !t.widths.empty()) {
    double total = 0;
    for (double w : t.widths) total += w;
    out += "<colgroup>";
    for (double w : t.widths) out += fmt::format("<col style=\"width:{:.1f}%\"/>", 100 * w / total);
    out += "</colgroup>\n";
  }
  out += "<thead><tr>";
  for (size_t i = 0; i < t.header.size(); ++i)
    out += fmt::format("<th class=\"{}\">{}</th>", align_class(i < t.align.size() ? t.align[i] : Align::Left), esc(t.header[i]));
  out += "</tr></thead>\n<tbody>\n";
  for (size_t r = 0; r < t.rows.size(); ++r) {
    bool em = r < t.emphasised.size() && t.emphasised[r];
    out += em ? "<tr class=\"em\">" : "<tr>";
    for (size_t i = 0; i < t.rows[r].size(); ++i) {
      const Cell& c = t.rows[r][i];
      std::string cls = align_class(i < t.align.size() ? t.align[i] : Align::Left);
      if (!c.fill.empty()) cls += " band";
      if (c.bold) cls += " b";
      // A date or a number never breaks inside ("2026-04-\n19"): one short word stays whole.
      if (!c.text.empty() && c.text.size() <= 12 && c.text.find_first_of(" \n") == std::string::npos) cls += " nw";
      std::string detail = c.detail.empty() ? "" : "<br/><span class=\"detail\">" + esc(c.detail) + "</span>";
      out += fmt::format("<td class=\"{}\"{}>{}{}{}</td>", cls, cell_style(c), esc_lines(c.text), detail, html_photos(c, photos));
    }
    out += "</tr>\n";
  }
  out += "</tbody></table></div>\n";
}

void html_legend(std::string& out, const std::vector<LegendEntry>& entries) {
  out += "<p class=\"legend\">";
  for (const auto& e : entries)
    out += fmt::format("<span class=\"swatch\" style=\"background:{}\"></span>{} {} ", e.colour, esc(e.label), esc(e.range));
  out += "</p>\n";
}

void html_block(std::string& out, const Block& block, const ReportStyle& style, PhotoCache* photos) {
  if (auto* h = std::get_if<Heading>(&block)) {
    out += fmt::format("<h{0}>{1}</h{0}>\n", h->level + 1, esc(h->text));
  } else if (auto* p = std::get_if<Paragraph>(&block)) {
    out += fmt::format("<p{}>{}</p>\n", p->muted ? " class=\"note\"" : "", esc_lines(p->text));
  } else if (auto* b = std::get_if<BulletList>(&block)) {
    out += "<ul>\n";
    for (const auto& item : b->items) out += "<li>" + esc(item) + "</li>\n";
    out += "</ul>\n";
  } else if (auto* t = std::get_if<Table>(&block)) {
    html_table(out, *t, photos);
  } else if (auto* k = std::get_if<KeyFigures>(&block)) {
    out += "<div class=\"kpis\">\n";
    for (const auto& f : k->figures)
      out += fmt::format("<div class=\"kpi\"{}><div class=\"label\">{}</div><div class=\"value\">{}</div><div class=\"detail\">{}</div></div>\n",
                         f.colour.empty() ? "" : " style=\"border-left-color:" + f.colour + "\"", esc(f.label), esc(f.value), esc(f.detail));
    out += "</div>\n";
  } else if (auto* r = std::get_if<RadarChart>(&block)) {
    out += "<figure class=\"chart\">" + open_svg(640, 560, r->caption) + radar_svg(*r, style, 0, 0, 640, 560) + "</svg>";
    out += "<figcaption>" + esc(r->caption) + "</figcaption></figure>\n";
  } else if (auto* c = std::get_if<BarChart>(&block)) {
    double height = 0;
    std::string body = bars_svg(*c, style, 640, height);
    out += "<figure class=\"chart\">" + open_svg(640, height, c->caption) + body + "</svg>";
    out += "<figcaption>" + esc(c->caption) + "</figcaption></figure>\n";
  } else if (auto* m = std::get_if<JourneyMap>(&block)) {
    double height = 0;
    std::string body = journey_svg(*m, style, 0, 0, 720, height);
    out += "<figure class=\"chart wide\">" + open_svg(720, height, m->caption) + body + "</svg>";
    out += "<figcaption>" + esc(m->caption) + "</figcaption></figure>\n";
  } else if (auto* l = std::get_if<BandLegend>(&block)) {
    html_legend(out, l->entries);
  } else if (auto* f = std::get_if<DrawnFigure>(&block)) {
    // The figure's own SVG, which escaped what users typed (render/report_document.h, DrawnFigure).
    out += "<figure class=\"chart wide\">" + f->svg;
    if (!f->caption.empty()) out += "<figcaption>" + esc(f->caption) + "</figcaption>";
    out += "</figure>\n";
  }
}

}  // namespace

std::string render_html(const Document& d, const std::string& css, const std::string& journey_svg, PhotoCache* photos) {
  const ReportStyle& style = d.style;
  std::string out;
  out += "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"" + esc(d.language) + "\">\n<head>\n";
  out += "<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n";
  out += "<meta name=\"generator\" content=\"cjb\"/>\n";
  if (!d.author.empty()) out += "<meta name=\"author\" content=\"" + esc(d.author) + "\"/>\n";
  out += "<title>" + esc(d.title) + "</title>\n<style>/*<![CDATA[*/\n:root {";
  for (const auto& [role, value] : style.colours) out += fmt::format(" --{}: {};", role, value);
  out += fmt::format(" --body-font: \"{}\", Verdana, sans-serif; --heading-font: \"{}\", Verdana, sans-serif; --body-size: {}pt; }}\n",
                     esc(style.body_font), esc(style.heading_font), num(style.body_size));
  // The style sheet is the template's own file; "]]>" cannot end the CDATA section early.
  std::string sheet = css;
  for (size_t at = sheet.find("]]>"); at != std::string::npos; at = sheet.find("]]>", at)) sheet.replace(at, 3, "]] >");
  out += sheet + "\n/*]]>*/</style>\n</head>\n<body>\n";

  const Cover& c = d.cover;
  out += "<header class=\"cover\">\n<div class=\"brand\"><span class=\"logo\">" + esc(d.logo_text.empty() ? d.consultancy : d.logo_text) +
         "</span><span class=\"tagline\">" + esc(d.tagline) + "</span></div>\n";
  out += "<p class=\"kicker\">" + esc(c.kicker) + "</p>\n<h1>" + esc(c.title) + "</h1>\n";
  if (!c.subtitle.empty()) out += "<p class=\"site\">" + esc(c.subtitle) + "</p>\n";
  out += "</header>\n<div class=\"cover-body\">\n";
  out += fmt::format("<div class=\"score\" style=\"background:{};color:{}\"><div class=\"label\">Overall score</div><div class=\"value\">{}</div><div class=\"band\">{}</div><div class=\"target\">{}</div></div>\n",
                     c.band_colour, c.band_ink, esc(c.score), esc(c.band), esc(c.target_line));
  out += "<dl class=\"facts\">\n";
  for (const auto& f : c.facts) out += "<dt>" + esc(f.label) + "</dt><dd>" + esc(f.value) + "</dd>\n";
  out += "</dl>\n</div>\n";
  out += "<nav class=\"toc\"><h2>Contents</h2><ol>\n";
  for (const auto& s : d.sections)
    if (s.id != "cover") out += fmt::format("<li><a href=\"#{}\">{}</a></li>\n", esc(s.id), esc(s.title));
  out += "</ol></nav>\n<main>\n";
  for (const auto& s : d.sections) {
    if (s.id == "cover") continue;
    out += fmt::format("<section id=\"{}\">\n<h2>{}</h2>\n", esc(s.id), esc(s.title));
    if (s.id == "journey" && !journey_svg.empty()) {
      // The diagram of `cjb diagram`, inline: everything from <svg on (no XML prolog or DOCTYPE
      // inside an HTML page). Graphviz escaped every label (diagram/escape.h).
      size_t start = journey_svg.find("<svg");
      if (start != std::string::npos)
        out += "<figure class=\"chart wide journey-diagram\">" + journey_svg.substr(start) + "</figure>\n";
    }
    for (const auto& b : s.blocks) html_block(out, b, style, photos);
    out += "</section>\n";
  }
  out += "</main>\n<footer><p>" + esc(d.footer_text) + "</p><p class=\"note\">" + esc(c.note) + "</p></footer>\n</body>\n</html>\n";
  return out;
}

namespace {

constexpr double kSummaryWidth = 1120, kSummaryHeight = 800;

// Cover facts across the top, the overall score in its band's colour on the right.
void svg_summary_cover(std::string& out, const Document& d) {
  const ReportStyle& style = d.style;
  const double width = kSummaryWidth;
  const Cover& c = d.cover;
  const std::string& cover_ink = style.colour("cover_ink");
  out += fmt::format(R"(<rect x="0" y="0" width="{}" height="118" fill="{}"/>)", num(width), style.colour("cover_fill"));
  out += fmt::format(R"(<rect x="0" y="118" width="{}" height="4" fill="{}"/>)", num(width), style.colour("accent")) + "\n";
  out += fmt::format(R"(<text x="30" y="30" font-size="12" font-weight="bold" letter-spacing="1" fill="{}">{}</text>)", cover_ink,
                     esc(d.logo_text.empty() ? d.consultancy : d.logo_text));
  out += fmt::format(R"(<text x="30" y="52" font-size="11" fill="{}" fill-opacity="0.85">{}</text>)", cover_ink, esc(c.kicker));
  out += fmt::format(R"(<text x="30" y="82" font-size="24" font-weight="bold" fill="{}">{}</text>)", cover_ink, esc(c.title));
  std::string facts;
  for (const auto& f : c.facts)
    if (f.label == "Date" || f.label == "Assessor" || f.label == "Method") facts += (facts.empty() ? "" : " · ") + f.value;
  std::string line = c.subtitle.empty() ? facts : c.subtitle + (facts.empty() ? "" : " · " + facts);
  out += fmt::format(R"(<text x="30" y="104" font-size="12" fill="{}">{}</text>)", cover_ink, esc(line)) + "\n";
  out += fmt::format(R"(<rect x="{}" y="10" width="220" height="98" rx="8" fill="{}"/>)", num(width - 250), c.band_colour);
  out += fmt::format(R"(<text x="{}" y="27" font-size="10" text-anchor="middle" fill="{}">Overall score</text>)", num(width - 140), c.band_ink);
  out += fmt::format(R"(<text x="{}" y="61" font-size="32" font-weight="bold" text-anchor="middle" fill="{}">{}</text>)", num(width - 140), c.band_ink, esc(c.score));
  out += fmt::format(R"(<text x="{}" y="81" font-size="12" font-weight="bold" text-anchor="middle" fill="{}">{}</text>)", num(width - 140), c.band_ink, esc(c.band));
  out += fmt::format(R"(<text x="{}" y="99" font-size="9.5" text-anchor="middle" fill="{}">{}</text>)", num(width - 140), c.band_ink,
                     esc(c.target_line)) + "\n";
}

// The footnotes above the legend, at most five: one line each, cut to the page's width.
std::vector<std::string> svg_summary_footnotes(const Document& d) {
  std::vector<std::string> footnotes;
  for (const auto& line : d.footnotes) {
    if (footnotes.size() == 4 && d.footnotes.size() > 5) {
      footnotes.push_back(fmt::format("… and {} more (see the full report)", d.footnotes.size() - 4));
      break;
    }
    footnotes.push_back(utf8::shorten(line, 190));
  }
  return footnotes;
}

// The scorecard of layers and groups on the left, rows down to bottom.
void svg_summary_scorecard(std::string& out, const Document& d, double bottom) {
  const ReportStyle& style = d.style;
  const Section* scorecard = d.find_section("scorecard");
  const Table* table = nullptr;
  if (scorecard)
    for (const auto& b : scorecard->blocks)
      if (auto* t = std::get_if<Table>(&b)) {
        table = t;
        break;
      }
  double y = 150;
  const std::string& ink = style.colour("ink");
  const std::string& muted = style.colour("muted");
  out += fmt::format(R"(<text x="30" y="{}" font-size="13" font-weight="bold" fill="{}">Scorecard</text>)", num(y), style.colour("primary"));
  y += 20;
  out += fmt::format(R"(<g font-size="9" fill="{}"><text x="40" y="{}">Layer and group</text><text x="330" y="{}" text-anchor="end">Score</text><text x="345" y="{}">Band</text><text x="480" y="{}" text-anchor="end">Target</text><text x="530" y="{}" text-anchor="end">Gap</text></g>)",
                     muted, num(y), num(y), num(y), num(y), num(y));
  y += 6;
  out += fmt::format(R"(<line x1="30" y1="{}" x2="535" y2="{}" stroke="{}" stroke-width="1"/>)", num(y), num(y), style.colour("rule")) + "\n";
  y += 4;
  if (table) {
    for (size_t r = 0; r < table->rows.size(); ++r) {
      const auto& row = table->rows[r];
      if (row.size() < 5 || row[0].indent > 1) continue;  // layers and groups only, not channels
      bool em = r < table->emphasised.size() && table->emphasised[r];
      double row_h = em ? 19 : 16.5;
      if (y + row_h > bottom) break;
      if (em) out += fmt::format(R"(<rect x="30" y="{}" width="505" height="{}" fill="{}"/>)", num(y), num(row_h), style.colour("stripe"));
      std::string weight = em ? "bold" : "normal";
      double base = y + row_h - 5;
      double indent = 36 + row[0].indent * 12;
      std::string label = row[0].text;
      if (label.size() > 42) label = label.substr(0, 40) + "…";
      out += fmt::format(R"(<text x="{}" y="{}" font-size="10" font-weight="{}" fill="{}">{}</text>)", num(indent), num(base), weight, ink, esc(label));
      out += fmt::format(R"(<text x="330" y="{}" font-size="10" font-weight="{}" text-anchor="end" fill="{}">{}</text>)", num(base), weight, ink, esc(row[1].text));
      if (!row[2].fill.empty())
        out += fmt::format(R"(<rect x="340" y="{}" width="96" height="{}" rx="3" fill="{}"/>)", num(y + 2.5), num(row_h - 5), row[2].fill);
      out += fmt::format(R"(<text x="346" y="{}" font-size="9" fill="{}">{}</text>)", num(base - 0.5), row[2].ink.empty() ? ink : row[2].ink, esc(row[2].text));
      out += fmt::format(R"(<text x="480" y="{}" font-size="10" text-anchor="end" fill="{}">{}</text>)", num(base), muted, esc(row[3].text));
      out += fmt::format(R"(<text x="530" y="{}" font-size="10" text-anchor="end" fill="{}">{}</text>)", num(base), ink, esc(row[4].text)) + "\n";
      y += row_h;
    }
  }
}

// Radar and journey heatmap on the right.
void svg_summary_charts(std::string& out, const Document& d) {
  const ReportStyle& style = d.style;
  const Section* charts = d.find_section("charts");
  if (charts)
    for (const auto& b : charts->blocks)
      if (auto* r = std::get_if<RadarChart>(&b)) {
        out += fmt::format(R"(<text x="570" y="150" font-size="13" font-weight="bold" fill="{}">{}</text>)", style.colour("primary"), esc(r->caption));
        out += "<g>" + radar_svg(*r, style, 560, 158, 540, 372) + "</g>\n";
        break;
      }
  const Section* journey = d.find_section("journey");
  if (journey)
    for (const auto& b : journey->blocks)
      if (auto* m = std::get_if<JourneyMap>(&b)) {
        out += fmt::format(R"(<text x="570" y="552" font-size="13" font-weight="bold" fill="{}">Customer journey</text>)", style.colour("primary"));
        double h = 0;
        out += "<g>" + journey_svg(*m, style, 570, 556, 450, h) + "</g>\n";
        break;
      }
}

// Legend and consultancy along the bottom, the footnotes (the earlier plan followed up with
// --actions-file, waivers) above.
void svg_summary_legend(std::string& out, const Document& d, const std::vector<std::string>& footnotes) {
  const ReportStyle& style = d.style;
  const double width = kSummaryWidth, height = kSummaryHeight;
  const std::string& ink = style.colour("ink");
  const std::string& muted = style.colour("muted");
  double lx = 30, ly = height - 22;
  for (size_t i = 0; i < footnotes.size(); ++i)
    out += fmt::format(R"(<text x="30" y="{}" font-size="10" fill="{}">{}</text>)", num(ly - 22 - 16 * static_cast<double>(footnotes.size() - 1 - i)),
                       ink, esc(footnotes[i])) + "\n";
  for (const auto& e : d.bands) {
    out += fmt::format(R"(<rect x="{}" y="{}" width="12" height="10" rx="2" fill="{}"/>)", num(lx), num(ly - 9), e.colour);
    std::string label = e.label + " " + e.range;
    out += fmt::format(R"(<text x="{}" y="{}" font-size="9" fill="{}">{}</text>)", num(lx + 16), num(ly), muted, esc(label));
    lx += 16 + label.size() * 5.4 + 14;
  }
  out += fmt::format(R"(<text x="{}" y="{}" font-size="9" text-anchor="end" fill="{}">{}</text>)", num(width - 30), num(ly), muted,
                     esc(d.footer_text)) + "\n";
}

}  // namespace

std::string render_svg_summary(const Document& d) {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += open_svg(kSummaryWidth, kSummaryHeight, d.title) + "\n";
  out += "<title>" + esc(d.title) + "</title>\n";
  out += fmt::format(R"(<rect x="0" y="0" width="{}" height="{}" fill="#FFFFFF"/>)", num(kSummaryWidth), num(kSummaryHeight)) + "\n";
  svg_summary_cover(out, d);
  std::vector<std::string> footnotes = svg_summary_footnotes(d);
  svg_summary_scorecard(out, d, kSummaryHeight - 40 - 18 * static_cast<double>(footnotes.size()));
  svg_summary_charts(out, d);
  svg_summary_legend(out, d, footnotes);
  out += "</svg>\n";
  return out;
}

}  // namespace cjb::render
