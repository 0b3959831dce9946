#pragma once
// Profiles that extend another (extends="grocery", docs/formats.md): a client's profile takes a
// standard one and leaves out more, weighs and targets differently, or adds its own checklist.

#include <vector>

#include "core/profile.h"

namespace cjb {

// Replaces each extending profile by the whole of what it means, in place: its ancestors'
// checklists then its own (once each), its own channels and evidence when it sets them (else
// the parent's), and the parent's exclusions, weights, targets and service standards followed
// by its own — later overrides win, so its own values override the parent's. Returns a
// diagnostic at the profile for an unknown parent (with the known ids) and one for each cycle
// of extension (at its first profile in order); those profiles are left as they were read.
std::vector<Diagnostic> resolve_extensions(std::vector<Profile>& profiles);

}  // namespace cjb
