#pragma once
// Export layouts (docs/kpi.md, "Layouts"): how an export's columns, units and words map onto
// cjb's fields. cjb's own layouts are built in; the layouts of help desks' ticket exports
// (Zendesk, Freshdesk) are shipped as files in the data directory's kpi-layouts/ folder, and a
// user may write one for any other export and pass it with --map.
//
// A layout file is UTF-8 text, one directive a line, '#' starts a comment:
//
//   layout NAME                      the name cjb reports ("Zendesk")
//   kind contacts|surveys
//   detect HEADER | HEADER ...       a header with all of these is recognised as this layout
//   column FIELD = HEADER | HEADER   the columns that hold FIELD, first present wins
//   unit FIELD = minutes|hours|seconds|hms   how a duration is written (hms: H:MM:SS or H:MM)
//   value FIELD WORDS = VALUE        a word the export uses for a value ("-": not known)
//
// Headers and words match without regard to case, surrounding blanks, repeated blanks or '_'
// versus space.

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace cjb::kpi {

enum class ExportKind { Contacts, Surveys };

enum class Field {
  Id, Opened, Date, Site, Retailer, Channel, Priority, FirstResponse, Resolved, FirstResponseMinutes, ResolutionMinutes,
  FirstResponseBusinessMinutes, ResolutionBusinessMinutes, Contacts, HandlingMinutes, Idle, Csat, Nps,
};
inline constexpr size_t kFieldCount = static_cast<size_t>(Field::Nps) + 1;

// cjb's name of a field ("first_response_minutes"), and back.
std::string_view field_name(Field f);
std::optional<Field> field_named(std::string_view name);

enum class Unit { Minutes, Hours, Seconds, Hms };

struct Layout {
  std::string name;    // "cjb contacts", "Zendesk", …
  std::string source;  // the file it was read from, "" when built in
  ExportKind kind = ExportKind::Contacts;
  std::vector<std::string> detect;  // normalised header names
  std::array<std::vector<std::string>, kFieldCount> headers;  // normalised, per field
  std::array<Unit, kFieldCount> units{};                       // per duration field
  std::array<std::map<std::string, std::string>, kFieldCount> values;  // normalised word → value
  bool builtin() const { return source.empty(); }
};

// Lower case (ASCII), blanks trimmed, runs of blanks and '_' made one space.
std::string normalised(std::string_view text);

// cjb's own layouts (docs/kpi.md, "The exports").
const Layout& cjb_contacts_layout();
const Layout& cjb_surveys_layout();

// Parses a layout file's text named name. Throws InputError with every problem at line:col.
Layout parse_layout(std::string_view text, const std::string& name);

// The layouts in folder (every *.layout, by file name); none when it does not exist.
std::vector<Layout> load_layouts(const std::string& folder);

}  // namespace cjb::kpi
