#include "cli/options.h"

#include <filesystem>

#include <fmt/format.h>

#include "cli/output.h"
#include "core/error.h"
#include "util/text.h"

namespace cjb::cli {

std::optional<std::string> FormatTable::find(const std::string& name) const {
  for (const auto& f : formats_)
    if (name == f.name) return std::string(f.alias_of ? f.alias_of : f.name);
  return std::nullopt;
}

std::optional<std::string> FormatTable::of_path(const std::string& path) const {
  std::string ext = text::lower(std::filesystem::path(path).extension().string());
  for (const auto& f : formats_)
    for (const char* e : f.extensions)
      if (ext == e) return std::string(f.alias_of ? f.alias_of : f.name);
  return std::nullopt;
}

std::string FormatTable::names() const {
  std::vector<std::string> names;
  for (const auto& f : formats_) names.push_back(f.name);
  return text::or_list(names);
}

std::string FormatTable::described() const {
  std::vector<std::string> names;
  for (const auto& f : formats_) names.push_back(f.note ? fmt::format("{} ({})", f.name, f.note) : f.name);
  return text::or_list(names);
}

std::string FormatTable::extensions() const {
  std::vector<std::string> extensions;
  for (const auto& f : formats_) extensions.insert(extensions.end(), f.extensions.begin(), f.extensions.end());
  return text::or_list(extensions);
}

void expect_one_of(const char* command, const char* option, const std::string& value, const std::vector<std::string>& allowed) {
  for (const auto& a : allowed)
    if (value == a) return;
  throw UsageError(fmt::format("{}: --{} '{}' is not known (expected {})", command, option, value, text::or_list(allowed)));
}

void OutputOptions::declare(po::options_description& options) {
  std::string help = settings_.formats.described();
  if (settings_.format_help_tail) help += std::string(" ") + settings_.format_help_tail;
  options.add_options()("output,o", po::value<std::string>(&path_)->value_name("FILE"), settings_.output_help);
  auto* format = po::value<std::string>(&given_)->value_name("FORMAT");
  if (!settings_.extension_names_format) format->default_value(settings_.default_format);
  options.add_options()(settings_.short_format ? "format,f" : "format", format, help.c_str());
}

void OutputOptions::validate(const char* command) {
  if (!given_.empty()) {
    std::optional<std::string> format = settings_.formats.find(given_);
    if (!format)
      throw UsageError(fmt::format("{}: --format '{}' is not known (expected {})", command, given_, settings_.formats.names()));
    format_ = *format;
    return;
  }
  format_ = settings_.default_format;
  if (!settings_.extension_names_format || to_stdout()) return;
  if (std::optional<std::string> format = settings_.formats.of_path(path_)) {
    format_ = *format;
    return;
  }
  std::string ext = std::filesystem::path(path_).extension().string();
  if (ext.empty() && settings_.refuse_no_extension)
    throw UsageError(fmt::format("{}: -o {}: the name has no extension to tell the format by (expected {}, or --format)", command,
                                 path_, settings_.formats.extensions()));
  if (!settings_.refuse_unknown_extension || ext.empty()) return;
  throw UsageError(fmt::format("{}: -o {}: the extension '{}' is not {} format (expected {}, or --format to write that file anyway)",
                               command, path_, ext, settings_.what, settings_.formats.extensions()));
}

void OutputOptions::write(Context& context, std::string_view content) const { write_output(context, path_, content); }

void add_input(po::options_description& options, po::positional_options_description& positional, const char* name,
               std::string* value, const char* value_name, const char* help) {
  options.add_options()(name, po::value<std::string>(value)->value_name(value_name)->required(), help);
  positional.add(name, 1);
}

void add_inputs(po::options_description& options, po::positional_options_description& positional, const char* name,
                std::vector<std::string>* values, const char* value_name, const char* help) {
  options.add_options()(name, po::value<std::vector<std::string>>(values)->value_name(value_name), help);
  positional.add(name, -1);
}

std::string expected_argument(const std::string& value_name) {
  std::string name = value_name.substr(0, value_name.find("..."));
  for (const char* whole : {"FILE", "PATH", "DIR"})
    if (name == whole) return "a " + name;
  bool vowel = !name.empty() && std::string("AEIOU").find(name[0]) != std::string::npos;
  return fmt::format("{} {} file", vowel ? "an" : "a", name);
}

void expect_file_count(const char* command, size_t given, size_t wanted, const char* what) {
  if (given == wanted) return;
  throw UsageError(fmt::format("{}: {} file{} given (expected {})", command, given, given == 1 ? "" : "s", what));
}

void EvidenceOption::declare(po::options_description& options, const char* verb) {
  options.add_options()(
      "evidence", po::value<std::string>(&text_)->value_name("KIND"),
      fmt::format("{} only the items evidenced this way: observed (what a mystery shopper sees), asked or records", verb).c_str());
}

void EvidenceOption::validate(const char* command) {
  if (text_.empty()) return;
  kind_ = parse_evidence_kind(text_);
  if (!kind_) throw UsageError(fmt::format("{}: unknown evidence kind '{}' (expected {})", command, text_, evidence_kind_names()));
}

void NewAssessmentOptions::declare(po::options_description& options, const char* for_new, bool defaults) {
  auto help = [&](const char* text, const char* default_text) {
    return fmt::format("{}{}{}", for_new, text, defaults && default_text ? default_text : "");
  };
  options.add_options()
      ("profile", po::value<std::string>(&profile)->value_name("P"), help("the profile that tailors the checklists", nullptr).c_str())
      ("channels", po::value<std::string>(&channels)->value_name("LIST"),
       help("journey channels in scope, e.g. physical,online (default: the profile's)", nullptr).c_str())
      ("retailer", po::value<std::string>(&retailer)->value_name("NAME"), help("the retailer's name", " (default: My shop)").c_str())
      ("site", po::value<std::string>(&site)->value_name("NAME"),
       help("the store or web shop assessed", " (default: Store, Web shop, or Store and web shop)").c_str())
      ("assessor", po::value<std::string>(&assessor)->value_name("NAME"), help("who assesses", nullptr).c_str())
      ("date", po::value<std::string>(&date)->value_name("DATE"), help("the date of the visit, YYYY-MM-DD", " (default: today)").c_str())
      ("method", po::value<std::string>(&method)->value_name("M")->default_value("audit"),
       help("audit, mystery-shop, self-assessment, …", nullptr).c_str())
      ("id", po::value<std::string>(&id)->value_name("ID"), help("the assessment's id (default: from retailer, site and date)", nullptr).c_str());
}

}  // namespace cjb::cli
