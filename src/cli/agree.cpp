// cjb agree A B: how far two complete audits of one visit agree (calibration, docs/agreement.md).

#include <ostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/data.h"
#include "cli/options.h"
#include "core/agreement.h"
#include "core/merge.h"
#include "render/agreement_report.h"
#include "pipeline/scored_assessment.h"

namespace cjb::cli {

namespace {

class AgreeCommand : public Command {
 public:
  AgreeCommand()
      : Command({"agree",
                 "how far two audits of one visit agree: share alike, Cohen's kappa, widest gaps",
                 "cjb agree A B [--format text|json] [-o FILE] [--top N]",
                 "  cjb agree marlow-ann.xml marlow-raj.xml\n"
                 "  cjb agree marlow-ann.xml marlow-raj.xml --format json -o calibration.json"}) {}

  void declare(po::options_description& options, po::positional_options_description& positional) override {
    add_inputs(options, positional, "file", &files_, "FILE", "the two audits: the same site, model, profile, checklists and channels");
    output_.declare(options);
    options.add_options()("top", po::value<int>(&top_)->value_name("N")->default_value(10), "disagreements the text lists (JSON lists all)");
  }

  void validate() override {
    expect_file_count(name(), files_.size(), 2, "two audits of one visit: A B");
    output_.validate(name());
    if (top_ < 0) throw UsageError(fmt::format("agree: --top {} is negative (expected 0 or more)", top_));
  }

  int run(Context& context) override {
    Catalog catalog = load_catalog(data_dir_option());
    // Both files are read and checked before either fails, so a user sees every problem.
    std::vector<Assessment> audits = pipeline::load_checked(catalog, files_);
    if (auto d = site_or_scope_difference(audits[0], audits[1], "two audits")) throw InputError({*d});

    if (audits[0].meta.date != audits[1].meta.date && !quiet())
      context.err << fmt::format("cjb agree: note: {} is dated {} and {} {}: the figures measure two visits as well as two "
                                 "auditors (what changed between visits is for cjb compare)\n",
                                 files_[0], audits[0].meta.date, files_[1], audits[1].meta.date);
    Instrument instrument = resolve_scope(catalog, audits[0].scope);
    Agreement agreement = measure_agreement(instrument, audits[0], audits[1]);
    render::AgreementInput input{&agreement, &instrument, &audits[0], &audits[1], files_[0], files_[1], static_cast<size_t>(top_)};
    output_.write(context, output_.format() == "json" ? render::agreement_json(input) : render::agreement_text(input));
    return 0;
  }

 private:
  std::vector<std::string> files_;
  OutputOptions output_{{.formats = {{"text"}, {"json", "the cjb.agree/1 contract"}}, .default_format = "text", .extension_names_format = false}};
  int top_ = 10;
};

}  // namespace

std::unique_ptr<Command> make_agree() { return std::make_unique<AgreeCommand>(); }

}  // namespace cjb::cli
