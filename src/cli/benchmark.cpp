// cjb benchmark: many assessments scored on all cores, streaming, then compared.

#include <algorithm>
#include <filesystem>
#include <optional>
#include <ostream>
#include <set>

#include <fmt/format.h>

#include "cli/batch.h"
#include "cli/commands.h"
#include "cli/kpi_exports.h"
#include "cli/data.h"
#include "cli/options.h"
#include "pipeline/scored_assessment.h"
#include "cli/templates.h"
#include "core/action_plan.h"
#include "core/benchmark.h"
#include "core/printable.h"
#include "render/benchmark_report.h"
#include "sheet/action_plan_sheet.h"
#include "sheet/csv_reader.h"
#include "sheet/xlsx_reader.h"
#include "util/files.h"
#include "util/text.h"

namespace cjb::cli {

namespace {

class BenchmarkCommand : public Command {
 public:
  BenchmarkCommand()
      : Command({"benchmark",
                 "compare many assessments: league table, distributions, peers, roll-ups, trends",
                 "cjb benchmark PATH... [--subject FILE] [--by FIELD] [--site ID] [--visits latest|all] [--profile P]\n"
                 "                     [--combine median|mean|latest] [--period month|quarter|year] [--all] [--kpi EXPORT...]\n"
                 "                     [--actions [--as-of YYYY-MM-DD]]\n"
                 "                     [--format text|json|csv|html|pdf|svg] [--heatmap overall|region] [-o FILE] [--strict] [--jobs N]",
                 "  cjb benchmark audits/ --by region                 # every *.xml under audits/, rolled up by region\n"
                 "  cjb benchmark audits/ --subject audits/s042.xml --format html -o s042-vs-peers.html\n"
                 "  cjb benchmark audits/ --combine median --site S042   # one result per site and month; the trend of S042"}) {}

  void declare(po::options_description& options, po::positional_options_description& positional) override {
    options.add_options()
        ("path", po::value<std::vector<std::string>>(&paths_)->value_name("PATH")->required(),
         "assessment files, and folders searched recursively for *.xml")
        ("subject", po::value<std::string>(&subject_)->value_name("FILE"),
         "an assessment to rank against the others: percentile ranks and gaps to the peer median and best")
        ("by", po::value<std::string>(&by_)->value_name("FIELD"),
         "roll up by retailer, site, site-id, sector, region, format or tag")
        ("site", po::value<std::string>(&site_)->value_name("ID"), "the trend of one site (its site-id, else its name) across dates")
        ("visits", po::value<std::string>(&visits_)->value_name("WHICH")->default_value("latest"),
         "league rows: latest (one row per site, its latest visit) or all (one row per visit)")
        ("profile", po::value<std::string>(&profile_)->value_name("P"),
         "benchmark only the assessments of profile P (default: every scope, each as its own cohort)")
        ("all", po::bool_switch(&all_rows_), "text: print every league row (default: the top 20 and bottom 20)")
        ("heatmap", po::value<std::string>(&heatmap_)->value_name("ORDER")->default_value("overall"),
         "heat map rows (html, pdf, svg): overall (best first) or region (a block per region)")
        ("combine", po::value<std::string>(&combine_)->value_name("HOW"),
         "merge repeated visits of one site in one period: median, mean or latest (default: keep every visit)")
        ("period", po::value<std::string>(&period_)->value_name("P")->default_value("month"),
         "the period --combine merges within: month, quarter or year (calendar)")
        ("template", po::value<std::string>(&template_)->value_name("T")->default_value("default"),
         "html and pdf: a report template under reports/ (default, self, minimal) or a folder holding template.json")
        ("kpi", po::value<std::vector<std::string>>(&kpi_exports_)->multitoken()->value_name("EXPORT..."),
         "contacts and survey exports (CSV, as cjb kpi reads them): each site's audit score beside its KPIs, and how they correlate")
        ("actions", po::bool_switch(&actions_),
         "each site's action plan (ASSESSMENT.actions.xlsx or .csv beside its latest visit that has one): open and overdue actions")
        ("as-of", po::value<std::string>(&as_of_)->value_name("DATE"),
         "--actions: count overdue on this YYYY-MM-DD (default: the cohort's newest assessment date)")
        ("strict", po::bool_switch(&strict_), "stop at the first file that cannot be scored (exit 2)")
        ("jobs,j", po::value<int>(&jobs_)->value_name("N")->default_value(0), "worker threads (default: every core)");
    positional.add("path", -1);
    output_.declare(options);
  }

