// cjb init: a blank assessment of one profile, for `cjb assess FILE` or `cjb import --into FILE`
// to fill (docs/assess.md). An existing file is never written over.

#include <filesystem>
#include <ostream>

#include <fmt/format.h>

#include "cli/assess_session.h"
#include "cli/commands.h"
#include "cli/data.h"
#include "cli/options.h"
#include "cli/today.h"
#include "core/blank_assessment.h"
#include "util/files.h"
#include "xml/files.h"

namespace cjb::cli {

namespace {

class InitCommand : public Command {
 public:
  InitCommand()
      : Command({"init",
                 "start a blank assessment of a profile, for assess or import --into to fill",
                 "cjb init -o FILE --profile P [--channels LIST] [--retailer NAME --site NAME --assessor NAME --date YYYY-MM-DD]",
                 "  cjb init -o marlow.xml --profile grocery --retailer 'Fresh & Co' --site Marlow --assessor 'R. Okafor' --date 2026-03-14\n"
                 "  cjb assess marlow.xml                       # then answer item by item\n"
                 "  cjb import field-sheet.csv --into marlow.xml   # or fill it from a field sheet"}) {}

  void declare(po::options_description& options, po::positional_options_description&) override {
    options.add_options()("output,o", po::value<std::string>(&output_)->value_name("FILE")->required(),
                          "the new assessment (an existing file is never written over)");
    new_.declare(options, "", true);
  }

  void validate() override {
    if (new_.profile.empty()) throw UsageError("init: expected --profile P (see 'cjb init --help')");
  }

  int run(Context& context) override {
    std::error_code ec;
    if (std::filesystem::exists(output_, ec) || std::filesystem::is_symlink(output_, ec))
      throw UsageError(fmt::format("init: {} already exists and was left untouched (expected a new file; fill it with cjb assess {})",
                                   output_, shell_quote(output_)));
    Catalog catalog = load_catalog(data_dir_option());
    BlankAssessmentRequest request;
    request.profile = new_.profile;
    request.channels = split_list(new_.channels);
    request.retailer = clean_user_text(new_.retailer);
    request.site = clean_user_text(new_.site);
    request.assessor = clean_user_text(new_.assessor);
    request.date = new_.date.empty() ? today() : new_.date;
    request.method = clean_user_text(new_.method);
    request.id = new_.id;
    Assessment assessment;
    try {
      assessment = blank_assessment(catalog, request);
    } catch (const UsageError& e) {
      throw UsageError(std::string("init: ") + e.what());
    }
    assessment.scope.where = Location{output_};
    Instrument instrument = resolve_scope(catalog, assessment.scope);
    files::write_file_atomically(output_, xml::write_assessment(assessment));
    if (!quiet())
      context.err << fmt::format("cjb: {} started: {} items of profile {} to answer; fill it with cjb assess {}\n", output_,
                                 instrument.items.size(), assessment.scope.profile, shell_quote(output_));
    return 0;
  }

 private:
  std::string output_;
  NewAssessmentOptions new_;
};

}  // namespace

std::unique_ptr<Command> make_init() { return std::make_unique<InitCommand>(); }

}  // namespace cjb::cli
