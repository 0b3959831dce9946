// cjb import: a filled field sheet (CSV or XLSX) back into an assessment (docs/formats.md).

#include <array>
#include <filesystem>
#include <ostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/data.h"
#include "cli/options.h"
#include "cli/output.h"
#include "sheet/csv_reader.h"
#include "sheet/field_sheet.h"
#include "sheet/xlsx_reader.h"
#include "pipeline/scored_assessment.h"
#include "xml/files.h"
#include "util/files.h"
#include "util/text.h"

namespace cjb::cli {

namespace {

class ImportCommand : public Command {
 public:
  ImportCommand()
      : Command({"import",
                 "read a filled field sheet (CSV or XLSX) into an assessment",
                 "cjb import SHEET (--into ASSESSMENT | --profile P --retailer R --site S --date YYYY-MM-DD -o NEW) [options]",
                 "  cjb import field-sheet.csv --profile small-independent --retailer \"Marlow & Finch\" \\\n"
                 "      --site \"14 Bridge Street\" --date 2026-03-14 --assessor \"R. Okafor\" -o marlow-2026-03.xml\n"
                 "  cjb import to-finish.csv --into examples/self-assessment-in-progress.xml -o finished.xml"}) {}

  void declare(po::options_description& options, po::positional_options_description& positional) override {
    add_input(options, positional, "sheet", &sheet_, "SHEET", "the filled field sheet: XLSX, or CSV in UTF-8");
    options.add_options()
        ("delimiter", po::value<std::string>(&delimiter_)->value_name("D"), "CSV separator: comma, semicolon or tab (default: detected from the header row)")
        ("partial", po::bool_switch(&partial_), "keep the good rows and list the others (default: nothing is written unless every row is valid)")
        ("into", po::value<std::string>(&into_)->value_name("ASSESSMENT"), "merge the answers into this assessment (written back to it unless -o)")
        ("output,o", po::value<std::string>(&output_)->value_name("FILE"), "the assessment to write (a new file is never written over)");
    new_.declare(options, "new assessment: ", false);
  }

  // Without --into, the options of a new assessment; the date a date.
  void validate() override {
    delimiter();  // throws for one that is not a separator
    if (!into_.empty()) return;
    std::vector<std::string> missing;
    for (auto [value, option] : {std::pair{&new_.profile, "--profile"}, std::pair{&new_.retailer, "--retailer"},
                                 std::pair{&new_.site, "--site"}, std::pair{&new_.date, "--date"}, std::pair{&output_, "-o"}})
      if (value->empty()) missing.push_back(option);
    if (!missing.empty())
      throw UsageError(fmt::format("import: a new assessment needs {} (or use --into ASSESSMENT)", text::join(missing, ", ")));
    if (!is_iso_date(new_.date)) throw UsageError(fmt::format("import: --date '{}' is not a date (expected YYYY-MM-DD)", new_.date));
  }

  int run(Context& context) override {
    Catalog catalog = load_catalog(data_dir_option());
    Assessment assessment;
    std::string target = output_;
    if (!into_.empty()) {
      assessment = xml::load_assessment(into_);
      if (target.empty()) target = into_;
    } else {
      std::error_code ec;
      if (std::filesystem::exists(output_, ec))
        throw UsageError(fmt::format("import: {} already exists (expected a new file; use --into {} to merge into it)", output_, output_));
      assessment.subject.retailer = new_.retailer;
      assessment.subject.site = new_.site;
      assessment.id = new_.id.empty() ? default_assessment_id(assessment.subject, new_.date) : new_.id;
      assessment.meta.date = new_.date;
      assessment.meta.assessor = new_.assessor;
      assessment.meta.method = new_.method;
      assessment.scope.model = catalog.model.id;
      assessment.scope.profile = new_.profile;
      assessment.scope.channels = split_list(new_.channels);
      assessment.scope.where = Location{"--profile"};
    }
    Instrument instrument = resolve_scope(catalog, assessment.scope);
    std::string bytes = files::read_file(sheet_);
    std::vector<sheet::Table> tables;
    if (sheet::looks_like_xlsx(bytes)) {
      tables = sheet::read_xlsx(bytes, sheet_);
    } else {
      sheet::CsvOptions csv;
      csv.delimiter = delimiter();
      tables.push_back(sheet::to_table(sheet::read_csv(bytes, sheet_, csv)));
    }
    sheet::ReadSheetOptions read;
    read.partial = partial_;
    auto answers = sheet::read_field_sheet(tables, sheet_, catalog.model, instrument, read);
    const auto& responses = answers.responses;
    sheet::merge_responses(assessment, responses);
    // The result must be a valid assessment before anything is written.
    pipeline::checked_instrument(catalog, assessment);
    write_output(context, target, xml::write_assessment(assessment));
    if (!quiet())
      context.err << fmt::format("cjb: {} answers read from {}; {} responses in {}\n", responses.size(), sheet_,
                                 assessment.responses.size(), target.empty() || target == "-" ? "the output" : target);
    if (answers.skipped.empty()) return 0;
    context.err << format_diagnostics(answers.skipped) << '\n'
                << fmt::format("cjb: --partial: {} rows left out (listed above)\n", answers.skipped.size());
    return 1;
  }

 private:
  // The separators --delimiter names, each by its name and the ways it may be typed.
  struct Separator {
    const char* name;
    char character;
    std::array<const char*, 3> spellings;
  };
  static constexpr std::array<Separator, 3> kSeparators = {
      {{"comma", ',', {",", "comma", ""}}, {"semicolon", ';', {";", "semicolon", ""}}, {"tab", '\t', {"\t", "tab", "\\t"}}}};

  char delimiter() const {
    if (delimiter_.empty()) return 0;
    for (const auto& separator : kSeparators)
      for (const char* spelling : separator.spellings)
        if (*spelling && delimiter_ == spelling) return separator.character;
    throw UsageError(fmt::format("import: --delimiter '{}' is not a separator (expected {})", delimiter_,
                                 text::or_list(kSeparators, [](const Separator& separator) { return separator.name; })));
  }

  std::string delimiter_;
  bool partial_ = false;
  std::string sheet_, into_, output_;
  NewAssessmentOptions new_;
};

}  // namespace

std::unique_ptr<Command> make_import() { return std::make_unique<ImportCommand>(); }

}  // namespace cjb::cli
