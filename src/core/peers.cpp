#include "core/peers.h"

#include "core/statistics.h"

namespace cjb {

PeerFigure compare_with_peers(std::optional<double> subject, const std::vector<std::optional<double>>& peer_scores) {
  std::vector<double> present;
  for (const auto& s : peer_scores)
    if (s) present.push_back(*s);
  PeerFigure figure;
  figure.peers = static_cast<int>(present.size());
  figure.median = percentile(present, 50);
  if (subject) figure.percentile_rank = percentile_rank(present, *subject);
  return figure;
}

const PeerFigure* PeerComparison::find_layer(const std::string& id) const {
  auto it = layers.find(id);
  return it == layers.end() ? nullptr : &it->second;
}

const PeerFigure* PeerComparison::find_group(const std::string& id) const {
  auto it = groups.find(id);
  return it == groups.end() ? nullptr : &it->second;
}

PeerComparison compare_with_peers(const Scorecard& subject, const std::vector<const Scorecard*>& peers) {
  PeerComparison comparison;
  comparison.peers = static_cast<int>(peers.size());
  std::vector<std::optional<double>> scores;
  for (const Scorecard* peer : peers) scores.push_back(peer->overall.score);
  comparison.overall = compare_with_peers(subject.overall.score, scores);
  for (const auto& layer : subject.layers) {
    scores.clear();
    for (const Scorecard* peer : peers)
      if (const LayerResult* found = peer->find_layer(layer.id)) scores.push_back(found->figure.score);
    comparison.layers[layer.id] = compare_with_peers(layer.figure.score, scores);
  }
  for (const auto& group : subject.groups) {
    scores.clear();
    for (const Scorecard* peer : peers)
      if (const GroupResult* found = peer->find_group(group.id)) scores.push_back(found->figure.score);
    comparison.groups[group.id] = compare_with_peers(group.figure.score, scores);
  }
  return comparison;
}

}  // namespace cjb
