#pragma once
// An assessment: who was assessed, by whom and when, what was in scope, and the responses.

#include <optional>
#include <string>
#include <vector>

#include "core/error.h"

namespace cjb {

struct Subject {
  std::string retailer;
  std::string site;
  std::string site_id;  // stable id of the site across visits; default: the site name
  std::string sector;
  std::string region;
  std::string format;  // e.g. "independent", "flagship", "convenience"
  std::vector<std::string> tags;

  // The site across visits: its site-id, else its name (docs/formats.md, "subject").
  const std::string& site_key() const { return site_id.empty() ? site : site_id; }
  // The site among every retailer's: retailer and site_key(), so the store "001" of one
  // retailer is never the store "001" of another. What "the same site" means everywhere:
  // peers, the chain view, merge.
  std::string site_identity() const { return retailer + '\n' + site_key(); }

  // Value of a subject field by name ("retailer", "site", "site-id", "sector", "region",
  // "format"); nullopt for an unknown field name.
  std::optional<std::string> field(const std::string& name) const;
};

struct Meta {
  std::string assessor;
  std::string date;    // YYYY-MM-DD
  std::string method;  // "audit", "mystery-shop", "self-assessment", ...
};

struct Scope {
  std::string model;    // model id
  std::string profile;  // profile id, or empty
  std::vector<std::string> checklists;  // checklist ids (used when there is no profile)
  std::vector<std::string> channels;    // journey channels in scope
  Location where;
};

// A photo named by <evidence file="…"> (docs/formats.md, assessments). The path is kept as
// written, relative to the assessment file; adapters resolve and load it.
struct Photo {
  std::string file;
  std::string caption;  // the element's text; may be empty
  Location where;
};

// An item left out of the score on purpose (docs/formats.md, waivers): who approved it, when,
// until when, and why. It stays visible in every report; once expired (expires before the
// assessment's date) the item counts as unanswered again.
struct Waiver {
  std::string by;       // who approved it
  std::string date;     // YYYY-MM-DD, when it was given
  std::string expires;  // YYYY-MM-DD, the last day it holds
  std::string justification;
  Location where;

  // True when the waiver no longer holds on the assessment's date (expires before it).
  bool expired_on(const std::string& assessment_date) const { return expires < assessment_date; }
};

struct Response {
  std::string item;
  std::optional<int> level;  // empty when not applicable
  bool na = false;
  std::string note;
  std::string evidence;  // text of the <evidence> elements without a file
  Location where;
  std::vector<Photo> photos = {};  // <evidence file="…">, in file order
  std::optional<Waiver> waiver = std::nullopt;  // instead of a level (then level is empty, na false)
  // source="measured": the level was set from the retailer's KPIs by `cjb kpi --apply` (the item
  // has a <measure>); else the auditor observed it. observed_level: the auditor's level that the
  // measurement replaced, kept so reports can say where the two disagree.
  bool measured = false;
  std::optional<int> observed_level = {};
};

struct Assessment {
  std::string id;
  Subject subject;
  Meta meta;
  Scope scope;
  std::vector<Response> responses;  // file order
  Location where;

  const Response* find_response(const std::string& item) const;
};

// The id a new assessment gets when none is given: retailer, site and date as lower-case
// letters and digits joined by single hyphens ("Rose & Co", "High St", 2026-03-14 →
// "rose-co-high-st-2026-03-14"); "assessment" when that leaves nothing.
std::string default_assessment_id(const Subject& subject, const std::string& date);

// True if text is a real calendar date written YYYY-MM-DD.
bool is_iso_date(const std::string& text);

}  // namespace cjb
