// cjb report: the gap report of one assessment, as PDF, HTML, Markdown, SVG or JSON.

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <ostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/kpi_exports.h"
#include "cli/data.h"
#include "cli/output.h"
#include "cli/scored.h"
#include "pipeline/scored_assessment.h"
#include "cli/templates.h"
#include "core/peers.h"
#include "diagram/journey_graph.h"
#include "diagram/journey_layout.h"
#include "diagram/journey_render.h"
#include "render/pdf_report.h"
#include "render/photo.h"
#include "render/report_document.h"
#include "render/report_html.h"
#include "render/report_text.h"
#include "sheet/action_plan_sheet.h"
#include "sheet/csv_reader.h"
#include "sheet/xlsx_reader.h"
#include "xml/catalog_loader.h"
#include "xml/files.h"
#include "util/files.h"

namespace cjb::cli {

namespace fs = std::filesystem;

namespace {

// Loads, checks and scores an assessment; with --profile, against that profile instead of the
// scope the file names.
std::unique_ptr<pipeline::ScoredAssessment> score_path(const Catalog& catalog, const std::string& path, const std::string& profile,
                                             const ScoringOptions& options) {
  Assessment assessment = xml::load_assessment(path);
  if (!profile.empty()) {
    assessment.scope.profile = profile;
    assessment.scope.checklists.clear();
    assessment.scope.channels.clear();
  }
  return pipeline::score_loaded(catalog, std::move(assessment), options);
}

// The format an output path names by its extension; pdf for stdout or a name without one.
// The months KPI records span: "2026-03 to 2026-04", "2026-04", or "" without records.
std::string kpi_period(const std::vector<Contact>& contacts, const std::vector<SurveyAnswer>& answers) {
  std::string first, last;
  auto see = [&](const std::string& month) {
    if (month.empty()) return;
    if (first.empty() || month < first) first = month;
    if (last.empty() || month > last) last = month;
  };
  for (const auto& c : contacts) see(c.month);
  for (const auto& a : answers) see(a.month);
  if (first.empty()) return "";
  return first == last ? fmt::format("records of {}", first) : fmt::format("records of {} to {}", first, last);
}

std::string format_from_output(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  if (path.empty() || path == "-" || ext.empty()) return "pdf";
  if (ext == ".pdf") return "pdf";
  if (ext == ".html" || ext == ".htm") return "html";
  if (ext == ".md" || ext == ".markdown") return "md";
  if (ext == ".svg") return "svg";
  if (ext == ".json") return "json";
  throw UsageError(fmt::format("report: -o {}: the extension '{}' is not a report format (expected .pdf, .html, .md, .svg or .json, "
                               "or --format to write that file anyway)", path, ext));
}

class ReportCommand : public Command {
 public:
  const char* name() const override { return "report"; }
  const char* summary() const override { return "write the gap report of an assessment (PDF, HTML, Markdown, SVG, JSON)"; }
  const char* usage() const override { return "cjb report ASSESSMENT -o FILE [options]"; }
  const char* example() const override {
    return "  cjb report examples/fashion-independent.xml -o report.pdf\n"
           "  cjb report site-2026.xml --previous site-2025.xml --peers peers/*.xml -o report.html\n"
           "  cjb report site.xml --format md --template minimal > report.md\n"
           "  cjb report site-2026.xml --previous site-2025.xml --actions-file plan-2025.xlsx -o report.pdf";
  }

