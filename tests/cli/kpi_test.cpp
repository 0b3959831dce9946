// cjb kpi on the bundled exports (examples/kpi/) and on bad input.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support.h"

namespace cjb::test {
namespace {

class Kpi : public ::testing::Test {
 protected:
  std::string dir = temp_dir(std::string("kpi-cli-") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
  std::string contacts = "examples/kpi/contacts.csv", surveys = "examples/kpi/surveys.csv";
};

TEST_F(Kpi, TextGolden) {
  RunResult r = run_cjb({"kpi", contacts, surveys, "--by", "site"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  expect_golden(r.out, "kpi-examples.txt");
}

TEST_F(Kpi, JsonContract) {
  RunResult r = run_cjb({"kpi", contacts, surveys, "--by", "month", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  auto j = nlohmann::ordered_json::parse(r.out);
  EXPECT_EQ(j["schema"], "cjb.kpi/1");
  ASSERT_EQ(j["exports"].size(), 2u);
  EXPECT_EQ(j["exports"][0]["kind"], "contacts");
  EXPECT_EQ(j["exports"][1]["kind"], "surveys");
  const auto& o = j["overall"];
  EXPECT_EQ(o["contacts"], j["exports"][0]["rows"]);
  EXPECT_EQ(o["surveys"], j["exports"][1]["rows"]);
  for (const char* key : {"first_response_minutes", "resolution_hours", "first_contact_resolution", "handling_minutes", "csat", "nps"})
    EXPECT_TRUE(o.contains(key)) << key;
  EXPECT_EQ(o["nps"]["n"], o["nps"]["promoters"].get<int>() + o["nps"]["passives"].get<int>() + o["nps"]["detractors"].get<int>());
  EXPECT_EQ(j["by"], "month");
  // The rows add up to the whole.
  int contacts_in_rows = 0;
  for (const auto& row : j["rows"]) contacts_in_rows += row["contacts"].get<int>();
  EXPECT_EQ(contacts_in_rows, o["contacts"]);
  EXPECT_EQ(j["rows"][0]["key"], "2026-09");
}

TEST_F(Kpi, CsvAndHtml) {
  RunResult csv = run_cjb({"kpi", contacts, surveys, "--format", "csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.out.substr(0, csv.out.find('\n')),
            "key,contacts,first_response_median_minutes,first_response_p90_minutes,resolution_median_hours,resolution_p90_hours,open,"
            "first_contact_resolution_percent,handling_mean_minutes,surveys,csat_percent,csat_mean,nps,promoters,passives,detractors");
  EXPECT_EQ(csv.out.substr(csv.out.find('\n') + 1, 8), "overall,");
  RunResult html = run_cjb({"kpi", contacts, surveys, "--by", "channel", "--format", "html", "-o", dir + "/kpi.html"});
  ASSERT_EQ(html.exit_code, 0) << html.err;
  std::string page = read_text(dir + "/kpi.html");
  EXPECT_NE(page.find("<h2>By channel</h2>"), std::string::npos);
  EXPECT_EQ(page.find("<script"), std::string::npos);
}

TEST_F(Kpi, WhatUsersTypedIsEscaped) {
  write_text(dir + "/c.csv", "id,opened,site\nC1,2026-01-01 09:00,<script>alert(1)</script> & Co\n");
  RunResult r = run_cjb({"kpi", dir + "/c.csv", "--by", "site", "--format", "html"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("<script>"), std::string::npos);
  EXPECT_NE(r.out.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"), std::string::npos);
}

TEST_F(Kpi, EveryBadExportIsReportedBeforeStopping) {
  write_text(dir + "/a.csv", "id,opened\nC1,yesterday\n");
  write_text(dir + "/b.csv", "id,date,nps\nR1,2026-01-01,11\n");
  RunResult r = run_cjb({"kpi", dir + "/a.csv", dir + "/b.csv"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, dir + "/a.csv:2:4: error: opened 'yesterday' is not a local time (expected YYYY-MM-DD HH:MM, with :SS or a T if you like)\n" +
                       dir + "/b.csv:2:15: error: nps '11' is not a likelihood to recommend (expected a whole number from 0 to 10, or blank)\n");
}

TEST_F(Kpi, BadUsage) {
  RunResult r = run_cjb({"kpi", contacts, "--by", "region"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("kpi: --by 'region' is not a field (expected site, channel or month)"), std::string::npos) << r.err;
  r = run_cjb({"kpi", contacts, "--format", "pdf"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("kpi: --format 'pdf' is not known (expected text, json, csv or html)"), std::string::npos) << r.err;
  r = run_cjb({"kpi", dir + "/missing.csv"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(dir + "/missing.csv"), std::string::npos) << r.err;
  r = run_cjb({"kpi"});
  EXPECT_EQ(r.exit_code, 2);
}

}  // namespace
}  // namespace cjb::test
