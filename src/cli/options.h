#pragma once
// Option sets a command opts into, in the style of osmium-tool's with_osm_output: the output
// file and its format, the input file the command reads. Each set declares its options in the
// command's declare() and checks their values in the command's validate(), so a bad value is
// refused before any work is done (docs/commands.md).

#include <initializer_list>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "cli/command.h"
#include "core/checklist.h"

namespace cjb::cli {

// One format a command writes. An alias ("md") is another name of the format named by
// alias_of ("markdown"); it is accepted and listed, and stands for that format everywhere.
struct Format {
  const char* name;
  const char* note = nullptr;                   // shown in brackets by --help: "the cjb.score/1 contract"
  std::vector<const char*> extensions = {};     // ".md", ".markdown": -o FILE names this format
  const char* alias_of = nullptr;
};

// A command's table of formats: the one list its --format is checked against, and that its
// help, its messages, the man pages and the shell completion are made from.
class FormatTable {
 public:
  FormatTable(std::initializer_list<Format> formats) : formats_(formats) {}
  // The format a name stands for, an alias resolved ("md" → "markdown"); nullopt if unknown.
  std::optional<std::string> find(const std::string& name) const;
  // The format -o FILE names by its extension; nullopt when no format has that extension.
  std::optional<std::string> of_path(const std::string& path) const;
  // "text, json, csv, markdown or md": every accepted name.
  std::string names() const;
  // The same with each format's note in brackets, for --help.
  std::string described() const;
  // ".pdf, .html, .htm, .md, .markdown, .svg or .json".
  std::string extensions() const;

 private:
  std::vector<Format> formats_;
};

// The Markdown format, one spelling for every command: markdown, or md.
inline constexpr const char* kMarkdown = "markdown";

// -o/--output FILE and -f/--format FORMAT. The format is --format, else the one the -o file's
// extension names, else the default; an -o extension no format has is refused when
// `refuse_unknown_extension` (`-o x.docx` must not quietly write a PDF), else the default.
// A command whose format does not follow -o shows its default in --help ("(=text)").
class OutputOptions {
 public:
  struct Settings {
    FormatTable formats;
    const char* default_format;
    const char* output_help = "write to FILE (default: stdout)";
    const char* format_help_tail = nullptr;  // after the list: "(default: …)"
    bool refuse_unknown_extension = false;
    bool refuse_no_extension = false;        // -o FILE without an extension is refused too
    const char* what = "an output";          // "a report": the extension '.docx' is not a report format
    bool extension_names_format = true;      // false: -o's extension is not looked at
    bool short_format = true;                // -f for --format
  };
  explicit OutputOptions(Settings settings) : settings_(std::move(settings)) {}

  void declare(po::options_description& options);
  // Resolves the format; throws UsageError "COMMAND: --format 'x' is not known (expected …)".
  void validate(const char* command);

  const std::string& format() const { return format_; }
  const std::string& path() const { return path_; }
  // Whether --format was given (not told from -o or the default).
  bool format_given() const { return !given_.empty(); }
  bool to_stdout() const { return path_.empty() || path_ == "-"; }
  // Writes content to -o FILE atomically, or to stdout.
  void write(Context& context, std::string_view content) const;

 private:
  Settings settings_;
  std::string path_, given_, format_;
};

// An option with a fixed set of values: "COMMAND: --OPTION 'x' is not known (expected a, b or c)",
// the list made from the values checked against.
void expect_one_of(const char* command, const char* option, const std::string& value, const std::vector<std::string>& allowed);

// The function that writes a command's result in one format of its table.
template <typename Input>
struct Renderer {
  const char* format;
  std::string (*render)(const Input&);
};

// The result written in the format asked for. validate() has accepted only the table's
// formats, so a format without a renderer is a bug.
template <typename Input>
std::string render_in(const std::string& format, std::initializer_list<Renderer<Input>> renderers, const Input& input) {
  for (const auto& r : renderers)
    if (format == r.format) return r.render(input);
  throw std::logic_error("no renderer for the format " + format);
}

// The input file argument of a command: positional, named as the usage line names it
// (ASSESSMENT, SHEET, FILE…). Missing, parse() says "COMMAND: expected an ASSESSMENT file".
void add_input(po::options_description& options, po::positional_options_description& positional, const char* name,
               std::string* value, const char* value_name, const char* help);
// The same for several files (positional, as many as given).
void add_inputs(po::options_description& options, po::positional_options_description& positional, const char* name,
                std::vector<std::string>* values, const char* value_name, const char* help);

// "expected an ASSESSMENT file", "expected a FILE": what a missing argument named VALUE_NAME is.
std::string expected_argument(const std::string& value_name);

// A count of files checked in validate(): "agree: 1 file given (expected two audits of one visit: A B)".
void expect_file_count(const char* command, size_t given, size_t wanted, const char* what);

// --evidence KIND: every item, or only those evidenced this way (observed, asked, records).
class EvidenceOption {
 public:
  // verb: what the command does with the items ("score", "report").
  void declare(po::options_description& options, const char* verb);
  void validate(const char* command);
  std::optional<EvidenceKind> kind() const { return kind_; }

 private:
  std::string text_;
  std::optional<EvidenceKind> kind_;
};

// What a new assessment is of and by whom (init, import): its scope, subject and visit.
struct NewAssessmentOptions {
  std::string profile, channels, retailer, site, assessor, date, method = "audit", id;

  // for_new: the words before each help text ("new assessment: " where the command can also
  // fill an existing one); defaults: say what an option left out becomes (init fills them in).
  void declare(po::options_description& options, const char* for_new, bool defaults);
};

}  // namespace cjb::cli
