#include "core/blank_assessment.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/ids.h"
#include "util/text.h"

namespace cjb {

namespace {

// The allowed values a message lists: "a, b, c".
std::string join(const std::vector<std::string>& parts) { return text::join(parts, ", "); }

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

// The site's name when none is given says what kind of site it is.
std::string default_site(const std::vector<std::string>& channels) {
  const bool physical = contains(channels, kPhysical);
  const bool online = contains(channels, kOnline);
  return physical && online ? "Store and web shop" : online ? "Web shop" : "Store";
}

}  // namespace

Assessment blank_assessment(const Catalog& catalog, const BlankAssessmentRequest& request) {
  const Model& model = catalog.model;
  Assessment a;
  a.scope.model = model.id;
  const Profile* profile = nullptr;
  if (!request.profile.empty()) {
    profile = catalog.find_profile(request.profile);
    if (!profile) {
      std::vector<std::string> known;
      for (const auto& p : catalog.profiles) known.push_back(p.id);
      throw UsageError(fmt::format("no profile '{}' (expected one of: {})", request.profile, join(known)));
    }
    a.scope.profile = profile->id;
  } else {
    for (const auto& c : catalog.checklists) a.scope.checklists.push_back(c.id);
  }
  std::vector<std::string> known_channels;
  for (const auto& k : model.channels) known_channels.push_back(k.id);
  for (const auto& c : request.channels)
    if (!model.find_channel(c))
      throw UsageError(fmt::format("--channels: no channel '{}' (expected a list of: {})", c, join(known_channels)));
  a.scope.channels = request.channels;
  if (a.scope.channels.empty() && !profile) a.scope.channels = known_channels;

  const std::vector<std::string>& in_scope = a.scope.channels.empty() ? profile->channels : a.scope.channels;
  a.subject.retailer = request.retailer.empty() ? "My shop" : request.retailer;
  a.subject.site = request.site.empty() ? default_site(in_scope) : request.site;
  if (!is_iso_date(request.date)) throw UsageError(fmt::format("--date '{}' is not a date (expected YYYY-MM-DD)", request.date));
  a.meta.date = request.date;
  a.meta.assessor = request.assessor;
  a.meta.method = request.method;
  if (!request.id.empty())
    if (auto problem = id_problem(request.id)) throw UsageError(fmt::format("--id: {}", *problem));
  a.id = request.id.empty() ? default_assessment_id(a.subject, a.meta.date) : request.id;
  return a;
}

}  // namespace cjb
