// libFuzzer harnesses of the XML readers (issue 14), one binary per file kind, chosen at
// compile time by CJB_FUZZ_KIND: 0 model, 1 checklist, 2 profile, 3 assessment. Each must
// return a value or throw cjb::InputError, nothing else, and never crash. The assessment
// harness also runs the benchmark's fast reader on the same bytes and aborts when the two
// readers disagree: the fast reader must accept only what the full reader accepts, with the
// same values.

#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/checks.h"
#include "core/ids.h"
#include "xml/assessment_scan.h"
#include "xml/files.h"

namespace {

using namespace cjb;

bool same_scope(const Scope& a, const Scope& b) {
  return a.model == b.model && a.profile == b.profile && a.checklists == b.checklists && a.channels == b.channels;
}

void check_agreement(const std::string& text) {
  std::optional<Assessment> full;
  try {
    full = xml::parse_assessment(text, "fuzz.xml");
  } catch (const InputError&) {
  }
  std::string copy = text;
  pugi::xml_document doc;
  std::vector<xml::ScannedResponse> responses;
  std::optional<Assessment> fast = xml::scan_assessment(copy, doc, responses);
  if (!fast) return;  // giving up is always allowed
  // The fast reader leaves response item ids to the instrument's index, which holds only valid
  // ids (cli/batch.cpp gives up on an item it does not find): do the same here.
  for (const auto& r : responses)
    if (id_problem(r.item)) return;
  if (!full) std::abort();  // the fast reader accepted what the full reader refuses
  if (fast->id != full->id || fast->subject.retailer != full->subject.retailer || fast->subject.site != full->subject.site ||
      fast->subject.site_id != full->subject.site_id || fast->subject.tags != full->subject.tags ||
      fast->meta.date != full->meta.date || !same_scope(fast->scope, full->scope) || responses.size() != full->responses.size())
    std::abort();
  for (size_t i = 0; i < responses.size(); ++i) {
    const Response& r = full->responses[i];
    if (responses[i].item != r.item || responses[i].na != r.na || (!r.na && (!r.level || responses[i].level != *r.level)))
      std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  try {
#if CJB_FUZZ_KIND == 0
    cjb::check_model(cjb::xml::parse_model(text, "fuzz.xml"));
#elif CJB_FUZZ_KIND == 1
    cjb::xml::parse_checklist(text, "fuzz.xml");
#elif CJB_FUZZ_KIND == 2
    cjb::xml::parse_profile(text, "fuzz.xml");
#else
    check_agreement(text);
#endif
  } catch (const cjb::InputError&) {
  }
  return 0;
}
