// cjb compare OLD NEW: what changed between two assessments, item by item and score by score.

#include <ostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/data.h"
#include "cli/output.h"
#include "core/compare.h"
#include "render/compare_report.h"
#include "pipeline/scored_assessment.h"

namespace cjb::cli {

namespace {

class CompareCommand : public Command {
 public:
  const char* name() const override { return "compare"; }
  const char* summary() const override { return "what changed between two assessments, item by item"; }
  const char* usage() const override { return "cjb compare OLD NEW [--format text|json|csv|html] [-o FILE]"; }
  const char* example() const override {
    return "  cjb compare audits/s042-2025-06.xml audits/s042-2026-01.xml\n"
           "  cjb compare old.xml new.xml --format html -o changes.html";
  }

  void declare(po::options_description& options, po::positional_options_description& positional) override {
    options.add_options()
        ("file", po::value<std::vector<std::string>>(&files_)->value_name("FILE")->required(), "the older and the newer assessment")
        ("format,f", po::value<std::string>(&format_)->value_name("FMT")->default_value("text"), "text, json, csv or html")
        ("output,o", po::value<std::string>(&output_)->value_name("FILE"), "write to FILE (default: stdout)");
    positional.add("file", -1);
  }

  int run(Context& context) override {
    if (files_.size() != 2)
      throw UsageError(fmt::format("compare: {} file{} given (expected two: OLD NEW)", files_.size(), files_.size() == 1 ? "" : "s"));
    if (format_ != "text" && format_ != "json" && format_ != "csv" && format_ != "html")
      throw UsageError(fmt::format("compare: --format '{}' is not known (expected text, json, csv or html)", format_));
    Catalog catalog = load_catalog(data_dir_option());
    // Both files are read and checked before either fails, so a user sees every problem.
    auto scored = pipeline::score_all(catalog, files_, ScoringOptions{.actions = false});
    ScorecardDiff diff = diff_scorecards(scored[0]->card, scored[1]->card);
    if (format_ == "json") write_output(context, output_, render::compare_json(diff));
    else if (format_ == "csv") write_output(context, output_, render::compare_csv(diff));
    else if (format_ == "html") write_output(context, output_, render::compare_html(diff));
    else write_output(context, output_, render::compare_text(diff));
    return 0;
  }

 private:
  std::vector<std::string> files_;
  std::string format_, output_;
};

}  // namespace

std::unique_ptr<Command> make_compare() { return std::make_unique<CompareCommand>(); }

}  // namespace cjb::cli
