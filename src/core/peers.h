#pragma once
// Who counts as a subject's peer, and how it stands among them (docs/scoring.md, "Peers"):
// the one rule used by `cjb report --peers`, `cjb benchmark --subject` and the chain view.
//
// * The subject's own site is never its own peer: none of its visits count.
// * Only assessments of the same scope (same profile, or the same checklists, and the same
//   channels) are compared like for like; the others are left out and counted.
// * With fewer than kMinPeersToRank peers there is no percentile rank ("too few peers to
//   rank (n = 3)"); the peer median is still given.
// Pure computation on scorecards; type-7 percentiles, mid-rank percentile rank.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/scoring.h"

namespace cjb {

// Below this many peers a percentile rank says more about chance than about the subject.
inline constexpr int kMinPeersToRank = 5;

// The scope an instrument measures, as a key equal for assessments that can be compared like
// for like: "profile:P|channels:a,b" or "checklists:x,y|channels:a,b" (ids in model order as
// the instrument holds them).
std::string scope_key(const Instrument& instrument);
// The same scope for people: "profile omnichannel-chain (physical, web)".
std::string scope_label(const Instrument& instrument);

// What the peer rule needs to know of an assessment.
struct PeerKey {
  std::string site;   // Subject::site_identity(): retailer and site-id (else the site name)
  std::string scope;  // scope_key of its instrument
};

struct PeerSelection {
  std::vector<size_t> peers;  // indices into the candidates, in their order
  int own_site = 0;           // candidates left out: visits of the subject's own site
  int other_scope = 0;        // candidates left out: another scope (not like for like)

  // "2 visits of the subject's own site and 3 assessments of another scope left out", or ""
  // when nothing was left out.
  std::string note() const;
};

// The candidates that count as the subject's peers, and how many were left out and why (a
// candidate of the own site is counted there, whatever its scope).
PeerSelection select_peers(const PeerKey& subject, const std::vector<PeerKey>& candidates);

// The subject's percentile rank among the peers' values (mid-rank, docs/scoring.md), or null with
// fewer than kMinPeersToRank values.
std::optional<double> peer_rank(const std::vector<double>& peer_values, double subject);

// How a rank reads in every human format: "37%", "too few peers to rank (n = 3)", or "no
// peers" / "–" (no subject score).
std::string peer_rank_text(int peers, std::optional<double> rank, bool has_score = true);

struct PeerFigure {
  int peers = 0;                           // peers with a score here (null scores left out)
  std::optional<double> median;            // of the peers' scores; null without peers
  std::optional<double> percentile_rank;   // of the subject among the peers; null without a
                                           // subject score or with fewer than kMinPeersToRank
};

// The median of the peers' present scores and the subject's percentile rank among them.
PeerFigure compare_with_peers(std::optional<double> subject, const std::vector<std::optional<double>>& peer_scores);

struct PeerComparison {
  int peers = 0;  // scorecards compared with (after the peer rule)
  PeerSelection selection;  // which candidates counted, and the note on those left out
  PeerFigure overall;
  std::map<std::string, PeerFigure> layers;  // by layer id: every layer of the subject
  std::map<std::string, PeerFigure> groups;  // by group id: every group of the subject

  const PeerFigure* find_layer(const std::string& id) const;
  const PeerFigure* find_group(const std::string& id) const;
};

// The peer key of a scored assessment (its site and its instrument's scope).
PeerKey peer_key(const Scorecard& card);

// The subject's overall, layer and group scores against the candidates the peer rule keeps.
PeerComparison compare_with_peers(const Scorecard& subject, const std::vector<const Scorecard*>& candidates);

}  // namespace cjb
