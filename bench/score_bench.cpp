// Scoring speed (docs/performance.md, "Scoring"): one assessment of the largest example,
// grocer-omnichannel (194 items, both channels), parsed once outside the timed loops.

#include <benchmark/benchmark.h>

#include "core/scoring.h"
#include "render/score_json.h"
#include "xml/catalog_loader.h"
#include "xml/files.h"

namespace {

struct Fixture {
  cjb::Catalog catalog = cjb::xml::load_catalog(CJB_SOURCE_DIR);
  cjb::Assessment assessment = cjb::xml::load_assessment(CJB_SOURCE_DIR "/examples/grocer-omnichannel.xml");
  cjb::Instrument instrument = cjb::resolve_scope(catalog, assessment.scope);
};

const Fixture& fixture() {
  static const Fixture f;
  return f;
}

// The whole scorecard, action plan included: what `cjb score` computes after parsing.
void score_with_actions(benchmark::State& state) {
  const Fixture& f = fixture();
  for (auto _ : state) {
    cjb::Scorecard card = cjb::score_assessment(f.instrument, f.assessment);
    benchmark::DoNotOptimize(card.overall.score);
  }
  state.counters["items"] = static_cast<double>(f.instrument.items.size());
}
BENCHMARK(score_with_actions)->Unit(benchmark::kMicrosecond);

// Scores only, as a benchmark across many sites needs them.
void score_without_actions(benchmark::State& state) {
  const Fixture& f = fixture();
  for (auto _ : state) {
    cjb::Scorecard card = cjb::score_assessment(f.instrument, f.assessment, {.actions = false});
    benchmark::DoNotOptimize(card.overall.score);
  }
}
BENCHMARK(score_without_actions)->Unit(benchmark::kMicrosecond);

// Everything between parsing and rendering: resolve the scope, check every response, score.
void resolve_check_score(benchmark::State& state) {
  const Fixture& f = fixture();
  for (auto _ : state) {
    cjb::Instrument instrument = cjb::resolve_scope(f.catalog, f.assessment.scope);
    auto problems = cjb::check_assessment(f.catalog, instrument, f.assessment);
    cjb::Scorecard card = cjb::score_assessment(instrument, f.assessment);
    benchmark::DoNotOptimize(problems.size());
    benchmark::DoNotOptimize(card.overall.score);
  }
}
BENCHMARK(resolve_check_score)->Unit(benchmark::kMicrosecond);

// The JSON contract of a finished scorecard.
void render_json(benchmark::State& state) {
  const Fixture& f = fixture();
  cjb::Scorecard card = cjb::score_assessment(f.instrument, f.assessment);
  for (auto _ : state) {
    std::string json = cjb::render::score_json(card);
    benchmark::DoNotOptimize(json.data());
  }
}
BENCHMARK(render_json)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
