#include "core/profile_extension.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

namespace cjb {

namespace {

template <typename T>
void append(std::vector<T>& to, const std::vector<T>& from) {
  to.insert(to.end(), from.begin(), from.end());
}

// child with parent (already resolved) underneath it.
Profile extended(const Profile& parent, const Profile& child) {
  Profile p = child;
  p.checklists = parent.checklists;
  for (const auto& c : child.checklists)
    if (std::find(p.checklists.begin(), p.checklists.end(), c) == p.checklists.end()) p.checklists.push_back(c);
  if (p.channels.empty()) p.channels = parent.channels;
  if (!p.evidence) p.evidence = parent.evidence;
  p.exclusions = parent.exclusions;
  append(p.exclusions, child.exclusions);
  p.weights = parent.weights;
  append(p.weights, child.weights);
  p.targets = parent.targets;
  append(p.targets, child.targets);
  p.service_standards = parent.service_standards;
  append(p.service_standards, child.service_standards);
  return p;
}

}  // namespace

std::vector<Diagnostic> resolve_extensions(std::vector<Profile>& profiles) {
  std::vector<Diagnostic> problems;
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < profiles.size(); ++i) index.emplace(profiles[i].id, i);
  enum class State { Unresolved, Resolving, Resolved, Failed };
  std::vector<State> state(profiles.size(), State::Unresolved);

  // Depth-first along the extends chain; the chain is kept to name a cycle.
  std::vector<size_t> chain;
  auto resolve = [&](auto&& self, size_t i) -> bool {
    if (state[i] == State::Resolved) return true;
    if (state[i] == State::Failed) return false;
    Profile& p = profiles[i];
    if (p.extends.empty()) {
      state[i] = State::Resolved;
      return true;
    }
    if (state[i] == State::Resolving) {
      // The cycle, told from its first profile in file order, so that it reads the same
      // whichever profile the walk entered it by.
      std::vector<size_t> cycle(std::find(chain.begin(), chain.end(), i), chain.end());
      std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()), cycle.end());
      std::string path;
      for (size_t member : cycle) path += profiles[member].id + " → ";
      path += profiles[cycle.front()].id;
      problems.push_back({profiles[cycle.front()].where, fmt::format("profile '{}' extends itself through {} (expected a chain of "
                                                                     "extends= that ends at a profile extending none)",
                                                                     profiles[cycle.front()].id, path)});
      for (size_t member : cycle) state[member] = State::Failed;
      return false;
    }
    auto parent = index.find(p.extends);
    if (parent == index.end()) {
      std::vector<std::string> known;
      for (const auto& other : profiles)
        if (other.id != p.id) known.push_back(other.id);
      std::sort(known.begin(), known.end());
      std::string list;
      for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
      problems.push_back({p.where, fmt::format("profile '{}' extends unknown profile '{}' (expected one of: {})", p.id, p.extends, list)});
      state[i] = State::Failed;
      return false;
    }
    state[i] = State::Resolving;
    chain.push_back(i);
    const bool parent_resolved = self(self, parent->second);
    chain.pop_back();
    if (state[i] == State::Failed) return false;  // part of a cycle found further up
    if (!parent_resolved) {
      state[i] = State::Failed;  // the parent's own problem is reported at the parent
      return false;
    }
    p = extended(profiles[parent->second], p);
    state[i] = State::Resolved;
    return true;
  };
  for (size_t i = 0; i < profiles.size(); ++i) resolve(resolve, i);
  return problems;
}

}  // namespace cjb