  void declare(po::options_description& options, po::positional_options_description& positional) override {
    options.add_options()
        ("assessment", po::value<std::string>(&assessment_)->value_name("ASSESSMENT")->required(), "the assessment to report on")
        ("output,o", po::value<std::string>(&output_)->value_name("FILE"), "write here (default: stdout; a PDF needs -o unless stdout is redirected)")
        ("format,f", po::value<std::string>(&format_)->value_name("FORMAT"), "pdf, html, md, svg or json (default: from the -o extension, else pdf)")
        ("previous", po::value<std::string>(&previous_)->value_name("OLD"), "an earlier assessment of the site: adds the change since then")
        ("peers", po::value<std::vector<std::string>>(&peers_)->multitoken()->value_name("PATH..."), "peer assessments: adds the peer median and percentile rank")
        ("profile", po::value<std::string>(&profile_)->value_name("P"), "score against this profile instead of the assessment's own scope")
        ("template", po::value<std::string>(&template_)->value_name("T"),
         "a template under reports/ (default, self, minimal) or a folder holding template.json (default: self for a "
         "self-assessment, else default)")
        ("paper", po::value<std::string>(&paper_)->default_value("a4")->value_name("SIZE"), "PDF paper: a4 or letter")
        ("kpi", po::value<std::vector<std::string>>(&kpi_exports_)->multitoken()->value_name("EXPORT..."),
         "contacts and survey exports (CSV, as cjb kpi reads them): adds a Service KPIs section")
        ("actions-file", po::value<std::string>(&actions_file_)->value_name("PLAN"),
         "the plan made from --previous (cjb actions, CSV or XLSX, filled in): adds each action's outcome")
        ("actions", po::value<int>(&max_actions_)->default_value(30)->value_name("N"),
         "rows in the action plan, largest impact first (0: every action)")
        ("evidence", po::value<std::string>(&evidence_)->value_name("KIND"),
         "report only the items evidenced this way: observed (what a mystery shopper sees), asked or records");
    positional.add("assessment", 1);
  }

  // The format: --format, else the extension of -o (an unknown one is refused rather than
  // guessed: `-o x.docx` must not quietly write a PDF), else pdf.
  void validate() override {
    format_ = format_.empty() ? format_from_output(output_) : format_;
    if (format_ != "pdf" && format_ != "html" && format_ != "md" && format_ != "svg" && format_ != "json")
      throw UsageError(fmt::format("report: unknown format '{}' (expected pdf, html, md, svg or json)", format_));
    if (paper_ != "a4" && paper_ != "letter") throw UsageError(fmt::format("report: unknown paper '{}' (expected a4 or letter)", paper_));
    if (!actions_file_.empty() && previous_.empty())
      throw UsageError("report: --actions-file needs --previous OLD (expected the assessment the plan was made from)");
    if (max_actions_ < 0) throw UsageError(fmt::format("report: --actions {} is negative (expected 0 for every action, or how many to list)", max_actions_));
  }

