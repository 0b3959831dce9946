// cjb kpi on the same contacts written in cjb's layout, a Zendesk-style and a Freshdesk-style
// ticket export (kpi-layouts/), against figures worked out by hand; time zones and business
// hours.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support.h"

namespace cjb::test {
namespace {

// The four contacts of every layout below, worked out by hand:
//   first response 30, 5, 720, 45 min → sorted 5, 30, 45, 720
//     median: h = 1.5 → 30 + 0.5 × 15 = 37.5;  p90: h = 2.7 → 45 + 0.7 × 675 = 517.5
//   resolution 4, 24, 2 h (C3 open) → median 4;  p90: h = 1.8 → 4 + 0.8 × 20 = 20
//   CSAT: satisfied, not, satisfied → 66.67 % of 3, mean (5 + 1 + 5) / 3
const char* kCjb =
    "id,opened,first_response,resolved,priority,channel,csat\n"
    "C1,2026-03-02 09:00,2026-03-02 09:30,2026-03-02 13:00,urgent,email,5\n"
    "C2,2026-03-02 10:00,2026-03-02 10:05,2026-03-03 10:00,high,chat,1\n"
    "C3,2026-03-03 08:00,2026-03-03 20:00,,normal,phone,\n"
    "C4,2026-03-04 12:00,2026-03-04 12:45,2026-03-04 14:00,low,email,5\n";

const char* kZendesk =
    "Id,Requester,Subject,Status,Priority,Via,Created at,Solved at,Satisfaction Score,First reply time in minutes,"
    "First reply time in minutes within business hours,Full resolution time in minutes,Full resolution time in minutes within business hours\n"
    "101,Ann,Refund,solved,Urgent,Email,2026-03-02 09:00:00 +0100,2026-03-02 13:00:00 +0100,Good,30,30,240,240\n"
    "102,Bob,Late,solved,High,Chat,2026-03-02 10:00:00 +0100,2026-03-03 10:00:00 +0100,Bad,5,5,1440,480\n"
    "103,Cy,Where,open,Normal,Phone call (incoming),2026-03-03 08:00:00 +0100,,Unoffered,720,540,,\n"
    "104,Di,Price,solved,Low,Mail,2026-03-04 12:00:00 +0100,2026-03-04 14:00:00 +0100,Good with comment,45,45,120,120\n";

// Header in other case and spacing, durations as H:MM:SS.
const char* kFreshdesk =
    "Ticket ID,Subject,Status,PRIORITY,Source,Created Time,Resolved time,First response time (in hrs),Resolution time (in hrs),"
    "Survey results,Time tracked\n"
    "F1,Refund,Closed,Urgent,Email,2026-03-02 09:00:00,2026-03-02 13:00:00,00:30:00,04:00:00,Awesome,0:10:00\n"
    "F2,Late,Closed,High,Chat,2026-03-02 10:00:00,2026-03-03 10:00:00,00:05:00,24:00:00,Not Good,\n"
    "F3,Where,Open,Medium,Phone,2026-03-03 08:00:00,,12:00:00,,,\n"
    "F4,Price,Resolved,Low,Email,2026-03-04 12:00:00,2026-03-04 14:00:00,00:45:00,02:00:00,Awesome,0:20:00\n";

class KpiLayouts : public ::testing::Test {
 protected:
  std::string dir = temp_dir(std::string("kpi-layouts-") + ::testing::UnitTest::GetInstance()->current_test_info()->name());

