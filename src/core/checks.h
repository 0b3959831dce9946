#pragma once
// Meaning checks of the loaded files: what an XSD cannot say (references, orders, uniqueness).
// Each returns every problem found; an empty vector means valid.

#include <vector>

#include "core/catalog.h"

namespace cjb {

// Fixed layer ids, scales numbered 0..max, bands ascending with #RRGGBB colours, weights > 0,
// groups' channels and transitions referring to what exists.
std::vector<Diagnostic> check_model(const Model& model);

// Groups, channels, scales and drivers that exist in the model; one level per scale value;
// weights > 0. Duplicate ids are check_unique_ids' job.
std::vector<Diagnostic> check_checklist(const Model& model, const Checklist& checklist);

// Checklists, channels, groups and items that exist; weights > 0.
std::vector<Diagnostic> check_profile(const Catalog& catalog, const Profile& profile);

// Ids unique across everything loaded: checklists, profiles and items.
std::vector<Diagnostic> check_unique_ids(const Catalog& catalog);

}  // namespace cjb
