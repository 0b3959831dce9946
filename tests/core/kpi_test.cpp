// KPI figures against values worked out by hand (docs/kpi.md gives the definitions).

#include "core/kpi.h"

#include "core/error.h"

#include <cmath>

#include <gtest/gtest.h>

namespace cjb {
namespace {

double at(const char* text) {
  std::optional<double> t = parse_local_time(text);
  EXPECT_TRUE(t.has_value()) << text;
  return t.value_or(0);
}

TEST(LocalTime, Forms) {
  EXPECT_EQ(parse_local_time("1970-01-01 00:00"), 0.0);
  EXPECT_EQ(parse_local_time("1970-01-02T00:01"), 1441.0);
  EXPECT_EQ(parse_local_time("1970-01-01 00:01:30"), 1.5);
  // 2024 is a leap year: 29 February exists and 1 March is two days after 28 February.
  EXPECT_EQ(at("2024-03-01 00:00") - at("2024-02-28 00:00"), 2 * 1440.0);
  EXPECT_EQ(at("2026-03-01 00:00") - at("2026-02-28 00:00"), 1440.0);
  EXPECT_EQ(at("2027-01-01 00:00") - at("2026-01-01 00:00"), 365 * 1440.0);
}

TEST(LocalTime, FormatsBack) {
  for (const char* text : {"1970-01-01 00:00", "2024-02-29 23:59", "2026-12-31 00:01", "1969-12-31 23:00", "2000-03-01 12:30"})
    EXPECT_EQ(format_local_time(at(text)), text);
  EXPECT_EQ(format_local_time(at("2026-01-05 09:10:45")), "2026-01-05 09:10");
}

TEST(LocalTime, RefusesWhatIsNotALocalTime) {
  for (const char* bad : {"", "2026-01-01", "2026-01-01 9:00", "2026-01-01 09:00Z", "2026-01-01 09:00+01:00", "2026-02-29 09:00",
                          "2026-13-01 09:00", "2026-01-32 09:00", "2026-01-01 24:00", "2026-01-01 09:60", "2026-01-01 09:00:60",
                          "2026/01/01 09:00", "2026-01-01_09:00", "2026-01-01 09:00:5", "２026-01-01 09:00"})
    EXPECT_FALSE(parse_local_time(bad).has_value()) << bad;
}

Contact contact(const char* opened, const char* first_response, const char* resolved, std::optional<int> contacts, std::optional<double> handling) {
  Contact c;
  c.opened = at(opened);
  if (*first_response) c.first_response = at(first_response);
  if (*resolved) c.resolved = at(resolved);
  c.contacts = contacts;
  c.handling_minutes = handling;
  return c;
}

SurveyAnswer answer(std::optional<int> csat, std::optional<int> nps) {
  SurveyAnswer a;
  a.csat = csat;
  a.nps = nps;
  return a;
}

TEST(Kpis, HandWorkedExample) {
  std::vector<Contact> contacts = {
      contact("2026-01-05 09:00", "2026-01-05 09:10", "2026-01-05 11:00", 1, 6.0),  // 10 min, 2 h
      contact("2026-01-05 10:00", "2026-01-05 10:30", "2026-01-05 16:00", 2, 9.0),  // 30 min, 6 h
      contact("2026-01-05 12:00", "2026-01-05 12:05", "", std::nullopt, std::nullopt),  // 5 min, open
      contact("2026-01-05 13:00", "", "2026-01-05 14:00", 1, 3.0),  // no first response, 1 h
  };
  std::vector<SurveyAnswer> answers = {answer(5, 10), answer(4, 9), answer(2, 7), answer(std::nullopt, 0), answer(3, std::nullopt)};
  KpiFigures f = compute_kpis(contacts, answers);
  EXPECT_EQ(f.contacts, 4);
  EXPECT_EQ(f.surveys, 5);
  // First response 5, 10, 30: median 10; p90 at h = 2 × 0.9 = 1.8: 10 + 0.8 × 20 = 26.
  EXPECT_EQ(f.first_response_median.n, 3);
  EXPECT_DOUBLE_EQ(*f.first_response_median.value, 10);
  EXPECT_DOUBLE_EQ(*f.first_response_p90.value, 26);
  // Resolution 1, 2, 6 hours: median 2; p90 2 + 0.8 × 4 = 5.2; one contact open.
  EXPECT_EQ(f.resolution_median.n, 3);
  EXPECT_DOUBLE_EQ(*f.resolution_median.value, 2);
  EXPECT_DOUBLE_EQ(*f.resolution_p90.value, 5.2);
  EXPECT_EQ(f.open, 1);
  // Resolved with a count: 1, 2, 1 → two of three at the first contact.
  EXPECT_EQ(f.first_contact_resolution.n, 3);
  EXPECT_DOUBLE_EQ(*f.first_contact_resolution.value, 200.0 / 3);
  EXPECT_EQ(f.handling_mean.n, 3);
  EXPECT_DOUBLE_EQ(*f.handling_mean.value, 6);
  // CSAT 5, 4, 2, 3: two of four are 4 or 5; mean 3.5.
  EXPECT_EQ(f.csat_percent.n, 4);
  EXPECT_DOUBLE_EQ(*f.csat_percent.value, 50);
  EXPECT_DOUBLE_EQ(*f.csat_mean.value, 3.5);
  // NPS 10, 9, 7, 0: 2 promoters, 1 passive, 1 detractor → (2 − 1) / 4 = +25.
  EXPECT_EQ(f.nps.n, 4);
  EXPECT_DOUBLE_EQ(*f.nps.value, 25);
  EXPECT_EQ(f.promoters, 2);
  EXPECT_EQ(f.passives, 1);
  EXPECT_EQ(f.detractors, 1);
}

TEST(Kpis, NothingToMeasureGivesNoValues) {
  KpiFigures f = compute_kpis({}, {});
  for (const KpiValue* v : {&f.first_response_median, &f.first_response_p90, &f.resolution_median, &f.resolution_p90,
                            &f.first_contact_resolution, &f.handling_mean, &f.csat_percent, &f.csat_mean, &f.nps}) {
    EXPECT_EQ(v->n, 0);
    EXPECT_FALSE(v->value.has_value());
  }
  // Answers without the questions: counted as answers, but no CSAT or NPS.
  f = compute_kpis({}, {answer(std::nullopt, std::nullopt)});
  EXPECT_EQ(f.surveys, 1);
  EXPECT_FALSE(f.csat_percent.value.has_value());
  EXPECT_FALSE(f.nps.value.has_value());
}

TEST(Kpis, NpsBoundaries) {
  // 6 is a detractor, 7 and 8 are passives, 9 a promoter.
  KpiFigures f = compute_kpis({}, {answer(std::nullopt, 6), answer(std::nullopt, 7), answer(std::nullopt, 8), answer(std::nullopt, 9)});
  EXPECT_EQ(f.detractors, 1);
  EXPECT_EQ(f.passives, 2);
  EXPECT_EQ(f.promoters, 1);
  EXPECT_DOUBLE_EQ(*f.nps.value, 0);
}

TEST(Kpis, ByFieldKeysInOrder) {
  Contact a = contact("2026-02-01 09:00", "2026-02-01 09:20", "", std::nullopt, std::nullopt);
  a.site = "S2";
  a.month = "2026-02";
  Contact b = contact("2026-01-01 09:00", "2026-01-01 09:40", "", std::nullopt, std::nullopt);
  b.site = "S1";
  b.month = "2026-01";
  SurveyAnswer s = answer(5, 10);
  s.site = "";  // left blank in the export
  s.month = "2026-02";
  std::vector<KpiRow> by_site = kpis_by({a, b}, {s}, "site");
  ASSERT_EQ(by_site.size(), 3u);
  EXPECT_EQ(by_site[0].key, "");
  EXPECT_EQ(by_site[0].figures.surveys, 1);
  EXPECT_EQ(by_site[1].key, "S1");
  EXPECT_DOUBLE_EQ(*by_site[1].figures.first_response_median.value, 40);
  EXPECT_EQ(by_site[2].key, "S2");
  std::vector<KpiRow> by_month = kpis_by({a, b}, {s}, "month");
  ASSERT_EQ(by_month.size(), 2u);
  EXPECT_EQ(by_month[0].key, "2026-01");
  EXPECT_EQ(by_month[1].key, "2026-02");
  EXPECT_EQ(by_month[1].figures.contacts, 1);
  EXPECT_EQ(by_month[1].figures.surveys, 1);
  EXPECT_TRUE(is_kpi_field("channel"));
  EXPECT_FALSE(is_kpi_field("region"));
}

TEST(Spearman, HandWorkedValues) {
  EXPECT_DOUBLE_EQ(*spearman({1, 2, 3, 4}, {10, 20, 30, 40}), 1.0);
  EXPECT_DOUBLE_EQ(*spearman({1, 2, 3, 4}, {9, 7, 5, 1}), -1.0);
  // Monotone, not linear: still 1.
  EXPECT_DOUBLE_EQ(*spearman({1, 2, 3, 4}, {1, 10, 100, 1000}), 1.0);
  // Ties take their mean rank: x ranks 1, 2.5, 2.5, 4; y ranks 1, 2, 3, 4. Pearson of the ranks:
  // sxy = (−1.5)(−1.5) + 0 + 0 + 1.5 × 1.5 = 4.5; sxx = 4.5; syy = 5 → 4.5 / √22.5.
  EXPECT_DOUBLE_EQ(*spearman({1, 2, 2, 3}, {1, 2, 3, 4}), 4.5 / std::sqrt(22.5));
  EXPECT_FALSE(spearman({1, 2}, {1, 2}).has_value());           // fewer than 3
  EXPECT_FALSE(spearman({1, 2, 3}, {5, 5, 5}).has_value());     // one side constant
  EXPECT_FALSE(spearman({1, 2, 3}, {1, 2}).has_value());        // not paired
}

TEST(SiteKpis, JoinAndCorrelate) {
  Contact a = contact("2026-01-01 09:00", "2026-01-01 09:10", "", std::nullopt, std::nullopt);
  a.site = "A";
  Contact z = contact("2026-01-01 09:00", "2026-01-01 09:50", "", std::nullopt, std::nullopt);
  z.site = "Z";
  std::vector<SiteKpis> sites = join_site_kpis({{"R", "B", 40.0}, {"R", "A", 60.0}, {"R", "A", 80.0}, {"R", "B", std::nullopt}}, {a, z}, {});
  ASSERT_EQ(sites.size(), 3u);
  EXPECT_EQ(sites[0].site, "A");
  EXPECT_EQ(sites[0].assessments, 2);
  EXPECT_DOUBLE_EQ(*sites[0].audit_score, 70);
  EXPECT_EQ(sites[0].kpis.contacts, 1);
  EXPECT_EQ(sites[1].site, "B");
  EXPECT_EQ(sites[1].assessments, 1);  // the visit without a score does not count
  EXPECT_EQ(sites[1].kpis.contacts, 0);
  EXPECT_EQ(sites[2].site, "Z");
  EXPECT_FALSE(sites[2].audit_score.has_value());
  std::vector<KpiCorrelation> c = correlate_kpis(sites);
  ASSERT_EQ(c.size(), 6u);
  EXPECT_EQ(c[0].kpi, "first_response_median");
  EXPECT_EQ(c[0].sites, 1);  // only A has both
  EXPECT_FALSE(c[0].rho.has_value());
  EXPECT_EQ(c[5].kpi, "nps");
}

// Store 001 of two retailers is two sites. A record naming its retailer joins that one's
// site; one naming none joins the only retailer audited at its site key; where two are, it is
// ambiguous and the join must not be asked (docs/kpi.md, "Several retailers").
TEST(SiteKpis, EachRetailersSitesAreTheirOwn) {
  auto at = [](const char* retailer, const char* site, const char* first_response) {
    Contact c = contact("2026-01-01 09:00", first_response, "", std::nullopt, std::nullopt);
    c.retailer = retailer;
    c.site = site;
    return c;
  };
  std::vector<AuditedSite> audits = {{"Maxi", "001", 40.0}, {"Mini", "001", 80.0}, {"Mini", "002", 60.0}};
  std::vector<Contact> named = {at("Maxi", "001", "2026-01-01 09:10"), at("Mini", "001", "2026-01-01 09:20"),
                                at("Mini", "001", "2026-01-01 09:40"), at("", "002", "2026-01-01 09:50"),
                                at("Other", "001", "2026-01-01 10:00"), at("", "003", "2026-01-01 10:10")};
  EXPECT_FALSE(find_ambiguous_kpi_site(audits, named, {}).has_value());
  std::vector<SiteKpis> sites = join_site_kpis(audits, named, {});
  ASSERT_EQ(sites.size(), 5u);
  auto check = [&](size_t i, const char* retailer, const char* site, int assessments, int contacts) {
    EXPECT_EQ(sites[i].retailer, retailer) << i;
    EXPECT_EQ(sites[i].site, site) << i;
    EXPECT_EQ(sites[i].assessments, assessments) << i;
    EXPECT_EQ(sites[i].kpis.contacts, contacts) << i;
  };
  check(0, "Maxi", "001", 1, 1);
  check(1, "Mini", "001", 1, 2);
  check(2, "Other", "001", 0, 1);  // a retailer no audit has
  check(3, "Mini", "002", 1, 1);   // no retailer named, but only Mini has a 002
  check(4, "", "003", 0, 1);       // records only, no retailer named
  EXPECT_DOUBLE_EQ(*sites[0].audit_score, 40);
  EXPECT_DOUBLE_EQ(*sites[1].audit_score, 80);
  EXPECT_DOUBLE_EQ(*sites[1].kpis.first_response_median.value, 30);

  SurveyAnswer unnamed;
  unnamed.site = "001";
  unnamed.nps = 9;
  std::optional<AmbiguousKpiSite> ambiguous = find_ambiguous_kpi_site(audits, {at("", "002", "2026-01-01 09:50")}, {unnamed});
  ASSERT_TRUE(ambiguous.has_value());
  EXPECT_EQ(ambiguous->site, "001");
  EXPECT_EQ(ambiguous->retailers, (std::vector<std::string>{"Maxi", "Mini"}));
  EXPECT_TRUE(of_retailer("", "Maxi"));
  EXPECT_TRUE(of_retailer("Maxi", "Maxi"));
  EXPECT_FALSE(of_retailer("Mini", "Maxi"));
}

TEST(ServiceStandards, MostSpecificAppliesAndProfilesSetTheirTimes) {
  Model model;
  model.service_standards = {{"urgent", "urgent", "", 60, "Urgent", {}}, {"general", "", "", 1440, "General", {}}, {"chat", "", "chat", 2, "Chat", {}},
                             {"urgent-chat", "urgent", "chat", 1, "Urgent chat", {}}};
  Contact c;
  c.priority = "urgent";
  c.channel = "chat";
  EXPECT_EQ(standard_for(model.service_standards, c)->id, "urgent-chat");
  c.channel = "email";
  EXPECT_EQ(standard_for(model.service_standards, c)->id, "urgent");
  c.priority = "low";
  EXPECT_EQ(standard_for(model.service_standards, c)->id, "general");
  c.channel = "chat";
  EXPECT_EQ(standard_for(model.service_standards, c)->id, "chat");

  Profile profile;
  profile.service_standards = {{"urgent", 30, {"p.xml", 9, 5}}};
  std::vector<ServiceStandard> s = service_standards(model, &profile);
  EXPECT_EQ(s[0].minutes, 30);
  EXPECT_EQ(s[1].minutes, 1440);
  // 45 minutes meets the model's hour, not the profile's half hour.
  c.priority = "urgent";
  c.channel = "email";
  c.first_response_minutes = 45;
  EXPECT_EQ(compute_kpis({c}, {}, model.service_standards).standards[0].met, 1);
  EXPECT_EQ(compute_kpis({c}, {}, s).standards[0].met, 0);
  profile.service_standards = {{"vip", 5, {"p.xml", 9, 5}}};
  try {
    service_standards(model, &profile);
    ADD_FAILURE() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.diagnostics().front().to_string(), "p.xml:9:5: error: service standard 'vip' is not in the model (expected one of urgent, general, chat, urgent-chat)");
  }
}

TEST(Kpis, NpsIntervalAndIdleChats) {
  // 3 promoters, 1 passive, 1 detractor of 5: NPS 40; p = 0.6, d = 0.2,
  // variance (0.8 − 0.16) / 5 = 0.128, half-width 1.96 × 0.3578 × 100 = 70.1 → −30.1 to 100 (capped).
  std::vector<SurveyAnswer> answers;
  for (int v : {10, 9, 9, 8, 3}) answers.push_back(answer(std::nullopt, v));
  KpiFigures f = compute_kpis({}, answers);
  EXPECT_DOUBLE_EQ(*f.nps.value, 40);
  EXPECT_NEAR(*f.nps_low, 40 - 1.959963984540054 * std::sqrt(0.128) * 100, 1e-9);
  EXPECT_DOUBLE_EQ(*f.nps_high, 100);
  Contact idle, busy, unknown;
  idle.idle = true;
  busy.idle = false;
  f = compute_kpis({idle, busy, busy, busy, unknown}, {});
  EXPECT_EQ(f.idle_chats.n, 4);
  EXPECT_DOUBLE_EQ(*f.idle_chats.value, 25);
}

}  // namespace
}  // namespace cjb
