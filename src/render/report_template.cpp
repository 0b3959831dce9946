#include "render/report_template.h"

#include <algorithm>
#include <regex>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/error.h"
#include "util/line_index.h"

namespace cjb::render {

using json = nlohmann::json;

const std::vector<std::string>& report_section_ids() {
  static const std::vector<std::string> ids = {"cover",   "summary", "scorecard", "charts",
                                               "journey", "drivers", "kpis",      "follow-up", "actions",   "waivers",  "appendix"};
  return ids;
}

const std::string& ReportStyle::colour(const std::string& role) const {
  static const std::string black = "#000000";
  if (auto it = colours.find(role); it != colours.end()) return it->second;
  if (auto it = colours.find("ink"); it != colours.end()) return it->second;
  return black;
}

const SectionSpec* ReportTemplate::find_section(const std::string& id) const {
  for (const auto& s : sections)
    if (s.id == id) return &s;
  return nullptr;
}

std::string ReportTemplate::text(const std::string& key, const std::string& fallback) const {
  auto it = texts.find(key);
  return it == texts.end() ? fallback : it->second;
}

namespace {

// nlohmann_json counts bytes from 1.
Location location_of_byte(const std::string& text, const std::string& name, size_t byte) {
  LineColumn at = line_column(text, byte > 0 ? byte - 1 : 0);
  return Location{name, at.line, at.column};
}

bool is_colour(const std::string& text) {
  static const std::regex pattern("#[0-9A-Fa-f]{6}");
  return std::regex_match(text, pattern);
}

// The text as JSON; nlohmann's errors become InputErrors at their place.
json parse_json(const std::string& text, const std::string& name) {
  try {
    return json::parse(text);
  } catch (const json::parse_error& e) {
    std::string what = e.what();
    // nlohmann's message: "[json.exception.parse_error.101] parse error at line 1, column 2: …"
    auto colon = what.find(": ", what.find("parse error"));
    std::string reason = colon == std::string::npos ? what : what.substr(colon + 2);
    throw InputError(location_of_byte(text, name, e.byte), fmt::format("malformed JSON: {}", reason));
  } catch (const json::out_of_range& e) {
    // A number too large for a double: "[json.exception.out_of_range.406] number overflow
    // parsing '1e999'". Placed at the number's first appearance in the text.
    std::string what = e.what();
    size_t quote = what.find('\'');
    std::string number = quote == std::string::npos ? "" : what.substr(quote + 1, what.rfind('\'') - quote - 1);
    size_t at = number.empty() ? std::string::npos : text.find(number);
    std::string shown = number.size() > 20 ? number.substr(0, 20) + "…" : number;
    throw InputError(location_of_byte(text, name, at == std::string::npos ? 0 : at + 1),
                     fmt::format("malformed JSON: the number {} is too large (expected a number such as 10 or 0.5)", shown));
  }
}

// Reads a template's parts into t, collecting every problem rather than stopping at the first.
struct TemplateReader {
  Location whole;
  ReportTemplate& t;
  std::vector<Diagnostic> problems;

  void problem(const std::string& message) { problems.push_back({whole, message}); }

  std::string string_field(const json& object, const char* key, const std::string& where, bool required) {
    auto it = object.find(key);
    if (it == object.end()) {
      if (required) problem(fmt::format("{}missing \"{}\" (expected a string)", where, key));
      return {};
    }
    if (!it->is_string()) {
      problem(fmt::format("{}\"{}\" is not a string (expected a string)", where, key));
      return {};
    }
    return it->get<std::string>();
  }

  void fonts(const json& fonts) {
    if (!fonts.is_object()) {
      problem("\"fonts\" is not an object (expected {\"body\": \"DejaVu Sans\", …})");
      return;
    }
    if (auto f = string_field(fonts, "body", "fonts: ", false); !f.empty()) t.style.body_font = f;
    if (auto f = string_field(fonts, "heading", "fonts: ", false); !f.empty()) t.style.heading_font = f;
    if (auto size = fonts.find("size"); size != fonts.end()) {
      if (!size->is_number() || size->get<double>() < 6 || size->get<double>() > 14)
        problem("fonts: \"size\" must be a number of points from 6 to 14");
      else
        t.style.body_size = size->get<double>();
    }
  }

