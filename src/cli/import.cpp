// cjb import: a filled field sheet (CSV or XLSX) back into an assessment (docs/formats.md).

#include <filesystem>
#include <ostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/data.h"
#include "cli/output.h"
#include "sheet/csv_reader.h"
#include "sheet/field_sheet.h"
#include "sheet/xlsx_reader.h"
#include "pipeline/scored_assessment.h"
#include "xml/files.h"
#include "util/files.h"

namespace cjb::cli {

namespace {

class ImportCommand : public Command {
 public:
  const char* name() const override { return "import"; }
  const char* summary() const override { return "read a filled field sheet (CSV or XLSX) into an assessment"; }
  const char* usage() const override {
    return "cjb import SHEET (--into ASSESSMENT | --profile P --retailer R --site S --date YYYY-MM-DD -o NEW) [options]";
  }
  const char* example() const override {
    return "  cjb import field-sheet.csv --profile small-independent --retailer \"Marlow & Finch\" \\\n"
           "      --site \"14 Bridge Street\" --date 2026-03-14 --assessor \"R. Okafor\" -o marlow-2026-03.xml\n"
           "  cjb import to-finish.csv --into examples/self-assessment-in-progress.xml -o finished.xml";
  }

  void declare(po::options_description& options, po::positional_options_description& positional) override {
    options.add_options()
        ("sheet", po::value<std::string>(&sheet_)->value_name("SHEET")->required(), "the filled field sheet: XLSX, or CSV in UTF-8")
        ("delimiter", po::value<std::string>(&delimiter_)->value_name("D"), "CSV separator: comma, semicolon or tab (default: detected from the header row)")
        ("partial", po::bool_switch(&partial_), "keep the good rows and list the others (default: nothing is written unless every row is valid)")
        ("into", po::value<std::string>(&into_)->value_name("FILE"), "merge the answers into this assessment (written back to it unless -o)")
        ("output,o", po::value<std::string>(&output_)->value_name("FILE"), "the assessment to write (a new file is never written over)")
        ("profile", po::value<std::string>(&profile_)->value_name("P"), "new assessment: its profile")
        ("channels", po::value<std::string>(&channels_)->value_name("LIST"), "new assessment: journey channels (default: the profile's)")
        ("retailer", po::value<std::string>(&retailer_)->value_name("NAME"), "new assessment: the retailer")
        ("site", po::value<std::string>(&site_)->value_name("NAME"), "new assessment: the site")
        ("date", po::value<std::string>(&date_)->value_name("DATE"), "new assessment: the date of the visit, YYYY-MM-DD")
        ("assessor", po::value<std::string>(&assessor_)->value_name("NAME"), "new assessment: who assessed")
        ("method", po::value<std::string>(&method_)->value_name("M")->default_value("audit"), "new assessment: audit, mystery-shop, self-assessment, …")
        ("id", po::value<std::string>(&id_)->value_name("ID"), "new assessment: its id (default: from retailer, site and date)");
    positional.add("sheet", 1);
  }

  int run(Context& context) override {
    Catalog catalog = load_catalog(data_dir_option());
    Assessment assessment;
    std::string target = output_;
    if (!into_.empty()) {
      assessment = xml::load_assessment(into_);
      if (target.empty()) target = into_;
    } else {
      std::vector<std::string> missing;
      for (auto [value, option] : {std::pair{&profile_, "--profile"}, std::pair{&retailer_, "--retailer"},
                                   std::pair{&site_, "--site"}, std::pair{&date_, "--date"}, std::pair{&output_, "-o"}})
        if (value->empty()) missing.push_back(option);
      if (!missing.empty()) {
        std::string list;
        for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
        throw UsageError(fmt::format("import: a new assessment needs {} (or use --into ASSESSMENT)", list));
      }
      if (!is_iso_date(date_)) throw UsageError(fmt::format("import: --date '{}' is not a date (expected YYYY-MM-DD)", date_));
      std::error_code ec;
      if (std::filesystem::exists(output_, ec))
        throw UsageError(fmt::format("import: {} already exists (expected a new file; use --into {} to merge into it)", output_, output_));
      assessment.subject.retailer = retailer_;
      assessment.subject.site = site_;
      assessment.id = id_.empty() ? default_assessment_id(assessment.subject, date_) : id_;
      assessment.meta.date = date_;
      assessment.meta.assessor = assessor_;
      assessment.meta.method = method_;
      assessment.scope.model = catalog.model.id;
      assessment.scope.profile = profile_;
      assessment.scope.channels = split_list(channels_);
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
  char delimiter() const {
    if (delimiter_.empty()) return 0;
    if (delimiter_ == "," || delimiter_ == "comma") return ',';
    if (delimiter_ == ";" || delimiter_ == "semicolon") return ';';
    if (delimiter_ == "\t" || delimiter_ == "tab" || delimiter_ == "\\t") return '\t';
    throw UsageError(fmt::format("import: --delimiter '{}' is not a separator (expected comma, semicolon or tab)", delimiter_));
  }

  std::string delimiter_;
  bool partial_ = false;
  std::string sheet_, into_, output_, profile_, channels_, retailer_, site_, date_, assessor_, method_ = "audit", id_;
};

}  // namespace

std::unique_ptr<Command> make_import() { return std::make_unique<ImportCommand>(); }

}  // namespace cjb::cli
