// cjb export: a field sheet (CSV or XLSX) of an assessment's items, to print or fill in a
// spreadsheet (docs/formats.md, field sheets).

#include <cstdlib>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/data.h"
#include "cli/options.h"
#include "pipeline/scored_assessment.h"
#include "sheet/field_sheet.h"
#include "sheet/xlsx_writer.h"
#include "xml/files.h"

namespace cjb::cli {

namespace {

class ExportCommand : public Command {
 public:
  ExportCommand()
      : Command({"export",
                 "write a field sheet (CSV or XLSX) to audit on paper or in a spreadsheet",
                 "cjb export (ASSESSMENT | --profile P [--channels LIST]) [--format csv|xlsx] [-o FILE]",
                 "  cjb export --profile small-independent -o field-sheet.csv\n"
                 "  cjb export --profile omnichannel -o field-sheet.xlsx --sheets channel   # one worksheet per channel\n"
                 "  cjb export examples/self-assessment-in-progress.xml -o to-finish.csv   # answers so far filled in"}) {}

  void declare(po::options_description& options, po::positional_options_description& positional) override {
    options.add_options()
        ("assessment", po::value<std::string>(&assessment_)->value_name("ASSESSMENT"), "an assessment: its scope and answers so far")
        ("profile", po::value<std::string>(&profile_)->value_name("P"), "a profile, for a blank sheet")
        ("channels", po::value<std::string>(&channels_)->value_name("LIST"), "journey channels, e.g. physical,online (default: the profile's)");
    output_.declare(options);
    options.add_options()
        ("sheets", po::value<std::string>(&sheets_)->value_name("BY")->default_value("layer"), "xlsx: one worksheet per layer or per channel")
        ("no-bom", po::bool_switch(&no_bom_), "CSV without the UTF-8 byte order mark (default: with one, as Excel expects)");
    positional.add("assessment", 1);
  }

  void validate() override {
    if (assessment_.empty() == profile_.empty())
      throw UsageError("export: give an ASSESSMENT or --profile P (expected exactly one of them)");
    output_.validate(name());
    // A .xlsx file never receives CSV, nor a .csv file a workbook.
    if (std::optional<std::string> named = output_file_format(); output_.format_given() && named && *named != output_.format())
      throw UsageError(fmt::format("export: --format {} does not fit the file name {} (expected a .{} file)", output_.format(),
                                   output_.path(), output_.format()));
    expect_one_of(name(), "sheets", sheets_, {"layer", "channel"});
  }

  int run(Context& context) override {
    Catalog catalog = load_catalog(data_dir_option());
    bool xlsx = output_.format() == "xlsx";
    sheet::XlsxSheetOptions workbook;
    if (sheets_ == "channel") workbook.split = sheet::XlsxSheetOptions::Split::kChannel;
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) workbook.created = std::atoll(epoch);
    sheet::CsvSheetOptions csv;
    csv.byte_order_mark = !no_bom_;
    auto write = [&](const Instrument& instrument, const Assessment* prefill) {
      return xlsx ? sheet::write_field_sheet_xlsx(catalog, instrument, prefill, workbook)
                  : sheet::write_field_sheet(catalog, instrument, prefill, csv);
    };
    std::string sheet;
    if (!assessment_.empty()) {
      auto scored = pipeline::score_file(catalog, assessment_);
      sheet = write(scored->instrument, &scored->assessment);
    } else {
      Scope scope;
      scope.model = catalog.model.id;
      scope.profile = profile_;
      scope.channels = split_list(channels_);
      scope.where = Location{"--profile"};
      Instrument instrument = resolve_scope(catalog, scope);
      sheet = write(instrument, nullptr);
    }
    output_.write(context, sheet);
    return 0;
  }

 private:
  // The format the -o file's name says, if it says one.
  std::optional<std::string> output_file_format() const {
    return output_.to_stdout() ? std::nullopt : kSheetFormats.of_path(output_.path());
  }

  inline static const FormatTable kSheetFormats{{"csv", nullptr, {".csv"}}, {"xlsx", nullptr, {".xlsx"}}};
  std::string assessment_, profile_, channels_, sheets_ = "layer";
  OutputOptions output_{{.formats = kSheetFormats,
                         .default_format = "csv",
                         .output_help = "write to FILE instead of stdout",
                         .format_help_tail = "(default: from the -o file's extension, else csv)",
                         .short_format = false}};
  bool no_bom_ = false;
};

}  // namespace

std::unique_ptr<Command> make_export() { return std::make_unique<ExportCommand>(); }

}  // namespace cjb::cli