  nlohmann::json run_json(const std::string& file, const std::string& text, std::vector<std::string> extra = {}) {
    write_text(dir + "/" + file, text);
    std::vector<std::string> args = {"kpi", dir + "/" + file, "--format", "json"};
    args.insert(args.end(), extra.begin(), extra.end());
    RunResult r = run_cjb(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    return nlohmann::json::parse(r.out);
  }
};

void expect_hand_figures(const nlohmann::json& o) {
  EXPECT_EQ(o["contacts"], 4);
  EXPECT_DOUBLE_EQ(o["first_response_minutes"]["median"].get<double>(), 37.5);
  EXPECT_DOUBLE_EQ(o["first_response_minutes"]["p90"].get<double>(), 517.5);
  EXPECT_EQ(o["resolution_hours"]["n"], 3);
  EXPECT_DOUBLE_EQ(o["resolution_hours"]["median"].get<double>(), 4);
  EXPECT_DOUBLE_EQ(o["resolution_hours"]["p90"].get<double>(), 20);
  EXPECT_EQ(o["resolution_hours"]["open"], 1);
  EXPECT_EQ(o["csat"]["n"], 3);
  EXPECT_NEAR(o["csat"]["percent"].get<double>(), 200.0 / 3, 1e-9);
}

TEST_F(KpiLayouts, SameContactsSameFiguresInEveryLayout) {
  nlohmann::json cjb = run_json("cjb.csv", kCjb), zendesk = run_json("zendesk.csv", kZendesk), freshdesk = run_json("freshdesk.csv", kFreshdesk);
  expect_hand_figures(cjb["overall"]);
  expect_hand_figures(zendesk["overall"]);
  expect_hand_figures(freshdesk["overall"]);
  EXPECT_EQ(zendesk["overall"]["first_response_minutes"], cjb["overall"]["first_response_minutes"]);
  EXPECT_EQ(freshdesk["overall"]["resolution_hours"], cjb["overall"]["resolution_hours"]);
  // cjb says which layout it recognised.
  EXPECT_FALSE(cjb["exports"][0].contains("layout"));
  EXPECT_EQ(zendesk["exports"][0]["layout"], "Zendesk");
  EXPECT_EQ(freshdesk["exports"][0]["layout"], "Freshdesk");
  // Priorities and channels in the help desks' words become cjb's.
  nlohmann::json by_channel = run_json("z2.csv", kZendesk, {"--by", "channel"});
  std::vector<std::string> keys;
  for (const auto& row : by_channel["rows"]) keys.push_back(row["key"]);
  EXPECT_EQ(keys, (std::vector<std::string>{"chat", "email", "phone"}));
  // Freshdesk's time tracked (H:MM:SS) is the handling time: (10 + 20) / 2.
  EXPECT_DOUBLE_EQ(freshdesk["overall"]["handling_minutes"]["mean"].get<double>(), 15);
}

TEST_F(KpiLayouts, TextSaysWhichLayout) {
  write_text(dir + "/z.csv", kZendesk);
  RunResult r = run_cjb({"kpi", dir + "/z.csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')), "Service KPIs from " + dir + "/z.csv (4 contacts, Zendesk layout)");
}

TEST_F(KpiLayouts, BusinessHoursUseTheExportsOwnDurations) {
  // Within business hours: first response 30, 5, 540, 45 → median 37.5, p90 45 + 0.7 × 495 =
  // 391.5; resolution 4, 8, 2 h → median 4, p90 4 + 0.8 × 4 = 7.2.
  nlohmann::json j = run_json("z.csv", kZendesk, {"--business-hours"});
  EXPECT_DOUBLE_EQ(j["overall"]["first_response_minutes"]["p90"].get<double>(), 391.5);
  EXPECT_DOUBLE_EQ(j["overall"]["resolution_hours"]["p90"].get<double>(), 7.2);
  write_text(dir + "/c.csv", kCjb);
  RunResult r = run_cjb({"kpi", dir + "/c.csv", "--business-hours"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, dir + "/c.csv:1:1: error: --business-hours, but the export has no business-hours durations (expected a column for "
                         "first_response_business_minutes or resolution_business_minutes in layout cjb contacts)\n");
}

TEST_F(KpiLayouts, AWordTheLayoutDoesNotKnowIsABadRow) {
  std::string text = std::string(kFreshdesk) + "F5,X,Open,Low,Email,2026-03-05 09:00:00,,00:10:00,,Meh,\n";
  write_text(dir + "/f.csv", text);
  RunResult r = run_cjb({"kpi", dir + "/f.csv"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err.substr(0, r.err.find('\n')),
            dir + "/f.csv:6:52: error: csat 'Meh' is not a word of layout Freshdesk (expected one of: awesome, just okay, not good; or blank)");
}

TEST_F(KpiLayouts, MapGivesALayoutByHand) {
  write_text(dir + "/mine.layout",
             "layout Our desk\nkind contacts\ndetect Case\ncolumn id = Case\ncolumn opened = Logged\ncolumn first_response_minutes = Reply (s)\n"
             "unit first_response_minutes = seconds\n");
  nlohmann::json j = run_json("mine.csv", "Case,Logged,Reply (s)\nK1,2026-01-01 09:00,90\nK2,2026-01-01 10:00,30\n", {"--map", dir + "/mine.layout"});
  EXPECT_DOUBLE_EQ(j["overall"]["first_response_minutes"]["median"].get<double>(), 1);
  EXPECT_EQ(j["exports"][0]["layout"], "Our desk");
  write_text(dir + "/bad.layout", "layout X\nkind tickets\ndetect A\ncolumn when = A\nunit first_response_minutes = fortnights\n");
  RunResult r = run_cjb({"kpi", dir + "/mine.csv", "--map", dir + "/bad.layout"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, dir + "/bad.layout:2:1: error: kind 'tickets' is not known (expected contacts or surveys)\n" + dir +
                       "/bad.layout:4:1: error: 'when' is not a field (expected one of id, opened, date, site, retailer, channel, priority, first_response, resolved, "
                       "first_response_minutes, resolution_minutes, first_response_business_minutes, resolution_business_minutes, contacts, "
                       "handling_minutes, idle, csat, nps)\n" + dir +
                       "/bad.layout:5:1: error: unit 'fortnights' is not known (expected minutes, hours, seconds or hms)\n");
}

TEST_F(KpiLayouts, TimeZones) {
  // Europe/Amsterdam goes from +01:00 to +02:00 at 02:00 on 29 March 2026: 01:30 to 03:30 on
  // the wall clock is one hour.
  const char* dst = "id,opened,first_response\nC1,2026-03-29 01:30,2026-03-29 03:30\n";
  EXPECT_DOUBLE_EQ(run_json("a.csv", dst)["overall"]["first_response_minutes"]["median"].get<double>(), 120);
  EXPECT_DOUBLE_EQ(run_json("b.csv", dst, {"--tz", "Europe/Amsterdam"})["overall"]["first_response_minutes"]["median"].get<double>(), 60);
  // Offsets and Z are instants whatever --tz says: 09:00+01:00 to 08:45Z is 45 minutes.
  const char* offsets = "id,opened,first_response\nC1,2026-03-02T09:00:00+01:00,2026-03-02T08:45:00Z\nC2,2026-03-31T23:30:00Z,2026-03-31T23:40:00.250Z\n";
  nlohmann::json j = run_json("c.csv", offsets, {"--tz", "America/New_York", "--by", "month"});
  EXPECT_DOUBLE_EQ(j["overall"]["first_response_minutes"]["p90"].get<double>(), 45 - 0.1 * 35);
  // Months are the zone's: 23:30Z on 31 March is 19:30 in New York, 01:30 on 1 April in Amsterdam.
  EXPECT_EQ(j["rows"].size(), 1u);
  EXPECT_EQ(j["rows"][0]["key"], "2026-03");
  nlohmann::json ams = run_json("d.csv", offsets, {"--tz", "Europe/Amsterdam", "--by", "month"});
  ASSERT_EQ(ams["rows"].size(), 2u);
  EXPECT_EQ(ams["rows"][1]["key"], "2026-04");
  // The hour skipped in spring does not exist on the wall clock.
  write_text(dir + "/e.csv", "id,opened\nC1,2026-03-29 02:30\nC2,2026-03-29 03:00\n");
  RunResult r = run_cjb({"kpi", dir + "/e.csv", "--tz", "Europe/Amsterdam"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err.substr(0, r.err.find('\n')),
            dir + "/e.csv:2:4: error: opened '2026-03-29 02:30' does not exist in Europe/Amsterdam (expected a time outside the hour skipped when clocks go forward)");
  RunResult bad = run_cjb({"kpi", dir + "/e.csv", "--tz", "Mars/Olympus"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err, "cjb kpi: --tz 'Mars/Olympus' is not a time zone (expected an IANA name such as Europe/Amsterdam or America/New_York)\n");
}

TEST_F(KpiLayouts, ServiceStandardsFromTheModel) {
  // model.xml: urgent 60 min, general 1440, chat 2, phone 1, social 60; the most specific applies.
  // C1 urgent email 30 min → urgent, met; C2 high chat 5 min → chat, missed; C3 normal phone
  // 720 min → phone, missed; C4 low email 45 min → general, met.
  nlohmann::json j = run_json("c.csv", kCjb);
  const auto& st = j["overall"]["standards"];
  ASSERT_EQ(st.size(), 5u);
  auto expect = [&](size_t i, const char* id, int n, int met) {
    EXPECT_EQ(st[i]["id"], id);
    EXPECT_EQ(st[i]["n"], n) << id;
    EXPECT_EQ(st[i]["met"], met) << id;
  };
  expect(0, "urgent", 1, 1);
  expect(1, "general", 1, 1);
  expect(2, "chat", 1, 0);
  expect(3, "phone", 1, 0);
  expect(4, "social", 0, 0);
  EXPECT_TRUE(st[4]["percent"].is_null());
  // The same in Zendesk's words.
  EXPECT_EQ(run_json("z.csv", kZendesk)["overall"]["standards"], st);
}

}  // namespace
}  // namespace cjb::test
