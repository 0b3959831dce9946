#include <nlohmann/json.hpp>

#include "render/report_text.h"

namespace cjb::render {

namespace {

using json = nlohmann::ordered_json;

const char* align_name(Align a) { return a == Align::Right ? "right" : a == Align::Centre ? "centre" : "left"; }

json optional_number(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

json cell_json(const Cell& c) {
  json j = {{"text", c.text}};
  if (!c.fill.empty()) j["fill"] = c.fill;
  if (!c.ink.empty()) j["ink"] = c.ink;
  if (c.bold) j["bold"] = true;
  if (c.indent) j["indent"] = c.indent;
  if (!c.detail.empty()) j["detail"] = c.detail;
  return j;
}

json legend_json(const std::vector<LegendEntry>& entries) {
  json list = json::array();
  for (const auto& e : entries) list.push_back({{"label", e.label}, {"range", e.range}, {"colour", e.colour}});
  return list;
}

json block_json(const Block& block) {
  if (auto* h = std::get_if<Heading>(&block)) return {{"type", "heading"}, {"level", h->level}, {"text", h->text}};
  if (auto* p = std::get_if<Paragraph>(&block)) return {{"type", "paragraph"}, {"muted", p->muted}, {"text", p->text}};
  if (auto* b = std::get_if<BulletList>(&block)) return {{"type", "bullets"}, {"items", b->items}};
  if (auto* t = std::get_if<Table>(&block)) {
    json align = json::array(), rows = json::array();
    for (auto a : t->align) align.push_back(align_name(a));
    for (size_t r = 0; r < t->rows.size(); ++r) {
      json cells = json::array();
      for (const auto& c : t->rows[r]) cells.push_back(cell_json(c));
      rows.push_back({{"emphasised", r < t->emphasised.size() && t->emphasised[r]}, {"cells", cells}});
    }
    return {{"type", "table"}, {"header", t->header}, {"align", align}, {"widths", t->widths}, {"rows", rows}};
  }
  if (auto* k = std::get_if<KeyFigures>(&block)) {
    json list = json::array();
    for (const auto& f : k->figures) list.push_back({{"label", f.label}, {"value", f.value}, {"detail", f.detail}, {"colour", f.colour}});
    return {{"type", "key_figures"}, {"figures", list}};
  }
  if (auto* r = std::get_if<RadarChart>(&block)) {
    json series = json::array();
    for (const auto& s : r->series) {
      json values = json::array();
      for (const auto& v : s.values) values.push_back(optional_number(v));
      series.push_back({{"label", s.label}, {"colour", s.colour}, {"values", values}, {"filled", s.filled}, {"dashed", s.dashed}});
    }
    return {{"type", "radar"}, {"caption", r->caption}, {"axes", r->axes}, {"series", series}};
  }
  if (auto* b = std::get_if<BarChart>(&block)) {
    json bars = json::array();
    for (const auto& bar : b->bars)
      bars.push_back({{"label", bar.label}, {"value", bar.value}, {"text", bar.value_text}, {"colour", bar.colour}});
    return {{"type", "bars"}, {"caption", b->caption}, {"unit", b->unit}, {"max", b->max}, {"bars", bars}};
  }
  if (auto* m = std::get_if<JourneyMap>(&block)) {
    json lanes = json::array();
    for (const auto& lane : m->lanes) {
      json cells = json::array();
      for (const auto& c : lane.cells)
        cells.push_back({{"score", optional_number(c.score)}, {"text", c.text}, {"fill", c.fill}, {"critical", c.critical}, {"in_scope", c.in_scope}});
      lanes.push_back({{"channel", lane.channel}, {"label", lane.label}, {"cells", cells}});
    }
    return {{"type", "journey"}, {"caption", m->caption}, {"touchpoints", m->touchpoints}, {"labels", m->labels}, {"lanes", lanes},
            {"transitions", m->transitions}};
  }
  if (auto* f = std::get_if<DrawnFigure>(&block)) return {{"type", "figure"}, {"caption", f->caption}};
  const auto& legend = std::get<BandLegend>(block);
  return {{"type", "legend"}, {"entries", legend_json(legend.entries)}};
}

}  // namespace

std::string render_report_json(const Document& d) {
  json facts = json::array();
  for (const auto& f : d.cover.facts) facts.push_back({{"label", f.label}, {"value", f.value}});
  json sections = json::array();
  for (const auto& s : d.sections) {
    json blocks = json::array();
    for (const auto& b : s.blocks) blocks.push_back(block_json(b));
    sections.push_back({{"id", s.id}, {"title", s.title}, {"blocks", blocks}});
  }
  json doc = {{"schema", "cjb.report/1"},
              {"title", d.title},
              {"consultancy", d.consultancy},
              {"author", d.author},
              {"cover",
               {{"kicker", d.cover.kicker},
                {"title", d.cover.title},
                {"subtitle", d.cover.subtitle},
                {"facts", facts},
                {"score", d.cover.score},
                {"band", d.cover.band},
                {"band_colour", d.cover.band_colour},
                {"target", d.cover.target_line},
                {"note", d.cover.note}}},
              {"bands", legend_json(d.bands)},
              {"sections", sections}};
  return doc.dump(2) + "\n";
}

}  // namespace cjb::render
