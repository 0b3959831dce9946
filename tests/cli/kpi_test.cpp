// cjb kpi on the bundled exports (examples/kpi/) and on bad input.

#include <fmt/format.h>
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
            "first_contact_resolution_percent,handling_mean_minutes,surveys,csat_percent,csat_mean,nps,promoters,passives,detractors,"
            "nps_ci95_low,nps_ci95_high,idle_chats_percent,standard_urgent_percent,standard_general_percent,standard_chat_percent,"
            "standard_phone_percent,standard_social_percent");
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

TEST_F(Kpi, BadRowsAreSkippedAndCounted) {
  write_text(dir + "/a.csv", "id,opened\nC1,yesterday\nC2,2026-01-01 09:00\n");
  write_text(dir + "/b.csv", "id,date,nps\nR1,2026-01-01,11\n");
  RunResult r = run_cjb({"kpi", dir + "/a.csv", dir + "/b.csv", "--format", "json"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, dir + "/a.csv:2:4: error: opened 'yesterday' is not a local time (expected YYYY-MM-DD HH:MM, with :SS or a T if you like)\n" +
                       dir + "/a.csv: 1 bad row skipped; the figures are from the other 1 (use --strict to stop at the first)\n" +
                       dir + "/b.csv:2:15: error: nps '11' is not a likelihood to recommend (expected a whole number from 0 to 10, or blank)\n" +
                       dir + "/b.csv: 1 bad row skipped; the figures are from the other 0 (use --strict to stop at the first)\n");
  auto j = nlohmann::ordered_json::parse(r.out);
  EXPECT_EQ(j["overall"]["contacts"], 1);
  EXPECT_EQ(j["exports"][0]["skipped"], 1);
}

TEST_F(Kpi, StrictStopsAtTheFirstBadRow) {
  write_text(dir + "/a.csv", "id,opened\nC1,2026-01-01 09:00\nC2,yesterday\nC3,today\n");
  RunResult r = run_cjb({"kpi", dir + "/a.csv", "--strict"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, dir + "/a.csv:3:4: error: opened 'yesterday' is not a local time (expected YYYY-MM-DD HH:MM, with :SS or a T if you like)\n");
}

TEST_F(Kpi, ManyBadRowsShowTwentyThenCountByKind) {
  std::string text = "id,opened,nps\n";
  for (int i = 0; i < 1000; ++i) text += fmt::format("C{},{},\n", i, i % 2 ? "2026-01-01 09:00" : "soon");
  for (int i = 0; i < 10; ++i) text += "C1,2026-01-01 09:00,\n";  // repeated ids
  write_text(dir + "/a.csv", text);
  RunResult r = run_cjb({"kpi", dir + "/a.csv"});
  EXPECT_EQ(r.exit_code, 0);
  std::vector<std::string> lines;
  for (size_t at = 0, nl; (nl = r.err.find('\n', at)) != std::string::npos; at = nl + 1) lines.push_back(r.err.substr(at, nl - at));
  ASSERT_EQ(lines.size(), 22u) << r.err;
  EXPECT_EQ(lines[0], dir + "/a.csv:2:4: error: opened 'soon' is not a local time (expected YYYY-MM-DD HH:MM, with :SS or a T if you like)");
  EXPECT_EQ(lines[20], dir + "/a.csv: 490 more problems not shown: 480 bad time, 10 repeated id");
  EXPECT_EQ(lines[21], dir + "/a.csv: 510 bad rows skipped; the figures are from the other 500 (use --strict to stop at the first)");
}

TEST_F(Kpi, ControlCharactersNeverReachTheOutput) {
  write_text(dir + "/a.csv", std::string("id,opened,site\nC1,2026-01-01 09:00,ok\nC2,2026-01-01 09:00,S\0X\nC3,2026-01-01 09:00,a\x1b[31m\n", 89));
  RunResult r = run_cjb({"kpi", dir + "/a.csv", "--by", "site", "--format", "csv"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, dir + "/a.csv:3:22: error: control character U+0000 in the row (expected text without control characters)\n" +
                       dir + "/a.csv:4:22: error: control character U+001B in the row (expected text without control characters)\n" +
                       dir + "/a.csv: 2 bad rows skipped; the figures are from the other 1 (use --strict to stop at the first)\n");
  EXPECT_EQ(r.out.find('\0'), std::string::npos);
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos);
}

TEST_F(Kpi, CsvDefusesFormulasInTextCells) {
  write_text(dir + "/a.csv", "id,opened,site\nC1,2026-01-01 09:00,\"=HYPERLINK(\"\"http://x\"\")\"\nC2,2026-01-01 09:00,+1\nC3,2026-01-01 09:00,@SUM(A1)\nC4,2026-01-01 09:00,-2\n");
  RunResult r = run_cjb({"kpi", dir + "/a.csv", "--by", "site", "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* cell : {"\"'=HYPERLINK(\"\"http://x\"\")\",", "'+1,", "'@SUM(A1),", "'-2,"})
    EXPECT_NE(r.out.find(std::string("\n") + cell), std::string::npos) << cell << "\n" << r.out;
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
