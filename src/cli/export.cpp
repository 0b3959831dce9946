// cjb export: a field sheet (CSV or XLSX) of an assessment's items, to print or fill in a
// spreadsheet (docs/formats.md, field sheets).

#include <cstdlib>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/data.h"
#include "cli/output.h"
#include "pipeline/scored_assessment.h"
#include "sheet/field_sheet.h"
#include "sheet/xlsx_writer.h"
#include "xml/files.h"

namespace cjb::cli {

namespace {

class ExportCommand : public Command {
 public:
  const char* name() const override { return "export"; }
  const char* summary() const override { return "write a field sheet (CSV or XLSX) to audit on paper or in a spreadsheet"; }
  const char* usage() const override { return "cjb export (ASSESSMENT | --profile P [--channels LIST]) [--format csv|xlsx] [-o FILE]"; }
  const char* example() const override {
    return "  cjb export --profile small-independent -o field-sheet.csv\n"
           "  cjb export --profile omnichannel -o field-sheet.xlsx --sheets channel   # one worksheet per channel\n"
           "  cjb export examples/self-assessment-in-progress.xml -o to-finish.csv   # answers so far filled in";
  }

  void declare(po::options_description& options, po::positional_options_description& positional) override {
    options.add_options()
        ("assessment", po::value<std::string>(&assessment_)->value_name("FILE"), "an assessment: its scope and answers so far")
        ("profile", po::value<std::string>(&profile_)->value_name("P"), "a profile, for a blank sheet")
        ("channels", po::value<std::string>(&channels_)->value_name("LIST"), "journey channels, e.g. physical,online (default: the profile's)")
        ("output,o", po::value<std::string>(&output_)->value_name("FILE"), "write to FILE instead of stdout")
        ("format", po::value<std::string>(&format_)->value_name("F"), "csv or xlsx (default: from the -o file's extension, else csv)")
        ("sheets", po::value<std::string>(&sheets_)->value_name("BY")->default_value("layer"), "xlsx: one worksheet per layer or per channel")
        ("no-bom", po::bool_switch(&no_bom_), "CSV without the UTF-8 byte order mark (default: with one, as Excel expects)");
    positional.add("assessment", 1);
  }

  int run(Context& context) override {
    if (assessment_.empty() == profile_.empty())
      throw UsageError("export: give an assessment or --profile P (expected exactly one of them)");
    Catalog catalog = load_catalog(data_dir_option());
    bool xlsx = is_xlsx();
    sheet::XlsxSheetOptions workbook;
    if (sheets_ == "channel") workbook.split = sheet::XlsxSheetOptions::Split::kChannel;
    else if (sheets_ != "layer") throw UsageError(fmt::format("export: --sheets '{}' (expected layer or channel)", sheets_));
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
    write_output(context, output_, sheet);
    return 0;
  }

 private:
  // The format asked for; a .xlsx file never receives CSV, nor a .csv file a workbook.
  bool is_xlsx() const {
    bool xlsx_name = output_.size() > 5 && output_.compare(output_.size() - 5, 5, ".xlsx") == 0;
    bool csv_name = output_.size() > 4 && output_.compare(output_.size() - 4, 4, ".csv") == 0;
    if (format_.empty()) return xlsx_name;
    if (format_ != "csv" && format_ != "xlsx") throw UsageError(fmt::format("export: --format '{}' (expected csv or xlsx)", format_));
    if ((format_ == "csv" && xlsx_name) || (format_ == "xlsx" && csv_name))
      throw UsageError(fmt::format("export: --format {} does not fit the file name {} (expected a .{} file)", format_, output_, format_));
    return format_ == "xlsx";
  }

  std::string assessment_, profile_, channels_, output_, format_, sheets_ = "layer";
  bool no_bom_ = false;
};

}  // namespace

std::unique_ptr<Command> make_export() { return std::make_unique<ExportCommand>(); }

}  // namespace cjb::cli