  void colours(const json& colours) {
    if (!colours.is_object()) {
      problem("\"colours\" is not an object (expected {\"primary\": \"#RRGGBB\", …})");
      return;
    }
    for (const auto& [role, value] : colours.items()) {
      if (!t.style.colours.count(role)) {
        problem(fmt::format("colours: unknown role \"{}\" (expected one of accent, cover_fill, cover_ink, header_fill, "
                            "header_ink, ink, muted, peer, primary, rule, stripe, target)", role));
      } else if (!value.is_string() || !is_colour(value.get<std::string>())) {
        problem(fmt::format("colours: \"{}\" is not a colour (expected \"#RRGGBB\")", role));
      } else {
        t.style.colours[role] = value.get<std::string>();
      }
    }
  }

  void section(const json& s, size_t i) {
    const auto& known = report_section_ids();
    std::string where = fmt::format("sections[{}]: ", i);
    if (!s.is_object()) {
      problem(where + "not an object (expected {\"id\": …, \"title\": …})");
      return;
    }
    SectionSpec spec;
    spec.id = string_field(s, "id", where, true);
    spec.title = string_field(s, "title", where, true);
    spec.intro = string_field(s, "intro", where, false);
    if (!spec.id.empty() && std::find(known.begin(), known.end(), spec.id) == known.end()) {
      problem(fmt::format("{}unknown section \"{}\" (expected one of cover, summary, scorecard, charts, journey, "
                          "drivers, actions, appendix)", where, spec.id));
      return;
    }
    if (t.find_section(spec.id)) {
      problem(fmt::format("{}section \"{}\" listed twice", where, spec.id));
      return;
    }
    t.sections.push_back(std::move(spec));
  }

  void texts(const json& texts) {
    if (!texts.is_object()) {
      problem("\"texts\" is not an object (expected {\"key\": \"text\", …})");
      return;
    }
    for (const auto& [key, value] : texts.items()) {
      if (!value.is_string())
        problem(fmt::format("texts: \"{}\" is not a string (expected a string)", key));
      else
        t.texts[key] = value.get<std::string>();
    }
  }
};

}  // namespace

ReportTemplate parse_template(const std::string& text, const std::string& name) {
  json doc = parse_json(text, name);
  Location whole{name, 0, 0};
  if (!doc.is_object()) throw InputError(whole, "a report template must be a JSON object (expected {\"title\": …, \"sections\": […]})");

  ReportTemplate t;
  TemplateReader reader{whole, t, {}};
  t.id = name;
  t.title = reader.string_field(doc, "title", "", true);
  t.consultancy = reader.string_field(doc, "consultancy", "", false);
  t.logo_text = reader.string_field(doc, "logo_text", "", false);
  t.tagline = reader.string_field(doc, "tagline", "", false);
  if (doc.contains("author")) t.author = reader.string_field(doc, "author", "", false);
  if (auto fonts = doc.find("fonts"); fonts != doc.end()) reader.fonts(*fonts);

  t.style.colours = {{"primary", "#1F3A5F"}, {"accent", "#2F6DB5"},      {"ink", "#1A1A1A"},
                     {"muted", "#5F6B73"},   {"rule", "#D5DBE1"},        {"header_fill", "#1F3A5F"},
                     {"header_ink", "#FFFFFF"}, {"stripe", "#F4F6F8"},  {"cover_fill", "#1F3A5F"},
                     {"cover_ink", "#FFFFFF"}, {"target", "#1F3A5F"},   {"peer", "#8E44AD"}};
  if (auto colours = doc.find("colours"); colours != doc.end()) reader.colours(*colours);

  auto sections = doc.find("sections");
  if (sections == doc.end() || !sections->is_array() || sections->empty())
    reader.problem("missing \"sections\" (expected a non-empty array of {\"id\": …, \"title\": …})");
  else
    for (size_t i = 0; i < sections->size(); ++i) reader.section((*sections)[i], i);

  if (auto texts = doc.find("texts"); texts != doc.end()) reader.texts(*texts);
  if (!reader.problems.empty()) throw InputError(std::move(reader.problems));
  return t;
}

}  // namespace cjb::render
