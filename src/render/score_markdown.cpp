#include "render/score_markdown.h"

#include <string_view>
#include <unordered_map>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "render/format.h"
#include "render/markdown_text.h"

namespace cjb::render {

namespace {

std::string band_label(const Band* band) { return band ? markdown_escape(band->label) : "–"; }

std::string share_text(std::optional<double> completeness) {
  return completeness ? fmt::format("{:.0f}%", *completeness * 100) : "–";
}

std::vector<std::string> figure_cells(const Figure& f) {
  return {score_text(f.score), band_label(f.band), fmt::format("{:.1f}", f.target), f.gap ? fmt::format("{:.1f}", *f.gap) : "–",
          fmt::format("{}/{}", f.answered, f.applicable), share_text(f.completeness)};
}

std::string shown_group(const Model& model, const std::string& id) { return markdown_escape(model.group_label(id)); }

std::string shown_channel(const Model& model, const std::string& id) { return markdown_escape(model.channel_label(id, "All channels")); }

std::vector<std::string> concat(std::vector<std::string> head, const std::vector<std::string>& tail) {
  head.insert(head.end(), tail.begin(), tail.end());
  return head;
}

// The title and the assessment's facts.
void header_markdown(std::string& out, const Scorecard& card, const Model& model) {
  const Instrument& instrument = *card.instrument;
  const Assessment& a = *card.assessment;
  out += fmt::format("# Scorecard: {} — {}\n\n", markdown_escape(a.subject.retailer), markdown_escape(a.subject.site));
  std::vector<std::string> channel_names;
  for (const auto& c : instrument.channels) channel_names.push_back(shown_channel(model, c));
  out += markdown_row({"Assessment", markdown_escape(a.id)});
  out += "| --- | --- |\n";
  out += markdown_row({"Date", markdown_escape(a.meta.date)});
  if (!a.meta.method.empty()) out += markdown_row({"Method", markdown_escape(a.meta.method)});
  if (!a.meta.assessor.empty()) out += markdown_row({"Assessor", markdown_escape(a.meta.assessor)});
  out += markdown_row({"Scope", instrument.profile ? "profile " + markdown_escape(instrument.profile->id)
                                                   : "checklists " + markdown_escape(fmt::format("{}", fmt::join(instrument.checklists, ", ")))});
  out += markdown_row({"Channels", fmt::format("{}", fmt::join(channel_names, ", "))});
  out += markdown_row({"Critical cap", fmt::format("{}", card.critical_cap)});
}

// Overall, layers and groups against their targets.
void overview_markdown(std::string& out, const Scorecard& card, const Model& model) {
  out += "\n## Overview\n\n";
  out += markdown_row({"Layer", "Score", "Band", "Target", "Gap", "Answered", "Completeness"});
  out += "| --- | ---: | --- | ---: | ---: | ---: | ---: |\n";
  out += markdown_row(concat({"**Overall**"}, figure_cells(card.overall)));
  for (const auto& layer : card.layers) {
    const Layer* l = model.find_layer(layer.id);
    out += markdown_row(concat({markdown_escape(l ? l->label : layer.id)}, figure_cells(layer.figure)));
  }

  out += "\n## Groups\n\n";
  out += markdown_row({"Layer", "Group", "Score", "Band", "Target", "Gap", "Answered", "Completeness"});
  out += "| --- | --- | ---: | --- | ---: | ---: | ---: | ---: |\n";
  for (const auto& group : card.groups) {
    const Layer* l = model.find_layer(group.layer);
    out += markdown_row(concat({markdown_escape(l ? l->label : group.layer), shown_group(model, group.id)}, figure_cells(group.figure)));
  }
}

// Every section, then the channels.
void sections_markdown(std::string& out, const Scorecard& card, const Model& model) {
  out += "\n## Sections\n\n";
  out += markdown_row({"Group", "Channel", "Score", "Band", "Answered", "Critical failures"});
  out += "| --- | --- | ---: | --- | ---: | --- |\n";
  for (const auto& s : card.sections) {
    const Band* band = s.score ? model.band_for(*s.score) : nullptr;
    out += markdown_row({shown_group(model, s.group), shown_channel(model, s.channel), score_text(s.score), band_label(band),
                         fmt::format("{}/{}", s.answered, s.applicable),
                         s.critical_failures.empty() ? "–" : markdown_escape(fmt::format("{}", fmt::join(s.critical_failures, ", ")))});
  }

  if (!card.channels.empty()) {
    out += "\n## Channels\n\nJourney touchpoints only, weighted by group.\n\n";
    out += markdown_row({"Channel", "Score", "Band"});
    out += "| --- | ---: | --- |\n";
    for (const auto& c : card.channels) {
      const Band* band = c.score ? model.band_for(*c.score) : nullptr;
      out += markdown_row({shown_channel(model, c.id), score_text(c.score), band_label(band)});
    }
  }
}

void critical_markdown(std::string& out, const Scorecard& card, const Model& model) {
  out += fmt::format("\n## Critical failures\n\nA critical item answered at level 0 caps its section at {}.\n\n",
                     card.critical_cap);
  std::vector<std::string> failures = card.critical_failures();
  if (failures.empty()) {
    out += "None.\n";
  } else {
    out += markdown_row({"Item", "Group", "Channel", "Section score", "Before the cap", "Statement", "Note"});
    out += "| --- | --- | --- | ---: | ---: | --- | --- |\n";
    for (const auto& id : failures) {
      const ItemResult* item = card.find_item(id);
      if (!item) continue;
      const SectionResult* section = card.find_section(item->group, item->channel);
      out += markdown_row({markdown_escape(id), shown_group(model, item->group), shown_channel(model, item->channel),
                           score_text(section ? section->score : std::nullopt), score_text(section ? section->uncapped : std::nullopt),
                           markdown_escape(item->item->text), item->response ? markdown_escape(item->response->note) : ""});
    }
  }
}

void actions_markdown(std::string& out, const Scorecard& card, const Model& model) {
  out += "\n## Action plan\n\nEvery answered item below its top level: critical failures first (fix now), then by the overall points gained when it reaches the top.\n\n";
  if (card.actions.empty()) {
    out += "None.\n";
  } else {
    out += markdown_row({"#", "Item", "Group", "Channel", "Level", "Impact", "Statement"});
    out += "| ---: | --- | --- | --- | ---: | ---: | --- |\n";
    std::unordered_map<std::string_view, const ItemResult*> items_by_id;
    for (const auto& item : card.items) items_by_id.emplace(item.id, &item);
    for (size_t i = 0; i < card.actions.size(); ++i) {
      auto found = items_by_id.find(card.actions[i].item);
      if (found == items_by_id.end()) continue;
      const ItemResult* item = found->second;
      out += markdown_row({std::to_string(i + 1), markdown_escape(item->id), shown_group(model, item->group),
                           shown_channel(model, item->channel), fmt::format("{} → {}{}", *item->level, item->max_level, card.actions[i].fix_now ? " (fix now)" : ""),
                           fmt::format("+{:.2f}", card.actions[i].impact), markdown_escape(item->item->text)});
    }
  }
}

// Items still unanswered, and the waivers (only when there are any).
void open_items_markdown(std::string& out, const Scorecard& card, const Model& model) {
  if (!card.unanswered.empty()) {
    out += fmt::format("\n## Unanswered\n\n{} item{} in scope still need{} a response.\n\n", card.unanswered.size(),
                       card.unanswered.size() == 1 ? "" : "s", card.unanswered.size() == 1 ? "s" : "");
    for (const auto& id : card.unanswered) {
      const ItemResult* item = card.find_item(id);
      out += fmt::format("- {} ({} · {}): {}\n", markdown_escape(id), item ? shown_group(model, item->group) : "",
                         item ? shown_channel(model, item->channel) : "", item ? markdown_escape(item->item->text) : "");
    }
  }
  if (!card.waivers.empty()) {
    out += "\n## Waivers\n\n";
    out += markdown_row({"Item", "Justification", "Approved by", "Given", "Expires", "Status"});
    out += "| --- | --- | --- | --- | --- | --- |\n";
    for (const auto& id : card.waivers) {
      const ItemResult* item = card.find_item(id);
      if (!item) continue;
      const Waiver& w = *item->response->waiver;
      out += markdown_row({markdown_escape(id), markdown_escape(w.justification), markdown_escape(w.by), w.date, w.expires,
                           item->waiver_expired ? "expired: scored as unanswered" : "in force"});
    }
  }
}

}  // namespace

std::string score_markdown(const Scorecard& card) {
  const Model& model = *card.instrument->model;
  std::string out;

  header_markdown(out, card, model);
  overview_markdown(out, card, model);
  sections_markdown(out, card, model);
  critical_markdown(out, card, model);
  actions_markdown(out, card, model);
  open_items_markdown(out, card, model);
  return out;
}

}  // namespace cjb::render