  int run(Context& context) override {
    const std::string& format = output_.format();
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

    std::optional<BenchmarkEntry> subject;
    if (!subject_.empty()) subject = score_one_file(catalog, subject_);
    size_t scored = result.entries.size();
    std::vector<Cohort> cohorts = split_cohorts(std::move(result.entries));
    std::vector<std::string> not_shown;
    if (!profile_.empty()) {
      std::string prefix = "profile:" + profile_ + "|";
      std::vector<Cohort> kept;
      for (auto& c : cohorts) {
        if (c.scope.starts_with(prefix)) kept.push_back(std::move(c));
        else not_shown.push_back(fmt::format("{}: {} assessment{}", scope_label(c.scope), c.entries.size(), c.entries.size() == 1 ? "" : "s"));
      }
      if (kept.empty()) throw UsageError(fmt::format("benchmark: no assessment of profile '{}' (expected one of the scopes found: {})", profile_, text::join(not_shown, "; ")));
      cohorts = std::move(kept);
    }
    if (cohorts.size() > 1 && (format == "csv" || format == "svg")) {
      std::vector<std::string> found;
      for (const auto& c : cohorts)
        found.push_back(fmt::format("{}: {} assessment{}", scope_label(c.scope), c.entries.size(), c.entries.size() == 1 ? "" : "s"));
      throw UsageError(fmt::format("benchmark: the files hold {} scopes, and a {} holds one (expected --profile P, or json; found {})",
                                   cohorts.size(), format == "csv" ? "CSV" : "heat map", text::join(found, "; ")));
    }

    std::vector<render::BenchmarkReport> reports;
    for (auto& cohort : cohorts) reports.push_back(cohort_report(catalog, std::move(cohort), files.size(), scored, result, not_shown));
    for (size_t i = 0; i < reports.size(); ++i) {
      reports[i].cohort = static_cast<int>(i + 1);
      reports[i].cohorts = static_cast<int>(reports.size());
    }
    if (subject) add_subject(reports, std::move(*subject));
    if (!site_.empty()) check_site(reports);
    if (!kpi_exports_.empty())
      for (auto& report : reports) add_kpis(report, kpis);
    if (actions_)
      for (auto& report : reports) add_plans(catalog, report);

    if (format == "pdf" || format == "html") {
      // The gap report's look: its template, fonts and colours (docs/benchmark.md, "Outputs").
      render::ReportTemplate look = load_report_template(find_data_dir(data_dir_option()), template_, "benchmark");
      if (format == "pdf") output_.write(context, render::benchmark_pdf(reports, look, source_date_epoch("benchmark")));
      else output_.write(context, render::benchmark_html(reports, look));
    }
    else if (format == "json") output_.write(context, render::benchmark_json(reports));
    else if (format == "csv") output_.write(context, render::benchmark_csv(reports.front()));
    else if (format == "svg") output_.write(context, render::benchmark_svg(reports));
    else output_.write(context, render::benchmark_text(reports));

    const auto& report = reports.front();
    if (!report.left_out.empty()) {
      context.err << fmt::format("cjb: {} of {} files left out\n", report.left_out.size(), files.size());
      return 1;
    }
    return 0;
  }

