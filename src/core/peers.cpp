#include "core/peers.h"

#include <fmt/format.h>

#include "core/statistics.h"
#include "util/text.h"

namespace cjb {

std::string scope_key(const Instrument& instrument) {
  std::string key = instrument.profile ? "profile:" + instrument.profile->id : "checklists:" + text::join(instrument.checklists, ",");
  return key + "|channels:" + text::join(instrument.channels, ",");
}

std::string scope_label(const Instrument& instrument) {
  std::string what = instrument.profile ? "profile " + instrument.profile->id : "checklists " + text::join(instrument.checklists, ", ");
  return what + " (" + text::join(instrument.channels, ", ") + ")";
}

std::string PeerSelection::note() const {
  std::vector<std::string> parts;
  if (own_site > 0) parts.push_back(fmt::format("{} visit{} of the subject's own site", own_site, own_site == 1 ? "" : "s"));
  if (other_scope > 0)
    parts.push_back(fmt::format("{} assessment{} of another scope", other_scope, other_scope == 1 ? "" : "s"));
  if (parts.empty()) return {};
  return text::join(parts, " and ") + " left out";
}

PeerSelection select_peers(const PeerKey& subject, const std::vector<PeerKey>& candidates) {
  PeerSelection selection;
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (candidates[i].site == subject.site) ++selection.own_site;
    else if (candidates[i].scope != subject.scope) ++selection.other_scope;
    else selection.peers.push_back(i);
  }
  return selection;
}

std::optional<double> peer_rank(const std::vector<double>& peer_values, double subject) {
  if (static_cast<int>(peer_values.size()) < kMinPeersToRank) return std::nullopt;
  return percentile_rank(peer_values, subject);
}

std::string peer_rank_text(int peers, std::optional<double> rank, bool has_score) {
  if (!has_score) return "–";
  if (peers == 0) return "no peers";
  if (peers < kMinPeersToRank) return fmt::format("too few peers to rank (n = {})", peers);
  return rank ? fmt::format("{:.0f}%", *rank) : "–";
}

PeerFigure compare_with_peers(std::optional<double> subject, const std::vector<std::optional<double>>& peer_scores) {
  std::vector<double> present;
  for (const auto& s : peer_scores)
    if (s) present.push_back(*s);
  PeerFigure figure;
  figure.peers = static_cast<int>(present.size());
  figure.median = percentile(present, 50);
  if (subject) figure.percentile_rank = peer_rank(present, *subject);
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

PeerKey peer_key(const Scorecard& card) {
  const Subject& who = card.assessment->subject;
  return {who.site_identity(), scope_key(*card.instrument)};
}

PeerComparison compare_with_peers(const Scorecard& subject, const std::vector<const Scorecard*>& candidates) {
  PeerComparison comparison;
  std::vector<PeerKey> keys;
  for (const Scorecard* c : candidates) keys.push_back(peer_key(*c));
  comparison.selection = select_peers(peer_key(subject), keys);
  std::vector<const Scorecard*> peers;
  for (size_t i : comparison.selection.peers) peers.push_back(candidates[i]);
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
