// A blank assessment: scope, subject and meta from a request, and the exact refusals.

#include <gtest/gtest.h>

#include "core/blank_assessment.h"
#include "core/worked_example.h"

namespace cjb {
namespace {

Catalog catalog_with_profile() {
  Catalog catalog = test::worked_example_catalog();
  Profile p;
  p.id = "in-store";
  p.model = "example";
  p.checklists = {"example"};
  p.channels = {"physical"};
  catalog.profiles.push_back(p);
  return catalog;
}

std::string refusal(const BlankAssessmentRequest& request) {
  Catalog catalog = catalog_with_profile();
  try {
    blank_assessment(catalog, request);
  } catch (const UsageError& e) {
    return e.what();
  }
  return "no refusal";
}

TEST(BlankAssessment, AProfileGivesItsScopeAndTheDefaults) {
  Catalog catalog = catalog_with_profile();
  BlankAssessmentRequest request;
  request.profile = "in-store";
  request.date = "2026-03-14";
  request.method = "audit";
  Assessment a = blank_assessment(catalog, request);
  EXPECT_EQ(a.scope.model, "example");
  EXPECT_EQ(a.scope.profile, "in-store");
  EXPECT_TRUE(a.scope.channels.empty()) << "the profile's channels apply";
  EXPECT_TRUE(a.responses.empty());
  EXPECT_EQ(a.subject.retailer, "My shop");
  EXPECT_EQ(a.subject.site, "Store") << "an in-store profile";
  EXPECT_EQ(a.meta.date, "2026-03-14");
  EXPECT_EQ(a.meta.method, "audit");
  EXPECT_EQ(a.id, "my-shop-store-2026-03-14");
}

TEST(BlankAssessment, GivenNamesChannelsAndId) {
  Catalog catalog = catalog_with_profile();
  BlankAssessmentRequest request{"in-store", {"online", "physical"}, "Rose & Co", "", "R. Okafor", "2026-02-28", "mystery-shop", ""};
  Assessment a = blank_assessment(catalog, request);
  EXPECT_EQ(a.scope.channels, (std::vector<std::string>{"online", "physical"}));
  EXPECT_EQ(a.subject.site, "Store and web shop");
  EXPECT_EQ(a.meta.assessor, "R. Okafor");
  EXPECT_EQ(a.id, "rose-co-store-and-web-shop-2026-02-28");
  request.id = "visit-7";
  EXPECT_EQ(blank_assessment(catalog, request).id, "visit-7");
}

TEST(BlankAssessment, WithoutAProfileEveryChecklistAndChannel) {
  Catalog catalog = catalog_with_profile();
  BlankAssessmentRequest request;
  request.date = "2026-03-14";
  Assessment a = blank_assessment(catalog, request);
  EXPECT_EQ(a.scope.checklists, std::vector<std::string>{"example"});
  EXPECT_EQ(a.scope.channels, (std::vector<std::string>{"physical", "online"}));
}

TEST(BlankAssessment, RefusesWhatCannotBeAssessed) {
  EXPECT_EQ(refusal({"nope", {}, "", "", "", "2026-03-14", "", ""}), "no profile 'nope' (expected one of: in-store)");
  EXPECT_EQ(refusal({"in-store", {"moon"}, "", "", "", "2026-03-14", "", ""}),
            "--channels: no channel 'moon' (expected a list of: physical, online)");
  EXPECT_EQ(refusal({"in-store", {}, "", "", "", "2026-02-30", "", ""}), "--date '2026-02-30' is not a date (expected YYYY-MM-DD)");
  EXPECT_EQ(refusal({"in-store", {}, "", "", "", "2026-02-28", "", "=cmd"}),
            "--id: id '=cmd' starts with '=' (expected letters, digits and marks such as - . _ :, e.g. journey-queue-01; not = + - @ first)");
}

}  // namespace
}  // namespace cjb