 private:
  // The report of one cohort: its league of sites (or visits), distributions, what needs
  // attention, roll-up and trend.
  render::BenchmarkReport cohort_report(const Catalog& catalog, Cohort cohort, size_t files, size_t scored, const BatchResult& result,
                                        const std::vector<std::string>& not_shown) const {
    render::BenchmarkReport report;
    report.model = &catalog.model;
    report.catalog = &catalog;
    report.files = static_cast<int>(files);
    report.assessments = static_cast<int>(scored);
    report.left_out = result.left_out;
    report.scope = cohort.scope;
    report.other_cohorts = not_shown;
    report.entries = std::move(cohort.entries);
    if (!combine_.empty()) {
      CombineMethod method = combine_ == "mean" ? CombineMethod::Mean : combine_ == "latest" ? CombineMethod::Latest : CombineMethod::Median;
      Period period = period_ == "quarter" ? Period::Quarter : period_ == "year" ? Period::Year : Period::Month;
      report.entries = combine_visits(report.entries, method, period);
      report.combine = combine_;
      report.period = period_;
    }
    // --combine keeps today's league: one row per site and period.
    report.every_visit = visits_ == "all" || !combine_.empty();
    report.all_rows = all_rows_;
    report.heatmap_by_region = heatmap_ == "region";
    report.rows = site_rows(report.entries, report.every_visit ? LeagueRows::Every : LeagueRows::Latest);
    report.row_entries = row_entries(report.entries, report.rows);
    report.stats = compute_stats(report.row_entries);
    report.attention = needs_attention(report.entries, report.rows, report.stats);
    if (!by_.empty()) {
      report.by = by_;
      report.rollups = roll_up(report.row_entries, by_);
    }
    if (!site_.empty()) {
      report.site = site_;
      report.trend = site_trend(report.entries, site_);
    }
    return report;
  }

  // The subject goes with the cohort of its scope (else the first), against the latest visits
  // of every cohort: the peer rule leaves out its own site and the other scopes, and says so.
  static void add_subject(std::vector<render::BenchmarkReport>& reports, BenchmarkEntry subject) {
    std::vector<BenchmarkEntry> candidates;
    for (const auto& r : reports) candidates.insert(candidates.end(), r.row_entries.begin(), r.row_entries.end());
    PeerStandings standings = compare_with_peers(subject, candidates);
    auto home = std::find_if(reports.begin(), reports.end(), [&](const auto& r) { return r.scope == subject.scope; });
    if (home == reports.end()) home = reports.begin();
    home->peer_selection = std::move(standings.selection);
    home->standings = std::move(standings.standings);
    home->subject = std::move(subject);
  }

  // An unknown site is a mistake in the command, not an empty answer; so is a site-id that two
  // retailers use (each retailer numbers its own stores, docs/scoring.md "Peers"): their
  // visits are not one site's trend.
  void check_site(const std::vector<render::BenchmarkReport>& reports) const {
    std::set<std::string> retailers;
    for (const auto& r : reports)
      for (size_t i : r.trend) retailers.insert(r.entries[i].subject.retailer);
    if (retailers.size() > 1)
      throw UsageError(fmt::format("benchmark: --site '{}' is a site of {} retailers, {} (expected the files of one retailer)", site_,
                                   retailers.size(), printable(text::and_list(retailers))));
    if (!retailers.empty()) return;
    std::vector<BenchmarkEntry> all;
    for (const auto& r : reports) all.insert(all.end(), r.row_entries.begin(), r.row_entries.end());
    std::string hint = text::join(similar_sites(all, site_), ", ");
    throw UsageError(fmt::format("benchmark: --site '{}' is not a site of these assessments ({})", site_,
                                 hint.empty() ? "expected a site-id, else a site name" : "did you mean " + hint + "?"));
  }

  // Sites are each retailer's own: records that name no retailer cannot be joined to a site-id
  // two retailers of the cohort use (docs/kpi.md, "Several retailers").
  static void add_kpis(render::BenchmarkReport& report, const KpiRecords& kpis) {
    // Per site over every visit scored (combined or not: the mean of the entries' scores).
    std::vector<AuditedSite> audits;
    audits.reserve(report.entries.size());
    for (const auto& e : report.entries) audits.push_back({e.subject.retailer, e.site_key(), e.overall});
    if (auto ambiguous = find_ambiguous_kpi_site(audits, kpis.contacts, kpis.answers))
      throw UsageError(fmt::format("benchmark: --kpi records name site '{}' without a retailer, and it is a site of {} retailers, {} "
                                   "(expected a retailer column in the exports)",
                                   ambiguous->site, ambiguous->retailers.size(), printable(text::and_list(ambiguous->retailers))));
    report.kpi_sources = kpis.sources;
    report.site_kpis = join_site_kpis(audits, kpis.contacts, kpis.answers);
    report.kpi_correlations = correlate_kpis(report.site_kpis);
  }

