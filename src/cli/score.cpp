// cjb score: an assessment's scorecard as text, JSON, CSV or Markdown.

#include <ostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/data.h"
#include "cli/output.h"
#include "cli/scored.h"
#include "pipeline/scored_assessment.h"
#include "render/score_csv.h"
#include "render/score_json.h"
#include "render/score_markdown.h"
#include "render/scorecard_text.h"

namespace cjb::cli {

namespace {

class ScoreCommand : public Command {
 public:
  const char* name() const override { return "score"; }
  const char* summary() const override { return "score an assessment: scorecard, critical failures, action plan"; }
  const char* usage() const override { return "cjb score FILE [--format text|json|csv|markdown] [-o FILE] [--evidence KIND]"; }
  bool colours() const override { return true; }
  const char* example() const override {
    return "  cjb score examples/grocer-omnichannel.xml\n"
           "  cjb score examples/grocer-omnichannel.xml --format json -o grocer.json";
  }

  void declare(po::options_description& options, po::positional_options_description& positional) override {
    options.add_options()
        ("file", po::value<std::string>(&file_)->value_name("FILE")->required(), "the assessment to score")
        ("format,f", po::value<std::string>(&format_)->value_name("FORMAT")->default_value("text"),
         "text (a terminal scorecard), json (the cjb.score/1 contract), csv (one row per item) or markdown")
        ("output,o", po::value<std::string>(&output_)->value_name("FILE"), "write to FILE instead of stdout")
        ("top", po::value<int>(&top_)->value_name("N")->default_value(5), "actions listed by the text scorecard")
        ("evidence", po::value<std::string>(&evidence_)->value_name("KIND"),
         "score only the items evidenced this way: observed (what a mystery shopper sees), asked or records");
    positional.add("file", 1);
  }

  void validate() override {
    if (format_ != "text" && format_ != "json" && format_ != "csv" && format_ != "markdown")
      throw UsageError(fmt::format("score: unknown format '{}' (expected text, json, csv or markdown)", format_));
    if (top_ < 0) throw UsageError(fmt::format("score: --top {} is negative (expected how many actions to list)", top_));
  }

  int run(Context& context) override {
    Catalog catalog = load_catalog(data_dir_option());
    auto scored = pipeline::score_file(catalog, file_, {.evidence = evidence_option(evidence_, "score")});
    std::string content;
    if (format_ == "json") {
      content = render::score_json(scored->card);
    } else if (format_ == "csv") {
      content = render::score_csv(scored->card);
    } else if (format_ == "markdown") {
      content = render::score_markdown(scored->card);
    } else {
      bool to_terminal = (output_.empty() || output_ == "-") && context.out_is_terminal;
      content = render::scorecard_text(scored->card, {.colour = colour(to_terminal), .top_actions = static_cast<size_t>(top_)});
    }
    write_output(context, output_, content);
    return 0;
  }

 private:
  std::string file_;
  std::string format_ = "text";
  std::string output_;
  int top_ = 5;
  std::string evidence_;  // empty: every item
};

}  // namespace

std::unique_ptr<Command> make_score() { return std::make_unique<ScoreCommand>(); }

}  // namespace cjb::cli
