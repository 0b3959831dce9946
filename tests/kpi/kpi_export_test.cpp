// Reading contacts and survey exports: what is read, and every bad input with its exact
// message and place.

#include "kpi/kpi_export.h"

#include <gtest/gtest.h>

#include "core/error.h"

namespace cjb::kpi {
namespace {

// The messages of the InputError that reading text throws; empty when it reads.
std::vector<std::string> problems_of(const std::string& text) {
  try {
    read_kpi_export(text, "x.csv");
  } catch (const InputError& e) {
    std::vector<std::string> out;
    for (const auto& d : e.diagnostics()) out.push_back(d.to_string());
    return out;
  }
  return {};
}

TEST(KpiExport, ContactsInAnyColumnOrderWithOtherColumns) {
  KpiExport e = read_kpi_export(
      "\xEF\xBB\xBFsubject,resolved,id,opened,site,channel,first_response,contacts,handling_minutes,agent\n"
      "\"Refund, late\",2026-01-05 11:00,C1,2026-01-05 09:00,S1,phone,2026-01-05T09:10,1,6.5,Ann\n"
      ",,,,,,,,,\n"
      "Query,,C2, 2026-01-31 23:50 ,S2,chat,,,\n"
      "Short row,,C3,2026-02-01 08:00:30\n",
      "x.csv");
  EXPECT_EQ(e.kind, ExportKind::Contacts);
  ASSERT_EQ(e.contacts.size(), 3u);
  const Contact& c1 = e.contacts[0];
  EXPECT_EQ(c1.id, "C1");
  EXPECT_EQ(c1.site, "S1");
  EXPECT_EQ(c1.channel, "phone");
  EXPECT_EQ(c1.month, "2026-01");
  EXPECT_DOUBLE_EQ(*c1.first_response - c1.opened, 10);
  EXPECT_DOUBLE_EQ(*c1.resolved - c1.opened, 120);
  EXPECT_EQ(c1.contacts, 1);
  EXPECT_EQ(c1.handling_minutes, 6.5);
  EXPECT_EQ(e.contacts[1].month, "2026-01");
  EXPECT_FALSE(e.contacts[1].first_response.has_value());
  EXPECT_FALSE(e.contacts[1].resolved.has_value());
  EXPECT_EQ(e.contacts[2].month, "2026-02");
  EXPECT_EQ(e.contacts[2].site, "");
}

TEST(KpiExport, SurveysWithDatesOrTimes) {
  KpiExport e = read_kpi_export("id,date,csat,nps,comment\nR1,2026-03-02,5,10,\"Great, \"\"really\"\"\"\nR2,2026-04-01 18:30,,6,\nR3,2026-04-02,3,,\n", "x.csv");
  EXPECT_EQ(e.kind, ExportKind::Surveys);
  ASSERT_EQ(e.answers.size(), 3u);
  EXPECT_EQ(e.answers[0].csat, 5);
  EXPECT_EQ(e.answers[0].nps, 10);
  EXPECT_EQ(e.answers[0].month, "2026-03");
  EXPECT_FALSE(e.answers[1].csat.has_value());
  EXPECT_EQ(e.answers[1].month, "2026-04");
  EXPECT_FALSE(e.answers[2].nps.has_value());
  // An NPS-only export is a survey export too.
  EXPECT_EQ(read_kpi_export("id,date,nps\nR1,2026-03-02,9\n", "x.csv").answers.size(), 1u);
}

// A retailer column names each record's retailer, for exports merged across retailers whose
// stores share numbers (docs/kpi.md, "Several retailers"); a ticket's rating keeps it.
TEST(KpiExport, RetailerColumn) {
  KpiExport contacts = read_kpi_export("id,retailer,site,opened,csat\nC1,Maxi,001,2026-01-05 09:00,5\nC2,,001,2026-01-05 09:00,\n", "x.csv");
  ASSERT_EQ(contacts.contacts.size(), 2u);
  EXPECT_EQ(contacts.contacts[0].retailer, "Maxi");
  EXPECT_EQ(contacts.contacts[1].retailer, "");
  ASSERT_EQ(contacts.answers.size(), 1u);
  EXPECT_EQ(contacts.answers[0].retailer, "Maxi");
  KpiExport surveys = read_kpi_export("id,date,nps,retailer\nR1,2026-03-02,9,Mini & Co\n", "x.csv");
  ASSERT_EQ(surveys.answers.size(), 1u);
  EXPECT_EQ(surveys.answers[0].retailer, "Mini & Co");
  // Without the column, no retailer.
  EXPECT_EQ(read_kpi_export("id,site,opened\nC1,001,2026-01-05 09:00\n", "x.csv").contacts[0].retailer, "");
}

TEST(KpiExport, Headers) {
  EXPECT_EQ(problems_of(""), std::vector<std::string>{"x.csv:1:1: error: the export is empty (expected a header row, then one row per contact or survey answer)"});
  EXPECT_EQ(problems_of("name,email\nAnn,a@b\n"),
            std::vector<std::string>{"x.csv:1:1: error: the header names neither a contacts export nor a survey export (expected an 'opened' column, or a 'csat' or 'nps' column)"});
  EXPECT_EQ(problems_of("ticket,opened\nT1,2026-01-01 09:00\n"),
            std::vector<std::string>{"x.csv:1:1: error: the header has no 'id' column (expected a contacts export: id, opened, and any of site, channel, first_response, resolved, contacts, handling_minutes)"});
  EXPECT_EQ(problems_of("id,csat\nR1,5\n"),
            std::vector<std::string>{"x.csv:1:1: error: the header has no 'date' column (expected a survey export: id, date, csat and/or nps, and any of site, channel)"});
  EXPECT_EQ(problems_of("id,opened,site,site\nC1,2026-01-01 09:00,a,b\n"),
            std::vector<std::string>{"x.csv:1:16: error: column 'site' twice (expected each column once; the first is column 3)"});
}

TEST(KpiExport, ContactCells) {
  std::string text =
      "id,opened,first_response,resolved,contacts,handling_minutes\n"
      "C1,2026-01-05 9:00,,,,\n"                                   // line 2: not a time
      ",2026-01-05 09:00,,,,\n"                                    // line 3: no id
      "C4,,,,,\n"                                                  // line 4: no opened
      "C5,2026-01-05 09:00,2026-01-05 08:59,2026-01-04 10:00,,\n"  // line 5: before opened, twice
      "C6,2026-01-05 09:00,,,0,-1\n"                               // line 6: bad count, bad minutes
      "C6,2026-01-05 09:00,,,two,1e3\n"                            // line 7: repeated id, bad count, bad minutes
      "C8,2026-01-05 09:00,,,,,extra\n";                           // line 8: too many fields
  EXPECT_EQ(problems_of(text), (std::vector<std::string>{
      "x.csv:2:4: error: opened '2026-01-05 9:00' is not a local time (expected YYYY-MM-DD HH:MM, with :SS or a T if you like)",
      "x.csv:3:1: error: a row with no id (expected an id for every contact)",
      "x.csv:4:4: error: contact 'C4' has no opened time (expected YYYY-MM-DD HH:MM, with :SS or a T if you like)",
      "x.csv:5:21: error: first_response 2026-01-05 08:59 is before opened 2026-01-05 09:00 (expected a time at or after the contact was opened)",
      "x.csv:5:38: error: resolved 2026-01-04 10:00 is before opened 2026-01-05 09:00 (expected a time at or after the contact was opened)",
      "x.csv:6:23: error: contacts '0' is not a count of contacts (expected a whole number, 1 or more, or blank)",
      "x.csv:6:25: error: handling_minutes '-1' is not a number of minutes (expected a number, 0 or more, such as 7.5, or blank)",
      "x.csv:7:1: error: a second row with id 'C6' (expected one row per contact)",
      "x.csv:7:23: error: contacts 'two' is not a count of contacts (expected a whole number, 1 or more, or blank)",
      "x.csv:7:27: error: handling_minutes '1e3' is not a number of minutes (expected a number, 0 or more, such as 7.5, or blank)",
      "x.csv:8:25: error: the row has 7 fields and the header 6 (expected at most one field per column)",
  }));
}

TEST(KpiExport, IdleIsYesOrNo) {
  EXPECT_EQ(problems_of("id,opened,idle\nC1,2026-01-05 09:00,yes\nC2,2026-01-05 09:00,0\nC3,2026-01-05 09:00,maybe\n"),
            (std::vector<std::string>{
                "x.csv:4:21: error: idle 'maybe' is not yes or no (expected yes, no, true, false, 1 or 0, or blank)",
            }));
}

TEST(KpiExport, SurveyCells) {
  std::string text =
      "id,date,csat,nps\n"
      "R1,2026-02-30,5,9\n"  // line 2: not a date
      "R2,,5,9\n"            // line 3: no date
      "R3,2026-02-01,6,11\n"  // line 4: off both scales
      "R4,2026-02-01,4.5,-1\n";  // line 5: not whole, negative
  EXPECT_EQ(problems_of(text), (std::vector<std::string>{
      "x.csv:2:4: error: date '2026-02-30' is not a date (expected YYYY-MM-DD, or a local time)",
      "x.csv:3:4: error: survey answer 'R2' has no date (expected YYYY-MM-DD)",
      "x.csv:4:15: error: csat '6' is not a CSAT score (expected a whole number from 1 to 5, or blank)",
      "x.csv:4:17: error: nps '11' is not a likelihood to recommend (expected a whole number from 0 to 10, or blank)",
      "x.csv:5:15: error: csat '4.5' is not a CSAT score (expected a whole number from 1 to 5, or blank)",
      "x.csv:5:19: error: nps '-1' is not a likelihood to recommend (expected a whole number from 0 to 10, or blank)",
  }));
}

TEST(KpiExport, MalformedCsvAndUtf8) {
  EXPECT_EQ(problems_of("id,date,csat\nR1,2026-01-01,\"5\n"), std::vector<std::string>{"x.csv:2:1: error: malformed CSV: a quoted field in the record that starts here is never closed (expected every quoted field to be closed)"});
  EXPECT_EQ(problems_of("id,date,csat\nR\xff,2026-01-01,5\n").size(), 1u);
  EXPECT_EQ(problems_of(std::string("\xFF\xFEi\0d\0", 6)), std::vector<std::string>{"x.csv:1:1: error: the file is UTF-16, not UTF-8 (expected UTF-8: save "
                                                                                      "as \"CSV UTF-8\", or convert with `iconv -f UTF-16 -t UTF-8`)"});
}

}  // namespace
}  // namespace cjb::kpi