  // --actions: per league row, the plan beside the site's latest visit that has one, counted at
  // --as-of (default: the newest assessment date of the cohort, so the output never depends on
  // the clock). A bad plan stops the run at its cell, like report --actions-file.
  void add_plans(const Catalog& catalog, render::BenchmarkReport& report) const {
    report.actions = true;
    report.as_of = as_of_;
    if (report.as_of.empty())
      for (const auto& e : report.entries) report.as_of = std::max(report.as_of, e.date);
    for (const auto& row : report.rows) {
      std::optional<OverdueCounts> counts;
      std::string plan_file;
      for (auto visit = row.history.rbegin(); visit != row.history.rend() && !counts; ++visit) {
        const BenchmarkEntry& e = report.entries[*visit];
        plan_file = plan_beside(e.file);
        if (plan_file.empty()) continue;
        auto scored = pipeline::score_file(catalog, e.file);
        counts = count_overdue(read_plan(plan_file, scored->instrument), report.as_of);
      }
      report.plans.push_back(counts);
      report.plan_files.push_back(counts ? plan_file : "");
    }
    report.overdue = most_overdue_first(report.plans);
  }

  // S00011-2.xml → S00011-2.actions.xlsx, else S00011-2.actions.csv; "" when neither exists.
  static std::string plan_beside(const std::string& assessment) {
    if (assessment.empty()) return "";
    for (const char* ext : {".actions.xlsx", ".actions.csv"}) {
      std::filesystem::path plan = std::filesystem::path(assessment).replace_extension(ext);
      if (std::filesystem::is_regular_file(plan)) return plan.string();
    }
    return "";
  }

  static std::vector<PlannedAction> read_plan(const std::string& path, const Instrument& instrument) {
    std::string bytes = files::read_file(path);
    std::vector<sheet::Table> tables;
    if (sheet::looks_like_xlsx(bytes)) tables = sheet::read_xlsx(bytes, path);
    else tables.push_back(sheet::to_table(sheet::read_csv(bytes, path)));
    return sheet::read_action_plan(tables, path, instrument);
  }

  // Option values that parsing cannot check; before any work is done.
  void validate() override {
    output_.validate(name());
    expect_one_of(name(), "heatmap", heatmap_, {"overall", "region"});
    expect_one_of(name(), "period", period_, {"month", "quarter", "year"});
    expect_one_of(name(), "visits", visits_, {"latest", "all"});
    if (!combine_.empty()) expect_one_of(name(), "combine", combine_, {"median", "mean", "latest"});
    if (!by_.empty() && !is_rollup_field(by_))
      throw UsageError(fmt::format("benchmark: --by '{}' is not a field (expected {})", by_, text::or_list(rollup_fields())));
    if (output_.format() == "pdf" && output_.to_stdout())
      throw UsageError("benchmark: --format pdf needs -o FILE (a PDF is not written to a terminal)");
    if (!as_of_.empty() && !actions_) throw UsageError("benchmark: --as-of needs --actions (expected --actions --as-of YYYY-MM-DD)");
    if (!as_of_.empty() && !days_since_epoch(as_of_))
      throw UsageError(fmt::format("benchmark: --as-of '{}' is not a date (expected YYYY-MM-DD)", as_of_));
    if (jobs_ < 0 || jobs_ > 1024) throw UsageError(fmt::format("benchmark: --jobs {} is out of range (expected 1 to 1024, or 0 for every core)", jobs_));
  }

  std::vector<std::string> paths_, kpi_exports_;
  std::string template_;
  std::string subject_, by_, site_, combine_, period_, visits_, profile_, heatmap_;
  OutputOptions output_{{.formats = {{"text", nullptr, {}},
                                     {"json", nullptr, {".json"}},
                                     {"csv", nullptr, {".csv"}},
                                     {"html", nullptr, {".html", ".htm"}},
                                     {"pdf", nullptr, {".pdf"}},
                                     {"svg", "the heat map", {".svg"}}},
                         .default_format = "text",
                         .output_help = "write to FILE (default: stdout; pdf needs -o)",
                         .format_help_tail = "(default: from the -o file's extension, else text)"}};
  std::string as_of_;
  bool strict_ = false, all_rows_ = false, actions_ = false;
  int jobs_ = 0;
};

}  // namespace

std::unique_ptr<Command> make_benchmark() { return std::make_unique<BenchmarkCommand>(); }

}  // namespace cjb::cli
