#include "render/benchmark_heatmap.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "render/escape.h"
#include "render/format.h"

namespace cjb::render {

Heatmap build_heatmap(const BenchmarkReport& r, bool by_region) {
  Heatmap h;
  // Columns: every (channel, touchpoint) any row has, channel by channel in model order.
  std::map<std::pair<int, int>, std::pair<std::string_view, std::string_view>> seen;
  for (const auto& row : r.rows)
    for (const auto& t : r.entries[row.entry].touchpoints) {
      int c = 0, g = 0;
      if (r.model) {
        for (size_t i = 0; i < r.model->channels.size(); ++i)
          if (r.model->channels[i].id == t.channel) c = static_cast<int>(i);
        g = r.model->group_index(std::string(t.group));
      }
      seen.emplace(std::pair{c, g}, std::pair{t.group, t.channel});
    }
  for (const auto& [order, ids] : seen)
    h.columns.push_back({ids.first, ids.second, score_label(r, "group", ids.first), score_label(r, "channel", ids.second)});

  std::map<std::string, size_t> block_of;
  if (!by_region) h.blocks.push_back({"", {}});
  bool retailer = several_retailers(r);
  for (const auto& site_row : r.rows) {
    const BenchmarkEntry& e = r.entries[site_row.entry];
    std::string name = retailer ? with_retailer(e.subject.retailer, e.subject.site) : e.subject.site;
    Heatmap::Row row{e.site_key(), std::move(name), e.subject.region, e.overall, {}};
    for (const auto& col : h.columns) {
      std::optional<double> score;
      for (const auto& t : e.touchpoints)
        if (t.group == col.group && t.channel == col.channel) score = t.score;
      row.cells.push_back(score);
    }
    size_t block = 0;
    if (by_region) {
      auto [it, fresh] = block_of.emplace(e.subject.region, h.blocks.size());
      if (fresh) h.blocks.push_back({e.subject.region.empty() ? "(none)" : e.subject.region, {}});
      block = it->second;
    }
    h.blocks[block].rows.push_back(std::move(row));
  }
  if (by_region)
    std::stable_sort(h.blocks.begin(), h.blocks.end(), [](const Heatmap::Block& a, const Heatmap::Block& b) {
      if ((a.title == "(none)") != (b.title == "(none)")) return b.title == "(none)";
      return a.title < b.title;
    });
  return h;
}

std::string heat_colour(const Model* model, std::optional<double> score) {
  if (!model || !score) return "#eeeeee";
  const Band* band = model->band_for(*score);
  return band ? band->colour : "#eeeeee";
}

namespace {

constexpr double kLabelWidth = 230, kCell = 18, kRow = 14, kHeader = 180, kBlockGap = 22;  // the header holds "Product information and advice" upright under its channel

std::string num(double v) { return fmt::format("{:.1f}", v); }

}  // namespace

std::string heatmap_svg(const BenchmarkReport& r, const Heatmap& h) {
  size_t rows = 0;
  for (const auto& b : h.blocks) rows += b.rows.size();
  size_t bands = r.model ? r.model->bands.size() : 0;
  double width = kLabelWidth + kCell * static_cast<double>(h.columns.size()) + 20;
  width = std::max(width, 140.0 * static_cast<double>(bands + 1) + 20);
  double height = kHeader + kRow * static_cast<double>(rows) + kBlockGap * static_cast<double>(h.blocks.size()) + 60;
  std::string out = fmt::format(
      R"(<svg xmlns="http://www.w3.org/2000/svg" class="heatmap" width="{}" height="{}" viewBox="0 0 {} {}" font-family="DejaVu Sans, sans-serif" font-size="10">)"
      "\n",
      num(width), num(height), num(width), num(height));
  out += "<title>Chain heat map: sites by touchpoint and channel, coloured by band</title>\n";
  // Channel headers over their columns, touchpoint names turned upright.
  for (size_t c = 0; c < h.columns.size(); ++c) {
    double x = kLabelWidth + kCell * static_cast<double>(c);
    if (c == 0 || h.columns[c].channel != h.columns[c - 1].channel) {
      size_t span = 0;
      while (c + span < h.columns.size() && h.columns[c + span].channel == h.columns[c].channel) ++span;
      out += fmt::format(R"(<text x="{}" y="14" font-weight="bold">{}</text>)", num(x), html_escape(h.columns[c].channel_label));
      out += fmt::format(R"(<line x1="{}" y1="18" x2="{}" y2="18" stroke="#555555"/>)", num(x), num(x + kCell * static_cast<double>(span) - 2));
      out += "\n";
    }
    out += fmt::format(R"svg(<text transform="translate({},{}) rotate(-90)" font-size="9">{}</text>)svg", num(x + kCell / 2 + 3), num(kHeader - 6),
                       html_escape(h.columns[c].group_label));
    out += "\n";
  }
  double y = kHeader;
  for (const auto& block : h.blocks) {
    if (!block.title.empty()) {
      y += kBlockGap - 6;
      out += fmt::format(R"(<text x="4" y="{}" font-weight="bold" font-size="11">{} ({} sites)</text>)", num(y - 4), html_escape(block.title),
                         block.rows.size());
      out += "\n";
    }
    for (const auto& row : block.rows) {
      out += fmt::format(R"(<text x="4" y="{}">{}</text><text x="60" y="{}">{}</text><text x="{}" y="{}" text-anchor="end">{}</text>)",
                         num(y + kRow - 4), html_escape(row.site_id), num(y + kRow - 4), html_escape(row.name), num(kLabelWidth - 6),
                         num(y + kRow - 4), score_text(row.overall));
      for (size_t c = 0; c < h.columns.size(); ++c) {
        const auto& cell = row.cells[c];
        out += fmt::format(
            R"(<rect x="{}" y="{}" width="{}" height="{}" fill="{}" data-site="{}" data-group="{}" data-channel="{}" data-score="{}"><title>{}</title></rect>)",
            num(kLabelWidth + kCell * static_cast<double>(c)), num(y + 1), num(kCell - 2), num(kRow - 2), heat_colour(r.model, cell),
            html_escape(row.site_id), html_escape(std::string(h.columns[c].group)), html_escape(std::string(h.columns[c].channel)),
            cell ? fmt::format("{}", *cell) : "",
            html_escape(fmt::format("{} {} · {} · {}: {}", row.site_id, row.name, h.columns[c].group_label, h.columns[c].channel_label,
                                    cell ? score_text(cell) : "no score")));
      }
      out += "\n";
      y += kRow;
    }
  }
  // The legend: the model's bands, lowest first, and the colour of "no score".
  y += 24;
  double x = 4;
  auto key = [&](const std::string& colour, const std::string& label) {
    out += fmt::format(R"(<rect x="{}" y="{}" width="12" height="12" fill="{}" stroke="#999999" stroke-width="0.5"/><text x="{}" y="{}">{}</text>)",
                       num(x), num(y - 10), colour, num(x + 16), num(y), html_escape(label));
    x += 140;
  };
  if (r.model)
    for (size_t b = 0; b < r.model->bands.size(); ++b) {
      const Band& band = r.model->bands[b];
      std::string range = b + 1 < r.model->bands.size() ? fmt::format("{:g}–{:g}", band.lower, r.model->bands[b + 1].lower) : fmt::format("{:g}+", band.lower);
      key(band.colour, band.label + " " + range);
    }
  key("#eeeeee", "no score");
  out += "\n</svg>\n";
  return out;
}

}  // namespace cjb::render
