// cjb diagram: the journey diagram of a scored assessment (or the blank map of the model) as
// SVG, PDF, PNG or DOT, drawn by Graphviz.

#include <cstdlib>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/data.h"
#include "cli/options.h"
#include "pipeline/scored_assessment.h"
#include "core/error.h"
#include "core/scoring.h"
#include "diagram/journey_graph.h"
#include "diagram/journey_render.h"
#include "util/text.h"

namespace cjb::cli {

namespace {

using diagram::DiagramFormat;

class DiagramCommand : public Command {
 public:
  DiagramCommand()
      : Command({"diagram",
                 "draw the customer journey diagram (SVG, PDF, PNG, DOT)",
                 "cjb diagram ASSESSMENT -o FILE [options]\n       cjb diagram --blank [--profile P] -o FILE [options]",
                 "  cjb diagram examples/fashion-independent.xml -o journey.svg\n"
                 "  cjb diagram examples/fashion-independent.xml --drivers -o journey.pdf\n"
                 "  cjb diagram --blank --profile omnichannel-chain --format dot > map.dot"}) {}

  void declare(po::options_description& options, po::positional_options_description& positional) override {
    options.add_options()("assessment", po::value<std::string>(&assessment_)->value_name("ASSESSMENT"), "the assessment file to score and draw");
    positional.add("assessment", 1);
    output_.declare(options);
    options.add_options()
        ("blank", po::bool_switch(&blank_), "draw the unscored map of the model instead of an assessment")
        ("profile", po::value<std::string>(&profile_)->value_name("P"),
         "with --blank: the profile whose scope to draw (default: every checklist and channel)")
        ("drivers", po::bool_switch(&drivers_),
         "add the leadership and enabler areas above the journey, linked to the touchpoints whose weakest items they drive");
  }

  void validate() override {
    if (blank_ && !assessment_.empty())
      throw UsageError(fmt::format("diagram: give an ASSESSMENT or --blank, not both (see 'cjb diagram --help')"));
    if (!blank_ && assessment_.empty())
      throw UsageError("diagram: expected an ASSESSMENT file, or --blank for the map of the model (see 'cjb diagram --help')");
    if (!blank_ && !profile_.empty())
      throw UsageError("diagram: --profile goes with --blank; an assessment names its own profile");
    output_.validate(name());
  }

  int run(Context& context) override {
    DiagramFormat format = *diagram::diagram_format_named(output_.format());
    if (output_.to_stdout() && context.out_is_terminal && (format == DiagramFormat::Pdf || format == DiagramFormat::Png))
      throw UsageError(fmt::format("diagram: will not write {} to a terminal (use -o FILE)", diagram::to_string(format)));

    Catalog catalog = load_catalog(data_dir_option());
    diagram::JourneyOptions options{drivers_};
    diagram::JourneyGraph graph;
    if (blank_) {
      graph = diagram::build_blank_journey_graph(blank_instrument(catalog), options);
    } else {
      auto scored = pipeline::score_file(catalog, assessment_, ScoringOptions{.actions = false});
      graph = diagram::build_journey_graph(scored->card, options);
    }
    diagram::RenderOptions render;
    const char* epoch = format == DiagramFormat::Pdf ? std::getenv("SOURCE_DATE_EPOCH") : nullptr;
    if (epoch && *epoch) {
      char* end = nullptr;
      long long seconds = std::strtoll(epoch, &end, 10);
      if (*end != '\0') throw UsageError(fmt::format("diagram: SOURCE_DATE_EPOCH='{}' is not a number of seconds", epoch));
      render.pdf_creation_time = seconds;
    }
    output_.write(context, diagram::render_journey(graph, format, render));
    return 0;
  }

 private:
  // The scope of a blank map: the profile's, or every checklist in every channel.
  Instrument blank_instrument(const Catalog& catalog) const {
    if (!profile_.empty()) {
      const Profile* profile = catalog.find_profile(profile_);
      if (!profile) {
        std::vector<std::string> known;
        for (const auto& p : catalog.profiles) known.push_back(p.id);
        throw UsageError(fmt::format("diagram: unknown profile '{}' (expected one of: {})", profile_, text::join(known, ", ")));
      }
      return resolve_profile(catalog, *profile);
    }
    Scope scope;
    scope.model = catalog.model.id;
    for (const auto& checklist : catalog.checklists) scope.checklists.push_back(checklist.id);
    for (const auto& channel : catalog.model.channels) scope.channels.push_back(channel.id);
    return resolve_scope(catalog, scope);
  }

  std::string assessment_, profile_;
  // The names are diagram::DiagramFormat's (diagram/journey_render.h).
  OutputOptions output_{{.formats = {{"svg", nullptr, {".svg"}}, {"pdf", nullptr, {".pdf"}}, {"png", nullptr, {".png"}}, {"dot", nullptr, {".dot", ".gv"}}},
                         .default_format = "svg",
                         .format_help_tail = "(default: from the extension of FILE, else svg)",
                         .refuse_unknown_extension = true,
                         .refuse_no_extension = true,
                         .what = "a diagram"}};
  bool blank_ = false;
  bool drivers_ = false;
};

}  // namespace

std::unique_ptr<Command> make_diagram() { return std::make_unique<DiagramCommand>(); }

}  // namespace cjb::cli
