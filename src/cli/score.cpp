// cjb score: an assessment's scorecard as text, JSON, CSV or Markdown.

#include <ostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/data.h"
#include "cli/options.h"
#include "pipeline/scored_assessment.h"
#include "render/score_csv.h"
#include "render/score_json.h"
#include "render/score_markdown.h"
#include "render/scorecard_text.h"

namespace cjb::cli {

namespace {

class ScoreCommand : public Command {
 public:
  ScoreCommand()
      : Command({"score", "score an assessment: scorecard, critical failures, action plan",
                 "cjb score ASSESSMENT [--format text|json|csv|markdown|md] [-o FILE] [--evidence KIND]",
                 "  cjb score examples/grocer-omnichannel.xml\n"
                 "  cjb score examples/grocer-omnichannel.xml --format json -o grocer.json",
                 true}) {}

  void declare(po::options_description& options, po::positional_options_description& positional) override {
    add_input(options, positional, "file", &file_, "ASSESSMENT", "the assessment to score");
    output_.declare(options);
    options.add_options()("top", po::value<int>(&top_)->value_name("N")->default_value(5), "actions listed by the text scorecard");
    evidence_.declare(options, "score");
  }

  void validate() override {
    output_.validate(name());
    evidence_.validate(name());
    if (top_ < 0) throw UsageError(fmt::format("score: --top {} is negative (expected how many actions to list)", top_));
  }

  int run(Context& context) override {
    Catalog catalog = load_catalog(data_dir_option());
    auto scored = pipeline::score_file(catalog, file_, {.evidence = evidence_.kind()});
    std::string content;
    if (output_.format() == "json") {
      content = render::score_json(scored->card);
    } else if (output_.format() == "csv") {
      content = render::score_csv(scored->card);
    } else if (output_.format() == kMarkdown) {
      content = render::score_markdown(scored->card);
    } else {
      bool to_terminal = output_.to_stdout() && context.out_is_terminal;
      content = render::scorecard_text(scored->card, {.colour = colour(to_terminal), .top_actions = static_cast<size_t>(top_)});
    }
    output_.write(context, content);
    return 0;
  }

 private:
  std::string file_;
  OutputOptions output_{{.formats = {{"text", "a terminal scorecard"},
                                     {"json", "the cjb.score/1 contract"},
                                     {"csv", "one row per item"},
                                     {"markdown"},
                                     {"md", nullptr, {}, kMarkdown}},
                         .default_format = "text",
                         .extension_names_format = false}};
  int top_ = 5;
  EvidenceOption evidence_;  // unset: every item
};

}  // namespace

std::unique_ptr<Command> make_score() { return std::make_unique<ScoreCommand>(); }

}  // namespace cjb::cli
