// cjb kpi EXPORT...: service KPIs (first response, resolution, first-contact resolution,
// handling time, CSAT, NPS, service standards) from a retailer's contacts and survey exports,
// streamed: any size of export in one pass (docs/kpi.md).

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/data.h"
#include "cli/kpi_exports.h"
#include "cli/options.h"
#include "pipeline/scored_assessment.h"
#include "core/error.h"
#include "core/kpi.h"
#include "core/measure.h"
#include "kpi/kpi_export.h"
#include "kpi/time_zone.h"
#include "render/kpi_report.h"
#include "util/files.h"
#include "xml/files.h"

namespace cjb::cli {

namespace {

// "reading big.csv: 41% (35 of 82 MB)" rewritten in place on a terminal, at most a few times
// a second's worth of data (every 8 MiB).
class Progress {
 public:
  Progress(std::ostream& err, bool terminal) : err_(err), terminal_(terminal) {}
  std::function<void(uint64_t)> for_file(const std::string& path) {
    if (!terminal_) return {};
    std::error_code ec;
    uint64_t total = std::filesystem::file_size(path, ec);
    if (ec) total = 0;
    return [this, path, total, next = uint64_t{0}](uint64_t bytes) mutable {
      if (bytes < next) return;
      next = bytes + (8u << 20);
      shown_ = true;
      if (total) err_ << fmt::format("\rreading {}: {}% ({} of {} MB)", path, bytes * 100 / total, bytes >> 20, total >> 20) << std::flush;
      else err_ << fmt::format("\rreading {}: {} MB", path, bytes >> 20) << std::flush;
    };
  }
  void clear() {
    if (shown_) err_ << "\r\033[K" << std::flush;
    shown_ = false;
  }

 private:
  std::ostream& err_;
  bool terminal_;
  bool shown_ = false;
};

class KpiCommand : public Command {
 public:
  KpiCommand()
      : Command({"kpi",
                 "service KPIs from contacts and survey exports (CSV)",
                 "cjb kpi EXPORT... [--by site|channel|month] [--map LAYOUT] [--tz ZONE] [--profile P] [--business-hours] [--strict] [--format text|json|csv|html] [--apply ASSESSMENT] [-o FILE]",
                 "  cjb kpi examples/kpi/contacts.csv examples/kpi/surveys.csv\n"
                 "  cjb kpi zendesk-tickets.csv --tz Europe/Amsterdam --by month\n"
                 "  cjb kpi exports/*.csv --by site --format html -o kpis.html\n"
                 "  cjb kpi tickets.csv surveys.csv --apply visit.xml -o visit-measured.xml"}) {}

  void declare(po::options_description& options, po::positional_options_description& positional) override {
    options.add_options()
        ("export", po::value<std::vector<std::string>>(&exports_)->value_name("EXPORT")->required(),
         "CSV exports: contacts (id, opened, first_response, resolved, …), surveys (id, date, csat, nps, …), or a help desk's ticket export")
        ("by", po::value<std::string>(&by_)->value_name("FIELD"), "also one row per site, channel or month")
        ("map", po::value<std::string>(&map_)->value_name("LAYOUT"), "read the exports with this layout file (default: recognise from the header)")
        ("tz", po::value<std::string>(&tz_)->value_name("ZONE"), "times without an offset are local times of this IANA zone (e.g. Europe/Amsterdam)")
        ("profile", po::value<std::string>(&profile_)->value_name("P"), "the service standards with this profile's times")
        ("business-hours", po::bool_switch(&business_hours_), "use the export's business-hours durations")
        ("strict", po::bool_switch(&strict_), "stop at the first bad row (default: skip bad rows and count them)")
        ("apply", po::value<std::string>(&apply_)->value_name("ASSESSMENT"),
         "score the assessment's measured items from the figures and write the assessment instead of the figures");
    output_.declare(options);
    positional.add("export", -1);
  }

  void validate() override {
    output_.validate(name());
    if (!by_.empty() && !is_kpi_field(by_))
      throw UsageError(fmt::format("kpi: --by '{}' is not a field (expected {})", by_, kpi_field_names()));
    if (!apply_.empty() && (output_.format() != "text" || !by_.empty()))
      throw UsageError("kpi: --apply writes the assessment, not the figures (expected no --format or --by with it)");
    if (!tz_.empty()) zone_ = std::make_unique<kpi::TimeZone>(tz_);  // throws for a name the tz database has not
  }

