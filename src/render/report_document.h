#pragma once
// The report as a document: sections of headings, paragraphs, tables, key figures and chart
// data, built from a scorecard by one pure step (build_report_document). Every renderer (PDF,
// HTML, Markdown, SVG, JSON) draws this same document, so the formats cannot disagree.
//
// Text here is plain, as the user or the model wrote it; each renderer escapes it for its
// own target (HTML/SVG entities, Markdown, pango text).

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/action_plan.h"
#include "core/catalog.h"
#include "core/peers.h"
#include "core/scoring.h"
#include "render/align.h"
#include "render/kpi_report.h"
#include "render/report_template.h"

struct _cairo;  // cairo_t, for PdfDrawing

namespace cjb::render {

// A photo shown with a finding (docs/formats.md, assessments); renderers load it through
// render/photo.h.
struct PhotoRef {
  std::string path;     // where to read it: the file resolved against the assessment's folder
  std::string file;     // as written in the assessment
  std::string caption;  // may be empty
  std::string item;     // the item it is evidence for, for warnings
};

struct Cell {
  std::string text;
  std::string fill;  // background "#RRGGBB"; empty: none
  std::string ink;   // text colour "#RRGGBB"; empty: the body colour
  bool bold = false;
  int indent = 0;  // nesting level (scorecard: layer 0, group 1, channel 2)
  std::string detail;  // a second, smaller line in the muted colour (where an item belongs)
  std::vector<PhotoRef> photos = {};  // drawn under the text: thumbnails, inline images or links
};

// A cell of plain text.
inline Cell text_cell(std::string text, bool bold = false) {
  Cell cell;
  cell.text = std::move(text);
  cell.bold = bold;
  return cell;
}

struct Table {
  std::vector<std::string> header;
  std::vector<Align> align;     // one per column
  std::vector<double> widths;   // relative column widths, one per column
  std::vector<std::vector<Cell>> rows;
  std::vector<bool> emphasised;  // per row: a heading row (layer rows of the scorecard)
};

struct Heading {
  std::string text;
  int level = 2;  // 2 under a section title, 3 below that
};

struct Paragraph {
  std::string text;
  bool muted = false;  // a caption or note
};

struct BulletList {
  std::vector<std::string> items;
};

struct KeyFigure {
  std::string label;   // "Overall"
  std::string value;   // "57.2"
  std::string detail;  // "Developing · target 75.0"
  std::string colour;  // band colour, "#RRGGBB"; empty for none
};

struct KeyFigures {
  std::vector<KeyFigure> figures;
};

struct ChartSeries {
  std::string label;   // "Score", "Target", "Peer median"
  std::string colour;  // "#RRGGBB"
  std::vector<std::optional<double>> values;  // one per axis, 0–100; null: not scored
  bool filled = false;  // drawn as a translucent area
  bool dashed = false;
};

// Groups around a circle; values 0–100 from the centre out.
struct RadarChart {
  std::string caption;
  std::vector<std::string> axes;  // group labels
  std::vector<ChartSeries> series;
};

struct Bar {
  std::string label;
  double value = 0;
  std::string value_text;  // as printed at the end of the bar
  std::string colour;
};

// Horizontal bars, longest first as given.
struct BarChart {
  std::string caption;
  std::string unit;  // "points"
  double max = 100;
  std::vector<Bar> bars;
};

struct JourneyCell {
  std::optional<double> score;
  std::string text;    // "62.5", "–"
  std::string fill;    // band colour or a grey for "not scored"
  std::string ink;     // text colour that reads on fill
  bool critical = false;  // a critical failure in this section
  bool in_scope = true;   // false: the touchpoint does not exist in this channel
};

struct JourneyLane {
  std::string channel;  // channel id
  std::string label;    // "In store"
  std::vector<JourneyCell> cells;  // one per touchpoint
};

// Touchpoints in journey order, one lane per channel, cells coloured by band: the heatmap
// that HTML, SVG and Markdown draw, and the PDF draws when no Graphviz layout is given.
struct JourneyMap {
  std::string caption;
  std::vector<std::string> touchpoints;  // group ids in journey order
  std::vector<std::string> labels;       // their labels
  std::vector<JourneyLane> lanes;
  std::vector<std::string> transitions;  // "Researches online, visits the store: Background research (Online) → …"
};

struct LegendEntry {
  std::string label;   // "Established"
  std::string range;   // "60–75"
  std::string colour;
};

struct BandLegend {
  std::vector<LegendEntry> entries;
};

// A figure whose maker draws it (the chain heat map and box plots of `cjb benchmark`): the PDF
// asks it for parts, each drawn whole on one page, so that a heat map of 200 sites runs over
// pages with its column heads on every one. Text is plain text (pango, never markup).
class PdfDrawing {
 public:
  virtual ~PdfDrawing() = default;
  struct Part {
    double height = 0;
    bool own_page = false;  // starts a page of its own (a region of the heat map)
  };
  // The parts when drawn width points wide on pages page_height points tall, in order.
  virtual std::vector<Part> parts(double width, double page_height) const = 0;
  // Draws part with its top left corner at (x, y); style gives the fonts and colours.
  virtual void draw(size_t part, _cairo* cr, const ReportStyle& style, double x, double y, double width, double page_height) const = 0;
};

struct DrawnFigure {
  std::string caption;
  std::string svg;  // HTML: the figure as inline SVG, user text escaped
  std::shared_ptr<const PdfDrawing> pdf;  // PDF: the figure as vectors; nullptr: left out
};

using Block = std::variant<Heading, Paragraph, BulletList, Table, KeyFigures, RadarChart, BarChart, JourneyMap, BandLegend, DrawnFigure>;

struct Section {
  std::string id;     // report_section_ids()
  std::string title;
  std::vector<Block> blocks;
};

struct CoverFact {
  std::string label, value;
};

struct Cover {
  std::string kicker;   // "Customer service gap report"
  std::string title;    // the retailer
  std::string subtitle; // the site
  std::vector<CoverFact> facts;  // date, assessor, method, sector, scope …
  std::string score;    // overall as printed
  std::string band;     // band label
  std::string band_colour;
  std::string band_ink;
  std::string target_line;  // "Target 75.0 · gap 17.8 points"
  std::string note;     // "Prepared for … Confidential."
};

struct Document {
  std::string title;        // "Customer service gap report — Mini & Co, High Street"
  std::string language = "en";
  std::string consultancy;  // from the template
  std::string author;       // who the report is from (the template's author, placeholders filled)
  std::string logo_text;
  std::string tagline;
  std::string header_text;  // running header: retailer · site · date
  std::string footer_text;  // running footer, before the page number
  ReportStyle style;
  Cover cover;
  std::vector<Section> sections;  // template order; the cover is a section without blocks
  std::vector<LegendEntry> bands; // the model's bands, ascending
  // Lines the one-page SVG prints above its legend, where there is no room for sections: the
  // earlier plan counted (with --actions-file), then each waiver. Empty when there are neither.
  std::vector<std::string> footnotes;

