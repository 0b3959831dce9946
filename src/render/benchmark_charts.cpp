#include "render/benchmark_charts.h"

#include <fmt/format.h>

#include "render/escape.h"
#include "render/format.h"

namespace cjb::render {

namespace {

std::string num(double v) { return fmt::format("{:.1f}", v); }

// Bands shaded behind a 0–100 axis from x0 to x0 + width, between y0 and y1.
std::string band_shading(const Model* model, double x0, double width, double y0, double y1) {
  std::string out;
  if (!model) return out;
  for (size_t b = 0; b < model->bands.size(); ++b) {
    double lo = model->bands[b].lower, hi = b + 1 < model->bands.size() ? model->bands[b + 1].lower : 100;
    out += fmt::format(R"(<rect x="{}" y="{}" width="{}" height="{}" fill="{}" fill-opacity="0.15"/>)", num(x0 + width * lo / 100), num(y0),
                       num(width * (hi - lo) / 100), num(y1 - y0), model->bands[b].colour);
  }
  for (int v = 0; v <= 100; v += 20)
    out += fmt::format(R"(<text x="{}" y="{}" text-anchor="middle" fill="#666666">{}</text>)", num(x0 + width * v / 100.0), num(y1 + 12), v);
  return out + "\n";
}

}  // namespace

std::string distribution_svg(const BenchmarkReport& r) {
  struct Box {
    std::string label;
    const Summary* summary;
    std::optional<double> subject;
    bool strong;
  };
  auto subject_score = [&](const std::vector<NamedScore> BenchmarkEntry::*member, std::string_view id) -> std::optional<double> {
    if (!r.subject) return std::nullopt;
    const NamedScore* s = r.subject->find((*r.subject).*member, id);
    return s ? s->score : std::nullopt;
  };
  std::vector<Box> boxes{{"Overall", &r.stats.overall, r.subject ? r.subject->overall : std::nullopt, true}};
  for (const auto& d : r.stats.layers) boxes.push_back({score_label(r, "layer", d.id), &d.summary, subject_score(&BenchmarkEntry::layers, d.id), true});
  for (const auto& d : r.stats.groups) boxes.push_back({score_label(r, "group", d.id), &d.summary, subject_score(&BenchmarkEntry::groups, d.id), false});
  if (r.stats.overall.n == 0) return "";
  constexpr double kLabel = 220, kAxis = 460, kRow = 18, kTop = 10;
  double height = kTop + kRow * static_cast<double>(boxes.size()) + 50;
  std::string out = fmt::format(
      R"(<svg xmlns="http://www.w3.org/2000/svg" class="boxplots" width="{}" height="{}" viewBox="0 0 {} {}" font-family="DejaVu Sans, sans-serif" font-size="10">)"
      "\n<title>Distribution of scores: box plots</title>\n",
      num(kLabel + kAxis + 20), num(height), num(kLabel + kAxis + 20), num(height));
  out += band_shading(r.model, kLabel, kAxis, kTop, kTop + kRow * static_cast<double>(boxes.size()));
  double y = kTop;
  auto x = [&](double v) { return kLabel + kAxis * v / 100; };
  for (const auto& b : boxes) {
    double mid = y + kRow / 2;
    out += fmt::format(R"(<text x="{}" y="{}" text-anchor="end"{}>{}</text>)", num(kLabel - 8), num(mid + 3.5), b.strong ? R"( font-weight="bold")" : "",
                       html_escape(b.label));
    const Summary& s = *b.summary;
    if (s.n > 0) {
      out += fmt::format(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#333333"/>)", num(x(s.min)), num(mid), num(x(s.max)), num(mid));
      out += fmt::format(R"(<rect x="{}" y="{}" width="{}" height="{}" fill="#ffffff" stroke="#333333"><title>{}</title></rect>)", num(x(s.p25)),
                         num(mid - 5), num(x(s.p75) - x(s.p25)), "10",
                         html_escape(fmt::format("{}: median {}, p25 {}, p75 {}, min {}, max {} (n = {})", b.label, score_text(s.median), score_text(s.p25),
                                                 score_text(s.p75), score_text(s.min), score_text(s.max), s.n)));
      out += fmt::format(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#111111" stroke-width="2"/>)", num(x(s.median)), num(mid - 5), num(x(s.median)),
                         num(mid + 5));
    }
    if (b.subject)
      out += fmt::format(R"(<path d="M {} {} l 4 4 l -4 4 l -4 -4 z" fill="#1f5fa8"><title>subject: {}</title></path>)", num(x(*b.subject)), num(mid - 4),
                         score_text(b.subject));
    out += "\n";
    y += kRow;
  }
  out += fmt::format(R"(<text x="{}" y="{}" fill="#666666">Box: p25 to p75, line: median, whiskers: min to max{}.</text>)", num(kLabel), num(y + 30),
                     r.subject ? "; diamond: the subject" : "");
  return out + "\n</svg>\n";
}

std::string trend_svg(const BenchmarkReport& r) {
  if (r.trend.size() < 1) return "";
  constexpr double kLeft = 40, kWidth = 560, kTop = 10, kHeight = 220, kLegend = 150;
  std::string out = fmt::format(
      R"(<svg xmlns="http://www.w3.org/2000/svg" class="trend" width="{}" height="{}" viewBox="0 0 {} {}" font-family="DejaVu Sans, sans-serif" font-size="10">)"
      "\n<title>Trend of the site's scores by visit</title>\n",
      num(kLeft + kWidth + kLegend), num(kTop + kHeight + 40), num(kLeft + kWidth + kLegend), num(kTop + kHeight + 40));
  auto y = [&](double v) { return kTop + kHeight * (1 - v / 100); };
  size_t n = r.trend.size();
  auto x = [&](size_t i) { return n == 1 ? kLeft + kWidth / 2 : kLeft + 20 + (kWidth - 40) * static_cast<double>(i) / static_cast<double>(n - 1); };
  if (r.model)
    for (size_t b = 0; b < r.model->bands.size(); ++b) {
      double lo = r.model->bands[b].lower, hi = b + 1 < r.model->bands.size() ? r.model->bands[b + 1].lower : 100;
      out += fmt::format(R"(<rect x="{}" y="{}" width="{}" height="{}" fill="{}" fill-opacity="0.15"/>)", num(kLeft), num(y(hi)), num(kWidth),
                         num(y(lo) - y(hi)), r.model->bands[b].colour);
    }
  for (int v = 0; v <= 100; v += 20)
    out += fmt::format(R"(<text x="{}" y="{}" text-anchor="end" fill="#666666">{}</text>)", num(kLeft - 4), num(y(v) + 3.5), v);
  for (size_t i = 0; i < n; ++i)
    out += fmt::format(R"(<text x="{}" y="{}" text-anchor="middle" fill="#666666">{}</text>)", num(x(i)), num(kTop + kHeight + 14),
                       html_escape(r.entries[r.trend[i]].date));
  const char* colours[] = {"#111111", "#1f5fa8", "#b5472b", "#3c8d4f", "#8a5fb0"};
  std::vector<std::pair<std::string, std::vector<std::optional<double>>>> lines;
  lines.push_back({"Overall", {}});
  for (size_t i : r.trend) lines[0].second.push_back(r.entries[i].overall);
  for (const auto& d : r.stats.layers) {
    lines.push_back({score_label(r, "layer", d.id), {}});
    for (size_t i : r.trend) {
      const NamedScore* s = r.entries[i].find(r.entries[i].layers, d.id);
      lines.back().second.push_back(s ? s->score : std::nullopt);
    }
  }
  for (size_t l = 0; l < lines.size(); ++l) {
    const char* colour = colours[l % 5];
    std::string path;
    for (size_t i = 0; i < n; ++i) {
      const auto& v = lines[l].second[i];
      if (!v) continue;
      path += fmt::format("{} {} {} ", path.empty() ? "M" : "L", num(x(i)), num(y(*v)));
      out += fmt::format(R"(<circle cx="{}" cy="{}" r="3" fill="{}"><title>{} {}: {}</title></circle>)", num(x(i)), num(y(*v)), colour,
                         html_escape(lines[l].first), html_escape(r.entries[r.trend[i]].date), score_text(v));
    }
    if (!path.empty())
      out += fmt::format(R"(<path d="{}" fill="none" stroke="{}" stroke-width="{}"/>)", path, colour, l == 0 ? "2.5" : "1.5");
    out += fmt::format(R"(<rect x="{}" y="{}" width="10" height="10" fill="{}"/><text x="{}" y="{}">{}</text>)", num(kLeft + kWidth + 12),
                       num(kTop + 16 * static_cast<double>(l)), colour, num(kLeft + kWidth + 26), num(kTop + 16 * static_cast<double>(l) + 9),
                       html_escape(lines[l].first));
    out += "\n";
  }
  return out + "</svg>\n";
}

}  // namespace cjb::render
