#include "xml/files.h"

#include <cstring>
#include <sstream>

#include <fmt/format.h>

#include "util/files.h"
#include "xml/reader.h"

namespace cjb::xml {

const char* to_string(FileKind kind) {
  switch (kind) {
    case FileKind::Model: return "model";
    case FileKind::Checklist: return "checklist";
    case FileKind::Profile: return "profile";
    case FileKind::Assessment: return "assessment";
  }
  return "?";
}

FileKind detect_kind(const Source& source) {
  pugi::xml_node root = source.root();
  std::string name = root.name();
  if (name == "model") return FileKind::Model;
  if (name == "checklist") return FileKind::Checklist;
  if (name == "profile") return FileKind::Profile;
  if (name == "assessment") return FileKind::Assessment;
  throw InputError(source.locate(root), fmt::format("unknown root element <{}> (expected <model>, <checklist>, <profile> or <assessment>)", name));
}

namespace {

void read_channels(Reader& r, pugi::xml_node root, Model& m) {
  pugi::xml_node channels = r.required_child(root, "channels");
  r.allow(channels, {}, {"channel"});
  for (auto c : channels.children("channel")) {
    r.allow(c, {"id", "label", "weight"}, {});
    Channel ch;
    ch.where = r.at(c);
    ch.id = r.required_id(c, "id", "a channel id such as physical or online");
    ch.label = r.optional(c, "label", ch.id);
    ch.weight = r.number(c, "weight", 1);
    m.channels.push_back(ch);
  }
}

void read_scales(Reader& r, pugi::xml_node root, Model& m) {
  pugi::xml_node scales = r.required_child(root, "scales");
  r.allow(scales, {}, {"scale"});
  for (auto s : scales.children("scale")) {
    r.allow(s, {"id", "label"}, {"level"});
    Scale scale;
    scale.where = r.at(s);
    scale.id = r.required_id(s, "id", "a scale id such as maturity");
    scale.label = r.optional(s, "label", scale.id);
    for (auto l : s.children("level")) {
      r.allow(l, {"value", "label"}, {});
      ScaleLevel level;
      if (!l.attribute("value")) r.problem(l, "<level> has no 'value' attribute (expected a whole number)");
      level.value = r.optional_integer(l, "value").value_or(-1);
      level.label = r.required(l, "label", "a short name for the level");
      level.descriptor = collapse_whitespace(l.text().get());
      scale.levels.push_back(level);
    }
    m.scales.push_back(scale);
  }
}

void read_bands(Reader& r, pugi::xml_node root, Model& m) {
  pugi::xml_node bands = r.required_child(root, "bands");
  r.allow(bands, {}, {"band"});
  for (auto b : bands.children("band")) {
    r.allow(b, {"id", "label", "lower", "colour"}, {});
    Band band;
    band.where = r.at(b);
    band.id = r.required_id(b, "id", "a band id");
    band.label = r.optional(b, "label", band.id);
    band.lower = r.required_number(b, "lower", "the band's lower bound, 0 to 100");
    band.colour = r.required(b, "colour", "a colour written #RRGGBB");
    m.bands.push_back(band);
  }
}

// A <group> of a layer: journey touchpoints name their channels, other groups hold "all".
Group read_group(Reader& r, pugi::xml_node g, const Layer& layer) {
  r.allow(g, {"id", "label", "weight", "target", "channels"}, {"description"});
  r.at_most_once(g, {"description"});
  Group group;
  group.where = r.at(g);
  group.id = r.required_id(g, "id", "a group id");
  group.label = r.optional(g, "label", group.id);
  group.layer = layer.id;
  group.description = r.child_text(g, "description");
  group.weight = r.number(g, "weight", 1);
  group.target = r.optional_number(g, "target");
  if (layer.id == kJourney) {
    group.channels = r.id_list(g, "channels", r.required(g, "channels", "the channels the touchpoint exists in, e.g. \"physical online\""));
  } else {
    group.channels = g.attribute("channels") ? r.id_list(g, "channels", g.attribute("channels").value()) : std::vector<std::string>{kAllChannels};
  }
  return group;
}

void read_layers(Reader& r, pugi::xml_node root, Model& m) {
  pugi::xml_node layers = r.required_child(root, "layers");
  r.allow(layers, {}, {"layer"});
  for (auto l : layers.children("layer")) {
    r.allow(l, {"id", "label", "weight", "target"}, {"description", "group"});
    r.at_most_once(l, {"description"});
    Layer layer;
    layer.where = r.at(l);
    layer.id = r.required_id(l, "id", "leadership, enablers or journey");
    layer.label = r.optional(l, "label", layer.id);
    layer.description = r.child_text(l, "description");
    layer.weight = r.number(l, "weight", 1);
    layer.target = r.optional_number(l, "target");
    for (auto g : l.children("group")) {
      Group group = read_group(r, g, layer);
      layer.groups.push_back(group.id);
      m.groups.push_back(group);
    }
    m.layers.push_back(layer);
  }
}

void read_transitions(Reader& r, pugi::xml_node transitions, Model& m) {
  r.allow(transitions, {}, {"transition"});
  for (auto t : transitions.children("transition")) {
    r.allow(t, {"from", "from-channel", "to", "to-channel", "label"}, {});
    Transition tr;
    tr.where = r.at(t);
    tr.from_group = r.required_id(t, "from", "a touchpoint id");
    tr.from_channel = r.required_id(t, "from-channel", "a channel id");
    tr.to_group = r.required_id(t, "to", "a touchpoint id");
    tr.to_channel = r.required_id(t, "to-channel", "a channel id");
    tr.label = r.optional(t, "label");
    m.transitions.push_back(tr);
  }
}

void read_service_standards(Reader& r, pugi::xml_node standards, Model& m) {
  r.allow(standards, {}, {"standard"});
  for (auto t : standards.children("standard")) {
    r.allow(t, {"id", "priority", "channel", "minutes", "label"}, {});
    ServiceStandard st;
    st.where = r.at(t);
    st.id = r.required(t, "id", "a standard id such as urgent");
    st.priority = r.optional(t, "priority");
    st.channel = r.optional(t, "channel");
    st.minutes = r.required_number(t, "minutes", "the time to a first response in minutes, e.g. 60");
    st.label = r.optional(t, "label", st.id);
    m.service_standards.push_back(st);
  }
}

}  // namespace

Model parse_model(const Source& source) {
  Reader r(source);
  pugi::xml_node root = r.root("model");
  r.allow(root, {"id", "version", "critical-cap", "target"}, {"title", "description", "channels", "scales", "bands", "layers", "transitions", "service-standards"});
  r.at_most_once(root, {"title", "description", "channels", "scales", "bands", "layers", "transitions", "service-standards"});
  Model m;
  m.where = r.at(root);
  m.id = r.required_id(root, "id", "the model's id");
  m.version = r.optional(root, "version");
  m.critical_cap = r.required_number(root, "critical-cap", "the score cap of a section with a critical failure, e.g. 40");
  m.target = r.number(root, "target", 75);
  m.title = r.child_text(root, "title");
  m.description = r.child_text(root, "description");
  read_channels(r, root, m);
  read_scales(r, root, m);
  read_bands(r, root, m);
  read_layers(r, root, m);
  if (pugi::xml_node transitions = root.child("transitions")) read_transitions(r, transitions, m);
  if (pugi::xml_node standards = root.child("service-standards")) read_service_standards(r, standards, m);
  r.throw_if_problems();
  return m;
}

namespace {
// <measure kpi="…" unit="…" levels="…"/> or with worst="…" best="…" (core/measure.h); whether
// the thresholds fit the item's scale is checked with the model (core/checks.h).
Measure read_measure(Reader& r, pugi::xml_node node) {
  r.allow(node, {"kpi", "standard", "unit", "levels", "worst", "best"}, {});
  Measure m;
  m.where = r.at(node);
  m.kpi = r.required(node, "kpi", "a KPI such as first-response-p90 or csat-percent");
  m.standard = r.optional_id(node, "standard");
  m.unit = r.optional(node, "unit");
  size_t before = r.problems().size();
  m.levels = r.number_list(node, "levels");
  m.worst = r.optional_number(node, "worst");
  m.best = r.optional_number(node, "best");
  if (r.problems().size() == before && !m.kpi.empty())
    if (auto problem = measure_problem(m)) r.problem(node, *problem);
  return m;
}

// The optional evidence="observed|asked|records" of an item or a profile's scope.
std::optional<EvidenceKind> evidence_kind(Reader& r, pugi::xml_node node) {
  pugi::xml_attribute a = node.attribute("evidence");
  if (!a) return std::nullopt;
  std::optional<EvidenceKind> kind = parse_evidence_kind(trim(a.value()));
  if (!kind) r.problem(node, fmt::format("'evidence' is '{}' (expected {})", a.value(), evidence_kind_names()));
  return kind;
}
}  // namespace

Checklist parse_checklist(const Source& source) {
  Reader r(source);
  pugi::xml_node root = r.root("checklist");
  r.allow(root, {"id", "model", "version"}, {"title", "description", "section"});
  r.at_most_once(root, {"title", "description"});
  Checklist c;
  c.where = r.at(root);
  c.id = r.required_id(root, "id", "the checklist's id");
  c.model = r.required_id(root, "model", "the id of the model it belongs to");
  c.version = r.optional(root, "version");
  c.title = r.required_child_text(root, "title", "the checklist's title");
  c.description = r.child_text(root, "description");
  for (auto s : root.children("section")) {
    r.allow(s, {"group", "channel"}, {"item"});
    std::string group = r.required_id(s, "group", "a group id of the model");
    std::string channel = r.required_id(s, "channel", "physical, online, or all");
    if (!s.child("item")) r.problem(s, "<section> has no <item> (expected at least one)");
    for (auto i : s.children("item")) {
      r.allow(i, {"id", "scale", "weight", "critical", "drivers", "evidence"}, {"text", "guidance", "evidence", "levels", "measure"});
      r.at_most_once(i, {"text", "guidance", "evidence", "levels", "measure"});
      Item item;
      item.where = r.at(i);
      item.id = r.required_id(i, "id", "an item id unique across all checklists");
      item.group = group;
      item.channel = channel;
      item.checklist = c.id;
      item.scale = i.attribute("scale") ? r.optional_id(i, "scale") : std::string("maturity");
      item.weight = r.number(i, "weight", 1);
      item.critical = r.boolean(i, "critical", false);
      item.drivers = r.id_list(i, "drivers", r.optional(i, "drivers"));
      item.evidence_kind = evidence_kind(r, i);
      item.text = r.required_child_text(i, "text", "the statement of good practice an auditor checks");
      item.guidance = r.child_text(i, "guidance");
      item.evidence = r.child_text(i, "evidence");
      if (pugi::xml_node levels = i.child("levels")) {
        r.allow(levels, {}, {"level"});
        for (auto l : levels.children("level")) {
          r.allow(l, {"value"}, {"descriptor", "improve"});
          r.at_most_once(l, {"descriptor", "improve"});
          ItemLevel level;
          if (!l.attribute("value")) r.problem(l, "<level> has no 'value' attribute (expected a whole number)");
          level.value = r.optional_integer(l, "value").value_or(-1);
          level.descriptor = r.required_child_text(l, "descriptor", "what this level looks like for the item");
          level.improve = r.child_text(l, "improve");
          item.levels.push_back(level);
        }
      }
      if (pugi::xml_node measure = i.child("measure")) item.measure = read_measure(r, measure);
      c.items.push_back(item);
    }
  }
  r.throw_if_problems();
  return c;
}

namespace {
// source="observed|measured" and observed-level="N" of a response (core/assessment.h).
void read_source(Reader& r, pugi::xml_node x, Response& response) {
  std::string source = r.optional(x, "source", "observed");
  if (source != "observed" && source != "measured")
    r.problem(x, fmt::format("response to '{}' has source '{}' (expected observed or measured)", response.item, source));
  response.measured = source == "measured";
  response.observed_level = r.optional_integer(x, "observed-level");
  if (response.observed_level && !response.measured)
    r.problem(x, fmt::format("response to '{}' has an observed-level but is not measured (expected source=\"measured\")", response.item));
}
}  // namespace

namespace {

// A profile's <scope>: channels, evidence, checklists and exclusions. A profile that extends
// another inherits its scope, so that channels and checklists are then optional.
void read_profile_scope(Reader& r, pugi::xml_node scope, bool inherits, Profile& p) {
  r.allow(scope, {"channels", "evidence"}, {"checklist", "exclude"});
  if (!inherits || scope.attribute("channels"))
    p.channels = r.id_list(scope, "channels", r.required(scope, "channels", "the journey channels in scope, e.g. \"physical online\""));
  p.evidence = evidence_kind(r, scope);
  for (auto c : scope.children("checklist")) {
    r.allow(c, {"ref"}, {});
    p.checklists.push_back(r.required_id(c, "ref", "a checklist id"));
  }
  if (p.checklists.empty() && !inherits) r.problem(scope, "<scope> has no <checklist> (expected at least one)");
  for (auto e : scope.children("exclude")) {
    r.allow(e, {"group", "item", "reason"}, {});
    Exclusion x;
    x.where = r.at(e);
    x.reason = r.optional(e, "reason");
    bool group = e.attribute("group"), item = e.attribute("item");
    if (group == item) {
      r.problem(e, "<exclude> names neither or both of 'group' and 'item' (expected exactly one)");
      continue;
    }
    x.kind = group ? Exclusion::Kind::Group : Exclusion::Kind::Item;
    x.id = r.optional_id(e, group ? "group" : "item");
    p.exclusions.push_back(x);
  }
}

// <weights> or <targets>: each child names exactly one of layer, group, channel, item (targets
// also overall="N").
void read_overrides(Reader& r, pugi::xml_node parent, const char* element, std::vector<Override>& out, bool overall_allowed) {
  if (!parent) return;
  r.allow(parent, {}, {element});
  for (auto o : parent.children(element)) {
    if (overall_allowed) r.allow(o, {"overall", "layer", "group", "channel", "item", "value"}, {});
    else r.allow(o, {"layer", "group", "channel", "item", "value"}, {});
    Override x;
    x.where = r.at(o);
    if (overall_allowed && o.attribute("overall")) {
      x.kind = Override::Kind::Overall;
      x.value = r.number(o, "overall", 0);
      out.push_back(x);
      continue;
    }
    int named = 0;
    for (auto [attr, kind] : {std::pair{"layer", Override::Kind::Layer}, std::pair{"group", Override::Kind::Group},
                              std::pair{"channel", Override::Kind::Channel}, std::pair{"item", Override::Kind::Item}}) {
      if (o.attribute(attr)) {
        ++named;
        x.kind = kind;
        x.id = r.optional_id(o, attr);
      }
    }
    if (named != 1) {
      r.problem(o, fmt::format("<{}> names {} of layer, group, channel, item (expected exactly one)", element, named));
      continue;
    }
    x.value = r.required_number(o, "value", "a number");
    out.push_back(x);
  }
}

void read_standard_overrides(Reader& r, pugi::xml_node standards, Profile& p) {
  r.allow(standards, {}, {"standard"});
  for (auto t : standards.children("standard")) {
    r.allow(t, {"id", "minutes"}, {});
    StandardOverride o;
    o.where = r.at(t);
    o.id = r.required(t, "id", "the id of one of the model's service standards");
    o.minutes = r.required_number(t, "minutes", "the time to a first response in minutes");
    p.service_standards.push_back(o);
  }
}

}  // namespace

Profile parse_profile(const Source& source) {
  Reader r(source);
  pugi::xml_node root = r.root("profile");
  r.allow(root, {"id", "model", "version", "extends"}, {"title", "description", "scope", "weights", "targets", "service-standards"});
  r.at_most_once(root, {"title", "description", "scope", "weights", "targets", "service-standards"});
  Profile p;
  p.where = r.at(root);
  p.id = r.required_id(root, "id", "the profile's id");
  p.model = r.required_id(root, "model", "the id of the model it tailors");
  p.version = r.optional(root, "version");
  p.extends = r.optional_id(root, "extends");
  p.title = r.required_child_text(root, "title", "the profile's title");
  p.description = r.child_text(root, "description");
  // A profile that extends another inherits its scope (core/profile_extension.h).
  const bool inherits = !p.extends.empty();
  pugi::xml_node scope = inherits ? root.child("scope") : r.required_child(root, "scope");
  if (scope) read_profile_scope(r, scope, inherits, p);
  read_overrides(r, root.child("weights"), "weight", p.weights, false);
  read_overrides(r, root.child("targets"), "target", p.targets, true);
  if (pugi::xml_node standards = root.child("service-standards")) read_standard_overrides(r, standards, p);
  r.throw_if_problems();
  return p;
}

namespace {

// <waiver by="…" date="YYYY-MM-DD" expires="YYYY-MM-DD">justification</waiver>
Waiver read_waiver(Reader& r, pugi::xml_node w, const std::string& item) {
  r.allow(w, {"by", "date", "expires"}, {});
  Waiver waiver;
  waiver.where = r.at(w);
  waiver.by = r.required(w, "by", "who approved the waiver, e.g. by=\"J. Smith, regional manager\"");
  waiver.date = r.required(w, "date", "the day the waiver was given, YYYY-MM-DD");
  waiver.expires = r.required(w, "expires", "the last day the waiver holds, YYYY-MM-DD");
  waiver.justification = collapse_whitespace(w.text().get());
  for (const auto& [name, value] : {std::pair<const char*, const std::string*>{"date", &waiver.date}, {"expires", &waiver.expires}})
    if (!value->empty() && !is_iso_date(*value))
      r.problem(w, fmt::format("waiver of '{}': {} '{}' is not a date (expected YYYY-MM-DD)", item, name, *value));
  if (is_iso_date(waiver.date) && is_iso_date(waiver.expires) && waiver.expires < waiver.date)
    r.problem(w, fmt::format("waiver of '{}' expires on {}, before it was given on {} (expected an expiry on or after the date)", item,
                             waiver.expires, waiver.date));
  if (waiver.justification.empty())
    r.problem(w, fmt::format("waiver of '{}' has no justification (expected why the item does not apply, as the element's text)", item));
  return waiver;
}

void read_subject(Reader& r, pugi::xml_node subject, Subject& out) {
  r.allow(subject, {"retailer", "site", "site-id", "sector", "region", "format"}, {"tag"});
  out.retailer = r.required(subject, "retailer", "the retailer's name");
  out.site = r.required(subject, "site", "the site's name, e.g. a store or the web shop");
  out.site_id = r.optional_id(subject, "site-id");
  out.sector = r.optional(subject, "sector");
  out.region = r.optional(subject, "region");
  out.format = r.optional(subject, "format");
  for (auto t : subject.children("tag")) {
    r.allow(t, {}, {});
    std::string tag = collapse_whitespace(t.text().get());
    if (tag.empty()) r.problem(t, "<tag> is empty (expected a word such as high-street)");
    else out.tags.push_back(tag);
  }
}

void read_meta(Reader& r, pugi::xml_node meta, Meta& out) {
  r.allow(meta, {"assessor", "date", "method"}, {});
  out.assessor = r.optional(meta, "assessor");
  out.date = r.required(meta, "date", "the date of the assessment, YYYY-MM-DD");
  out.method = r.optional(meta, "method");
  if (!out.date.empty() && !is_iso_date(out.date))
    r.problem(meta, fmt::format("date '{}' is not a date (expected YYYY-MM-DD)", out.date));
}

void read_assessment_scope(Reader& r, pugi::xml_node scope, Scope& out) {
  r.allow(scope, {"model", "profile", "channels"}, {"checklist"});
  out.where = r.at(scope);
  out.model = r.required_id(scope, "model", "the id of the model, e.g. cjb-retail");
  out.profile = r.optional_id(scope, "profile");
  out.channels = r.id_list(scope, "channels", r.optional(scope, "channels"));
  for (auto c : scope.children("checklist")) {
    r.allow(c, {"ref"}, {});
    out.checklists.push_back(r.required_id(c, "ref", "a checklist id"));
  }
  if (out.profile.empty() && out.checklists.empty())
    r.problem(scope, "<scope> names no profile and no checklist (expected profile=\"ID\" or <checklist ref=\"ID\"/>)");
  if (out.profile.empty() && out.channels.empty())
    r.problem(scope, "<scope> names no channels (expected channels=\"physical\", \"online\" or \"physical online\")");
}

// A response's <note>s and <evidence>: text, or a photo when it names a file.
void read_notes_and_evidence(Reader& r, pugi::xml_node x, Response& response) {
  for (auto n : x.children("note")) {
    r.allow(n, {}, {});
    response.note += (response.note.empty() ? "" : "\n") + trim(n.text().get());
  }
  for (auto e : x.children("evidence")) {
    r.allow(e, {"file"}, {});
    if (e.attribute("file")) {
      std::string file = trim(e.attribute("file").value());
      if (file.empty())
        r.problem(e, fmt::format("<evidence> of '{}' has an empty file=\"\" (expected a path such as photos/fire-exit.jpg)", response.item));
      else
        response.photos.push_back({file, trim(e.text().get()), r.at(e)});
    } else {
      response.evidence += (response.evidence.empty() ? "" : "\n") + trim(e.text().get());
    }
  }
}

// One <response>: exactly one of a level, na="true" or a waiver.
Response read_response(Reader& r, pugi::xml_node x) {
  r.allow(x, {"item", "level", "na", "source", "observed-level"}, {"note", "evidence", "waiver"});
  r.at_most_once(x, {"waiver"});
  Response response;
  response.where = r.at(x);
  response.item = r.required_id(x, "item", "the id of the item answered");
  response.na = r.boolean(x, "na", false);
  response.level = r.optional_integer(x, "level");
  read_source(r, x, response);
  if (pugi::xml_node w = x.child("waiver")) response.waiver = read_waiver(r, w, response.item);
  if (response.waiver && (x.attribute("level") || response.na))
    r.problem(x, fmt::format("response to '{}' has both a waiver and {} (expected one of them: a waived item has no answer)",
                             response.item, response.na ? "na=\"true\"" : "a level"));
  else if (x.attribute("level") && response.na)
    r.problem(x, fmt::format("response to '{}' has both a level and na=\"true\" (expected one of them)", response.item));
  else if (!x.attribute("level") && !response.na && !response.waiver)
    r.problem(x, fmt::format("response to '{}' has no level (expected level=\"N\" or na=\"true\")", response.item));
  read_notes_and_evidence(r, x, response);
  return response;
}

}  // namespace

Assessment parse_assessment(const Source& source) {
  Reader r(source);
  pugi::xml_node root = r.root("assessment");
  r.allow(root, {"id", "version"}, {"subject", "meta", "scope", "responses"});
  r.at_most_once(root, {"subject", "meta", "scope", "responses"});
  Assessment a;
  a.where = r.at(root);
  a.id = r.required_id(root, "id", "the assessment's id");
  if (pugi::xml_node subject = r.required_child(root, "subject")) read_subject(r, subject, a.subject);
  if (pugi::xml_node meta = r.required_child(root, "meta")) read_meta(r, meta, a.meta);
  if (pugi::xml_node scope = r.required_child(root, "scope")) read_assessment_scope(r, scope, a.scope);
  if (pugi::xml_node responses = r.required_child(root, "responses")) {
    r.allow(responses, {}, {"response"});
    for (auto x : responses.children("response")) a.responses.push_back(read_response(r, x));
  }
  r.throw_if_problems();
  return a;
}

Model parse_model(std::string text, std::string name) { return parse_model(Source(std::move(text), std::move(name))); }
Checklist parse_checklist(std::string text, std::string name) { return parse_checklist(Source(std::move(text), std::move(name))); }
Profile parse_profile(std::string text, std::string name) { return parse_profile(Source(std::move(text), std::move(name))); }
Assessment parse_assessment(std::string text, std::string name) { return parse_assessment(Source(std::move(text), std::move(name))); }

Assessment load_assessment(const std::string& path) { return parse_assessment(files::read_file(path), path); }

std::string write_assessment(const Assessment& a) {
  pugi::xml_document doc;  // the declaration is written below, once
  auto root = doc.append_child("assessment");
  root.append_attribute("id") = a.id.c_str();
  auto subject = root.append_child("subject");
  subject.append_attribute("retailer") = a.subject.retailer.c_str();
  subject.append_attribute("site") = a.subject.site.c_str();
  auto optional_attr = [](pugi::xml_node node, const char* name, const std::string& value) {
    if (!value.empty()) node.append_attribute(name) = value.c_str();
  };
  optional_attr(subject, "site-id", a.subject.site_id);
  optional_attr(subject, "sector", a.subject.sector);
  optional_attr(subject, "region", a.subject.region);
  optional_attr(subject, "format", a.subject.format);
  for (const auto& tag : a.subject.tags) subject.append_child("tag").text() = tag.c_str();
  auto meta = root.append_child("meta");
  optional_attr(meta, "assessor", a.meta.assessor);
  meta.append_attribute("date") = a.meta.date.c_str();
  optional_attr(meta, "method", a.meta.method);
  auto scope = root.append_child("scope");
  scope.append_attribute("model") = a.scope.model.c_str();
  optional_attr(scope, "profile", a.scope.profile);
  std::string channels;
  for (const auto& c : a.scope.channels) channels += (channels.empty() ? "" : " ") + c;
  optional_attr(scope, "channels", channels);
  for (const auto& c : a.scope.checklists) scope.append_child("checklist").append_attribute("ref") = c.c_str();
  auto responses = root.append_child("responses");
  for (const auto& r : a.responses) {
    auto x = responses.append_child("response");
    x.append_attribute("item") = r.item.c_str();
    if (r.na) x.append_attribute("na") = "true";
    else if (r.level) x.append_attribute("level") = *r.level;
    if (r.measured) x.append_attribute("source") = "measured";
    if (r.observed_level) x.append_attribute("observed-level") = *r.observed_level;
    if (!r.note.empty()) x.append_child("note").text() = r.note.c_str();
    if (!r.evidence.empty()) x.append_child("evidence").text() = r.evidence.c_str();
    for (const auto& photo : r.photos) {
      auto e = x.append_child("evidence");
      e.append_attribute("file") = photo.file.c_str();
      if (!photo.caption.empty()) e.text() = photo.caption.c_str();
    }
    if (r.waiver) {  // after note and evidence, as the XSD orders them
      auto w = x.append_child("waiver");
      w.append_attribute("by") = r.waiver->by.c_str();
      w.append_attribute("date") = r.waiver->date.c_str();
      w.append_attribute("expires") = r.waiver->expires.c_str();
      w.text() = r.waiver->justification.c_str();
    }
  }
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_indent | pugi::format_no_declaration, pugi::encoding_utf8);
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + out.str();
}

}  // namespace cjb::xml
