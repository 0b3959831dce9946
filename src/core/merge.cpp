#include "core/merge.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

namespace cjb {

namespace {

std::vector<std::string> sorted(std::vector<std::string> list) {
  std::sort(list.begin(), list.end());
  list.erase(std::unique(list.begin(), list.end()), list.end());
  return list;
}

std::string words(const std::vector<std::string>& list) {
  std::string text;
  for (const auto& w : list) text += (text.empty() ? "" : " ") + w;
  return text.empty() ? "(none)" : text;
}

}  // namespace

std::optional<Diagnostic> site_or_scope_difference(const Assessment& first, const Assessment& part, const std::string& expected) {
  const std::string& name = first.where.file;
  auto site_of = [](const Assessment& a) { return fmt::format("'{}' of '{}'", a.subject.site, a.subject.retailer); };
  if (part.subject.site_identity() != first.subject.site_identity() || part.subject.site != first.subject.site)
    return Diagnostic{part.where, fmt::format("this is site {}, but {} is site {} (expected {} of the same site)",
                                              site_of(part), name, site_of(first), expected)};
  auto scope_problem = [&](const char* what, const std::string& mine, const std::string& theirs) {
    return Diagnostic{part.scope.where, fmt::format("its scope has {} {}, but {} has {} {} (expected {} of the same scope)",
                                                    what, mine, name, what, theirs, expected)};
  };
  if (part.scope.model != first.scope.model) return scope_problem("model", part.scope.model, first.scope.model);
  if (part.scope.profile != first.scope.profile)
    return scope_problem("profile", part.scope.profile.empty() ? "(none)" : part.scope.profile,
                         first.scope.profile.empty() ? "(none)" : first.scope.profile);
  if (sorted(part.scope.checklists) != sorted(first.scope.checklists))
    return scope_problem("checklists", words(sorted(part.scope.checklists)), words(sorted(first.scope.checklists)));
  if (sorted(part.scope.channels) != sorted(first.scope.channels))
    return scope_problem("channels", words(sorted(part.scope.channels)), words(sorted(first.scope.channels)));
  return std::nullopt;
}

namespace {

// A waiver is an answer of its own: alike only when the other side holds the same waiver.
bool same_waiver(const std::optional<Waiver>& a, const std::optional<Waiver>& b) {
  if (!a || !b) return !a && !b;
  return a->by == b->by && a->date == b->date && a->expires == b->expires && a->justification == b->justification;
}

bool same_answer(const Response& a, const Response& b) { return a.na == b.na && a.level == b.level && same_waiver(a.waiver, b.waiver); }

// Adds text to joined unless it is empty or already there.
void join_distinct(std::string& joined, const std::string& text, const char* separator) {
  if (text.empty() || joined.find(text) != std::string::npos) return;
  joined = joined.empty() ? text : joined + separator + text;
}

// The response the merged assessment keeps for answers given alike.
Response combined(const std::vector<ConflictingAnswer>& answers) {
  Response r = *answers.front().response;
  for (size_t i = 1; i < answers.size(); ++i) {
    const Response& other = *answers[i].response;
    join_distinct(r.note, other.note, " / ");
    join_distinct(r.evidence, other.evidence, " / ");
    for (const auto& photo : other.photos)
      if (std::none_of(r.photos.begin(), r.photos.end(), [&](const Photo& p) { return p.file == photo.file; })) r.photos.push_back(photo);
  }
  return r;
}

}  // namespace

std::string describe_answer(const Response& response) {
  if (response.na) return "N/A";
  if (response.waiver) return fmt::format("waived by {} until {}", response.waiver->by, response.waiver->expires);
  return response.level ? fmt::format("level {}", *response.level) : "no answer";
}

MergeResult merge_assessments(const std::vector<Assessment>& parts, std::optional<size_t> preferred) {
  std::vector<Diagnostic> problems;
  for (size_t i = 1; i < parts.size(); ++i)
    if (auto d = site_or_scope_difference(parts.front(), parts[i], "partial assessments")) problems.push_back(*d);
  if (!problems.empty()) throw InputError(std::move(problems));

  MergeResult result;
  Assessment& merged = result.merged;
  merged = parts.front();
  merged.responses.clear();
  std::vector<std::string> order;
  std::map<std::string, std::vector<ConflictingAnswer>> answers;
  std::vector<std::string> assessors;
  for (size_t p = 0; p < parts.size(); ++p) {
    const std::string& assessor = parts[p].meta.assessor;
    if (!assessor.empty() && std::find(assessors.begin(), assessors.end(), assessor) == assessors.end()) assessors.push_back(assessor);
    for (const auto& r : parts[p].responses) {
      auto& list = answers[r.item];
      if (list.empty()) order.push_back(r.item);
      list.push_back({p, &r});
    }
  }
  merged.meta.assessor.clear();
  for (const auto& a : assessors) merged.meta.assessor += (merged.meta.assessor.empty() ? "" : ", ") + a;
  for (const auto& item : order) {
    const auto& list = answers[item];
    const Response& first = *list.front().response;
    if (std::all_of(list.begin(), list.end(), [&](const ConflictingAnswer& a) { return same_answer(*a.response, first); })) {
      merged.responses.push_back(combined(list));
      continue;
    }
    auto winner = std::find_if(list.begin(), list.end(), [&](const ConflictingAnswer& a) { return preferred && a.part == *preferred; });
    if (winner == list.end()) {
      result.conflicts.push_back({item, list});
      continue;
    }
    merged.responses.push_back(*winner->response);
    result.settled.push_back({item, list});
  }
  return result;
}

}  // namespace cjb