  int run(Context& context) override {
    std::optional<kpi::Layout> layout;
    if (!map_.empty()) layout = kpi::parse_layout(files::read_file(map_), map_);
    std::vector<kpi::Layout> shipped = shipped_layouts(data_dir_option());
    std::unique_ptr<Applying> applying;
    if (!apply_.empty()) applying = std::make_unique<Applying>(data_dir_option(), apply_);

    KpiTally tally(applying ? "site" : by_, standards());
    kpi::ReadOptions options;
    options.layout = layout ? &*layout : nullptr;
    options.shipped = &shipped;
    options.tz = zone_.get();
    options.business_hours = business_hours_;
    options.strict = strict_;
    // --apply counts only the records that may be of the assessment's retailer (docs/kpi.md).
    auto counts = [&](const std::string& retailer) { return !applying || of_retailer(retailer, applying->before->assessment.subject.retailer); };
    kpi::RecordSink sink{[&](const Contact& c) { if (counts(c.retailer)) tally.add(c); },
                         [&](const SurveyAnswer& a) { if (counts(a.retailer)) tally.add(a); }};
    render::KpiReport report;
    std::vector<Diagnostic> problems;
    Progress progress(context.err, context.err_is_terminal);
    for (const auto& path : exports_) {
      try {
        options.progress = progress.for_file(path);
        kpi::ExportSummary s = kpi::read_kpi_file(path, options, sink);
        progress.clear();
        report_bad_rows(s, context.err);
        report.sources.push_back(kpi_source(s));
      } catch (const InputError& e) {
        progress.clear();
        if (strict_) throw;
        problems.insert(problems.end(), e.diagnostics().begin(), e.diagnostics().end());
      }
    }
    if (!problems.empty()) throw InputError(std::move(problems));
    if (applying) return apply(context, *applying, tally, report.sources);
    report.overall = tally.overall();
    if (!by_.empty()) {
      report.by = by_;
      report.rows = tally.rows();
    }
    output_.write(context, render_in<render::KpiReport>(output_.format(), {{"text", render::kpi_text}, {"json", render::kpi_json},
                                                                           {"csv", render::kpi_csv}, {"html", render::kpi_html}},
                                                        report));
    return 0;
  }

 private:
  // The model's service standards, with --profile's times; none without a data directory
  // (the figures then come without them).
  std::vector<ServiceStandard> standards() const {
    try {
      find_data_dir(data_dir_option());
    } catch (const Error&) {
      if (profile_.empty()) return {};
      throw;
    }
    Catalog catalog = load_catalog(data_dir_option());
    const Profile* profile = nullptr;
    if (!profile_.empty() && !(profile = catalog.find_profile(profile_)))
      throw UsageError(fmt::format("kpi: --profile '{}' is not a profile of the data directory", profile_));
    return service_standards(catalog.model, profile);
  }

  // --apply: the assessment, checked and scored as it was, and the catalog it is read with.
  struct Applying {
    Applying(const std::string& data_dir, const std::string& path) : catalog(load_catalog(data_dir)), before(pipeline::score_file(catalog, path)) {}
    Catalog catalog;
    std::unique_ptr<pipeline::ScoredAssessment> before;
  };

  // Sets the measured items from the figures of the assessment's site (the records that name
  // its site-id, else its name; every record of its retailer when none does), writes the
  // assessment and says on stderr what changed.
  int apply(Context& context, Applying& applying, KpiTally& tally, const std::vector<render::KpiSource>& sources) {
    const Assessment& before = applying.before->assessment;
    const std::string& site = before.subject.site_key();
    std::optional<KpiFigures> figures;
    for (auto& row : tally.rows())
      if (!site.empty() && row.key == site) figures = row.figures;
    std::string files;
    for (const auto& s : sources)
      files += (files.empty() ? "" : ", ") + std::filesystem::path(s.file).filename().string();
    std::string of_site = figures ? fmt::format(", site {}", site) : "";
    if (!figures) figures = tally.overall();
    std::string period = figures->first_month == figures->last_month ? figures->first_month
                                                                     : figures->first_month + " to " + figures->last_month;
    std::string origin = fmt::format("measured by cjb kpi from {} ({}{})", files, period, of_site);
    Assessment after = before;
    std::vector<AppliedMeasure> applied = apply_measures(after, applying.before->instrument, *figures, origin);
    std::unique_ptr<pipeline::ScoredAssessment> scored = pipeline::score_loaded(applying.catalog, after);
    output_.write(context, xml::write_assessment(after));
    if (quiet()) return 0;
    for (const auto& a : applied) {
      if (!a.level) context.err << fmt::format("{}: left as it was: {}\n", a.item, a.skipped);
      else if (a.observed_level && *a.observed_level != *a.level)
        context.err << fmt::format("{}: level {} measured; the auditor saw {}\n", a.item, *a.level, *a.observed_level);
      else context.err << fmt::format("{}: level {} measured\n", a.item, *a.level);
    }
    context.err << fmt::format("overall score {} → {}\n", score_line(applying.before->card.overall.score), score_line(scored->card.overall.score));
    return 0;
  }

  static std::string score_line(std::optional<double> score) { return score ? fmt::format("{:.1f}", *score) : "–"; }

  std::vector<std::string> exports_;
  std::string apply_;
  std::string by_, map_, tz_, profile_;
  std::unique_ptr<kpi::TimeZone> zone_;  // --tz, checked by validate()
  OutputOptions output_{{.formats = {{"text"}, {"json"}, {"csv"}, {"html"}}, .default_format = "text", .extension_names_format = false}};
  bool business_hours_ = false, strict_ = false;
};

}  // namespace

std::unique_ptr<Command> make_kpi() { return std::make_unique<KpiCommand>(); }

}  // namespace cjb::cli
