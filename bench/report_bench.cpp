// Report speed (docs/performance.md, "Report"): the full PDF report of the largest example,
// grocer-omnichannel, from a scorecard to the PDF's bytes, and each step on its own.

#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "core/scoring.h"
#include "diagram/journey_graph.h"
#include "diagram/journey_layout.h"
#include "diagram/journey_render.h"
#include "render/pdf_report.h"
#include "render/report_document.h"
#include "render/report_html.h"
#include "render/report_text.h"
#include "xml/catalog_loader.h"
#include "xml/files.h"

namespace {

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Fixture {
  cjb::Catalog catalog = cjb::xml::load_catalog(CJB_SOURCE_DIR);
  cjb::Assessment assessment = cjb::xml::load_assessment(CJB_SOURCE_DIR "/examples/grocer-omnichannel.xml");
  cjb::Instrument instrument = cjb::resolve_scope(catalog, assessment.scope);
  cjb::Scorecard card = cjb::score_assessment(instrument, assessment);
  cjb::render::ReportTemplate tpl =
      cjb::render::parse_template(read(CJB_SOURCE_DIR "/reports/default/template.json"), "default");
  cjb::render::Document document = cjb::render::build_report_document(card, tpl);
};

const Fixture& fixture() {
  static const Fixture f;
  return f;
}

// Everything `cjb report -o x.pdf` does after loading and scoring: the document, the journey
// layout by Graphviz, and the PDF.
void full_pdf_report(benchmark::State& state) {
  const Fixture& f = fixture();
  size_t bytes = 0;
  for (auto _ : state) {
    cjb::render::Document document = cjb::render::build_report_document(f.card, f.tpl);
    cjb::diagram::JourneyLayout layout = cjb::diagram::lay_out_journey(cjb::diagram::build_journey_graph(f.card));
    cjb::render::PdfOptions options;
    options.timestamp = 0;
    options.journey = &layout;
    bytes = cjb::render::render_pdf(document, options).size();
    benchmark::DoNotOptimize(bytes);
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(full_pdf_report)->Unit(benchmark::kMillisecond);

void build_document(benchmark::State& state) {
  const Fixture& f = fixture();
  for (auto _ : state) {
    cjb::render::Document document = cjb::render::build_report_document(f.card, f.tpl);
    benchmark::DoNotOptimize(document.sections.size());
  }
}
BENCHMARK(build_document)->Unit(benchmark::kMillisecond);

void pdf_without_diagram(benchmark::State& state) {
  const Fixture& f = fixture();
  for (auto _ : state) benchmark::DoNotOptimize(cjb::render::render_pdf(f.document).size());
}
BENCHMARK(pdf_without_diagram)->Unit(benchmark::kMillisecond);

void html(benchmark::State& state) {
  const Fixture& f = fixture();
  for (auto _ : state) benchmark::DoNotOptimize(cjb::render::render_html(f.document, "").size());
}
BENCHMARK(html)->Unit(benchmark::kMillisecond);

void markdown(benchmark::State& state) {
  const Fixture& f = fixture();
  for (auto _ : state) benchmark::DoNotOptimize(cjb::render::render_markdown(f.document).size());
}
BENCHMARK(markdown)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