  int run(Context& context) override {
    const std::string& format = format_;
    bool to_stdout = output_.empty() || output_ == "-";
    if (format == "pdf" && to_stdout && context.out_is_terminal)
      throw UsageError("report: a PDF is not for a terminal (expected -o FILE or a redirect)");

    std::string data_dir = find_data_dir(data_dir_option());
    Catalog catalog = xml::load_catalog(data_dir);
    ScoringOptions scoring{.evidence = evidence_option(evidence_, "report")};
    auto subject = score_path(catalog, assessment_, profile_, scoring);
    render::ReportTemplate report_template = load_template(data_dir, template_for(subject->assessment));
    std::unique_ptr<pipeline::ScoredAssessment> previous;
    if (!previous_.empty()) previous = score_path(catalog, previous_, profile_, scoring);
    std::vector<std::unique_ptr<pipeline::ScoredAssessment>> peers;
    std::vector<const Scorecard*> peer_cards;
    for (const auto& path : peers_) {
      peers.push_back(score_path(catalog, path, profile_, scoring));
      peer_cards.push_back(&peers.back()->card);
    }
    PeerComparison comparison;
    render::ReportInputs inputs;
    inputs.max_actions = max_actions_;
    render::KpiReport kpis;
    if (!kpi_exports_.empty()) {
      KpiRecords records = read_kpi_exports(kpi_exports_);
      kpis.sources = std::move(records.sources);
      // A chain's exports cover every site: when records name this site (its site-id, else its
      // name), only they count; exports of one site without a site column count whole.
      const Subject& who = subject->assessment.subject;
      std::string site = who.site_id.empty() ? who.site : who.site_id;
      std::vector<Contact> contacts;
      std::vector<SurveyAnswer> answers;
      for (const auto& c : records.contacts)
        if (c.site == site) contacts.push_back(c);
      for (const auto& a : records.answers)
        if (a.site == site) answers.push_back(a);
      if (contacts.empty() && answers.empty()) {
        kpis.overall = compute_kpis(records.contacts, records.answers);
      } else {
        kpis.site = site;
        kpis.overall = compute_kpis(contacts, answers);
      }
      inputs.kpis = &kpis;
      inputs.kpi_period = kpi_period(kpis.site.empty() ? records.contacts : contacts, kpis.site.empty() ? records.answers : answers);
    }
    if (previous) inputs.previous = &previous->card;
    std::vector<ActionFollowUp> follow_ups;
    if (!actions_file_.empty()) {
      follow_ups = follow_up_actions(read_plan(previous->instrument), previous->card, subject->card);
      inputs.follow_ups = &follow_ups;
    }
    if (!peers_.empty()) {
      comparison = compare_with_peers(subject->card, peer_cards);
      inputs.peers = &comparison;
    }
    render::Document document = render::build_report_document(subject->card, report_template, inputs);

    std::string content;
    render::PhotoCache photos;  // a photo that cannot be read is a warning below, not a failure
    if (format == "pdf") {
      render::PdfOptions options;
      options.photos = &photos;
      options.paper = paper_ == "letter" ? render::Paper::Letter : render::Paper::A4;
      options.timestamp = source_date_epoch("report");
      // The journey diagram of `cjb diagram`, laid out by Graphviz and drawn by the report.
      std::optional<diagram::JourneyLayout> journey;
      if (document.find_section("journey") && !subject->card.channels.empty()) {
        journey = diagram::lay_out_journey(diagram::build_journey_graph(subject->card));
        options.journey = &*journey;
      }
      content = render::render_pdf(document, options);
    } else if (format == "html") {
      std::string journey;
      if (document.find_section("journey") && !subject->card.channels.empty())
        journey = diagram::render_journey(diagram::build_journey_graph(subject->card), diagram::DiagramFormat::Svg);
      content = render::render_html(document, report_template.css, journey, &photos);
    } else if (format == "md") {
      render::check_photos(document, photos);
      content = render::render_markdown(document, to_stdout ? "." : fs::path(output_).parent_path().string());
    } else if (format == "svg") {
      content = render::render_svg_summary(document);
    } else {
      content = render::render_report_json(document);
    }
    for (const auto& warning : photos.warnings()) context.err << "cjb report: warning: " << warning << "\n";
    write_output(context, output_, content);
    return 0;
  }

 private:
  // The filled plan of --actions-file: a workbook, else CSV (docs/formats.md, action plans).
  std::vector<PlannedAction> read_plan(const Instrument& previous) const {
    std::string bytes = files::read_file(actions_file_);
    std::vector<sheet::Table> tables;
    if (sheet::looks_like_xlsx(bytes)) tables = sheet::read_xlsx(bytes, actions_file_);
    else tables.push_back(sheet::to_table(sheet::read_csv(bytes, actions_file_)));
    return sheet::read_action_plan(tables, actions_file_, previous);
  }

  // --template: a folder holding template.json, else a name under reports/ of the data
  // directory, else under the standard data (so a custom --data-dir keeps the default look).
  // Who the report is from follows the assessment's method (docs/reports.md): a retailer's
  // self-assessment is not dressed as a consultancy's audit. --template overrides.
  std::string template_for(const Assessment& assessment) const {
    if (!template_.empty()) return template_;
    return assessment.meta.method == "self-assessment" ? "self" : "default";
  }

  static render::ReportTemplate load_template(const std::string& data_dir, const std::string& name) {
    return load_report_template(data_dir, name, "report");
  }

  std::string assessment_, output_, format_, previous_, profile_, template_, paper_ = "a4", actions_file_;
  std::vector<std::string> peers_, kpi_exports_;
  int max_actions_ = 30;
  std::string evidence_;  // --evidence: empty for every item
};

}  // namespace

std::unique_ptr<Command> make_report() { return std::make_unique<ReportCommand>(); }

}  // namespace cjb::cli
