// cjb benchmark through the binary: formats, options, and broken files in a batch.

#include <cstdio>
#include <map>
#include <regex>
#include <sstream>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "support.h"

namespace cjb::test {
namespace {

std::string shell(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return out;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  pclose(pipe);
  return out;
}

std::string replace_once(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) text.replace(at, from.size(), to);
  return text;
}

// A copy of the mini assessment as another visit: its own id, site, date and region; `better`
// raises every level 0 answer to 1 (valid on every scale, and no critical failure left).
std::string visit(const std::string& id, const std::string& site_id, const std::string& date, const std::string& region, bool better) {
  std::string text = read_text(source_path("tests/data/mini-assessment.xml"));
  text = replace_once(text, "id=\"mini-2026-01\"", "id=\"" + id + "\"");
  text = replace_once(text, "region=\"North\"", "site-id=\"" + site_id + "\" region=\"" + region + "\"");
  text = replace_once(text, "date=\"2026-01-15\"", "date=\"" + date + "\"");
  if (better) text = replace_all(text, "level=\"0\"", "level=\"1\"");
  return text;
}

class Benchmark : public ::testing::Test {
 protected:
  std::string dir = temp_dir(std::string("benchmark-cli-") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
  void SetUp() override {
    write_text(dir + "/chain/north/a1.xml", visit("a1", "A", "2026-01-05", "North", false));
    write_text(dir + "/chain/north/a2.xml", visit("a2", "A", "2026-01-25", "North", true));
    write_text(dir + "/chain/north/a3.xml", visit("a3", "A", "2026-02-10", "North", true));
    write_text(dir + "/chain/south/b1.xml", visit("b1", "B", "2026-01-12", "South", false));
    write_text(dir + "/chain/notes.txt", "not an assessment, and not *.xml: never read");
  }
  RunResult run(std::vector<std::string> args) {
    args.insert(args.begin(), "benchmark");
    args.push_back("--data-dir");
    args.push_back("tests/data/mini");
    return run_cjb(args);
  }
};

TEST_F(Benchmark, TextGolden) {
  RunResult r = run({dir + "/chain", "--by", "region"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
  expect_golden(r, "benchmark-mini.txt");
}

// --site answers only that question: the site's visits in date order, the change per group.
TEST_F(Benchmark, SiteTrendGolden) {
  RunResult r = run({dir + "/chain", "--site", "A"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out.find("League table"), std::string::npos);
  expect_golden(r, "benchmark-mini-site.txt");
}

// Site-ids are each retailer's own: a trend that would mix two retailers' store "A" is refused.
TEST_F(Benchmark, SiteOfTwoRetailersIsExit2) {
  write_text(dir + "/chain/other/x1.xml", replace_once(visit("x1", "A", "2026-03-01", "East", true), "retailer=\"Mini &amp; Co\"", "retailer=\"Maxi\""));
  RunResult r = run({dir + "/chain", "--site", "A"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "cjb benchmark: --site 'A' is a site of 2 retailers, Maxi and Mini & Co (expected the files of one retailer)\n");
  EXPECT_EQ(run({dir + "/chain", "--site", "B"}).exit_code, 0);
}

TEST_F(Benchmark, UnknownSiteIsExit2WithDidYouMean) {
  RunResult r = run({dir + "/chain", "--site", "a"});  // site keys are matched exactly
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "cjb benchmark: --site 'a' is not a site of these assessments (did you mean A, B?)\n");
  RunResult far = run({dir + "/chain", "--site", "NOPE"});
  EXPECT_EQ(far.exit_code, 2);
  EXPECT_EQ(far.err, "cjb benchmark: --site 'NOPE' is not a site of these assessments (expected a site-id, else a site name)\n");
}

TEST_F(Benchmark, LeagueRanksStoresNotVisits) {
  RunResult r = run({dir + "/chain", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["league"].size(), 2u);  // A (3 visits) and B (1), not 4 visits
  EXPECT_EQ(j["rows"], "site");
  EXPECT_EQ(j["league"][0]["id"], "a3");  // A's latest visit
  EXPECT_EQ(j["league"][0]["visits"], 3);
  EXPECT_DOUBLE_EQ(j["league"][0]["change"].get<double>(), 0);  // a3 − a2: the same answers
  EXPECT_EQ(j["league"][1]["id"], "b1");
  EXPECT_EQ(j["league"][1]["visits"], 1);
  EXPECT_TRUE(j["league"][1]["change"].is_null());
  EXPECT_EQ(j["stats"]["overall"]["n"], 2);  // distributions over stores too

  RunResult all = run({dir + "/chain", "--visits", "all", "--format", "json"});
  auto every = nlohmann::json::parse(all.out);
  EXPECT_EQ(every["rows"], "visit");
  ASSERT_EQ(every["league"].size(), 4u);
  EXPECT_EQ(every["league"][0]["id"], "a2");
  EXPECT_DOUBLE_EQ(every["league"][0]["change"].get<double>(), every["league"][0]["overall"].get<double>() - every["league"][2]["overall"].get<double>());
}

// 45 sites: the terminal gets the top 20, a count, the bottom 20; --all and JSON get all.
TEST_F(Benchmark, TextShowsTopAndBottomTwentyUnlessAll) {
  for (int i = 0; i < 45; ++i)
    write_text(fmt::format("{}/big/s{:02}.xml", dir, i), visit(fmt::format("s{:02}", i), fmt::format("S{:02}", i), "2026-01-05", "North", i % 2 == 0));
  RunResult r = run({dir + "/big"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("  … 5 more sites (--all prints every row)\n"), std::string::npos);
  EXPECT_NE(r.out.find("\n  20  S"), std::string::npos);
  EXPECT_EQ(r.out.find("\n  21  S"), std::string::npos);
  EXPECT_NE(r.out.find("\n  26  S"), std::string::npos);
  RunResult all = run({dir + "/big", "--all"});
  EXPECT_NE(all.out.find("\n  21  S"), std::string::npos);
  EXPECT_EQ(all.out.find("more sites"), std::string::npos);
  auto j = nlohmann::json::parse(run({dir + "/big", "--format", "json"}).out);
  EXPECT_EQ(j["league"].size(), 45u);
}

// Issue 18: text fits a terminal. A chain with long site ids, names, regions, formats and tags:
// every line of the text stays within kTerminalColumns (100) characters, cut names end in "…",
// and JSON keeps every name whole.
TEST_F(Benchmark, TextFitsATerminalOnAWideNamedChain) {
  const std::string name = "The Very Long Named Flagship Superstore of Greater Exampleshire";
  for (int i = 0; i < 45; ++i) {
    std::string text = visit(fmt::format("w{:02}", i), fmt::format("SITE-WITH-A-LONG-IDENTIFIER-{:02}", i), "2026-01-05",
                             "North East and Cumbria", i % 2 == 0);
    text = replace_once(text, "site=\"High Street &lt;1&gt;\"", "site=\"" + name + " " + std::to_string(i) + "\"");
    text = replace_once(text, "format=\"store\"", "format=\"out-of-town-superstore-with-garden-centre\"");
    text = replace_once(text, "<tag>test</tag>", "<tag>click-and-collect-lockers</tag><tag>pharmacy-counter</tag>");
    write_text(fmt::format("{}/wide/w{:02}.xml", dir, i), text);
    if (i < 3) write_text(fmt::format("{}/wide/w{:02}-again.xml", dir, i), replace_once(replace_once(text, "id=\"w", "id=\"again-w"), "2026-01-05", "2026-03-05"));
  }
  auto characters = [](const std::string& line) {
    size_t n = 0;
    for (unsigned char c : line) n += (c & 0xC0) != 0x80;
    return n;
  };
  for (std::vector<std::string> options : {std::vector<std::string>{}, {"--all"}, {"--visits", "all"}, {"--visits", "all", "--all"},
                                           {"--by", "region"}, {"--by", "site-id"}, {"--by", "tag"}, {"--by", "format"}}) {
    std::vector<std::string> args{dir + "/wide"};
    args.insert(args.end(), options.begin(), options.end());
    RunResult r = run(args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    size_t at = r.out.find("\nLeague table");
    ASSERT_NE(at, std::string::npos);
    size_t lines = 0, widest = 0;
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line); ++lines) {
      widest = std::max(widest, characters(line));
      EXPECT_LE(characters(line), 100u) << line;
    }
    EXPECT_GT(widest, 80u);  // the limit is used, not met by leaving everything out
    size_t first = r.out.find("\n   1  SITE-WITH-A…  ", at);
    ASSERT_NE(first, std::string::npos) << r.out.substr(at);
    std::string row = r.out.substr(first + 1, r.out.find('\n', first + 1) - first - 1);
    EXPECT_NE(row.find("  The Very Long…  "), std::string::npos) << row;
    EXPECT_NE(row.find("  North Eas…  2026-03-05"), std::string::npos) << row;
    if (options.size() == 2 && options[0] == "--by") {
      EXPECT_NE(r.out.find("(medians; p25 and p75 of the overall score)\n"), std::string::npos);
      // 45 sites do not fit across: the columns that do, and a count of the rest.
      if (options[1] == "site-id") {
        EXPECT_NE(r.out.find("more values (--format csv or json)\n"), std::string::npos) << r.out;
      }
    }
  }
  auto j = nlohmann::json::parse(run({dir + "/wide", "--format", "json"}).out);
  EXPECT_EQ(j["league"][0]["site"].get<std::string>().substr(0, name.size()), name);
  EXPECT_EQ(j["league"][0]["format"], "out-of-town-superstore-with-garden-centre");
}

// A boutique scored with another profile is never pooled with the chain: its own cohort, or
// left out by --profile, and never the chain's peer.
TEST_F(Benchmark, ScopesAreCohortsNotPooled) {
  std::string boutique = replace_once(visit("x1", "X", "2026-01-07", "East", true), "profile=\"mini-omnichannel\"", "profile=\"mini-store\"");
  boutique = std::regex_replace(boutique, std::regex("    <response item=\"J-[A-Z]+-O-[0-9]+\"(?:[^>]*/>|[^>]*>[\\s\\S]*?</response>)\n"), "");  // in store only
  write_text(dir + "/chain/east/x1.xml", boutique);
  RunResult r = run({dir + "/chain", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["cohorts"].size(), 2u);
  EXPECT_EQ(j["cohorts"][0]["cohort"]["label"], "profile mini-omnichannel (physical, online)");
  EXPECT_EQ(j["cohorts"][0]["league"].size(), 2u);
  EXPECT_EQ(j["cohorts"][1]["league"].size(), 1u);
  EXPECT_EQ(j["cohorts"][1]["league"][0]["id"], "x1");

  RunResult one = run({dir + "/chain", "--profile", "mini-omnichannel"});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_NE(one.out.find("Not pooled (another scope): profile mini-store (physical): 1 assessment\n"), std::string::npos) << one.out;
  EXPECT_EQ(one.out.find("x1"), std::string::npos);

  RunResult subject = run({dir + "/chain", "--subject", dir + "/chain/south/b1.xml", "--format", "json"});
  auto s = nlohmann::json::parse(subject.out);
  const auto& mine = s["cohorts"][0]["subject"];
  EXPECT_EQ(mine["peers_left_out"]["own_site"], 1);     // b1 itself
  EXPECT_EQ(mine["peers_left_out"]["other_scope"], 1);  // the boutique
  EXPECT_EQ(mine["standings"][0]["peers"], 1);          // A's latest visit only

  RunResult csv = run({dir + "/chain", "--format", "csv"});
  EXPECT_EQ(csv.exit_code, 2);
  EXPECT_EQ(csv.err, "cjb benchmark: the files hold 2 scopes, and a CSV holds one (expected --profile P, or json; found "
                     "profile mini-omnichannel (physical, online): 4 assessments; profile mini-store (physical): 1 assessment)\n");
}

// Every cell of the heat map is the touchpoint's score that `cjb score` gives for the site's
// latest visit, to the last bit, and no cell is missing.
TEST_F(Benchmark, HeatmapCellsAreWhatScoreSays) {
  RunResult r = run({dir + "/chain", "--format", "svg"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  std::map<std::string, std::map<std::pair<std::string, std::string>, std::string>> cells;  // site → (group, channel) → score
  std::regex cell(R"re(data-site="([^"]*)" data-group="([^"]*)" data-channel="([^"]*)" data-score="([^"]*)")re");
  for (auto it = std::sregex_iterator(r.out.begin(), r.out.end(), cell); it != std::sregex_iterator(); ++it)
    cells[(*it)[1]][{(*it)[2], (*it)[3]}] = (*it)[4];
  ASSERT_EQ(cells.size(), 2u);
  for (const auto& [site, file] : {std::pair{"A", "/chain/north/a3.xml"}, std::pair{"B", "/chain/south/b1.xml"}}) {
    RunResult score = run_cjb({"score", dir + file, "--data-dir", "tests/data/mini", "--format", "json"});
    ASSERT_EQ(score.exit_code, 0) << score.err;
    auto card = nlohmann::json::parse(score.out);
    size_t journey = 0;
    for (const auto& section : card["sections"]) {
      if (section["channel"] == "all") continue;  // leadership and enablers: not touchpoints
      ++journey;
      auto found = cells[site].find({section["group"], section["channel"]});
      ASSERT_NE(found, cells[site].end()) << site << " " << section["group"] << " " << section["channel"];
      if (section["score"].is_null()) EXPECT_EQ(found->second, "");
      else EXPECT_EQ(std::stod(found->second), section["score"].get<double>()) << site << " " << section["group"];
    }
    EXPECT_EQ(cells[site].size(), journey) << site;
    EXPECT_GT(journey, 10u);
  }
  // Band colours and the legend come from the model.
  EXPECT_NE(r.out.find(">Developing 40–60</text>"), std::string::npos);
  EXPECT_NE(r.out.find(">no score</text>"), std::string::npos);
}

// HTML: the heat map, box plots per layer and group (with the subject marked), and the trend
// as a line chart with a point per visit.
TEST_F(Benchmark, HtmlHasHeatmapBoxPlotsAndTrendChart) {
  RunResult r = run({dir + "/chain", "--format", "html", "--subject", dir + "/chain/south/b1.xml"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"heatmap\""), std::string::npos);
  size_t boxes = r.out.find("class=\"boxplots\"");
  ASSERT_NE(boxes, std::string::npos);
  std::string plot = r.out.substr(boxes, r.out.find("</svg>", boxes) - boxes);
  EXPECT_NE(plot.find("Vision and values: median "), std::string::npos);
  EXPECT_NE(plot.find("<title>subject: "), std::string::npos);
  RunResult trend = run({dir + "/chain", "--format", "html", "--site", "A"});
  size_t chart = trend.out.find("class=\"trend\"");
  ASSERT_NE(chart, std::string::npos);
  std::string line = trend.out.substr(chart, trend.out.find("</svg>", chart) - chart);
  EXPECT_NE(line.find("<title>Overall 2026-01-05: 53.8</title>"), std::string::npos) << line;
  EXPECT_NE(line.find("<title>Overall 2026-02-10: 58.3</title>"), std::string::npos);
}

TEST_F(Benchmark, JsonKeys) {
  RunResult r = run({dir + "/chain", "--format", "json", "--visits", "all"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["schema"], "cjb.benchmark/1");
  EXPECT_EQ(j["assessments"], 4);
  EXPECT_EQ(j["left_out"], 0);
  ASSERT_EQ(j["league"].size(), 4u);
  for (const char* key : {"id", "retailer", "site", "date", "overall"}) EXPECT_TRUE(j["league"][0].contains(key)) << key;
  // Best first: a2 and a3 score the same, ties by id.
  EXPECT_EQ(j["league"][0]["id"], "a2");
  EXPECT_EQ(j["league"][1]["id"], "a3");
  EXPECT_EQ(j["league"][0]["retailer"], "Mini & Co");
  for (const auto& stats : {j["stats"]["overall"], j["stats"]["layers"]["leadership"], j["stats"]["groups"]["vision"],
                            j["stats"]["channels"]["physical"]})
    for (const char* key : {"n", "mean", "median", "p25", "p75", "min", "max"}) EXPECT_TRUE(stats.contains(key)) << key;
  EXPECT_EQ(j["stats"]["overall"]["n"], 4);
  EXPECT_EQ(j["stats"]["overall"]["max"], j["league"][0]["overall"]);
  EXPECT_EQ(j["stats"]["overall"]["min"], j["league"][3]["overall"]);
}

TEST_F(Benchmark, CombineMergesVisitsPerSiteAndMonth) {
  RunResult r = run({dir + "/chain", "--combine", "mean", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["assessments"], 4);
  ASSERT_EQ(j["league"].size(), 3u);  // A in January (2 visits), A in February, B in January
  std::map<std::string, nlohmann::json> by_id;
  for (const auto& e : j["league"]) by_id[e["id"]] = e;
  ASSERT_TRUE(by_id.count("A@2026-01"));
  EXPECT_EQ(by_id["A@2026-01"]["visits"], 2);
  double worse = by_id["B@2026-01"]["overall"], better = by_id["A@2026-02"]["overall"];
  EXPECT_DOUBLE_EQ(by_id["A@2026-01"]["overall"].get<double>(), (worse + better) / 2);
  EXPECT_EQ(j["combine"]["period"], "month");

  RunResult quarter = run({dir + "/chain", "--combine", "latest", "--period", "quarter", "--format", "json"});
  auto q = nlohmann::json::parse(quarter.out);
  ASSERT_EQ(q["league"].size(), 2u);
  EXPECT_EQ(q["league"][0]["id"], "A@2026-Q1");
  EXPECT_EQ(q["league"][0]["visits"], 3);
}

TEST_F(Benchmark, SubjectAgainstPeers) {
  // Five more sites, each one visit like b1's: six stores, so b1 has five peers (A's latest visit
  // and the five) and is ranked.
  for (const char* site : {"C", "D", "E", "F", "G"})
    write_text(dir + "/chain/south/" + site + ".xml", visit(std::string("v") + site, site, "2026-01-12", "South", false));
  RunResult r = run({dir + "/chain", "--subject", dir + "/chain/south/b1.xml", "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // b1 is left out of its own peers: six peers, A better, five equal.
  EXPECT_NE(r.out.find("kind,id,score,peers,percentile_rank,median,gap_to_median,best,gap_to_best\n"), std::string::npos);
  EXPECT_NE(r.out.find("\noverall,overall,"), std::string::npos);
  auto line_start = r.out.find("\noverall,overall,") + 1;
  std::string line = r.out.substr(line_start, r.out.find('\n', line_start) - line_start);
  EXPECT_NE(line.find(",6,41.666666666666664,"), std::string::npos) << line;  // (0 below + 0.5·5 equal) / 6

  // Fewer than five peers: no rank, and the text says why.
  RunResult few = run({dir + "/chain/north", dir + "/chain/south/b1.xml", "--subject", dir + "/chain/south/b1.xml"});
  ASSERT_EQ(few.exit_code, 0) << few.err;
  EXPECT_NE(few.out.find("too few peers to rank (n = 1)"), std::string::npos) << few.out;
  EXPECT_NE(few.out.find("Like for like: 1 visit of the subject's own site left out."), std::string::npos) << few.out;
}

TEST_F(Benchmark, BrokenFilesAreLeftOutAndCounted) {
  write_text(dir + "/chain/broken.xml", "<assessment id=\"x\">\n  <subject retailer=\"R\"\n</assessment>\n");
  write_text(dir + "/chain/checklist.xml", read_text(source_path("tests/data/mini/checklists/leadership.xml")));
  RunResult r = run({dir + "/chain", "--format", "json"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, dir + "/chain/broken.xml:3:1: error: malformed XML: Error parsing start element tag (expected well-formed XML)\n" +
                       dir + "/chain/checklist.xml:3:1: error: root element is <checklist> (expected <assessment>)\n"
                       "cjb: 2 of 6 files left out\n");
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["assessments"], 4);
  EXPECT_EQ(j["left_out"], 2);
  EXPECT_EQ(j["left_out_files"][0]["file"], dir + "/chain/broken.xml");
}

TEST_F(Benchmark, StrictStopsAtTheFirstBrokenFile) {
  write_text(dir + "/chain/broken.xml", "<assessment id=\"x\">\n  <subject retailer=\"R\"\n</assessment>\n");
  RunResult r = run({dir + "/chain", "--strict", "--jobs", "2"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, dir + "/chain/broken.xml:3:1: error: malformed XML: Error parsing start element tag (expected well-formed XML)\n"
                   "cjb: stopped at " + dir + "/chain/broken.xml (--strict)\n");
}

TEST_F(Benchmark, HtmlEscapesWhatUsersTyped) {
  RunResult r = run({dir + "/chain", "--format", "html"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("High Street &lt;1&gt;"), std::string::npos);
  EXPECT_NE(r.out.find("Mini &amp; Co"), std::string::npos);
  EXPECT_EQ(r.out.find("<1>"), std::string::npos);
  EXPECT_EQ(r.out.rfind("<!DOCTYPE html>", 0), 0u);
}

TEST_F(Benchmark, PdfIsReproducible) {
  RunResult a = run_cjb({"benchmark", dir + "/chain", "--data-dir", "tests/data/mini", "--format", "pdf", "-o", dir + "/a.pdf"}, "",
                        {"SOURCE_DATE_EPOCH=1767225600"});
  RunResult b = run_cjb({"benchmark", dir + "/chain", "--data-dir", "tests/data/mini", "--format", "pdf", "-o", dir + "/b.pdf"}, "",
                        {"SOURCE_DATE_EPOCH=1767225600"});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(a.out, "");
  EXPECT_EQ(a.err, "");
  std::string pdf = read_text(dir + "/a.pdf");
  EXPECT_EQ(pdf.rfind("%PDF-", 0), 0u);
  EXPECT_EQ(pdf, read_text(dir + "/b.pdf"));
}

// --kpi: each site's audit score beside its KPIs, and Spearman's rho across the sites.
TEST_F(Benchmark, KpisBesideAuditScoresBySite) {
  write_text(dir + "/chain/south/c1.xml", visit("c1", "C", "2026-01-20", "South", true));
  // First responses: C 5, A 10, B 30 minutes; audit scores: C > A > B (A has one weak visit of
  // three, B only that one). NPS: A +100, B −100, C 0. D has records but no audit.
  write_text(dir + "/contacts.csv",
             "id,site,opened,first_response\n"
             "1,A,2026-01-05 09:00,2026-01-05 09:10\n"
             "2,B,2026-01-05 09:00,2026-01-05 09:30\n"
             "3,C,2026-01-05 09:00,2026-01-05 09:05\n"
             "4,D,2026-01-05 09:00,2026-01-05 10:00\n");
  write_text(dir + "/surveys.csv", "id,site,date,nps\n1,A,2026-01-05,9\n2,B,2026-01-05,0\n3,C,2026-01-05,7\n");
  RunResult r = run({dir + "/chain", "--kpi", dir + "/contacts.csv", dir + "/surveys.csv", "--format", "json", "--visits", "all"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  auto j = nlohmann::json::parse(r.out);
  const auto& kpis = j["kpis"];
  ASSERT_EQ(kpis["exports"].size(), 2u);
  ASSERT_EQ(kpis["sites"].size(), 4u);
  std::map<std::string, double> overall;
  for (const auto& e : j["league"]) overall[e["id"]] = e["overall"].get<double>();
  const auto& a = kpis["sites"][0];
  EXPECT_EQ(a["site"], "A");
  EXPECT_EQ(a["assessments"], 3);
  EXPECT_DOUBLE_EQ(a["audit_score"].get<double>(), (overall["a1"] + overall["a2"] + overall["a3"]) / 3);
  EXPECT_EQ(a["first_response_minutes"]["median"], 10.0);
  EXPECT_EQ(kpis["sites"][3]["site"], "D");
  EXPECT_EQ(kpis["sites"][3]["assessments"], 0);
  EXPECT_TRUE(kpis["sites"][3]["audit_score"].is_null());
  std::map<std::string, nlohmann::json> rho;
  for (const auto& c : kpis["correlations"]) rho[c["kpi"]] = c;
  ASSERT_EQ(rho.size(), 6u);
  EXPECT_EQ(rho["first_response_median"]["sites"], 3);
  EXPECT_DOUBLE_EQ(rho["first_response_median"]["rho"].get<double>(), -1.0);
  // Ranks: audit A 2, B 1, C 3; NPS A 3, B 1, C 2 → 1 − 6 × 2 / (3 × 8) = 0.5.
  EXPECT_DOUBLE_EQ(rho["nps"]["rho"].get<double>(), 0.5);
  EXPECT_EQ(rho["csat_percent"]["sites"], 0);
  EXPECT_TRUE(rho["csat_percent"]["rho"].is_null());

  RunResult text = run({dir + "/chain", "--kpi", dir + "/contacts.csv"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("Audit score beside service KPIs, by site"), std::string::npos);
  EXPECT_NE(text.out.find("First response time (median)      3                                -1.00"), std::string::npos) << text.out;
}

// --kpi across two retailers that both number a store A: records that name no retailer cannot
// be joined to either (exit 2); with a retailer column each store A has its own audits and
// records, and the table names the retailer (docs/kpi.md, "Several retailers").
TEST_F(Benchmark, KpisOfTwoRetailersWithTheSameSiteIds) {
  write_text(dir + "/chain/other/x1.xml", replace_once(visit("x1", "A", "2026-03-01", "East", true), "retailer=\"Mini &amp; Co\"", "retailer=\"Maxi\""));
  write_text(dir + "/plain.csv", "id,site,opened,first_response\n1,A,2026-01-05 09:00,2026-01-05 09:10\n2,B,2026-01-05 09:00,2026-01-05 09:30\n");
  RunResult plain = run({dir + "/chain", "--kpi", dir + "/plain.csv"});
  EXPECT_EQ(plain.exit_code, 2);
  EXPECT_EQ(plain.out, "");
  EXPECT_EQ(plain.err, "cjb benchmark: --kpi records name site 'A' without a retailer, and it is a site of 2 retailers, Maxi and Mini & Co "
                       "(expected a retailer column in the exports)\n");

  write_text(dir + "/named.csv",
             "id,retailer,site,opened,first_response\n"
             "1,Mini & Co,A,2026-01-05 09:00,2026-01-05 09:10\n"
             "2,Maxi,A,2026-01-05 09:00,2026-01-05 09:20\n"
             "3,,B,2026-01-05 09:00,2026-01-05 09:30\n");
  RunResult named = run({dir + "/chain", "--kpi", dir + "/named.csv", "--format", "json", "--visits", "all"});
  ASSERT_EQ(named.exit_code, 0) << named.err;
  EXPECT_EQ(named.err, "");
  nlohmann::json json = nlohmann::json::parse(named.out);
  const auto& sites = json["kpis"]["sites"];
  ASSERT_EQ(sites.size(), 3u) << sites;
  auto check = [&](size_t i, const char* retailer, const char* site, int assessments, double first_response) {
    EXPECT_EQ(sites[i]["retailer"], retailer) << i;
    EXPECT_EQ(sites[i]["site"], site) << i;
    EXPECT_EQ(sites[i]["assessments"], assessments) << i;
    EXPECT_EQ(sites[i]["first_response_minutes"]["median"], first_response) << i;
  };
  check(0, "Maxi", "A", 1, 20);
  check(1, "Mini & Co", "A", 3, 10);
  check(2, "Mini & Co", "B", 1, 30);  // no retailer named, but only Mini & Co has a store B

  RunResult text = run({dir + "/chain", "--kpi", dir + "/named.csv"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("retailer   site  audits"), std::string::npos) << text.out;
  // The league and the lists name each store A's retailer too (in a terminal, beside its name).
  EXPECT_NE(text.out.find("  2  A     Maxi, High Str…  East    2026-03-01"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("  #  site  retailer   name             region  overall"), std::string::npos) << text.out;
  // The heat map's rows and the highlights name it too.
  RunResult html = run({dir + "/chain", "--format", "html"});
  ASSERT_EQ(html.exit_code, 0) << html.err;
  EXPECT_NE(html.out.find(">Maxi, High Street &lt;1&gt;<"), std::string::npos);
  EXPECT_NE(html.out.find("Lowest: Mini &amp; Co, High Street &lt;1&gt; (B), South, 53.8 on 2026-01-12."), std::string::npos);
}

TEST_F(Benchmark, BadKpiExportStopsBeforeScoring) {
  write_text(dir + "/contacts.csv", "id,site,opened\n1,A,tomorrow\n");
  RunResult r = run({dir + "/chain", "--kpi", dir + "/contacts.csv"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, dir + "/contacts.csv:2:5: error: opened 'tomorrow' is not a local time (expected YYYY-MM-DD HH:MM, with :SS or a T if you like)\n");
}

TEST_F(Benchmark, BadUsage) {
  RunResult by = run({dir + "/chain", "--by", "colour"});
  EXPECT_EQ(by.exit_code, 2);
  EXPECT_EQ(by.err, "cjb benchmark: --by 'colour' is not a field (expected retailer, site, site-id, sector, region, format or tag)\n");
  RunResult pdf = run({dir + "/chain", "--format", "pdf"});
  EXPECT_EQ(pdf.exit_code, 2);
  EXPECT_EQ(pdf.err, "cjb benchmark: --format pdf needs -o FILE (a PDF is not written to a terminal)\n");
  RunResult missing = run({dir + "/nowhere"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_EQ(missing.err, dir + "/nowhere: error: no such file or folder (expected an assessment file or a folder of them)\n");
  RunResult none = run({});
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_EQ(none.err, "cjb benchmark: expected a PATH (see 'cjb benchmark --help')\n") << "named as the usage line names it";
}

// ---- HTML and PDF: the gap report's template, cover and sections (issue 18) -------------------

class BenchmarkPdf : public Benchmark {
 protected:
  // The PDF's text, page by page (pdftotext), whitespace folded.
  std::vector<std::string> pages(const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args{"benchmark", dir + "/chain", "--data-dir", "tests/data/mini", "-o", dir + "/chain.pdf"};
    args.insert(args.end(), extra.begin(), extra.end());
    RunResult r = run_cjb(args, "", {"SOURCE_DATE_EPOCH=1767225600"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    std::string text = shell("pdftotext -layout " + dir + "/chain.pdf -");
    std::vector<std::string> out;
    std::stringstream all(text);
    for (std::string page; std::getline(all, page, '\f');) out.push_back(std::regex_replace(page, std::regex("\\s+"), " "));
    return out;
  }
};

using BenchmarkHtml = Benchmark;

// The model's bands, as the legends name them.
const std::vector<std::string> kMiniBands{"Poor 0–39.9", "Developing 40–59.9", "Established 60–74.9", "Good 75–89.9", "Leading 90–100"};

// -o chain.pdf is a PDF without --format; its first page is the template's cover: the
// consultancy, "Chain benchmark", the chain, its period and cohort, the chain's median.
TEST_F(BenchmarkPdf, CoverNamesTheChainPeriodAndCohort) {
  auto p = pages();
  ASSERT_GE(p.size(), 4u);
  for (const char* expected : {"MERIDIAN · RETAIL ADVISORY", "Chain benchmark", "Mini & Co", "Visits 2026-01-05 to 2026-02-10",
                               "Cohort profile mini-omnichannel", "Overall score", "Median of 2 sites", "Contents"})
    EXPECT_NE(p[0].find(expected), std::string::npos) << expected << "\n" << p[0];
  EXPECT_EQ(p[0].find("Page 1"), std::string::npos) << "the cover has no footer";
  EXPECT_NE(p[1].find("Page 2 of "), std::string::npos) << p[1];
}

// Summary, league, heat map, distributions, movers: in that order, each once, after the cover.
TEST_F(BenchmarkPdf, SectionsInTheIssuesOrder) {
  auto p = pages();
  std::string body;
  for (size_t i = 1; i < p.size(); ++i) body += p[i];
  size_t at = 0;
  for (const char* title : {"01 Summary", "02 League of sites", "03 Heat map: sites by touchpoint", "04 Distributions",
                            "05 Movers and what needs attention"}) {
    size_t found = body.find(title, at);
    ASSERT_NE(found, std::string::npos) << title << "\n" << body;
    at = found + 1;
  }
  EXPECT_NE(body.find("Sites by band"), std::string::npos);
  EXPECT_NE(body.find("Most declined since the previous visit"), std::string::npos);
  // The critical items by how many sites fail them, named by their text from the checklists.
  size_t items = body.find("Critical items failed most often");
  ASSERT_NE(items, std::string::npos);
  EXPECT_NE(body.find("E-STD-01", items), std::string::npos);
  EXPECT_NE(body.find(" 1 50 % 1 ", items), std::string::npos) << body.substr(items, 600);
  std::regex most("Critical item failed most often: E-STD-01 \\(Mini item 1 of standards \\(all\\)\\.\\) at 1 of 2 sites \\(50 %\\)\\.");
  EXPECT_TRUE(std::regex_search(body, most)) << body.substr(0, 2000);
}

// The band legend is the model's (labels and ranges), under the league and the heat map.
TEST_F(BenchmarkPdf, BandLegendFromTheModel) {
  auto p = pages();
  std::string body;
  for (size_t i = 1; i < p.size(); ++i) body += p[i];
  for (const auto& band : kMiniBands) {
    size_t first = body.find(band);
    ASSERT_NE(first, std::string::npos) << band;
    EXPECT_NE(body.find(band, first + 1), std::string::npos) << band << " only once";
  }
  EXPECT_NE(body.find("no score"), std::string::npos);
}

// A reader's document: no file paths of the machine that made it.
TEST_F(BenchmarkPdf, NoFilePaths) {
  auto p = pages({"--site", "A"});
  for (const auto& page : p) {
    EXPECT_EQ(page.find(dir), std::string::npos) << page;
    EXPECT_EQ(page.find(".xml"), std::string::npos) << page;
  }
  std::string all;
  for (const auto& page : p) all += page;
  EXPECT_NE(all.find("Trend of site A"), std::string::npos);
}

// The HTML is the report's page: the template's style sheet and colours, the cover, the
// contents, and a <section> per part in the issue's order.
TEST_F(BenchmarkHtml, TheReportsTemplateCoverAndSections) {
  RunResult r = run({dir + "/chain", "-o", "-", "--format", "html"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string css = read_text(source_path("reports/default/style.css"));
  EXPECT_NE(r.out.find(css.substr(0, 200)), std::string::npos) << "the template's style.css";
  EXPECT_NE(r.out.find("--primary: #1F3A5F;"), std::string::npos);
  size_t cover = r.out.find("<header class=\"cover\">");
  ASSERT_NE(cover, std::string::npos);
  EXPECT_NE(r.out.find("<p class=\"kicker\">Chain benchmark</p>\n<h1>Mini &amp; Co</h1>"), std::string::npos);
  EXPECT_NE(r.out.find("<dt>Cohort</dt><dd>profile mini-omnichannel"), std::string::npos);
  size_t at = cover;
  for (const char* id : {"summary", "league", "heatmap", "distributions", "movers"}) {
    size_t found = r.out.find(std::string("<section id=\"") + id + "\">", at);
    ASSERT_NE(found, std::string::npos) << id;
    at = found;
  }
  for (const auto& band : kMiniBands) {
    size_t space = band.find(' ');
    EXPECT_NE(r.out.find("</span>" + band.substr(0, space) + " " + band.substr(space + 1)), std::string::npos) << band;
  }
  EXPECT_EQ(r.out.find(dir), std::string::npos) << "no file paths";
}

// Like the report's, the page is well-formed XML (XHTML syntax) with every figure in it: the
// subject, the trend chart, the heat map and the box plots.
TEST_F(BenchmarkHtml, IsWellFormedXml) {
  RunResult r = run({dir + "/chain", "--format", "html", "--site", "A", "--subject", dir + "/chain/south/b1.xml", "--by", "region"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  pugi::xml_document doc;
  pugi::xml_parse_result parsed = doc.load_string(r.out.c_str());
  EXPECT_TRUE(parsed) << parsed.description() << " at " << parsed.offset << ": " << r.out.substr(parsed.offset, 80);
  for (const char* id : {"subject", "rollup", "trend", "heatmap", "distributions"})
    EXPECT_TRUE(doc.select_node(fmt::format("//section[@id='{}']", id).c_str())) << id;
  EXPECT_EQ(doc.select_nodes("//section[@id='heatmap']//*[local-name()='rect'][@data-site]").size(), 2u * 23u) << "2 sites, 23 touchpoints across the two channels";
}

// --template picks another of reports/ (or a folder), as for cjb report; an unknown one is a
// usage error naming the places tried.
TEST_F(BenchmarkHtml, TemplateOption) {
  RunResult minimal = run({dir + "/chain", "--format", "html", "--template", "minimal"});
  ASSERT_EQ(minimal.exit_code, 0) << minimal.err;
  EXPECT_NE(minimal.out.find(read_text(source_path("reports/minimal/style.css")).substr(0, 200)), std::string::npos);
  RunResult unknown = run({dir + "/chain", "--format", "html", "--template", "nope"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_EQ(unknown.out, "");
  EXPECT_EQ(unknown.err.rfind("cjb benchmark: template 'nope' not found; tried ", 0), 0u) << unknown.err;
}

// Without --format, -o's extension names the format; anything else is text.
TEST_F(Benchmark, FormatFromTheOutputsExtension) {
  for (const char* ext : {"html", "json", "csv", "svg", "txt"}) {
    RunResult r = run({dir + "/chain", "-o", dir + "/out." + ext});
    ASSERT_EQ(r.exit_code, 0) << ext << r.err;
    std::string text = read_text(dir + "/out." + ext);
    std::string start = std::string(ext) == "html" ? "<!DOCTYPE html>" : std::string(ext) == "json" ? "{" : std::string(ext) == "csv" ? "rank," : std::string(ext) == "svg" ? "<svg" : "Benchmark: ";
    EXPECT_EQ(text.rfind(start, 0), 0u) << ext << ": " << text.substr(0, 80);
  }
}

}  // namespace
}  // namespace cjb::test
