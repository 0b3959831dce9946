// cjb benchmark: many assessments scored on all cores, streaming, then compared.

#include <ostream>

#include <fmt/format.h>

#include "cli/batch.h"
#include "cli/commands.h"
#include "cli/kpi_exports.h"
#include "cli/data.h"
#include "cli/output.h"
#include "core/benchmark.h"
#include "render/benchmark_report.h"

namespace cjb::cli {

namespace {

class BenchmarkCommand : public Command {
 public:
  const char* name() const override { return "benchmark"; }
  const char* summary() const override { return "compare many assessments: league table, distributions, peers, roll-ups, trends"; }
  const char* usage() const override {
    return "cjb benchmark PATH... [--subject FILE] [--by FIELD] [--site ID] [--combine median|mean|latest]\n"
           "                     [--period month|quarter|year] [--kpi EXPORT...] [--format text|json|csv|html|pdf] [-o FILE]\n"
           "                     [--strict] [--jobs N]";
  }
  const char* example() const override {
    return "  cjb benchmark audits/ --by region                 # every *.xml under audits/, rolled up by region\n"
           "  cjb benchmark audits/ --subject audits/s042.xml --format html -o s042-vs-peers.html\n"
           "  cjb benchmark audits/ --combine median --site S042   # one result per site and month; the trend of S042";
  }

  void declare(po::options_description& options, po::positional_options_description& positional) override {
    options.add_options()
        ("path", po::value<std::vector<std::string>>(&paths_)->value_name("PATH")->required(),
         "assessment files, and folders searched recursively for *.xml")
        ("subject", po::value<std::string>(&subject_)->value_name("FILE"),
         "an assessment to rank against the others: percentile ranks and gaps to the peer median and best")
        ("by", po::value<std::string>(&by_)->value_name("FIELD"),
         "roll up by retailer, site, site-id, sector, region, format or tag")
        ("site", po::value<std::string>(&site_)->value_name("ID"), "the trend of one site (its site-id, else its name) across dates")
        ("combine", po::value<std::string>(&combine_)->value_name("HOW"),
         "merge repeated visits of one site in one period: median, mean or latest (default: keep every visit)")
        ("period", po::value<std::string>(&period_)->value_name("P")->default_value("month"),
         "the period --combine merges within: month, quarter or year (calendar)")
        ("format,f", po::value<std::string>(&format_)->value_name("FMT")->default_value("text"), "text, json, csv, html or pdf")
        ("output,o", po::value<std::string>(&output_)->value_name("FILE"), "write to FILE (default: stdout; pdf needs -o)")
        ("kpi", po::value<std::vector<std::string>>(&kpi_exports_)->multitoken()->value_name("EXPORT..."),
         "contacts and survey exports (CSV, as cjb kpi reads them): each site's audit score beside its KPIs, and how they correlate")
        ("strict", po::bool_switch(&strict_), "stop at the first file that cannot be scored (exit 2)")
        ("jobs,j", po::value<int>(&jobs_)->value_name("N")->default_value(0), "worker threads (default: every core)");
    positional.add("path", -1);
  }

  int run(Context& context) override {
    check_options();
    // The exports are read first: a bad one stops the run before the long part.
    KpiRecords kpis;
    if (!kpi_exports_.empty()) kpis = read_kpi_exports(kpi_exports_);
    Catalog catalog = load_catalog(data_dir_option());

    std::vector<std::string> files = find_assessment_files(paths_);
    BatchOptions batch;
    batch.jobs = jobs_;
    batch.strict = strict_;
    batch.progress = context.err_is_terminal ? &context.err : nullptr;
    BatchResult result = score_files(catalog, files, batch);

    for (const auto& problem : result.problems) context.err << problem.to_string() << "\n";
    if (strict_ && !result.left_out.empty()) {
      context.err << fmt::format("cjb: stopped at {} (--strict)\n", result.left_out.front().file);
      return 2;
    }

    render::BenchmarkReport report;
    report.files = static_cast<int>(files.size());
    report.assessments = static_cast<int>(result.entries.size());
    report.left_out = std::move(result.left_out);
    report.entries = std::move(result.entries);
    if (!combine_.empty()) {
      CombineMethod method = combine_ == "mean" ? CombineMethod::Mean : combine_ == "latest" ? CombineMethod::Latest : CombineMethod::Median;
      Period period = period_ == "quarter" ? Period::Quarter : period_ == "year" ? Period::Year : Period::Month;
      report.entries = combine_visits(report.entries, method, period);
      report.combine = combine_;
      report.period = period_;
    }
    report.stats = compute_stats(report.entries);
    if (!subject_.empty()) {
      report.subject = score_one_file(catalog, subject_);
      report.standings = compare_with_peers(*report.subject, report.entries);
    }
    if (!by_.empty()) {
      report.by = by_;
      report.rollups = roll_up(report.entries, by_);
    }
    if (!kpi_exports_.empty()) {
      // Per site over every visit scored (combined or not: the mean of the entries' scores).
      std::vector<std::pair<std::string, std::optional<double>>> audits;
      audits.reserve(report.entries.size());
      for (const auto& e : report.entries) audits.emplace_back(e.site_key(), e.overall);
      report.kpi_sources = std::move(kpis.sources);
      report.site_kpis = join_site_kpis(audits, kpis.contacts, kpis.answers);
      report.kpi_correlations = correlate_kpis(report.site_kpis);
    }
    if (!site_.empty()) {
      report.site = site_;
      report.trend = site_trend(report.entries, site_);
    }

    if (format_ == "pdf") write_output(context, output_, render::benchmark_pdf(report));
    else if (format_ == "json") write_output(context, output_, render::benchmark_json(report));
    else if (format_ == "csv") write_output(context, output_, render::benchmark_csv(report));
    else if (format_ == "html") write_output(context, output_, render::benchmark_html(report));
    else write_output(context, output_, render::benchmark_text(report));

    if (!report.left_out.empty()) {
      context.err << fmt::format("cjb: {} of {} files left out\n", report.left_out.size(), files.size());
      return 1;
    }
    return 0;
  }

 private:
  // Option values that parsing cannot check; before any work is done.
  void check_options() const {
    auto one_of = [](const std::string& option, const std::string& value, std::initializer_list<const char*> allowed) {
      std::string list;
      for (const char* a : allowed) {
        if (value == a) return;
        list += (list.empty() ? "" : ", ") + std::string(a);
      }
      throw UsageError(fmt::format("benchmark: --{} '{}' is not known (expected {})", option, value, list));
    };
    one_of("format", format_, {"text", "json", "csv", "html", "pdf"});
    one_of("period", period_, {"month", "quarter", "year"});
    if (!combine_.empty()) one_of("combine", combine_, {"median", "mean", "latest"});
    if (!by_.empty() && !is_rollup_field(by_))
      throw UsageError(fmt::format("benchmark: --by '{}' is not a field (expected retailer, site, site-id, sector, region, format or tag)", by_));
    if (format_ == "pdf" && (output_.empty() || output_ == "-"))
      throw UsageError("benchmark: --format pdf needs -o FILE (a PDF is not written to a terminal)");
    if (jobs_ < 0 || jobs_ > 1024) throw UsageError(fmt::format("benchmark: --jobs {} is out of range (expected 1 to 1024, or 0 for every core)", jobs_));
  }

  std::vector<std::string> paths_, kpi_exports_;
  std::string subject_, by_, site_, combine_, period_, format_, output_;
  bool strict_ = false;
  int jobs_ = 0;
};

}  // namespace

std::unique_ptr<Command> make_benchmark() { return std::make_unique<BenchmarkCommand>(); }

}  // namespace cjb::cli