  const Section* find_section(const std::string& id) const;
};

// What a report is built from besides the subject's scorecard.
struct ReportInputs {
  const Scorecard* previous = nullptr;      // --previous: the earlier assessment of the site
  const PeerComparison* peers = nullptr;    // --peers: the subject against its peers
  // Rows in the action plan, largest impact first; the rest are counted in a note under it. A
  // plan of 170 rows is an inventory, not a plan. 0: every action. Default 30.
  int max_actions = 30;
  // --kpi: service KPIs from the retailer's exports, shown in the "kpis" section (which is left
  // out of the report when this is nullptr, the default).
  const KpiReport* kpis = nullptr;
  // --actions-file: the earlier plan followed up (core/action_plan.h), shown in the "follow-up"
  // section (left out when nullptr, the default; placed before the action plan when the
  // template does not list it).
  const std::vector<ActionFollowUp>* follow_ups = nullptr;
  // The months the KPI records span ("records of 2026-03 to 2026-04"); empty when unknown (default).
  std::string kpi_period;
};

// The whole report. The scorecard, its instrument and model must outlive the call only.
Document build_report_document(const Scorecard& card, const ReportTemplate& report_template,
                               const ReportInputs& inputs = {});

// Pieces exposed for the renderers and tests.

// "#1A1A1A" or "#FFFFFF", whichever reads better on a "#RRGGBB" background.
std::string ink_on(const std::string& background);
// Signed change as printed: "+4.2", "−1.0", "0.0"; "–" when either side is null.
std::string change_text(std::optional<double> now, std::optional<double> before);
// Replaces {retailer}, {site}, {date}, {consultancy} in text with plain values.
std::string fill_placeholders(const std::string& text, const Assessment& assessment, const std::string& consultancy);

}  // namespace cjb::render
