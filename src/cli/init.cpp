// cjb init: a blank assessment of one profile, for `cjb assess FILE` or `cjb import --into FILE`
// to fill (docs/assess.md). An existing file is never written over.

#include <filesystem>
#include <ostream>

#include <fmt/format.h>

#include "cli/assess_session.h"
#include "cli/commands.h"
#include "cli/data.h"
#include "cli/today.h"
#include "core/blank_assessment.h"
#include "util/files.h"
#include "xml/files.h"

namespace cjb::cli {

namespace {

class InitCommand : public Command {
 public:
  const char* name() const override { return "init"; }
  const char* summary() const override { return "start a blank assessment of a profile, for assess or import --into to fill"; }
  const char* usage() const override {
    return "cjb init -o FILE --profile P [--channels LIST] [--retailer NAME --site NAME --assessor NAME --date YYYY-MM-DD]";
  }
  const char* example() const override {
    return "  cjb init -o marlow.xml --profile grocery --retailer 'Fresh & Co' --site Marlow --assessor 'R. Okafor' --date 2026-03-14\n"
           "  cjb assess marlow.xml                       # then answer item by item\n"
           "  cjb import field-sheet.csv --into marlow.xml   # or fill it from a field sheet";
  }

  void declare(po::options_description& options, po::positional_options_description&) override {
    options.add_options()
        ("output,o", po::value<std::string>(&output_)->value_name("FILE")->required(), "the new assessment (an existing file is never written over)")
        ("profile", po::value<std::string>(&profile_)->value_name("P")->required(), "the profile that tailors the checklists")
        ("channels", po::value<std::string>(&channels_)->value_name("LIST"), "journey channels in scope, e.g. physical,online (default: the profile's)")
        ("retailer", po::value<std::string>(&retailer_)->value_name("NAME"), "the retailer's name (default: My shop)")
        ("site", po::value<std::string>(&site_)->value_name("NAME"), "the store or web shop assessed (default: Store, Web shop, or Store and web shop)")
        ("assessor", po::value<std::string>(&assessor_)->value_name("NAME"), "who assesses")
        ("date", po::value<std::string>(&date_)->value_name("DATE"), "the date of the visit, YYYY-MM-DD (default: today)")
        ("method", po::value<std::string>(&method_)->value_name("M")->default_value("audit"), "audit, mystery-shop, self-assessment, …")
        ("id", po::value<std::string>(&id_)->value_name("ID"), "the assessment's id (default: from retailer, site and date)");
  }

  int run(Context& context) override {
    std::error_code ec;
    if (std::filesystem::exists(output_, ec) || std::filesystem::is_symlink(output_, ec))
      throw UsageError(fmt::format("init: {} already exists and was left untouched (expected a new file; fill it with cjb assess {})",
                                   output_, shell_quote(output_)));
    Catalog catalog = load_catalog(data_dir_option());
    BlankAssessmentRequest request;
    request.profile = profile_;
    request.channels = split_list(channels_);
    request.retailer = clean_user_text(retailer_);
    request.site = clean_user_text(site_);
    request.assessor = clean_user_text(assessor_);
    request.date = date_.empty() ? today() : date_;
    request.method = clean_user_text(method_);
    request.id = id_;
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
  std::string output_, profile_, channels_, retailer_, site_, assessor_, date_, method_ = "audit", id_;
};

}  // namespace

std::unique_ptr<Command> make_init() { return std::make_unique<InitCommand>(); }

}  // namespace cjb::cli
