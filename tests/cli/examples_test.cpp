// The example assessments in examples/: valid against the standard checklists, and their
// scores pinned by golden JSON (a change to the checklists or the rules shows up here).

#include <cctype>
#include <regex>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/catalog.h"
#include "support.h"
#include "xml/catalog_loader.h"

namespace cjb::test {
namespace {

const std::vector<std::string> kExamples = {"fashion-independent", "online-pureplay", "grocer-omnichannel",
                                            "grocer-omnichannel-revisit", "self-assessment-in-progress"};

TEST(Examples, AllValidate) {
  std::vector<std::string> args{"validate"};
  for (const auto& name : kExamples) args.push_back("examples/" + name + ".xml");
  RunResult r = run_cjb(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_NE(r.out.find("ok: "), std::string::npos) << r.out;
}

class ExampleScore : public ::testing::TestWithParam<std::string> {};

TEST_P(ExampleScore, JsonGolden) {
  RunResult r = run_cjb({"score", "examples/" + GetParam() + ".xml", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  expect_golden(r.out, "examples/" + GetParam() + ".score.json");
}

INSTANTIATE_TEST_SUITE_P(Examples, ExampleScore, ::testing::ValuesIn(kExamples));

nlohmann::json score(const std::string& name) {
  RunResult r = run_cjb({"score", "examples/" + name + ".xml", "--format", "json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return nlohmann::json::parse(r.out);
}

// What each example is for, so that a later edit cannot quietly lose it.
TEST(Examples, EachShowsWhatItIsFor) {
  auto fashion = score("fashion-independent");
  EXPECT_EQ(fashion["assessment"]["channels"], nlohmann::json::parse(R"(["physical"])"));
  EXPECT_EQ(fashion["assessment"]["profile"], "small-independent");
  EXPECT_EQ(fashion["unanswered"].size(), 0u);

  auto online = score("online-pureplay");
  EXPECT_EQ(online["assessment"]["channels"], nlohmann::json::parse(R"(["online"])"));
  EXPECT_EQ(online["assessment"]["profile"], "online-pure-play");
  EXPECT_EQ(online["unanswered"].size(), 0u);

  auto grocer = score("grocer-omnichannel");
  EXPECT_EQ(grocer["assessment"]["channels"], nlohmann::json::parse(R"(["physical","online"])"));
  EXPECT_EQ(grocer["assessment"]["profile"], "grocery");
  // Three critical failures: a blocked fire exit, till prices above shelf prices, late e-mails.
  EXPECT_EQ(grocer["critical_failures"], nlohmann::json::parse(R"(["J-ARR-P-03","J-PUR-P-04","J-SUP-O-02"])"));
  EXPECT_EQ(grocer["unanswered"].size(), 0u);

  // A later visit of the same site, for trends and `cjb compare`: better overall, the old
  // critical failures fixed, a new one, and one item not checked this time.
  auto revisit = score("grocer-omnichannel-revisit");
  EXPECT_EQ(revisit["assessment"]["site_id"], grocer["assessment"]["site_id"]);
  EXPECT_GT(revisit["assessment"]["date"].get<std::string>(), grocer["assessment"]["date"].get<std::string>());
  EXPECT_GT(revisit["overall"]["score"].get<double>(), grocer["overall"]["score"].get<double>());
  EXPECT_EQ(revisit["critical_failures"], nlohmann::json::parse(R"(["J-RET-O-02"])"));
  EXPECT_EQ(revisit["unanswered"], nlohmann::json::parse(R"(["J-RES-O-03"])"));

  auto self = score("self-assessment-in-progress");
  EXPECT_EQ(self["assessment"]["method"], "self-assessment");
  double completeness = self["overall"]["completeness"];
  EXPECT_GT(completeness, 0.4);
  EXPECT_LT(completeness, 0.6);

  for (const auto* doc : {&fashion, &online, &grocer, &revisit, &self}) {
    size_t notes = 0, evidence = 0;
    for (const auto& item : (*doc)["items"]) {
      notes += !item["note"].get<std::string>().empty();
      evidence += !item["evidence"].get<std::string>().empty();
    }
    EXPECT_GT(notes, (*doc)["items"].size() / 3) << (*doc)["assessment"]["id"];
    if (*doc != self) {
      EXPECT_GE(evidence, 3u) << (*doc)["assessment"]["id"];
    }
  }
}

// --evidence observed: what a mystery-shopping programme reports. Only observed items are in
// the scorecard and the report, every one of them observed in the standard checklists.
TEST(Examples, EvidenceObservedScoresOnlyObservedItems) {
  Catalog catalog = xml::load_catalog(source_dir());
  auto observed = [&](const std::string& id) {
    const Item* found = catalog.find_item(id);
    return found && found->evidence_kind == EvidenceKind::Observed;
  };
  RunResult all = run_cjb({"score", "examples/grocer-omnichannel.xml", "--format", "json"});
  RunResult r = run_cjb({"score", "examples/grocer-omnichannel.xml", "--format", "json", "--evidence", "observed"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  auto items = nlohmann::json::parse(r.out)["items"];
  EXPECT_GT(items.size(), 100u);
  EXPECT_LT(items.size(), nlohmann::json::parse(all.out)["items"].size());
  for (const auto& item : items) EXPECT_TRUE(observed(item["id"])) << item["id"];

  RunResult md = run_cjb({"report", "examples/grocer-omnichannel.xml", "--format", "md", "--evidence", "observed"});
  ASSERT_EQ(md.exit_code, 0) << md.err;
  EXPECT_EQ(md.err, "");
  std::regex id_pattern("[LEJ]-[A-Z]{3}(?:-[PO])?-[0-9]{2}");
  int ids = 0;
  for (auto it = std::sregex_iterator(md.out.begin(), md.out.end(), id_pattern); it != std::sregex_iterator(); ++it, ++ids)
    EXPECT_TRUE(observed(it->str())) << it->str() << " is in the observed-only report";
  EXPECT_GT(ids, 10);
  EXPECT_NE(md.out.find("(observed items only)"), std::string::npos) << "the report says what it scores";

  RunResult bad = run_cjb({"score", "examples/grocer-omnichannel.xml", "--evidence", "hearsay"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err, "cjb score: unknown evidence kind 'hearsay' (expected observed, asked or records)\n");
}

// examples/README.md quotes each example's overall score and band; they must stay true.
TEST(Examples, ReadmeQuotesTheRealScores) {
  std::string readme = read_text(source_path("examples/README.md"));
  for (const auto& name : kExamples) {
    auto doc = score(name);
    std::string band = doc["overall"]["band"];
    band[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(band[0])));
    std::string row_start = "| `" + name + ".xml` |";
    size_t row = readme.find(row_start);
    ASSERT_NE(row, std::string::npos) << "examples/README.md has no row for " << name;
    std::string line = readme.substr(row, readme.find('\n', row) - row);
    std::string quoted = fmt::format("| {:.1f} {} |", doc["overall"]["score"].get<double>(), band);
    EXPECT_NE(line.find(quoted), std::string::npos) << line << "\nexpected " << quoted;
  }
}

}  // namespace
}  // namespace cjb::test
