#pragma once
// The fast reader behind `cjb benchmark`: what scoring needs of an assessment file (id,
// subject, date, scope, and each response's item and level), read with a reused pugixml
// document parsed in place, with no locations, notes or evidence kept.
//
// It accepts only files that parse_assessment accepts too, and reads them to the same values:
// anything unusual (a problem, but also anything it does not know, such as an xmlns
// attribute) makes it give up and return nullopt, and the caller then runs the full reader,
// which says exactly what is wrong with file:line:col, or reads the file after all.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "core/assessment.h"

namespace cjb::xml {

// One response as the scan saw it. item points into the parsed text: valid until text or doc
// change.
struct ScannedResponse {
  std::string_view item;  // trimmed
  int level = 0;          // when not na
  bool na = false;
};

// The responses between <responses> and </responses>, read straight from the text (no
// document), in the forms cjb and its generators write: <response item="ID" level="N" /> or
// na="true", attributes in double quotes without '&', '<' or line breaks, optionally holding
// <note> and <evidence> text. False, and out unspecified, on anything else: scan_assessment
// then parses the whole file with pugixml. The views in out point into text.
bool read_written_responses(std::string_view text, std::vector<ScannedResponse>& out);

// text is the file's content and is modified (parsed in place); doc and responses are reused
// between calls by one thread. Fills responses (file order) and returns the assessment's id,
// subject, meta and scope (its responses left empty); nullopt to give up.
std::optional<Assessment> scan_assessment(std::string& text, pugi::xml_document& doc, std::vector<ScannedResponse>& responses);

}  // namespace cjb::xml
