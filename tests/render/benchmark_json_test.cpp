// The league of cjb.benchmark/1 is written straight into the text (it is most of the output at
// scale); these tests hold it to what nlohmann writes for the same values, escaping included.

#include "render/benchmark_report.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace cjb::render {
namespace {

using Json = nlohmann::ordered_json;

// The league entry as nlohmann writes it: the form benchmark_json must keep.
Json expected_entry(int rank, const BenchmarkEntry& e, int visits, std::optional<double> change) {
  Json j;
  j["rank"] = rank;
  j["id"] = e.id;
  j["retailer"] = e.subject.retailer;
  j["site"] = e.subject.site;
  j["site_id"] = e.site_key();
  j["sector"] = e.subject.sector;
  j["region"] = e.subject.region;
  j["format"] = e.subject.format;
  j["tags"] = e.subject.tags;
  j["date"] = e.date;
  j["overall"] = e.overall ? Json(*e.overall) : Json(nullptr);
  j["change"] = change ? Json(*change) : Json(nullptr);
  j["visits"] = visits;
  if (!e.file.empty()) j["file"] = e.file;
  Json layers = Json::object();
  for (const auto& l : e.layers) layers[std::string(l.id)] = l.score ? Json(*l.score) : Json(nullptr);
  j["layers"] = layers;
  Json critical = Json::array();
  for (const auto& c : e.critical_failures) critical.push_back(std::string(c));
  j["critical_failures"] = critical;
  return j;
}

// The league's lines, one entry each, as written.
std::vector<std::string> league_lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = text.find("\"league\": [\n");
  EXPECT_NE(start, std::string::npos);
  size_t end = text.find("\n  ]", start);
  std::string body = text.substr(start + 12, end - start - 12);
  for (size_t pos = 0; pos < body.size();) {
    size_t nl = body.find('\n', pos);
    std::string line = body.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    line.erase(0, line.find_first_not_of(' '));
    if (!line.empty() && line.back() == ',') line.pop_back();
    lines.push_back(line);
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
  return lines;
}

TEST(BenchmarkJson, LeagueEntriesAreWhatNlohmannWrites) {
  BenchmarkReport report;
  BenchmarkEntry plain;
  plain.id = "S001-1";
  plain.file = "audits/S001-1.xml";
  plain.subject = {"Northwind Stores", "Fairhaven", "S001", "grocery", "West", "convenience", {"click-collect", "late-opening"}};
  plain.date = "2026-01-15";
  plain.overall = 71.25;
  plain.layers = {{"leadership", 0, 80.0}, {"enablers", 1, 2.0 / 3}, {"journey", 2, std::nullopt}};
  BenchmarkEntry tricky;
  tricky.id = "S002-1";
  // Quotes, a backslash, markup, non-ASCII and a tab: each goes through nlohmann's escaping.
  tricky.subject = {"Caf\xc3\xa9 \"Le\" \\ <Shop>", "Site\tOne", "", "", "", "", {"\xe2\x82\xac-zone"}};
  tricky.date = "2026-02-01";
  tricky.visits = 3;
  tricky.critical_failures = {"J-\"X\"-01"};
  report.entries = {plain, tricky};
  report.files = report.assessments = 2;
  report.rows = site_rows(report.entries);
  report.stats = compute_stats(report.entries);

  std::string text = benchmark_json(report);
  std::vector<std::string> lines = league_lines(text);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0], expected_entry(1, plain, 1, std::nullopt).dump());
  EXPECT_EQ(lines[1], expected_entry(2, tricky, 3, std::nullopt).dump());
  EXPECT_NE(lines[1].find(R"("retailer":"Café \"Le\" \\ <Shop>")"), std::string::npos) << lines[1];
  EXPECT_NE(lines[1].find(R"("site":"Site\tOne")"), std::string::npos) << lines[1];

  // And the whole document parses, with the values read back as they were.
  Json doc = Json::parse(text);
  EXPECT_EQ(doc["league"][1]["retailer"], tricky.subject.retailer);
  EXPECT_EQ(doc["league"][1]["site_id"], "Site\tOne");
  EXPECT_TRUE(doc["league"][1]["overall"].is_null());
  EXPECT_FALSE(doc["league"][1].contains("file"));
  EXPECT_DOUBLE_EQ(doc["league"][0]["layers"]["enablers"].get<double>(), 2.0 / 3);
}

TEST(BenchmarkJson, EmptyLeague) {
  BenchmarkReport report;
  std::string text = benchmark_json(report);
  Json doc = Json::parse(text);
  EXPECT_TRUE(doc["league"].is_array());
  EXPECT_TRUE(doc["league"].empty());
  EXPECT_NE(text.find("\"league\": []"), std::string::npos);
}

}  // namespace
}  // namespace cjb::render
