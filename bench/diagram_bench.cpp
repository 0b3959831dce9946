// Journey diagram speed (docs/performance.md, "Journey diagram"): the largest example,
// grocer-omnichannel (23 touchpoint nodes in two channels, 5 transitions), scored once outside
// the timed loops.

#include <benchmark/benchmark.h>

#include "core/scoring.h"
#include "diagram/journey_graph.h"
#include "diagram/journey_render.h"
#include "xml/catalog_loader.h"
#include "xml/files.h"

namespace {

struct Fixture {
  cjb::Catalog catalog = cjb::xml::load_catalog(CJB_SOURCE_DIR);
  cjb::Assessment assessment = cjb::xml::load_assessment(CJB_SOURCE_DIR "/examples/grocer-omnichannel.xml");
  cjb::Instrument instrument = cjb::resolve_scope(catalog, assessment.scope);
  cjb::Scorecard card = cjb::score_assessment(instrument, assessment, {.actions = false});
  cjb::diagram::JourneyGraph graph = cjb::diagram::build_journey_graph(card);
  cjb::diagram::JourneyGraph with_drivers = cjb::diagram::build_journey_graph(card, {.drivers = true});
};

const Fixture& fixture() {
  static const Fixture f;
  return f;
}

// The pure step: which nodes, colours, markers and links.
void build_graph(benchmark::State& state) {
  const Fixture& f = fixture();
  for (auto _ : state) {
    auto graph = cjb::diagram::build_journey_graph(f.card, {.drivers = true});
    benchmark::DoNotOptimize(graph.nodes.data());
  }
}
BENCHMARK(build_graph)->Unit(benchmark::kMicrosecond);

void render(benchmark::State& state, const cjb::diagram::JourneyGraph& graph, cjb::diagram::DiagramFormat format) {
  size_t bytes = 0;
  for (auto _ : state) {
    std::string out = cjb::diagram::render_journey(graph, format);
    bytes = out.size();
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}

void dot_text(benchmark::State& state) { render(state, fixture().graph, cjb::diagram::DiagramFormat::Dot); }
BENCHMARK(dot_text)->Unit(benchmark::kMillisecond);

// What `cjb diagram FILE -o journey.svg` does after scoring: Graphviz context, two layout
// passes (dot, then nop2 with the curves cjb adds), SVG.
void svg(benchmark::State& state) { render(state, fixture().graph, cjb::diagram::DiagramFormat::Svg); }
BENCHMARK(svg)->Unit(benchmark::kMillisecond);

void svg_with_drivers(benchmark::State& state) { render(state, fixture().with_drivers, cjb::diagram::DiagramFormat::Svg); }
BENCHMARK(svg_with_drivers)->Unit(benchmark::kMillisecond);

void pdf(benchmark::State& state) { render(state, fixture().graph, cjb::diagram::DiagramFormat::Pdf); }
BENCHMARK(pdf)->Unit(benchmark::kMillisecond);

void png(benchmark::State& state) { render(state, fixture().graph, cjb::diagram::DiagramFormat::Png); }
BENCHMARK(png)->Unit(benchmark::kMillisecond);

// The structured layout the report draws with cairo and as inline SVG.
void layout(benchmark::State& state) {
  for (auto _ : state) {
    auto laid = cjb::diagram::lay_out_journey(fixture().graph);
    benchmark::DoNotOptimize(laid.nodes.data());
  }
}
BENCHMARK(layout)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
