// Targets cascade overall → layer → group, each taking the most specific value set for it.

#include <gtest/gtest.h>

#include "core/catalog.h"
#include "core/worked_example.h"

namespace cjb {
namespace {

Profile profile_with(std::vector<Override> targets) {
  Profile p;
  p.id = "tailored";
  p.model = "example";
  p.checklists = {"example"};
  p.channels = {"physical", "online"};
  p.targets = std::move(targets);
  return p;
}

TEST(Targets, ModelDefaultsWithoutAProfile) {
  Catalog catalog = test::worked_example_catalog();
  Instrument inst = resolve_scope(catalog, test::worked_example_assessment().scope);
  EXPECT_DOUBLE_EQ(inst.overall_target, 75);
  EXPECT_DOUBLE_EQ(inst.layer_target("journey"), 75);
  EXPECT_DOUBLE_EQ(inst.group_target("checkout"), 75);
}

TEST(Targets, AProfileLayerTargetReachesGroupsWithoutTheirOwn) {
  Catalog catalog = test::worked_example_catalog();
  catalog.model.groups[2].target = 90;  // checkout has its own target in the model
  catalog.profiles.push_back(profile_with({{Override::Kind::Overall, "", 70, {}},
                                           {Override::Kind::Layer, "journey", 60, {}},
                                           {Override::Kind::Group, "vision", 85, {}}}));
  Instrument inst = resolve_profile(catalog, catalog.profiles.back());
  EXPECT_DOUBLE_EQ(inst.overall_target, 70);
  EXPECT_DOUBLE_EQ(inst.layer_target("leadership"), 70) << "no layer target anywhere: the overall target";
  EXPECT_DOUBLE_EQ(inst.layer_target("journey"), 60);
  EXPECT_DOUBLE_EQ(inst.group_target("vision"), 85) << "the profile's group target";
  EXPECT_DOUBLE_EQ(inst.group_target("research"), 60) << "inherits the profile's journey target";
  EXPECT_DOUBLE_EQ(inst.group_target("checkout"), 90) << "the model's own group target is more specific";
}

}  // namespace
}  // namespace cjb
