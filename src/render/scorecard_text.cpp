#include "render/scorecard_text.h"

#include <algorithm>
#include <cstdio>
#include <string_view>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "render/format.h"
#include "util/utf8.h"

namespace cjb::render {

namespace {

constexpr size_t kLabelWidth = 36;

// Text from the files, made harmless for a terminal: control characters (C0, DEL and C1, which
// could carry escape sequences that move the cursor or recolour the screen) become '?'.
std::string clean(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    auto byte = static_cast<unsigned char>(text[i]);
    bool c1 = byte == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
              static_cast<unsigned char>(text[i + 1]) <= 0x9F;
    if (byte < 0x20 || byte == 0x7F || c1) {
      out += '?';
      if (c1) ++i;
      continue;
    }
    out += text[i];
  }
  return out;
}

// Text cut to at most width columns (with "…" when cut) and padded with spaces to width.
std::string fit(const std::string& text, size_t width) {
  size_t columns = utf8::length(text);
  if (columns <= width) return text + std::string(width - columns, ' ');
  return utf8::shorten(text, width);
}

class Painter {
 public:
  explicit Painter(bool on) : on_(on) {}
  std::string bold(const std::string& text) const { return on_ ? "\x1b[1m" + text + "\x1b[0m" : text; }
  std::string red(const std::string& text) const { return on_ ? "\x1b[31m" + text + "\x1b[0m" : text; }
  std::string dim(const std::string& text) const { return on_ ? "\x1b[2m" + text + "\x1b[0m" : text; }
  // text in the band's colour (#RRGGBB as a 24-bit terminal colour).
  std::string band(const std::string& text, const Band* band) const {
    unsigned r, g, b;
    if (!on_ || !band || band->colour.size() != 7 || std::sscanf(band->colour.c_str(), "#%2x%2x%2x", &r, &g, &b) != 3) return text;
    return fmt::format("\x1b[38;2;{};{};{}m{}\x1b[0m", r, g, b, text);
  }

