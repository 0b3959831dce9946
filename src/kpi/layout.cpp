#include "kpi/layout.h"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "util/files.h"
#include "util/text.h"

namespace cjb::kpi {

namespace {

constexpr std::array<std::string_view, kFieldCount> kNames = {
    "id", "opened", "date", "site", "retailer", "channel", "priority", "first_response", "resolved", "first_response_minutes", "resolution_minutes",
    "first_response_business_minutes", "resolution_business_minutes", "contacts", "handling_minutes", "idle", "csat", "nps",
};

std::string_view trim(std::string_view s) { return text::trim(s, " \t\r"); }

// The units a duration column may be given in.
constexpr std::array<std::pair<std::string_view, Unit>, 4> kUnits = {
    {{"minutes", Unit::Minutes}, {"hours", Unit::Hours}, {"seconds", Unit::Seconds}, {"hms", Unit::Hms}}};

Layout builtin(const char* name, ExportKind kind, std::initializer_list<Field> fields) {
  Layout l;
  l.name = name;
  l.kind = kind;
  for (Field f : fields) l.headers[static_cast<size_t>(f)] = {normalised(field_name(f))};
  return l;
}

// Splits "a | b | c" into normalised names.
std::vector<std::string> alternatives(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t bar = text.find('|', start);
    std::string name = normalised(text.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start));
    if (!name.empty()) out.push_back(std::move(name));
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return out;
}

class LayoutParser {
 public:
  LayoutParser(const std::string& name) : name_(name) { layout_.source = name; }

  void line(std::string_view text, int number) {
    line_ = number;
    if (size_t hash = text.find('#'); hash != std::string_view::npos) text = text.substr(0, hash);
    text = trim(text);
    if (text.empty()) return;
    size_t space = text.find_first_of(" \t");
    std::string_view word = text.substr(0, space), rest = space == std::string_view::npos ? std::string_view() : trim(text.substr(space));
    if (word == "layout") layout_.name = std::string(rest);
    else if (word == "kind") kind(rest);
    else if (word == "detect") layout_.detect = alternatives(rest);
    else if (word == "column" || word == "unit" || word == "value") assignment(word, rest);
    else problem(fmt::format("unknown directive '{}' (expected layout, kind, detect, column, unit or value)", word));
  }

  Layout finish() {
    if (layout_.name.empty()) problems_.push_back({Location{name_, 1, 1}, "no 'layout NAME' line (expected the layout's name)"});
    if (!kind_seen_) problems_.push_back({Location{name_, 1, 1}, "no 'kind' line (expected kind contacts or kind surveys)"});
    if (layout_.detect.empty()) problems_.push_back({Location{name_, 1, 1}, "no 'detect' line (expected the header names that identify the layout)"});
    if (!problems_.empty()) throw InputError(std::move(problems_));
    return std::move(layout_);
  }

 private:
  void problem(std::string message) { problems_.push_back({Location{name_, line_, 1}, std::move(message)}); }

  void kind(std::string_view rest) {
    kind_seen_ = true;
    if (rest == "contacts") layout_.kind = ExportKind::Contacts;
    else if (rest == "surveys") layout_.kind = ExportKind::Surveys;
    else problem(fmt::format("kind '{}' is not known (expected contacts or surveys)", rest));
  }

  void assignment(std::string_view word, std::string_view rest) {
    size_t eq = rest.find('=');
    if (eq == std::string_view::npos) return problem(fmt::format("'{}' without '=' (expected {} FIELD … = …)", word, word));
    std::string_view left = trim(rest.substr(0, eq)), right = trim(rest.substr(eq + 1));
    size_t space = left.find_first_of(" \t");
    std::string_view field_text = left.substr(0, space);
    std::optional<Field> field = field_named(field_text);
    if (!field) return problem(fmt::format("'{}' is not a field (expected one of {})", field_text, fmt::join(kNames, ", ")));
    auto i = static_cast<size_t>(*field);
    if (word == "column") {
      layout_.headers[i] = alternatives(right);
    } else if (word == "unit") {
      auto unit = std::find_if(kUnits.begin(), kUnits.end(), [&](const auto& u) { return u.first == right; });
      if (unit != kUnits.end()) layout_.units[i] = unit->second;
      else problem(fmt::format("unit '{}' is not known (expected {})", right, text::or_list(kUnits, [](const auto& unit) { return unit.first; })));
    } else {
      std::string words = space == std::string_view::npos ? std::string() : normalised(left.substr(space));
      if (words.empty()) return problem("'value' without words (expected value FIELD WORDS = VALUE)");
      layout_.values[i][words] = right == "-" ? std::string() : std::string(right);
    }
  }

  std::string name_;
  Layout layout_;
  std::vector<Diagnostic> problems_;
  int line_ = 0;
  bool kind_seen_ = false;
};

}  // namespace

std::string_view field_name(Field f) { return kNames[static_cast<size_t>(f)]; }

std::optional<Field> field_named(std::string_view name) {
  for (size_t i = 0; i < kNames.size(); ++i)
    if (kNames[i] == name) return static_cast<Field>(i);
  return std::nullopt;
}

std::string normalised(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool blank = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '_' || c == '\r' || c == '\n') {
      blank = true;
      continue;
    }
    if (blank && !out.empty()) out += ' ';
    blank = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

const Layout& cjb_contacts_layout() {
  static const Layout l = builtin("cjb contacts", ExportKind::Contacts,
                                  {Field::Id, Field::Opened, Field::Site, Field::Retailer, Field::Channel, Field::Priority, Field::FirstResponse, Field::Resolved,
                                   Field::FirstResponseMinutes, Field::ResolutionMinutes, Field::FirstResponseBusinessMinutes,
                                   Field::ResolutionBusinessMinutes, Field::Contacts, Field::HandlingMinutes, Field::Idle, Field::Csat, Field::Nps});
  return l;
}

const Layout& cjb_surveys_layout() {
  static const Layout l = builtin("cjb surveys", ExportKind::Surveys, {Field::Id, Field::Date, Field::Site, Field::Retailer, Field::Channel, Field::Csat, Field::Nps});
  return l;
}

Layout parse_layout(std::string_view text, const std::string& name) {
  LayoutParser parser(name);
  int number = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    parser.line(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start), ++number);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return parser.finish();
}

std::vector<Layout> load_layouts(const std::string& folder) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == ".layout") files.push_back(it->path().string());
  std::sort(files.begin(), files.end());
  std::vector<Layout> layouts;
  for (const auto& file : files) layouts.push_back(parse_layout(files::read_file(file), file));
  return layouts;
}

}  // namespace cjb::kpi
