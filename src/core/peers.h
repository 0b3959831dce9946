#pragma once
// A subject's scores against its peers: the peer median and the subject's percentile rank,
// per overall score, layer and group (BRIEF §4: type-7 percentiles, mid-rank percentile rank).
// Pure computation on scorecards; shared by `cjb report --peers` and `cjb benchmark`.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/scoring.h"

namespace cjb {

struct PeerFigure {
  int peers = 0;                           // peers with a score here (null scores left out)
  std::optional<double> median;            // of the peers' scores; null without peers
  std::optional<double> percentile_rank;   // of the subject among the peers; null without
                                           // peers or without a subject score
};

// The median of the peers' present scores and the subject's percentile rank among them.
PeerFigure compare_with_peers(std::optional<double> subject, const std::vector<std::optional<double>>& peer_scores);

struct PeerComparison {
  int peers = 0;  // scorecards compared with
  PeerFigure overall;
  std::map<std::string, PeerFigure> layers;  // by layer id: every layer of the subject
  std::map<std::string, PeerFigure> groups;  // by group id: every group of the subject

  const PeerFigure* find_layer(const std::string& id) const;
  const PeerFigure* find_group(const std::string& id) const;
};

// The subject's overall, layer and group scores against the same figures of each peer. A peer
// without a layer or group (out of its scope) is left out of that comparison.
PeerComparison compare_with_peers(const Scorecard& subject, const std::vector<const Scorecard*>& peers);

}  // namespace cjb