 private:
  bool on_;
};

std::string completeness_text(int answered, int applicable, std::optional<double> completeness) {
  std::string share = completeness ? fmt::format("{:.0f}%", *completeness * 100) : "–";
  return fmt::format("{:>8} {:>4}", fmt::format("{}/{}", answered, applicable), share);
}

std::string band_label(const Band* band) { return band ? clean(band->label) : "–"; }

// One row of a figure; strong rows (overall, layers) have their label in bold.
std::string figure_row(const Painter& paint, const std::string& label, const Figure& f, bool strong = false) {
  std::string name = fit(label, kLabelWidth);
  return fmt::format("{} {:>6}  {} {:>6} {:>6} {}\n", strong ? paint.bold(name) : name, score_text(f.score),
                     paint.band(fit(band_label(f.band), 12), f.band), fmt::format("{:.1f}", f.target),
                     f.gap ? fmt::format("{:.1f}", *f.gap) : "–", completeness_text(f.answered, f.applicable, f.completeness));
}

// "section 40.0 (58.3 before the cap)", or "section 12.5 (below the cap)" when the cap changed nothing.
std::string cap_text(const SectionResult& section) {
  if (!section.score || !section.uncapped) return "section –";
  if (*section.uncapped > *section.score)
    return fmt::format("section {} ({} before the cap)", score_text(section.score), score_text(section.uncapped));
  return fmt::format("section {} (below the cap)", score_text(section.score));
}

std::string critical_flag(const Painter& paint, const SectionResult& section) {
  if (section.critical_failures.empty()) return "";
  return paint.red("  critical: " + clean(fmt::format("{}", fmt::join(section.critical_failures, ", "))));
}

std::string shown_group(const Model& model, const std::string& id) { return clean(model.group_label(id)); }

std::string shown_channel(const Model& model, const std::string& id) { return clean(model.channel_label(id, "All channels")); }

std::string level_text(const Model& model, const Item& item, int level) {
  const Scale* scale = model.find_scale(item.scale);
  if (scale)
    for (const auto& l : scale->levels)
      if (l.value == level) return fmt::format("{} ({})", level, clean(l.label));
  return std::to_string(level);
}

// The title, the assessment and its scope.
void header_text(std::string& out, const Painter& paint, const Scorecard& card) {
  const Instrument& instrument = *card.instrument;
  const Assessment& a = *card.assessment;
  const Model& model = *instrument.model;
  out += paint.bold(fmt::format("Scorecard: {} — {}", clean(a.subject.retailer), clean(a.subject.site))) + "\n";
  std::string who = a.meta.method.empty() ? std::string("assessed") : a.meta.method;
  if (!a.meta.assessor.empty()) who += " by " + a.meta.assessor;
  out += fmt::format("Assessment {} · {} · {}\n", clean(a.id), clean(a.meta.date), clean(who));
  std::vector<std::string> channel_names;
  for (const auto& c : instrument.channels) channel_names.push_back(shown_channel(model, c));
  std::string scope = clean(instrument.profile ? "profile " + instrument.profile->id
                                               : "checklists " + fmt::format("{}", fmt::join(instrument.checklists, ", ")));
  out += fmt::format("Scope: {} · channels: {} · critical cap {}\n\n", scope, fmt::join(channel_names, ", "),
                     card.critical_cap);
}

// Overall, each layer and its groups; journey groups by channel when there is a choice of channel.
void figures_text(std::string& out, const Painter& paint, const Scorecard& card) {
  const Instrument& instrument = *card.instrument;
  const Model& model = *instrument.model;
  out += paint.dim(fmt::format("{} {:>6}  {} {:>6} {:>6} {:>8}", fit("", kLabelWidth), "score", fit("band", 12), "target",
                               "gap", "answered")) + "\n";
  out += figure_row(paint, "Overall", card.overall, true);

  for (const auto& layer : card.layers) {
    const Layer* l = model.find_layer(layer.id);
    out += "\n" + figure_row(paint, clean(l ? l->label : layer.id), layer.figure, true);
    for (size_t g : layer.groups) {
      const GroupResult& group = card.groups[g];
      std::string row = figure_row(paint, "  " + shown_group(model, group.id), group.figure);
      // Channel rows only where there is a choice of channel: a journey group, more than one
      // channel in scope. Otherwise the group has one section, whose flags go on its own row.
      if (layer.id != kJourney || instrument.channels.size() < 2) {
        for (size_t s : group.sections) row.insert(row.size() - 1, critical_flag(paint, card.sections[s]));
        out += row;
        continue;
      }
      out += row;
      for (size_t s : group.sections) {
        const SectionResult& section = card.sections[s];
        const Band* band = section.score ? model.band_for(*section.score) : nullptr;
        std::optional<double> share;
        if (section.applicable > 0) share = static_cast<double>(section.answered) / section.applicable;
        out += fmt::format("{} {:>6}  {} {:>6} {:>6} {}{}\n", fit("    " + shown_channel(model, section.channel), kLabelWidth),
                           score_text(section.score), paint.band(fit(band_label(band), 12), band), "", "",
                           completeness_text(section.answered, section.applicable, share), critical_flag(paint, section));
      }
    }
  }
}

void channels_text(std::string& out, const Painter& paint, const Scorecard& card) {
  const Model& model = *card.instrument->model;
  if (!card.channels.empty()) {
    out += "\n" + paint.bold("Channels (journey touchpoints only)") + "\n";
    for (const auto& channel : card.channels) {
      const Band* band = channel.score ? model.band_for(*channel.score) : nullptr;
      out += fmt::format("{} {:>6}  {}\n", fit("  " + shown_channel(model, channel.id), kLabelWidth), score_text(channel.score),
                         paint.band(band_label(band), band));
    }
  }
}

void critical_text(std::string& out, const Painter& paint, const Scorecard& card) {
  const Model& model = *card.instrument->model;
  std::vector<std::string> failures = card.critical_failures();
  out += "\n" + paint.bold(fmt::format("Critical failures (the section scores at most {})", card.critical_cap)) + "\n";
  if (failures.empty()) out += "  none\n";
  for (const auto& id : failures) {
    const ItemResult* item = card.find_item(id);
    if (!item) continue;
    const SectionResult* section = card.find_section(item->group, item->channel);
    out += paint.red(fmt::format("  {}  {} · {}: {}", clean(id), shown_group(model, item->group), shown_channel(model, item->channel),
                                 section ? cap_text(*section) : "")) + "\n";
    out += fmt::format("     {}\n", clean(item->item->text));
  }
}

// The top actions, in the order of the report (core order_actions).
void actions_text(std::string& out, const Painter& paint, const Scorecard& card, size_t top_actions) {
  const Model& model = *card.instrument->model;
  size_t shown = std::min(top_actions, card.actions.size());
  out += "\n" + paint.bold(fmt::format("Top actions ({} of {}; overall points gained by raising one item to its top level)",
                                       shown, card.actions.size())) + "\n";
  if (card.actions.empty()) out += "  none\n";
  for (size_t i = 0; i < shown; ++i) {
    const Action& action = card.actions[i];
    const ItemResult* item = card.find_item(action.item);
    if (!item) continue;
    // The same order as the report (core order_actions): the "Fix now" block, then by impact.
    if (i == 0 && action.fix_now) out += paint.red("  Fix now (critical failures):") + "\n";
    if (i > 0 && card.actions[i - 1].fix_now && !action.fix_now) out += "  Then, by impact:\n";
    out += fmt::format("  {}. +{:.2f}  {}  {} · {}, level {} → {}\n", i + 1, action.impact, clean(item->id),
                       shown_group(model, item->group), shown_channel(model, item->channel),
                       level_text(model, *item->item, *item->level), level_text(model, *item->item, item->max_level));
    out += fmt::format("     {}\n", clean(item->item->text));
    if (item->response && !item->response->note.empty()) out += fmt::format("     found: {}\n", clean(item->response->note));
  }
}

// Items still unanswered, and every waiver.
void open_items_text(std::string& out, const Painter& paint, const Scorecard& card) {
  if (!card.unanswered.empty()) {
    constexpr size_t kListed = 10;
    std::vector<std::string> listed(card.unanswered.begin(),
                                    card.unanswered.begin() + static_cast<std::ptrdiff_t>(std::min(kListed, card.unanswered.size())));
    out += fmt::format("\nUnanswered: {} item{} in scope still need{} a response: {}{}\n", card.unanswered.size(),
                       card.unanswered.size() == 1 ? "" : "s", card.unanswered.size() == 1 ? "s" : "",
                       clean(fmt::format("{}", fmt::join(listed, ", "))), card.unanswered.size() > kListed ? ", …" : "");
  }
  if (!card.waivers.empty()) {
    // Every waiver, with why and who: an item left out of the score must never go unnoticed.
    out += fmt::format("\nWaivers: {} item{} left out of the score on purpose:\n", card.waivers.size(), card.waivers.size() == 1 ? "" : "s");
    for (const auto& id : card.waivers) {
      const ItemResult* item = card.find_item(id);
      if (!item) continue;
      const Waiver& w = *item->response->waiver;
      out += fmt::format("  {}  approved by {} on {}, {} {}{}\n", clean(id), clean(w.by), w.date, item->waiver_expired ? "expired" : "expires",
                         w.expires, item->waiver_expired ? paint.red(" — EXPIRED: scored as unanswered") : "");
      out += fmt::format("     {}\n", clean(w.justification));
    }
  }
}

}  // namespace

std::string scorecard_text(const Scorecard& card, const ScorecardTextOptions& options) {
  Painter paint(options.colour);
  std::string out;

  header_text(out, paint, card);
  figures_text(out, paint, card);
  channels_text(out, paint, card);
  critical_text(out, paint, card);
  actions_text(out, paint, card, options.top_actions);
  open_items_text(out, paint, card);
  return out;
}

}  // namespace cjb::render
