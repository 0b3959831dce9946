#include "render/agreement_report.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/printable.h"
#include "render/format.h"
#include "render/text_table.h"

namespace cjb::render {

namespace {

using Json = nlohmann::ordered_json;

Json json_number(std::optional<double> v) { return v ? Json(*v) : Json(nullptr); }

std::optional<double> difference(std::optional<double> b, std::optional<double> a) {
  return a && b ? std::optional<double>(*b - *a) : std::nullopt;
}

std::string signed_text(std::optional<double> v) { return v ? fmt::format("{:+.1f}", *v) : std::string("–"); }

std::string answer_text(std::optional<int> level, bool na) {
  if (level) return std::to_string(*level);
  return na ? "N/A" : "–";
}

std::string kappa_text(const ScaleKappa& k) {
  return k.kappa ? fmt::format("{:.2f} {}", *k.kappa, kappa_words(*k.kappa)) : std::string("– (undefined)");
}

std::string item_text(const Instrument& instrument, const std::string& id) {
  const ScopedItem* scoped = instrument.find(id);
  return scoped ? scoped->item->text : std::string();
}

std::string visit(const Assessment& a) {
  return a.meta.assessor.empty() ? a.meta.date : fmt::format("{}, {}", a.meta.date, a.meta.assessor);
}

TextTable kappa_table(const Agreement& g) {
  TextTable t{{"scale", "levels", "weighting", "items", "kappa"}, {Align::Left, Align::Left, Align::Left, Align::Right, Align::Left}, {}};
  for (const auto& k : g.kappas)
    t.rows.push_back({k.scale, fmt::format("0–{}", k.categories - 1), k.weights == KappaWeights::Quadratic ? "quadratic-weighted" : "plain",
                      std::to_string(k.items), kappa_text(k)});
  return t;
}

TextTable score_table(const Agreement& g) {
  TextTable t{{"", "A", "B", "B − A"}, {Align::Left, Align::Right, Align::Right, Align::Right}, {}};
  t.rows.push_back({"overall", score_text(g.overall_a), score_text(g.overall_b), signed_text(printed_change(g.overall_b, g.overall_a))});
  for (const auto& l : g.layers) t.rows.push_back({l.id, score_text(l.a), score_text(l.b), signed_text(printed_change(l.b, l.a))});
  return t;
}

}  // namespace

const char* kappa_words(double kappa) {
  if (kappa < 0) return "poor";
  if (kappa <= 0.20) return "slight";
  if (kappa <= 0.40) return "fair";
  if (kappa <= 0.60) return "moderate";
  if (kappa <= 0.80) return "substantial";
  return "almost perfect";
}

std::string agreement_text(const AgreementInput& in) {
  const Agreement& g = *in.agreement;
  std::string out = fmt::format("Agreement: {} — {}\n  A: {} ({})\n  B: {} ({})\n\n", printable(in.a->subject.retailer),
                                printable(in.a->subject.site), in.file_a, printable(visit(*in.a)), in.file_b, printable(visit(*in.b)));
  out += fmt::format("Answered alike: {} of {} items answered in either ({})\n", g.alike, g.compared,
                     g.compared ? fmt::format("{:.1f}%", 100.0 * static_cast<double>(g.alike) / static_cast<double>(g.compared)) : "–");
  out += "\nKappa (items with a level in both)\n" + format_table(kappa_table(g));
  out += "\nScores\n" + format_table(score_table(g));
  if (g.disagreements.empty()) return out + "\nNo disagreement.\n";
  const size_t shown = std::min(in.top, g.disagreements.size());
  out += fmt::format("\nWidest disagreements ({} of {})\n", shown, g.disagreements.size());
  TextTable t{{"item", "A", "B", "gap"}, {Align::Left, Align::Right, Align::Right, Align::Right}, {}};
  for (size_t i = 0; i < shown; ++i) {
    const Disagreement& d = g.disagreements[i];
    t.rows.push_back({d.item, answer_text(d.level_a, d.na_a), answer_text(d.level_b, d.na_b), fmt::format("{:.0f}%", 100 * d.gap)});
  }
  // Each row followed by what the item asks, as compare does.
  std::string table = format_table(t);
  size_t line_end = table.find('\n');
  out += table.substr(0, line_end + 1);
  for (size_t i = 0; i < shown; ++i) {
    size_t next = table.find('\n', line_end + 1);
    out += table.substr(line_end + 1, next - line_end) + fmt::format("    {}\n", printable(item_text(*in.instrument, g.disagreements[i].item)));
    line_end = next;
  }
  return out;
}

std::string agreement_json(const AgreementInput& in) {
  const Agreement& g = *in.agreement;
  auto side = [](const Assessment& a, const std::string& file) {
    return Json{{"file", file}, {"id", a.id}, {"assessor", a.meta.assessor}, {"date", a.meta.date}};
  };
  Json j;
  j["schema"] = "cjb.agree/1";
  j["a"] = side(*in.a, in.file_a);
  j["b"] = side(*in.b, in.file_b);
  j["compared"] = g.compared;
  j["alike"] = g.alike;
  j["alike_share"] = g.compared ? Json(static_cast<double>(g.alike) / static_cast<double>(g.compared)) : Json(nullptr);
  Json kappas = Json::array();
  for (const auto& k : g.kappas)
    kappas.push_back(Json{{"scale", k.scale}, {"categories", k.categories},
                          {"weights", k.weights == KappaWeights::Quadratic ? "quadratic" : "plain"}, {"items", k.items},
                          {"kappa", json_number(k.kappa)}});
  j["kappas"] = std::move(kappas);
  j["overall"] = Json{{"a", json_number(g.overall_a)}, {"b", json_number(g.overall_b)},
                      {"difference", json_number(difference(g.overall_b, g.overall_a))}};
  Json layers = Json::array();
  for (const auto& l : g.layers)
    layers.push_back(Json{{"id", l.id}, {"a", json_number(l.a)}, {"b", json_number(l.b)}, {"difference", json_number(difference(l.b, l.a))}});
  j["layers"] = std::move(layers);
  auto answer = [](std::optional<int> level, bool na) {
    return Json{{"level", level ? Json(*level) : Json(nullptr)}, {"na", na}};
  };
  Json disagreements = Json::array();
  for (const auto& d : g.disagreements)
    disagreements.push_back(Json{{"item", d.item}, {"text", item_text(*in.instrument, d.item)}, {"a", answer(d.level_a, d.na_a)},
                                 {"b", answer(d.level_b, d.na_b)}, {"gap", d.gap}});
  j["disagreements"] = std::move(disagreements);
  return j.dump(2) + "\n";
}

}  // namespace cjb::render
