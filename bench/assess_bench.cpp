// What one answer costs in `cjb assess` (docs/performance.md, "Self-assessment"): the session
// step, the XML of the whole assessment, and the atomic save (temporary file, fsync, rename)
// that happens before every acknowledgement. The largest example, grocer-omnichannel (194
// items), is parsed once outside the timed loops.

#include <unistd.h>

#include <filesystem>

#include <benchmark/benchmark.h>

#include "cli/assess_session.h"
#include "xml/catalog_loader.h"
#include "xml/files.h"
#include "util/files.h"

namespace {

struct Fixture {
  cjb::Catalog catalog = cjb::xml::load_catalog(CJB_SOURCE_DIR);
  cjb::Assessment assessment = cjb::xml::load_assessment(CJB_SOURCE_DIR "/examples/grocer-omnichannel.xml");
  cjb::Instrument instrument = cjb::resolve_scope(catalog, assessment.scope);
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

// One answer and one step back: the session's work for an answer (record it, find the next
// unanswered item, render the next question) plus a "b".
void session_answer(benchmark::State& state) {
  Fixture& f = fixture();
  cjb::Assessment assessment = f.assessment;
  // Two items left to answer: "2" answers the first and moves to the second, "b" goes back.
  assessment.responses.erase(assessment.responses.begin(), assessment.responses.begin() + 2);
  cjb::cli::AssessSession session(f.instrument, assessment, {"a.xml", ""});
  session.start();
  if (session.handle("2").done || session.handle("b").done) state.SkipWithError("the session ended");
  for (auto _ : state) {
    auto answered = session.handle("2");
    auto back = session.handle("b");
    benchmark::DoNotOptimize(answered.text.size() + back.text.size());
  }
}
BENCHMARK(session_answer)->Unit(benchmark::kMicrosecond);

// The XML text written after every answer.
void serialise(benchmark::State& state) {
  const Fixture& f = fixture();
  for (auto _ : state) {
    std::string text = cjb::xml::write_assessment(f.assessment);
    benchmark::DoNotOptimize(text.size());
  }
  state.counters["bytes"] = static_cast<double>(cjb::xml::write_assessment(f.assessment).size());
}
BENCHMARK(serialise)->Unit(benchmark::kMicrosecond);

// Serialise and save atomically, fsync included: what a user waits for after each answer.
// The file goes to the build tree's folder (a real disk, not /tmp that may be in memory).
void save(benchmark::State& state) {
  const Fixture& f = fixture();
  const std::string path = std::filesystem::current_path() / "assess_bench.xml";
  for (auto _ : state) cjb::files::write_file_atomically(path, cjb::xml::write_assessment(f.assessment));
  std::filesystem::remove(path);
}
BENCHMARK(save)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
