#pragma once
// Reading a retailer's CSV exports for `cjb kpi` (docs/kpi.md), in one pass of any size: each
// row becomes a Contact or SurveyAnswer handed to a sink, and is then forgotten.
//
// The layout — which column holds which field, in which unit and words — is cjb's own
// (contacts: id, opened, …; surveys: id, date, csat, nps, …), a shipped help-desk layout
// recognised from the header, or the one given with --map (kpi/layout.h).
//
// Times: "YYYY-MM-DD HH:MM[:SS]" (a T instead of the space if you like), optionally followed by
// Z or an offset (+01:00, +0100, " +0100"); a survey's date may be a plain YYYY-MM-DD. A time
// with Z or an offset is an instant; one without is a wall-clock time in --tz, or (without
// --tz) taken as written, all on one clock.
//
// Bad rows — a time or number that does not read, a missing or repeated id, a response before
// the contact was opened, a score off its scale, a control character, invalid UTF-8, too many
// fields — are counted and skipped: the first `show` problems are kept with their file:line:col
// and the rest counted by kind. With strict, the first bad row throws. A header that is no
// known layout, or lacks a required column, always throws.

#include <cstdint>
#include <cstdio>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/kpi.h"
#include "kpi/layout.h"
#include "kpi/time_zone.h"

namespace cjb::kpi {

struct ReadOptions {
  const Layout* layout = nullptr;                // --map; nullptr: recognise from the header
  const std::vector<Layout>* shipped = nullptr;  // layouts to recognise (kpi-layouts/), or none
  const TimeZone* tz = nullptr;                  // --tz; nullptr: times as written
  bool business_hours = false;                   // use the business-hours durations
  bool strict = false;                           // stop at the first bad row
  size_t show = 20;                              // problems kept with their place
  std::function<void(uint64_t bytes)> progress;  // now and then, bytes read so far
};

struct RecordSink {
  std::function<void(const Contact&)> contact;
  std::function<void(const SurveyAnswer&)> answer;
};

// What was read from one export.
struct ExportSummary {
  std::string file;
  ExportKind kind = ExportKind::Contacts;
  std::string layout;             // the layout's name
  std::string layout_source;      // its file, "" for cjb's own
  int64_t records = 0;            // rows used
  int64_t answers = 0;            // survey answers (also from tickets that carry a rating)
  int64_t bad_rows = 0;           // rows skipped
  std::vector<Diagnostic> shown;  // the first problems
  std::map<std::string, int64_t> more;  // the others, counted by kind
};

// Reads the file at path (Error when it cannot be opened) or text named name.
ExportSummary read_kpi_file(const std::string& path, const ReadOptions& options, const RecordSink& sink);
ExportSummary read_kpi_text(std::string_view text, const std::string& name, const ReadOptions& options, const RecordSink& sink);

// For small inputs and tests: everything of text in memory; throws InputError with every
// problem when any row is bad.
struct KpiExport {
  ExportKind kind = ExportKind::Contacts;
  std::vector<Contact> contacts;
  std::vector<SurveyAnswer> answers;
};
KpiExport read_kpi_export(const std::string& text, const std::string& name, const ReadOptions& options = {});

// "3 more problems: 2 bad time, 1 repeated id" — the line after the shown problems; "" when
// there are none.
std::string more_problems_line(const ExportSummary& summary);

}  // namespace cjb::kpi
