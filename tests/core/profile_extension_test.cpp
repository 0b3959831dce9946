// Profiles extending profiles: what a client's profile inherits and adds, and the exact
// messages for an unknown parent and a cycle.

#include <gtest/gtest.h>

#include "core/catalog.h"
#include "core/profile_extension.h"
#include "core/worked_example.h"

namespace cjb {
namespace {

Profile profile(const std::string& id, const std::string& extends, const std::string& file) {
  Profile p;
  p.id = id;
  p.model = "example";
  p.extends = extends;
  p.title = id;
  p.where = {file, 2, 1};
  return p;
}

// The worked example's catalog with a client's own checklist (item X1 in vision) and a
// standard profile over the example checklist.
Catalog client_catalog() {
  Catalog catalog = test::worked_example_catalog();
  Checklist client;
  client.id = "client";
  client.model = "example";
  Item x1;
  x1.id = "X1";
  x1.group = "vision";
  x1.channel = "all";
  x1.scale = "maturity";
  x1.text = "The client's own practice";
  x1.checklist = "client";
  client.items.push_back(x1);
  catalog.checklists.push_back(client);
  catalog.index();
  Profile standard = profile("standard", "", "standard.xml");
  standard.checklists = {"example"};
  standard.channels = {"physical", "online"};
  standard.exclusions = {{Exclusion::Kind::Item, "R1", "not here", {}}};
  standard.weights = {{Override::Kind::Group, "checkout", 2, {}}, {Override::Kind::Item, "L1", 3, {}}};
  standard.targets = {{Override::Kind::Overall, "", 70, {}}};
  catalog.profiles.push_back(standard);
  return catalog;
}

TEST(ProfileExtends, InheritsTheParentAndAddsItsOwn) {
  Catalog catalog = client_catalog();
  Profile client = profile("client", "standard", "client.xml");
  client.checklists = {"client"};
  client.exclusions = {{Exclusion::Kind::Item, "C1", "no fitting rooms", {}}};
  client.weights = {{Override::Kind::Item, "L1", 5, {}}};
  client.targets = {{Override::Kind::Overall, "", 85, {}}};
  catalog.profiles.insert(catalog.profiles.begin(), client);  // before its parent: order does not matter
  EXPECT_TRUE(resolve_extensions(catalog.profiles).empty());
  const Profile& resolved = *catalog.find_profile("client");
  EXPECT_EQ(resolved.checklists, (std::vector<std::string>{"example", "client"}));
  EXPECT_EQ(resolved.channels, (std::vector<std::string>{"physical", "online"})) << "none of its own: the parent's";
  EXPECT_EQ(resolved.extends, "standard");

  Instrument inst = resolve_profile(catalog, resolved);
  EXPECT_TRUE(inst.find("X1")) << "the client's own checklist, next to the standard one";
  EXPECT_FALSE(inst.find("R1")) << "left out by the parent";
  EXPECT_FALSE(inst.find("C1")) << "left out by the client";
  EXPECT_TRUE(inst.find("C2"));
  EXPECT_DOUBLE_EQ(inst.find("L1")->weight, 5) << "the client's weight overrides the parent's 3";
  EXPECT_DOUBLE_EQ(inst.group_weight("checkout"), 2) << "the parent's weight stays";
  EXPECT_DOUBLE_EQ(inst.overall_target, 85);

  Instrument parent = resolve_profile(catalog, *catalog.find_profile("standard"));
  EXPECT_FALSE(parent.find("X1")) << "the parent is unchanged";
  EXPECT_DOUBLE_EQ(parent.find("L1")->weight, 3);
}

TEST(ProfileExtends, AChainOfThreeAndOwnChannels) {
  Catalog catalog = client_catalog();
  Profile middle = profile("middle", "standard", "middle.xml");
  middle.exclusions = {{Exclusion::Kind::Group, "research", "", {}}};
  Profile leaf = profile("leaf", "middle", "leaf.xml");
  leaf.channels = {"online"};
  catalog.profiles.insert(catalog.profiles.begin(), leaf);
  catalog.profiles.push_back(middle);
  EXPECT_TRUE(resolve_extensions(catalog.profiles).empty());
  Instrument inst = resolve_profile(catalog, *catalog.find_profile("leaf"));
  EXPECT_EQ(inst.channels, std::vector<std::string>{"online"});
  EXPECT_FALSE(inst.find("R2")) << "research left out two levels up";
  EXPECT_TRUE(inst.find("C3"));
  EXPECT_FALSE(inst.find("C2")) << "in store: not its channel";
  EXPECT_DOUBLE_EQ(inst.overall_target, 70) << "the grandparent's target";
}

TEST(ProfileExtends, AnUnknownParentIsNamedWithTheKnownOnes) {
  std::vector<Profile> profiles{profile("client", "standrd", "client.xml"), profile("standard", "", "standard.xml"),
                                profile("other", "", "other.xml")};
  auto problems = resolve_extensions(profiles);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].to_string(),
            "client.xml:2:1: error: profile 'client' extends unknown profile 'standrd' (expected one of: other, standard)");
}

TEST(ProfileExtends, ACycleIsToldFromItsFirstProfileWhereverTheWalkEntersIt) {
  // The walk starts at c and enters the cycle at b; the message starts at a, first in order.
  std::vector<Profile> profiles{profile("c", "b", "c.xml"), profile("a", "b", "a.xml"), profile("b", "a", "b.xml")};
  auto problems = resolve_extensions(profiles);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].message, "profile 'a' extends itself through a → b → a (expected a chain of extends= that ends at a profile "
                                 "extending none)");
}

TEST(ProfileExtends, ACycleIsReportedOnceAtItsFirstProfile) {
  std::vector<Profile> profiles{profile("c", "a", "c.xml"), profile("a", "b", "a.xml"), profile("b", "a", "b.xml"),
                                profile("self", "self", "self.xml")};
  auto problems = resolve_extensions(profiles);
  ASSERT_EQ(problems.size(), 2u) << "c leads into the cycle but is not in it";
  EXPECT_EQ(problems[0].to_string(),
            "a.xml:2:1: error: profile 'a' extends itself through a → b → a (expected a chain of extends= that ends at a profile "
            "extending none)");
  EXPECT_EQ(problems[1].to_string(),
            "self.xml:2:1: error: profile 'self' extends itself through self → self (expected a chain of extends= that ends at a "
            "profile extending none)");
}

}  // namespace
}  // namespace cjb
