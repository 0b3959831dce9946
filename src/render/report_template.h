#pragma once
// Report templates: what a consultancy changes to brand its reports without rebuilding —
// section order and titles, fixed texts, colours, fonts, cover wording, name and logo text.
// A template is a folder under reports/ holding template.json (parsed here) and style.css
// (the HTML renderer's style sheet, read as it is). docs/reports.md describes the format.

#include <map>
#include <string>
#include <vector>

namespace cjb::render {

// The sections a report can hold, by id: cover, summary, scorecard, charts, journey, drivers,
// kpis (with --kpi), follow-up (the earlier plan, with --actions-file), actions, waivers (when
// the assessment has any), appendix.
const std::vector<std::string>& report_section_ids();

struct SectionSpec {
  std::string id;     // one of report_section_ids()
  std::string title;  // heading shown in the report and its table of contents
  std::string intro;  // fixed text under the heading (may be empty)
};

struct ReportStyle {
  std::string body_font = "DejaVu Sans";
  std::string heading_font = "DejaVu Sans";
  double body_size = 9.5;  // points
  // Colours "#RRGGBB" by role: primary (headings, cover), accent, ink (text), muted (captions),
  // rule (lines), header_fill / header_ink (table header row), stripe (alternate rows),
  // cover_fill / cover_ink (the cover band), target (target line in charts), peer (peer median).
  std::map<std::string, std::string> colours;

  const std::string& colour(const std::string& role) const;  // falls back to ink, then black
};

struct ReportTemplate {
  std::string id;     // folder name or path it came from
  std::string title;  // "Customer service gap report"
  std::string consultancy;  // "Meridian Retail Advisory"
  std::string logo_text;    // short mark drawn on the cover and in page headers
  std::string tagline;
  // Who the report is from, named on the cover and as the PDF's author: "{consultancy}" (the
  // default) for a consultancy's audit, "{retailer}" for a self-assessment (reports/self).
  std::string author = "{consultancy}";
  ReportStyle style;
  std::vector<SectionSpec> sections;  // in report order; a section not listed is left out
  // Fixed texts by key (see docs/reports.md); "{retailer}", "{site}", "{date}", "{consultancy}"
  // are replaced by the assessment's values (as plain text, never markup).
  std::map<std::string, std::string> texts;
  std::string css;  // style.css of the template folder (HTML only); empty when absent

  const SectionSpec* find_section(const std::string& id) const;
  // The fixed text for key, or fallback when the template does not set it.
  std::string text(const std::string& key, const std::string& fallback = "") const;
};

// Parses template.json text; name is the path used in messages. Throws InputError with
// file:line:col for malformed JSON, unknown section ids, colours that are not #RRGGBB and
// missing required fields (title, sections).
ReportTemplate parse_template(const std::string& text, const std::string& name);

}  // namespace cjb::render
