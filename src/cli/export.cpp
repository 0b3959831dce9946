// cjb export: a field sheet (CSV) of an assessment's items, to print or fill in a spreadsheet.

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/data.h"
#include "cli/output.h"
#include "cli/scored.h"
#include "sheet/field_sheet.h"
#include "xml/files.h"

namespace cjb::cli {

namespace {

class ExportCommand : public Command {
 public:
  const char* name() const override { return "export"; }
  const char* summary() const override { return "write a field sheet (CSV) to audit on paper or in a spreadsheet"; }
  const char* usage() const override { return "cjb export (ASSESSMENT | --profile P [--channels LIST]) [-o FILE]"; }
  const char* example() const override {
    return "  cjb export --profile small-independent -o field-sheet.csv\n"
           "  cjb export examples/self-assessment-in-progress.xml -o to-finish.csv   # answers so far filled in";
  }

  void declare(po::options_description& options, po::positional_options_description& positional) override {
    options.add_options()
        ("assessment", po::value<std::string>(&assessment_)->value_name("FILE"), "an assessment: its scope and answers so far")
        ("profile", po::value<std::string>(&profile_)->value_name("P"), "a profile, for a blank sheet")
        ("channels", po::value<std::string>(&channels_)->value_name("LIST"), "journey channels, e.g. physical,online (default: the profile's)")
        ("output,o", po::value<std::string>(&output_)->value_name("FILE"), "write to FILE instead of stdout");
    positional.add("assessment", 1);
  }

  int run(Context& context) override {
    if (assessment_.empty() == profile_.empty())
      throw UsageError("export: give an assessment or --profile P (expected exactly one of them)");
    Catalog catalog = load_catalog(data_dir_option());
    std::string sheet;
    if (!assessment_.empty()) {
      auto scored = score_file(catalog, assessment_);
      sheet = sheet::write_field_sheet(catalog, scored->instrument, &scored->assessment);
    } else {
      Scope scope;
      scope.model = catalog.model.id;
      scope.profile = profile_;
      scope.channels = split_list(channels_);
      scope.where = Location{"--profile"};
      Instrument instrument = resolve_scope(catalog, scope);
      sheet = sheet::write_field_sheet(catalog, instrument, nullptr);
    }
    write_output(context, output_, sheet);
    return 0;
  }

 private:
  std::string assessment_, profile_, channels_, output_;
};

}  // namespace

std::unique_ptr<Command> make_export() { return std::make_unique<ExportCommand>(); }

}  // namespace cjb::cli
