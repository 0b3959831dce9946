// cjb report: the gap report of one assessment, as PDF, HTML, Markdown, SVG or JSON.

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <ostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/kpi_exports.h"
#include "cli/data.h"
#include "cli/options.h"
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

class ReportCommand : public Command {
 public:
  ReportCommand()
      : Command({"report",
                 "write the gap report of an assessment (PDF, HTML, Markdown, SVG, JSON)",
                 "cjb report ASSESSMENT -o FILE [options]",
                 "  cjb report examples/fashion-independent.xml -o report.pdf\n"
                 "  cjb report site-2026.xml --previous site-2025.xml --peers peers/*.xml -o report.html\n"
                 "  cjb report site.xml --format md --template minimal > report.md\n"
                 "  cjb report site-2026.xml --previous site-2025.xml --actions-file plan-2025.xlsx -o report.pdf"}) {}

  void declare(po::options_description& options, po::positional_options_description& positional) override {
    add_input(options, positional, "assessment", &assessment_, "ASSESSMENT", "the assessment to report on");
    output_.declare(options);
    options.add_options()
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
         "rows in the action plan, largest impact first (0: every action)");
    evidence_.declare(options, "report");
  }

  // The format: --format, else the extension of -o (an unknown one is refused rather than
  // guessed: `-o x.docx` must not quietly write a PDF), else pdf.
  void validate() override {
    output_.validate(name());
    evidence_.validate(name());
    expect_one_of(name(), "paper", paper_, {"a4", "letter"});
    if (!actions_file_.empty() && previous_.empty())
      throw UsageError("report: --actions-file needs --previous OLD (expected the assessment the plan was made from)");
    if (max_actions_ < 0) throw UsageError(fmt::format("report: --actions {} is negative (expected 0 for every action, or how many to list)", max_actions_));
  }

  int run(Context& context) override {
    if (output_.format() == "pdf" && output_.to_stdout() && context.out_is_terminal)
      throw UsageError("report: a PDF is not for a terminal (expected -o FILE or a redirect)");

    std::string data_dir = find_data_dir(data_dir_option());
    Catalog catalog = xml::load_catalog(data_dir);
    ScoringOptions scoring{.evidence = evidence_.kind()};
    auto subject = score_path(catalog, assessment_, profile_, scoring);
    render::ReportTemplate report_template = load_template(data_dir, template_for(subject->assessment));
    Compared compared;
    if (!previous_.empty()) compared.previous = score_path(catalog, previous_, profile_, scoring);
    for (const auto& path : peers_) compared.peers.push_back(score_path(catalog, path, profile_, scoring));
    render::ReportInputs inputs = report_inputs(*subject, compared);
    render::Document document = render::build_report_document(subject->card, report_template, inputs);

    render::PhotoCache photos;  // a photo that cannot be read is a warning below, not a failure
    std::string content = render_document(document, subject->card, report_template, photos);
    for (const auto& warning : photos.warnings()) context.err << "cjb report: warning: " << warning << "\n";
    output_.write(context, content);
    return 0;
  }

 private:
  // What the report is set beside: the earlier visit, the peers, and what is made of them.
  struct Compared {
    std::unique_ptr<pipeline::ScoredAssessment> previous;
    std::vector<std::unique_ptr<pipeline::ScoredAssessment>> peers;
    PeerComparison comparison;
    render::KpiReport kpis;
    std::vector<ActionFollowUp> follow_ups;
  };

  // The report's inputs besides the subject: change since --previous, the peers, the KPIs of
  // --kpi and the outcome of --actions-file; compared holds what they point to.
  render::ReportInputs report_inputs(const pipeline::ScoredAssessment& subject, Compared& compared) const {
    render::ReportInputs inputs;
    inputs.max_actions = max_actions_;
    if (!kpi_exports_.empty()) add_kpis(subject.assessment.subject, compared.kpis, inputs);
    if (compared.previous) inputs.previous = &compared.previous->card;
    if (!actions_file_.empty()) {
      compared.follow_ups = follow_up_actions(read_plan(compared.previous->instrument), compared.previous->card, subject.card);
      inputs.follow_ups = &compared.follow_ups;
    }
    if (!peers_.empty()) {
      std::vector<const Scorecard*> peer_cards;
      for (const auto& peer : compared.peers) peer_cards.push_back(&peer->card);
      compared.comparison = compare_with_peers(subject.card, peer_cards);
      inputs.peers = &compared.comparison;
    }
    return inputs;
  }

  // The Service KPIs section from --kpi. A chain's exports cover every site: when records name
  // this site (its site-id, else its name), only they count; exports of one site without a
  // site column count whole. Records that name another retailer never count (docs/kpi.md).
  void add_kpis(const Subject& who, render::KpiReport& kpis, render::ReportInputs& inputs) const {
    KpiRecords records = read_kpi_exports(kpi_exports_);
    kpis.sources = std::move(records.sources);
    std::erase_if(records.contacts, [&](const Contact& c) { return !of_retailer(c.retailer, who.retailer); });
    std::erase_if(records.answers, [&](const SurveyAnswer& a) { return !of_retailer(a.retailer, who.retailer); });
    const std::string& site = who.site_key();
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

  // The document in the format asked for; photos collects what cannot be read.
  std::string render_document(const render::Document& document, const Scorecard& card, const render::ReportTemplate& report_template,
                              render::PhotoCache& photos) const {
    const std::string& format = output_.format();
    bool journey = document.find_section("journey") && !card.channels.empty();
    if (format == "pdf") {
      render::PdfOptions options;
      options.photos = &photos;
      options.paper = paper_ == "letter" ? render::Paper::Letter : render::Paper::A4;
      options.timestamp = source_date_epoch("report");
      // The journey diagram of `cjb diagram`, laid out by Graphviz and drawn by the report.
      std::optional<diagram::JourneyLayout> layout;
      if (journey) {
        layout = diagram::lay_out_journey(diagram::build_journey_graph(card));
        options.journey = &*layout;
      }
      return render::render_pdf(document, options);
    }
    if (format == "html") {
      std::string svg = journey ? diagram::render_journey(diagram::build_journey_graph(card), diagram::DiagramFormat::Svg) : "";
      return render::render_html(document, report_template.css, svg, &photos);
    }
    if (format == kMarkdown) {
      render::check_photos(document, photos);
      return render::render_markdown(document, output_.to_stdout() ? "." : fs::path(output_.path()).parent_path().string());
    }
    if (format == "svg") return render::render_svg_summary(document);
    return render::render_report_json(document);
  }

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

  std::string assessment_, previous_, profile_, template_, paper_ = "a4", actions_file_;
  OutputOptions output_{{.formats = {{"pdf", nullptr, {".pdf"}},
                                     {"html", nullptr, {".html", ".htm"}},
                                     {"markdown", nullptr, {".md", ".markdown"}},
                                     {"md", nullptr, {}, kMarkdown},
                                     {"svg", nullptr, {".svg"}},
                                     {"json", nullptr, {".json"}}},
                         .default_format = "pdf",
                         .output_help = "write here (default: stdout; a PDF needs -o unless stdout is redirected)",
                         .format_help_tail = "(default: from the -o extension, else pdf)",
                         .refuse_unknown_extension = true,
                         .what = "a report"}};
  std::vector<std::string> peers_, kpi_exports_;
  int max_actions_ = 30;
  EvidenceOption evidence_;  // unset: every item
};

}  // namespace

std::unique_ptr<Command> make_report() { return std::make_unique<ReportCommand>(); }

}  // namespace cjb::cli
