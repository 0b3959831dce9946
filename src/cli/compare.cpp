// cjb compare OLD NEW: what changed between two assessments, item by item and score by score.

#include <ostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/data.h"
#include "cli/options.h"
#include "core/compare.h"
#include "core/printable.h"
#include "render/compare_report.h"
#include "pipeline/scored_assessment.h"

namespace cjb::cli {

namespace {

class CompareCommand : public Command {
 public:
  CompareCommand()
      : Command({"compare",
                 "what changed between two assessments, item by item",
                 "cjb compare OLD NEW [--format text|json|csv|html] [-o FILE]",
                 "  cjb compare audits/s042-2025-06.xml audits/s042-2026-01.xml\n"
                 "  cjb compare old.xml new.xml --format html -o changes.html"}) {}

  void declare(po::options_description& options, po::positional_options_description& positional) override {
    add_inputs(options, positional, "file", &files_, "FILE", "the older and the newer assessment");
    output_.declare(options);
  }

  void validate() override {
    expect_file_count(name(), files_.size(), 2, "two: OLD NEW");
    output_.validate(name());
  }

  int run(Context& context) override {
    Catalog catalog = load_catalog(data_dir_option());
    // Both files are read and checked before either fails, so a user sees every problem.
    auto scored = pipeline::score_all(catalog, files_, ScoringOptions{.actions = false});
    note_different_sites(context, scored[0]->assessment.subject, scored[1]->assessment.subject);
    ScorecardDiff diff = diff_scorecards(scored[0]->card, scored[1]->card);
    output_.write(context, render_in<ScorecardDiff>(output_.format(), {{"text", render::compare_text}, {"json", render::compare_json},
                                                                       {"csv", render::compare_csv}, {"html", render::compare_html}},
                                                    diff));
    return 0;
  }

 private:
  // compare is one site over time (docs/benchmark.md); two sites are compared all the same,
  // with a note, since "improved" then means "better than the other store".
  void note_different_sites(Context& context, const Subject& before, const Subject& after) const {
    if (before.site_identity() == after.site_identity() || quiet()) return;
    auto site = [](const Subject& s) { return fmt::format("site '{}' of '{}'", printable(s.site_key()), printable(s.retailer)); };
    context.err << fmt::format("cjb compare: note: {} is {} and {} is {}: the changes are differences between two sites, "
                               "not changes over time\n",
                               files_[0], site(before), files_[1], site(after));
  }

  std::vector<std::string> files_;
  OutputOptions output_{{.formats = {{"text"}, {"json"}, {"csv"}, {"html"}}, .default_format = "text", .extension_names_format = false}};
};

}  // namespace

std::unique_ptr<Command> make_compare() { return std::make_unique<CompareCommand>(); }

}  // namespace cjb::cli
