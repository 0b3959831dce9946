#include "cli/command_doc.h"

#include <algorithm>
#include <cctype>
#include <regex>
#include <set>

namespace cjb::cli {

namespace {

// Boost's semantic name: "FORMAT (=text)" — the value name, then the default if any.
void split_semantic_name(const std::string& name, OptionDoc& doc) {
  auto open = name.find(" (=");
  if (open == std::string::npos) {
    doc.value_name = name;
    return;
  }
  doc.value_name = name.substr(0, open);
  doc.default_value = name.substr(open + 3, name.size() - open - 4);
}

// A value name that stands for files to read.
bool names_input_files(std::string value_name) {
  static const std::set<std::string> names = {"FILE", "ASSESSMENT", "OLD", "PATH", "SHEET", "EXPORT"};
  value_name.erase(std::remove(value_name.begin(), value_name.end(), '.'), value_name.end());
  return names.count(value_name) > 0;
}

void classify(OptionDoc& doc) {
  if (doc.value_name.empty() && !doc.positional) {
    doc.kind = ValueKind::None;
  } else if (doc.long_name == "output") {
    doc.kind = ValueKind::OutputFile;
  } else if (doc.value_name == "DIR") {
    doc.kind = ValueKind::Directory;
  } else if (doc.long_name == "profile") {
    doc.kind = ValueKind::Profile;
  } else if (names_input_files(doc.value_name)) {
    doc.kind = ValueKind::InputFile;
    doc.extensions = extensions_in(doc.description);
  } else if (auto choices = choices_in(doc.description); !choices.empty()) {
    doc.kind = ValueKind::Choice;
    doc.choices = std::move(choices);
  } else {
    doc.kind = ValueKind::Text;
  }
}

}  // namespace

std::vector<std::string> choices_in(const std::string& description) {
  // word (note)?, word (note)?, … or word: at the start or after a colon, two values or more;
  // elsewhere in the text ("one row per site, channel or month"), three or more.
  static const std::string value = R"([a-z0-9][a-z0-9-]*)", note = R"((?: \([^)]*\))?)";
  static const std::regex list("(^|: |\\b)(" + value + ")" + note + "((?:, " + value + note + ")*) or (" + value + ")\\b");
  static const std::regex word(", (" + value + ")");
  for (auto it = std::sregex_iterator(description.begin(), description.end(), list); it != std::sregex_iterator(); ++it) {
    const std::smatch& match = *it;
    bool anchored = match.position(0) == 0 || !match[1].str().empty();
    if (!anchored && match[3].length() == 0) continue;
    std::vector<std::string> values = {match[2].str()};
    // Drop the notes in brackets before picking the words out of the middle part.
    std::string middle = std::regex_replace(match[3].str(), std::regex(R"( \([^)]*\))"), "");
    for (auto w = std::sregex_iterator(middle.begin(), middle.end(), word); w != std::sregex_iterator(); ++w)
      values.push_back((*w)[1].str());
    values.push_back(match[4].str());
    return values;
  }
  return {};
}

std::vector<std::string> extensions_in(const std::string& description) {
  std::vector<std::string> found;
  for (const char* kind : {"XML", "CSV", "XLSX", "JSON"}) {
    if (std::regex_search(description, std::regex(std::string(R"(\b)") + kind + R"(\b)"))) {
      std::string ext = kind;
      std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      found.push_back(ext);
    }
  }
  if (found.empty()) found.push_back("xml");
  return found;
}

CommandDoc describe_command(Command& command) {
  po::options_description options;
  po::positional_options_description positional;
  command.describe(options, positional);
  std::set<std::string> positional_names;
  std::set<std::string> many_positional;
  unsigned count = positional.max_total_count();
  for (unsigned i = 0; i < std::min(count, 16u); ++i) positional_names.insert(positional.name_for_position(i));
  if (count > 16) many_positional.insert(positional.name_for_position(16));

  CommandDoc doc{command.name(), command.summary(), command.usage(), command.example(), command.summary(), {}};
  for (const auto& option : options.options()) {
    OptionDoc o;
    o.long_name = option->long_name();
    std::string shown = option->canonical_display_name(po::command_line_style::allow_dash_for_short);
    if (shown.size() == 2 && shown[0] == '-') o.short_name = shown[1];
    o.description = option->description();
    o.positional = positional_names.count(o.long_name) > 0;
    o.many = many_positional.count(o.long_name) > 0 || option->semantic()->max_tokens() > 1;
    if (option->semantic()->max_tokens() > 0) split_semantic_name(option->semantic()->name(), o);
    classify(o);
    doc.options.push_back(std::move(o));
  }
  return doc;
}

std::vector<CommandDoc> describe_commands() {
  std::vector<CommandDoc> docs;
  for (const auto& info : commands()) {
    auto command = info.create();
    docs.push_back(describe_command(*command));
    docs.back().listed_summary = info.summary;
  }
  return docs;
}

}  // namespace cjb::cli
