// Field sheets of the largest example, grocer-omnichannel (all its items in scope), out and
// back in (docs/performance.md, "Field sheets"): CSV and XLSX export, and import of each, as
// `cjb export` / `cjb import` do them after the catalog is loaded. The baseline is scoring the
// same assessment, measured in the same run.

#include <benchmark/benchmark.h>

#include "core/scoring.h"
#include "sheet/csv_reader.h"
#include "sheet/field_sheet.h"
#include "sheet/xlsx_reader.h"
#include "sheet/xlsx_writer.h"
#include "xml/catalog_loader.h"
#include "xml/files.h"

namespace {

struct Fixture {
  cjb::Catalog catalog = cjb::xml::load_catalog(CJB_SOURCE_DIR);
  cjb::Assessment assessment = cjb::xml::load_assessment(CJB_SOURCE_DIR "/examples/grocer-omnichannel.xml");
  cjb::Instrument instrument = cjb::resolve_scope(catalog, assessment.scope);
  std::string csv = cjb::sheet::write_field_sheet(catalog, instrument, &assessment);
  std::string xlsx = cjb::sheet::write_field_sheet_xlsx(catalog, instrument, &assessment);
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

void baseline_score(benchmark::State& state) {
  Fixture& f = fixture();
  for (auto _ : state) benchmark::DoNotOptimize(cjb::score_assessment(f.instrument, f.assessment));
}
BENCHMARK(baseline_score)->Unit(benchmark::kMillisecond);

void export_csv(benchmark::State& state) {
  Fixture& f = fixture();
  for (auto _ : state) benchmark::DoNotOptimize(cjb::sheet::write_field_sheet(f.catalog, f.instrument, &f.assessment).size());
  state.counters["items"] = static_cast<double>(f.instrument.items.size());
  state.counters["bytes"] = static_cast<double>(f.csv.size());
}
BENCHMARK(export_csv)->Unit(benchmark::kMillisecond);

void export_xlsx(benchmark::State& state) {
  Fixture& f = fixture();
  for (auto _ : state) benchmark::DoNotOptimize(cjb::sheet::write_field_sheet_xlsx(f.catalog, f.instrument, &f.assessment).size());
  state.counters["items"] = static_cast<double>(f.instrument.items.size());
  state.counters["bytes"] = static_cast<double>(f.xlsx.size());
}
BENCHMARK(export_xlsx)->Unit(benchmark::kMillisecond);

void import_csv(benchmark::State& state) {
  Fixture& f = fixture();
  for (auto _ : state) {
    auto answers = cjb::sheet::read_field_sheet({cjb::sheet::to_table(cjb::sheet::read_csv(f.csv, "s.csv"))}, "s.csv", f.catalog.model, f.instrument);
    cjb::Assessment merged = f.assessment;
    cjb::sheet::merge_responses(merged, answers.responses);
    benchmark::DoNotOptimize(cjb::xml::write_assessment(merged).size());
  }
}
BENCHMARK(import_csv)->Unit(benchmark::kMillisecond);

void import_xlsx(benchmark::State& state) {
  Fixture& f = fixture();
  for (auto _ : state) {
    auto answers = cjb::sheet::read_field_sheet(cjb::sheet::read_xlsx(f.xlsx, "s.xlsx"), "s.xlsx", f.catalog.model, f.instrument);
    cjb::Assessment merged = f.assessment;
    cjb::sheet::merge_responses(merged, answers.responses);
    benchmark::DoNotOptimize(cjb::xml::write_assessment(merged).size());
  }
}
BENCHMARK(import_xlsx)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
