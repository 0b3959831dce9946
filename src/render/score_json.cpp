#include "render/score_json.h"

#include <cmath>
#include <string_view>
#include <unordered_map>

#include <nlohmann/json.hpp>

namespace cjb::render {

namespace {

using Json = nlohmann::ordered_json;

// Weights, targets and caps are usually whole numbers: write 40, not 40.0, as the brief does.
Json plain_number(double value) {
  if (std::isfinite(value) && value == std::trunc(value) && std::fabs(value) < 1e15)
    return static_cast<long long>(value);
  return value;
}

Json optional_number(const std::optional<double>& value) { return value ? Json(*value) : Json(nullptr); }

// The figure's fields in contract order (score, band, target, gap, answered, applicable,
// completeness), appended to an object that already holds its id fields.
void add_figure(Json& object, const Figure& figure) {
  object["score"] = optional_number(figure.score);
  object["band"] = figure.band ? Json(figure.band->id) : Json(nullptr);
  object["target"] = plain_number(figure.target);
  object["gap"] = optional_number(figure.gap);
  object["answered"] = figure.answered;
  object["applicable"] = figure.applicable;
  object["completeness"] = optional_number(figure.completeness);
}

// The band's label, for people ("Developing"); `band` holds its id, for programs. Added last,
// after the contract's fields.
void add_band_label(Json& object, const Figure& figure) {
  object["band_label"] = figure.band ? Json(figure.band->label) : Json(nullptr);
}

Json string_array(const std::vector<std::string>& values) {
  Json array = Json::array();
  for (const auto& v : values) array.push_back(v);
  return array;
}

// A waiver as the contract gives it: who, when, until when, why, and whether it had expired
// on the assessment's date (then the item is scored unanswered).
Json waiver_json(const Waiver& waiver, bool expired) {
  Json w;
  w["by"] = waiver.by;
  w["date"] = waiver.date;
  w["expires"] = waiver.expires;
  w["justification"] = waiver.justification;
  w["expired"] = expired;
  return w;
}

Json subject_json(const Scorecard& card) {
  const Instrument& instrument = *card.instrument;
  const Assessment& assessment = *card.assessment;
  Json subject;
  subject["id"] = assessment.id;
  subject["retailer"] = assessment.subject.retailer;
  subject["site"] = assessment.subject.site;
  subject["date"] = assessment.meta.date;
  subject["channels"] = string_array(instrument.channels);
  subject["site_id"] = assessment.subject.site_key();
  subject["sector"] = assessment.subject.sector;
  subject["region"] = assessment.subject.region;
  subject["format"] = assessment.subject.format;
  subject["tags"] = string_array(assessment.subject.tags);
  subject["assessor"] = assessment.meta.assessor;
  subject["method"] = assessment.meta.method;
  subject["model"] = instrument.model->id;
  subject["profile"] = instrument.profile ? Json(instrument.profile->id) : Json(nullptr);
  subject["checklists"] = string_array(instrument.checklists);
  return subject;
}

// A layer or a group: its id fields (given), weight, figure, label and band label, in contract order.
Json figure_row(Json row, double weight, const Figure& figure, const std::string& label) {
  row["weight"] = plain_number(weight);
  add_figure(row, figure);
  row["label"] = label;
  add_band_label(row, figure);
  return row;
}

Json layers_json(const Scorecard& card, const Model& model) {
  Json layers = Json::array();
  for (const auto& layer : card.layers) {
    layers.push_back(figure_row(Json{{"id", layer.id}}, layer.weight, layer.figure, model.layer_label(layer.id)));
  }
  return layers;
}

Json groups_json(const Scorecard& card, const Model& model) {
  Json groups = Json::array();
  for (const auto& group : card.groups) {
    groups.push_back(figure_row(Json{{"id", group.id}, {"layer", group.layer}}, group.weight, group.figure, model.group_label(group.id)));
  }
  return groups;
}

Json sections_json(const Scorecard& card) {
  Json sections = Json::array();
  for (const auto& section : card.sections) {
    Json s;
    s["group"] = section.group;
    s["channel"] = section.channel;
    s["score"] = optional_number(section.score);
    s["answered"] = section.answered;
    s["applicable"] = section.applicable;
    s["critical_failures"] = string_array(section.critical_failures);
    s["uncapped"] = optional_number(section.uncapped);
    sections.push_back(std::move(s));
  }
  return sections;
}

Json channels_json(const Scorecard& card, const Model& model) {
  Json channels = Json::array();
  for (const auto& channel : card.channels) {
    Json c;
    c["id"] = channel.id;
    c["weight"] = plain_number(channel.weight);
    c["score"] = optional_number(channel.score);
    c["label"] = model.channel_label(channel.id);  // journey channels only: never "all"
    channels.push_back(std::move(c));
  }
  return channels;
}

Json level_json(const ItemResult& item) { return item.level ? Json(*item.level) : Json(nullptr); }

Json items_json(const Scorecard& card) {
  Json items = Json::array();
  for (const auto& item : card.items) {
    Json i;
    i["id"] = item.id;
    i["group"] = item.group;
    i["channel"] = item.channel;
    i["weight"] = plain_number(item.weight);
    i["max_level"] = item.max_level;
    i["critical"] = item.critical;
    i["status"] = to_string(item.status);
    i["level"] = level_json(item);
    i["score"] = optional_number(item.score);
    i["note"] = item.response ? item.response->note : std::string();
    i["evidence"] = item.response ? item.response->evidence : std::string();
    if (item.response && item.response->waiver) i["waiver"] = waiver_json(*item.response->waiver, item.waiver_expired);
    items.push_back(std::move(i));
  }
  return items;
}

Json actions_json(const Scorecard& card) {
  std::unordered_map<std::string_view, const ItemResult*> items_by_id;
  for (const auto& item : card.items) items_by_id.emplace(item.id, &item);
  Json actions = Json::array();
  for (const auto& action : card.actions) {
    Json a;
    a["item"] = action.item;
    a["impact"] = action.impact;
    a["fix_now"] = action.fix_now;
    if (auto found = items_by_id.find(action.item); found != items_by_id.end()) {
      const ItemResult* item = found->second;
      a["group"] = item->group;
      a["channel"] = item->channel;
      a["level"] = level_json(*item);
      a["max_level"] = item->max_level;
    }
    actions.push_back(std::move(a));
  }
  return actions;
}

Json waivers_json(const Scorecard& card) {
  Json waivers = Json::array();
  for (const auto& id : card.waivers)
    if (const ItemResult* item = card.find_item(id)) {
      Json w;
      w["item"] = id;
      w.update(waiver_json(*item->response->waiver, item->waiver_expired));
      waivers.push_back(std::move(w));
    }
  return waivers;
}

}  // namespace

std::string score_json(const Scorecard& card, const ScoreJsonOptions& options) {
  const Model& model = *card.instrument->model;
  Json doc;
  doc["schema"] = kScoreSchema;
  doc["assessment"] = subject_json(card);
  doc["critical_cap"] = plain_number(card.critical_cap);
  Json overall = Json::object();
  add_figure(overall, card.overall);
  add_band_label(overall, card.overall);
  doc["overall"] = std::move(overall);
  doc["layers"] = layers_json(card, model);
  doc["groups"] = groups_json(card, model);
  doc["sections"] = sections_json(card);
  doc["channels"] = channels_json(card, model);
  doc["items"] = items_json(card);
  doc["actions"] = actions_json(card);
  doc["unanswered"] = string_array(card.unanswered);
  doc["critical_failures"] = string_array(card.critical_failures());
  // Only when there are any: the contract's other outputs stay as they were (docs/scoring.md).
  if (!card.waivers.empty()) doc["waivers"] = waivers_json(card);

  // Invalid UTF-8 cannot reach here (the XML reader refuses it); replace rather than throw anyway.
  return doc.dump(options.indent, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace cjb::render
