#include <filesystem>

#include <fmt/format.h>

#include "render/escape.h"
#include "render/report_text.h"

namespace cjb::render {

namespace {

// Report text keeps its line breaks, inside table cells too.
std::string text_escape(const std::string& text) { return markdown_escape(text, MarkdownBreak::Html); }

// A grid: names down a first column, one right-aligned column of figures per heading, the cell
// of row r and column c from cell_text(r, c).
template <class CellText>
Table grid_table(const std::string& first, const std::vector<std::string>& headings, const std::vector<std::string>& names,
                 CellText cell_text) {
  Table table;
  table.header = {first};
  table.align = {Align::Left};
  for (const auto& heading : headings) {
    table.header.push_back(heading);
    table.align.push_back(Align::Right);
  }
  for (size_t r = 0; r < names.size(); ++r) {
    std::vector<Cell> row = {text_cell(names[r])};
    for (size_t c = 0; c < headings.size(); ++c) row.push_back(text_cell(cell_text(r, c)));
    table.rows.push_back(std::move(row));
  }
  return table;
}

// A link target: spaces and brackets percent-encoded so the link does not end early.
std::string link_target(const std::string& path) {
  std::string out;
  for (char c : path) {
    if (c == ' ' || c == '(' || c == ')' || c == '<' || c == '>' || c == '%') out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    else out += c;
  }
  return out;
}

// The photos of a cell as links, relative to the folder the report is written to (base).
std::string photo_links(const Cell& cell, const std::string& base) {
  namespace fs = std::filesystem;
  std::string out;
  for (const auto& ref : cell.photos) {
    std::string target = ref.path;
    if (!base.empty()) {
      fs::path relative = fs::absolute(ref.path).lexically_normal().lexically_relative(fs::absolute(base).lexically_normal());
      if (!relative.empty()) target = relative.generic_string();
    }
    out += fmt::format("<br>[Photo: {}]({})", text_escape(ref.caption.empty() ? ref.file : ref.caption), link_target(target));
  }
  return out;
}

void table_markdown(std::string& out, const Table& table, const std::string& photo_base = "") {
  out += "|";
  for (const auto& h : table.header) out += " " + text_escape(h) + " |";
  out += "\n|";
  for (size_t i = 0; i < table.header.size(); ++i) {
    Align a = i < table.align.size() ? table.align[i] : Align::Left;
    out += a == Align::Right ? " ---: |" : a == Align::Centre ? " :---: |" : " --- |";
  }
  out += "\n";
  for (size_t r = 0; r < table.rows.size(); ++r) {
    bool strong = r < table.emphasised.size() && table.emphasised[r];
    out += "|";
    for (const auto& cell : table.rows[r]) {
      std::string text = text_escape(cell.text);
      // Indent nested rows with non-breaking spaces (Markdown drops leading spaces in cells).
      std::string indent;
      for (int i = 0; i < cell.indent; ++i) indent += "\u00A0\u00A0\u00A0\u00A0";
      if ((strong || cell.bold) && !text.empty()) text = "**" + text + "**";
      if (!cell.detail.empty()) text += "<br>*" + text_escape(cell.detail) + "*";
      text += photo_links(cell, photo_base);
      out += " " + indent + text + " |";
    }
    out += "\n";
  }
  out += "\n";
}

void block_markdown(std::string& out, const Block& block, const std::string& photo_base) {
  if (auto* h = std::get_if<Heading>(&block)) {
    out += std::string(static_cast<size_t>(h->level + 1), '#') + " " + text_escape(h->text) + "\n\n";
  } else if (auto* p = std::get_if<Paragraph>(&block)) {
    out += p->muted ? "*" + text_escape(p->text) + "*\n\n" : text_escape(p->text) + "\n\n";
  } else if (auto* b = std::get_if<BulletList>(&block)) {
    for (const auto& item : b->items) out += "- " + text_escape(item) + "\n";
    out += "\n";
  } else if (auto* t = std::get_if<Table>(&block)) {
    table_markdown(out, *t, photo_base);
  } else if (auto* k = std::get_if<KeyFigures>(&block)) {
    Table table;
    table.header = {"Figure", "Value", "Detail"};
    table.align = {Align::Left, Align::Right, Align::Left};
    for (const auto& f : k->figures) table.rows.push_back({text_cell(f.label), text_cell(f.value, true), text_cell(f.detail)});
    table_markdown(out, table);
  } else if (auto* radar = std::get_if<RadarChart>(&block)) {
    out += "*" + text_escape(radar->caption) + "*\n\n";
    std::vector<std::string> series;
    for (const auto& s : radar->series) series.push_back(s.label);
    Table table = grid_table("Group", series, radar->axes, [&](size_t r, size_t c) {
      const auto& values = radar->series[c].values;
      return r < values.size() && values[r] ? fmt::format("{:.1f}", *values[r]) : std::string("–");
    });
    table_markdown(out, table);
  } else if (auto* bars = std::get_if<BarChart>(&block)) {
    out += "*" + text_escape(bars->caption) + "*\n\n";
    Table table;
    table.header = {"Group", "Gap", ""};
    table.align = {Align::Left, Align::Right, Align::Left};
    for (const auto& bar : bars->bars) {
      int blocks = static_cast<int>(bar.value / bars->max * 20 + 0.5);
      std::string drawn;
      for (int i = 0; i < blocks; ++i) drawn += "█";
      table.rows.push_back({text_cell(bar.label), text_cell(bar.value_text), text_cell(drawn)});
    }
    table_markdown(out, table);
  } else if (auto* map = std::get_if<JourneyMap>(&block)) {
    out += "*" + text_escape(map->caption) + "*\n\n";
    std::vector<std::string> lanes;
    for (const auto& lane : map->lanes) lanes.push_back(lane.label);
    std::vector<std::string> names;
    for (size_t i = 0; i < map->labels.size(); ++i) names.push_back(fmt::format("{}. {}", i + 1, map->labels[i]));
    Table table = grid_table("Touchpoint", lanes, names, [&](size_t r, size_t c) {
      const JourneyCell& cell = map->lanes[c].cells[r];
      return cell.in_scope ? cell.text + (cell.critical ? " !" : "") : std::string("n/a");
    });
    table_markdown(out, table);
  } else if (auto* legend = std::get_if<BandLegend>(&block)) {
    std::string line = "Bands:";
    for (size_t i = 0; i < legend->entries.size(); ++i)
      line += fmt::format("{} {} ({})", i ? "," : "", legend->entries[i].label, legend->entries[i].range);
    out += "*" + text_escape(line) + "*\n\n";
  }
}

}  // namespace

std::string render_markdown(const Document& d, const std::string& photo_base) {
  std::string out;
  out += "# " + text_escape(d.cover.kicker) + "\n\n";
  out += "**" + text_escape(d.cover.title) + "**";
  if (!d.cover.subtitle.empty()) out += " — " + text_escape(d.cover.subtitle);
  out += "\n\n";
  for (const auto& f : d.cover.facts) out += "- " + text_escape(f.label) + ": " + text_escape(f.value) + "\n";
  out += "\n";
  out += fmt::format("**Overall score: {} ({})** — {}\n\n", text_escape(d.cover.score), text_escape(d.cover.band),
                     text_escape(d.cover.target_line));
  if (!d.author.empty()) out += "*" + text_escape(d.author) + " · " + text_escape(d.cover.note) + "*\n\n";
  for (const auto& section : d.sections) {
    if (section.id == "cover") continue;
    out += "## " + text_escape(section.title) + "\n\n";
    for (const auto& block : section.blocks) block_markdown(out, block, photo_base);
  }
  // One trailing newline.
  while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

}  // namespace cjb::render
