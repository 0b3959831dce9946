// cjb diagram: the journey diagram of a scored assessment (or the blank map of the model) as
// SVG, PDF, PNG or DOT, drawn by Graphviz.

#include <cstdlib>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/data.h"
#include "cli/output.h"
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
  const char* name() const override { return "diagram"; }
  const char* summary() const override { return "draw the customer journey diagram (SVG, PDF, PNG, DOT)"; }
  const char* usage() const override { return "cjb diagram ASSESSMENT -o FILE [options]\n       cjb diagram --blank [--profile P] -o FILE [options]"; }
  const char* example() const override {
    return "  cjb diagram examples/fashion-independent.xml -o journey.svg\n"
           "  cjb diagram examples/fashion-independent.xml --drivers -o journey.pdf\n"
           "  cjb diagram --blank --profile omnichannel-chain --format dot > map.dot";
  }

  void declare(po::options_description& options, po::positional_options_description& positional) override {
    options.add_options()
        ("assessment", po::value<std::string>(&assessment_)->value_name("ASSESSMENT"), "the assessment file to score and draw")
        ("output,o", po::value<std::string>(&output_)->value_name("FILE"), "write to FILE (default: stdout)")
        ("format,f", po::value<std::string>(&format_)->value_name("FORMAT"),
         "svg, pdf, png or dot (default: from the extension of FILE, else svg)")
        ("blank", po::bool_switch(&blank_), "draw the unscored map of the model instead of an assessment")
        ("profile", po::value<std::string>(&profile_)->value_name("P"),
         "with --blank: the profile whose scope to draw (default: every checklist and channel)")
        ("drivers", po::bool_switch(&drivers_),
         "add the leadership and enabler areas above the journey, linked to the touchpoints whose weakest items they drive");
    positional.add("assessment", 1);
  }

  int run(Context& context) override {
    // The command line first: nothing is read before it is known to make sense.
    if (blank_ && !assessment_.empty())
      throw UsageError(fmt::format("diagram: give an ASSESSMENT or --blank, not both (see 'cjb diagram --help')"));
    if (!blank_ && assessment_.empty())
      throw UsageError("diagram: an ASSESSMENT file is required, or --blank for the map of the model (see 'cjb diagram --help')");
    if (!blank_ && !profile_.empty())
      throw UsageError("diagram: --profile goes with --blank; an assessment names its own profile");
    DiagramFormat format = resolve_format();
    bool to_stdout = output_.empty() || output_ == "-";
    if (to_stdout && context.out_is_terminal && (format == DiagramFormat::Pdf || format == DiagramFormat::Png))
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
    write_output(context, output_, diagram::render_journey(graph, format, render));
    return 0;
  }

 private:
  DiagramFormat resolve_format() const {
    if (!format_.empty()) {
      if (auto format = diagram::diagram_format_named(format_)) return *format;
      throw UsageError(fmt::format("diagram: unknown format '{}' (expected svg, pdf, png or dot)", format_));
    }
    if (output_.empty() || output_ == "-") return DiagramFormat::Svg;
    if (auto format = diagram::diagram_format_of_path(output_)) return *format;
    throw UsageError(fmt::format("diagram: cannot tell the format of '{}' from its extension (expected .svg, .pdf, .png or .dot, or --format)", output_));
  }

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

  std::string assessment_, output_, format_, profile_;
  bool blank_ = false;
  bool drivers_ = false;
};

}  // namespace

std::unique_ptr<Command> make_diagram() { return std::make_unique<DiagramCommand>(); }

}  // namespace cjb::cli
