// The model's labels as every writer prints them (core/model.h).

#include <gtest/gtest.h>

#include "core/worked_example.h"

namespace cjb {
namespace {

TEST(ModelLabels, TheLabelOrTheIdWhenTheModelHasNone) {
  Catalog catalog = test::worked_example_catalog();
  const Model& model = catalog.model;
  EXPECT_EQ(model.group_label("research"), "Research");
  EXPECT_EQ(model.group_label("unknown"), "unknown");
  EXPECT_EQ(model.layer_label("journey"), "Customer journey");
  EXPECT_EQ(model.layer_label("enablers"), "enablers");
  EXPECT_EQ(model.channel_label("online"), "Online");
  EXPECT_EQ(model.channel_label("phone"), "phone");
  EXPECT_EQ(model.channel_label("all"), "All");
  EXPECT_EQ(model.channel_label("all", "All channels"), "All channels");
}

}  // namespace
}  // namespace cjb
