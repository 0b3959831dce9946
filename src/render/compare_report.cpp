#include "render/compare_report.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "sheet/csv_writer.h"
#include "render/format.h"
#include "render/text_table.h"

namespace cjb::render {

using sheet::csv_row;

namespace {

using Json = nlohmann::ordered_json;

// The item kinds in the order a reader wants them: what got worse first.
constexpr ItemChange kReportOrder[] = {ItemChange::NewlyCritical, ItemChange::Regressed, ItemChange::NoLongerAnswered,
                                       ItemChange::Improved,      ItemChange::NewlyAnswered, ItemChange::Added,
                                       ItemChange::Removed};

const char* heading(ItemChange c) {
  switch (c) {
    case ItemChange::NewlyCritical: return "Newly critical";
    case ItemChange::Regressed: return "Regressed";
    case ItemChange::NoLongerAnswered: return "Answered before, not now";
    case ItemChange::Improved: return "Improved";
    case ItemChange::NewlyAnswered: return "Answered now, not before";
    case ItemChange::Added: return "Added (in the new checklists only)";
    case ItemChange::Removed: return "Removed (in the old checklists only)";
    case ItemChange::Unchanged: return "Unchanged";
  }
  return "";
}

std::string side_text(const std::optional<ItemSide>& side) {
  if (!side) return "not in scope";
  switch (side->status) {
    case ItemStatus::Answered: return fmt::format("level {}", *side->level);
    case ItemStatus::NotApplicable: return "n/a";
    case ItemStatus::Unanswered: return "unanswered";
    case ItemStatus::Waived: return "waived";
  }
  return "";
}

std::string signed_text(std::optional<double> v) { return v ? fmt::format("{:+.1f}", *v) : std::string("–"); }
std::string number_text(std::optional<double> v) { return v ? fmt::format("{}", *v) : std::string(); }
Json json_number(std::optional<double> v) { return v ? Json(*v) : Json(nullptr); }

std::string summary_line(const ScorecardDiff& d) {
  std::string text;
  for (ItemChange c : {ItemChange::Improved, ItemChange::Regressed, ItemChange::NewlyCritical, ItemChange::NoLongerAnswered,
                       ItemChange::NewlyAnswered, ItemChange::Added, ItemChange::Removed, ItemChange::Unchanged})
    text += fmt::format("{}{} {}", text.empty() ? "" : ", ", d.count(c), to_string(c));
  return text;
}

TextTable score_table(const ScorecardDiff& d) {
  TextTable t;
  t.header = {"score", "before", "after", "change", ""};
  t.align = {Align::Left, Align::Right, Align::Right, Align::Right, Align::Left};
  for (const auto& s : d.scores)
    t.rows.push_back({s.kind == "overall" ? "overall" : s.kind + " " + s.id, score_text(s.before), score_text(s.after),
                      signed_text(printed_change(s.after, s.before)), s.change});
  return t;
}

TextTable item_table(const ScorecardDiff& d, ItemChange change) {
  TextTable t;
  t.header = {"item", "group", "channel", "before", "after", "score change"};
  t.align = {Align::Left, Align::Left, Align::Left, Align::Left, Align::Left, Align::Right};
  for (const auto& i : d.items)
    if (i.change == change) t.rows.push_back({i.id, i.group, i.channel, side_text(i.before), side_text(i.after), signed_text(i.delta)});
  return t;
}

// The HTML table also names each item by its statement and finding.
TextTable item_table_with_text(const ScorecardDiff& d, ItemChange change) {
  TextTable t = item_table(d, change);
  t.header.insert(t.header.begin() + 1, {"statement", "finding"});
  t.align.insert(t.align.begin() + 1, {Align::Left, Align::Left});
  size_t row = 0;
  for (const auto& i : d.items)
    if (i.change == change) {
      t.rows[row].insert(t.rows[row].begin() + 1, {i.text, i.finding});
      ++row;
    }
  return t;
}

std::string title(const ScorecardDiff& d) {
  return fmt::format("{} ({}) → {} ({})", d.before_id, d.before_date, d.after_id, d.after_date);
}

Json json_side(const std::optional<ItemSide>& side) {
  if (!side) return nullptr;
  Json j;
  j["status"] = to_string(side->status);
  j["level"] = side->level ? Json(*side->level) : Json(nullptr);
  j["score"] = json_number(side->score);
  j["critical"] = side->critical;
  return j;
}

}  // namespace

// Under each row of an item table: what the item asks and what was found, so that "Newly
// critical: J-RET-O-02" says what it is.
std::string item_lines(const ItemDiff& i) {
  std::string out = fmt::format("    {}\n", i.text);
  if (!i.finding.empty()) out += fmt::format("    found: {}\n", i.finding);
  return out;
}

// One kind of change: the table's header, then each row followed by its text and finding.
std::string item_block(const ScorecardDiff& d, ItemChange c, const TextTable& t) {
  std::string table = format_table(t);
  size_t line_end = table.find('\n');
  std::string out = table.substr(0, line_end + 1);
  for (const auto& i : d.items) {
    if (i.change != c) continue;
    size_t next = table.find('\n', line_end + 1);
    out += table.substr(line_end + 1, next - line_end) + item_lines(i);
    line_end = next;
  }
  return out;
}

std::string compare_text(const ScorecardDiff& d) {
  std::string out = "Compare " + title(d) + "\n\nScores\n" + format_table(score_table(d));
  out += "\nItems: " + summary_line(d) + "\n";
  for (ItemChange c : kReportOrder) {
    TextTable t = item_table(d, c);
    if (t.rows.empty()) continue;
    out += fmt::format("\n{} ({})\n", heading(c), t.rows.size()) + item_block(d, c, t);
  }
  return out;
}

std::string compare_json(const ScorecardDiff& d) {
  Json j;
  j["schema"] = "cjb.compare/1";
  j["before"] = Json{{"id", d.before_id}, {"date", d.before_date}};
  j["after"] = Json{{"id", d.after_id}, {"date", d.after_date}};
  Json counts = Json::object();
  for (ItemChange c : {ItemChange::Improved, ItemChange::Regressed, ItemChange::NewlyCritical, ItemChange::NoLongerAnswered,
                       ItemChange::NewlyAnswered, ItemChange::Added, ItemChange::Removed, ItemChange::Unchanged})
    counts[to_string(c)] = d.count(c);
  j["counts"] = counts;
  Json scores = Json::array();
  for (const auto& s : d.scores)
    scores.push_back(Json{{"kind", s.kind}, {"id", s.id}, {"before", json_number(s.before)}, {"after", json_number(s.after)},
                          {"delta", json_number(s.delta)},
                          {"printed_change", json_number(printed_change(s.after, s.before))}, {"change", s.change}});
  j["scores"] = std::move(scores);
  Json items = Json::array();
  for (const auto& i : d.items)
    items.push_back(Json{{"id", i.id}, {"text", i.text}, {"finding", i.finding}, {"group", i.group}, {"channel", i.channel}, {"change", to_string(i.change)},
                         {"before", json_side(i.before)}, {"after", json_side(i.after)}, {"delta", json_number(i.delta)}});
  j["items"] = std::move(items);
  return j.dump(2) + "\n";
}

std::string compare_csv(const ScorecardDiff& d) {
  std::string out = csv_row({"item", "group", "channel", "change", "before_status", "before_level", "before_score",
                             "after_status", "after_level", "after_score", "delta", "text", "finding"});
  auto cells = [](const std::optional<ItemSide>& s) -> std::vector<std::string> {
    if (!s) return {"", "", ""};
    return {to_string(s->status), s->level ? std::to_string(*s->level) : "", number_text(s->score)};
  };
  for (const auto& i : d.items) {
    std::vector<std::string> row{i.id, i.group, i.channel, to_string(i.change)};
    for (auto& c : cells(i.before)) row.push_back(c);
    for (auto& c : cells(i.after)) row.push_back(c);
    row.push_back(number_text(i.delta));
    row.push_back(i.text);
    row.push_back(i.finding);
    out += csv_row(row);
  }
  return out;
}

std::string compare_html(const ScorecardDiff& d) {
  std::string out = "<h1>Compare " + html_escape(title(d)) + "</h1>\n";
  out += "<h2>Scores</h2>\n" + html_table(score_table(d));
  out += "<p>Items: " + html_escape(summary_line(d)) + "</p>\n";
  for (ItemChange c : kReportOrder) {
    TextTable t = item_table_with_text(d, c);
    if (t.rows.empty()) continue;
    out += fmt::format("<h2>{} ({})</h2>\n", html_escape(heading(c)), t.rows.size()) + html_table(t);
  }
  return html_document("cjb compare " + title(d), out);
}

}  // namespace cjb::render
