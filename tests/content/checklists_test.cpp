// The standard checklists as an audit instrument: sizes, completeness of every item, coverage.

#include <cstdlib>
#include <map>
#include <regex>
#include <set>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "core/catalog.h"
#include "support.h"
#include "xml/catalog_loader.h"

namespace cjb {
namespace {

class StandardChecklists : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { catalog_ = new Catalog(xml::load_catalog(test::source_dir())); }
  static void TearDownTestSuite() { delete catalog_; }
  static Catalog* catalog_;
  const Catalog& catalog() { return *catalog_; }

  std::vector<const Item*> items_of_layer(const std::string& layer) {
    std::vector<const Item*> out;
    for (const auto& c : catalog().checklists)
      for (const auto& item : c.items)
        if (catalog().model.find_group(item.group)->layer == layer) out.push_back(&item);
    return out;
  }
};
Catalog* StandardChecklists::catalog_ = nullptr;

TEST_F(StandardChecklists, LeadershipHasAtLeast12ItemsOverAtLeast4Areas) {
  auto items = items_of_layer(kLeadership);
  std::set<std::string> groups;
  for (auto* i : items) groups.insert(i->group);
  EXPECT_GE(items.size(), 12u);
  EXPECT_GE(groups.size(), 4u);
}

TEST_F(StandardChecklists, EnablersHaveAtLeast40ItemsOverAtLeast7Areas) {
  auto items = items_of_layer(kEnablers);
  std::set<std::string> groups;
  for (auto* i : items) groups.insert(i->group);
  EXPECT_GE(items.size(), 40u);
  EXPECT_GE(groups.size(), 7u);
}

TEST_F(StandardChecklists, AtLeast230ItemsAndEveryJourneySectionHasAtLeastSix) {
  size_t total = 0;
  for (const auto& c : catalog().checklists) total += c.items.size();
  EXPECT_GE(total, 230u);
  auto items = items_of_layer(kJourney);
  EXPECT_GE(items.size(), 160u);
  std::map<std::pair<std::string, std::string>, int> sections;
  for (auto* i : items) ++sections[{i->group, i->channel}];
  for (const auto& group : catalog().model.groups) {
    if (group.layer != kJourney) continue;
    for (const auto& channel : group.channels)
      EXPECT_GE((sections[{group.id, channel}]), 6) << group.id << "/" << channel;
  }
}

TEST_F(StandardChecklists, EveryItemIsComplete) {
  for (const auto& c : catalog().checklists) {
    for (const auto& item : c.items) {
      EXPECT_FALSE(item.guidance.empty()) << item.id;
      EXPECT_FALSE(item.evidence.empty()) << item.id;
      const Scale* scale = catalog().model.find_scale(item.scale);
      ASSERT_NE(scale, nullptr) << item.id;
      ASSERT_EQ(item.levels.size(), scale->levels.size()) << item.id;
      for (const auto& level : item.levels) {
        EXPECT_FALSE(level.descriptor.empty()) << item.id << " level " << level.value;
        if (level.value < scale->max_level()) {
          EXPECT_FALSE(level.improve.empty()) << item.id << " level " << level.value;
        }
      }
      if (catalog().model.find_group(item.group)->layer == kJourney) {
        EXPECT_FALSE(item.drivers.empty()) << item.id;
      }
    }
  }
}

TEST_F(StandardChecklists, EveryItemSaysHowItIsEvidenced) {
  for (const auto& c : catalog().checklists)
    for (const auto& item : c.items) EXPECT_TRUE(item.evidence_kind.has_value()) << item.id << " has no evidence=\"…\"";
}

// A mystery shopper alone must be able to reach every level of an observed item: no descriptor
// may need documents, data or an interview (docs/content.md, "How to read a ladder").
TEST_F(StandardChecklists, EveryLevelOfAnObservedItemIsReachableByObservation) {
  const std::regex back_office(
      "\\b(records?|recorded|recording|logs?|logged|tracked|coaching|coached|monthly|weekly|quarterly|yearly|annually|"
      "interviews?|interviewed|appraisals?|training|trained|rota|dashboards?|reports?|reported|monitored|monitoring|"
      "reviewed|analytics|data|sign-off|signed off|KPIs?|surveys?|feedback|staff say|staff describe|customers say|"
      "tested with|over time|in the last year|routine|procedure)\\b",
      std::regex::icase);
  int observed = 0;
  for (const auto& c : catalog().checklists)
    for (const auto& item : c.items) {
      if (item.evidence_kind != EvidenceKind::Observed) continue;
      ++observed;
      for (const auto& level : item.levels) {
        std::smatch m;
        EXPECT_FALSE(std::regex_search(level.descriptor, m, back_office))
            << item.id << " level " << level.value << " needs back-office evidence ('" << m.str() << "'): " << level.descriptor;
      }
    }
  EXPECT_GE(observed, 120);
}

// Every item says when it may be marked N/A ("N/A when …") or that it never may ("Never N/A").
TEST_F(StandardChecklists, EveryItemStatesItsNotApplicableRule) {
  for (const auto& c : catalog().checklists)
    for (const auto& item : c.items) {
      bool when = item.guidance.find("N/A when") != std::string::npos;
      bool never = item.guidance.find("Never N/A") != std::string::npos;
      EXPECT_TRUE(when != never) << item.id << ": the guidance must say either \"N/A when …\" or \"Never N/A\"";
      EXPECT_EQ(item.guidance.find("not applicable"), std::string::npos) << item.id << " uses the old wording";
    }
}

// Drivers: every leadership and enabler area causes at least three journey items, and no
// journey item is explained by leadership alone (leadership acts through the enablers).
TEST_F(StandardChecklists, DriversReachEveryAreaAndNeverOnlyLeadership) {
  std::map<std::string, int> driven;
  for (auto* item : items_of_layer(kJourney)) {
    bool enabler = false;
    for (const auto& d : item->drivers) {
      ++driven[d];
      enabler = enabler || catalog().model.find_group(d)->layer == kEnablers;
    }
    EXPECT_TRUE(enabler) << item->id << " names only leadership areas as drivers";
  }
  for (const auto& group : catalog().model.groups) {
    if (group.layer == kJourney) continue;
    EXPECT_GE(driven[group.id], 3) << group.id << " drives too few journey items";
  }
}

// The failures that real mystery-shopping forms fail a visit on are critical in the instrument.
TEST_F(StandardChecklists, ComplianceAndConductFailuresAreCritical) {
  for (const char* id : {"J-ARR-P-03", "J-BRO-P-08", "J-PUR-P-04", "J-PUR-P-07", "J-DEL-P-06", "J-WEL-P-06", "J-ARR-O-05",
                         "J-PUR-O-03", "J-PUR-O-07", "J-PUR-O-09", "J-SUP-O-10"}) {
    const Item* item = catalog().find_item(id);
    ASSERT_NE(item, nullptr) << id;
    EXPECT_TRUE(item->critical) << id;
    EXPECT_EQ(item->evidence_kind, EvidenceKind::Observed) << id;
  }
}

// Retired ids are never given to another item, so old assessments cannot be misread.
TEST_F(StandardChecklists, RetiredIdsStayRetired) {
  for (const char* id : {"L-CUL-03", "J-PER-O-04"}) EXPECT_EQ(catalog().find_item(id), nullptr) << id;
}

TEST_F(StandardChecklists, NoItemTextIsRepeated) {
  std::map<std::string, std::string> texts;
  for (const auto& c : catalog().checklists)
    for (const auto& item : c.items) {
      auto [it, fresh] = texts.emplace(item.text, item.id);
      EXPECT_TRUE(fresh) << item.id << " repeats the text of " << it->second;
    }
}

TEST_F(StandardChecklists, CriticalItemsExistWhereFailureHarmsCustomers) {
  int critical = 0;
  for (auto* i : items_of_layer(kJourney)) critical += i->critical;
  EXPECT_GE(critical, 5);
  // No way to complain is a critical failure in both channels.
  for (const char* id : {"J-COM-P-01", "J-COM-O-01"}) {
    const Item* item = catalog().find_item(id);
    ASSERT_NE(item, nullptr) << id;
    EXPECT_TRUE(item->critical) << id;
  }
}

TEST_F(StandardChecklists, EachProfileHasScopeInEveryLayer) {
  ASSERT_GE(catalog().profiles.size(), 5u);
  for (const char* id : {"small-independent", "online-pure-play", "omnichannel-chain", "grocery"}) {
    const Profile* profile = catalog().find_profile(id);
    ASSERT_NE(profile, nullptr) << id;
    Instrument inst = resolve_profile(catalog(), *profile);
    std::map<std::string, int> per_layer;
    for (const auto& s : inst.items) ++per_layer[catalog().model.find_group(s.item->group)->layer];
    for (const char* layer : {kLeadership, kEnablers, kJourney}) EXPECT_GT(per_layer[layer], 0) << id << " " << layer;
  }
}

// Items that only exist with both a store and a web shop, with a store, or with a web shop
// (docs/content.md, "Tailoring"): a single-channel profile is never scored on the others.
const std::set<std::string> kNeedsStoreAndWebShop = {"E-STD-04", "E-STD-10", "E-TEC-06", "J-RES-O-04", "J-RES-O-05",
                                                      "J-RET-P-03", "J-SUP-P-04", "J-SUP-P-05", "J-COM-P-06"};
const std::set<std::string> kStoreOnly = {"E-STD-06", "E-STD-08"};
const std::set<std::string> kWebShopOnly = {"E-TEC-08"};
// What a one-shop owner without a web shop cannot have: chat, social-media queues, a contact centre.
const std::set<std::string> kChatSocialContactCentre = {"E-TEC-02", "E-TEC-03", "E-MEA-06", "E-PRO-01"};

TEST_F(StandardChecklists, ProfilesFitTheirKindOfRetailer) {
  Instrument store = resolve_profile(catalog(), *catalog().find_profile("small-independent"));
  EXPECT_EQ(store.channels, std::vector<std::string>{"physical"});
  Instrument online = resolve_profile(catalog(), *catalog().find_profile("online-pure-play"));
  EXPECT_EQ(online.channels, std::vector<std::string>{"online"});
  Instrument chain = resolve_profile(catalog(), *catalog().find_profile("omnichannel-chain"));
  EXPECT_EQ(chain.channels, (std::vector<std::string>{"physical", "online"}));
  for (const auto& s : online.items) {
    EXPECT_NE(s.item->channel, "physical") << s.item->id;
    EXPECT_FALSE(kNeedsStoreAndWebShop.count(s.item->id) || kStoreOnly.count(s.item->id)) << "online-pure-play scores " << s.item->id;
  }
  for (const auto& s : store.items) {
    EXPECT_NE(s.item->channel, "online") << s.item->id;
    EXPECT_FALSE(kNeedsStoreAndWebShop.count(s.item->id) || kWebShopOnly.count(s.item->id)) << "small-independent scores " << s.item->id;
    EXPECT_FALSE(kChatSocialContactCentre.count(s.item->id)) << "small-independent scores " << s.item->id;
  }
  for (const auto& id : kNeedsStoreAndWebShop) EXPECT_NE(chain.find(id), nullptr) << "omnichannel-chain leaves out " << id;
}

TEST_F(StandardChecklists, GroceryProfileWeighsWhatDecidesTheWeeklyShop) {
  const Profile* profile = catalog().find_profile("grocery");
  ASSERT_NE(profile, nullptr);
  Instrument grocery = resolve_profile(catalog(), *profile);
  EXPECT_EQ(grocery.channels, (std::vector<std::string>{"physical", "online"}));
  EXPECT_EQ(grocery.find("J-BRO-P-06"), nullptr) << "no fitting rooms in a grocer";
  EXPECT_EQ(grocery.find("J-ADV-O-03"), nullptr) << "no size and fit in a grocer";
  for (const char* id : {"J-BRO-P-08", "J-PUR-P-07", "J-DEL-P-06", "J-PUR-P-04", "E-PRO-09"}) {
    const ScopedItem* item = grocery.find(id);
    ASSERT_NE(item, nullptr) << id;
    EXPECT_GT(item->weight, item->item->weight) << id << " should weigh more for a grocer";
  }
}

TEST_F(StandardChecklists, MysteryShopProfileHoldsOnlyObservedItems) {
  const Profile* profile = catalog().find_profile("mystery-shop");
  ASSERT_NE(profile, nullptr);
  Instrument mystery = resolve_profile(catalog(), *profile);
  EXPECT_EQ(mystery.channels, (std::vector<std::string>{"physical", "online"}));
  size_t observed = 0;
  for (const auto& c : catalog().checklists)
    for (const auto& item : c.items) observed += item.evidence_kind == EvidenceKind::Observed;
  EXPECT_EQ(mystery.items.size(), observed) << "every observed item, and nothing else";
  for (const auto& s : mystery.items) EXPECT_EQ(s.item->evidence_kind, EvidenceKind::Observed) << s.item->id;
}

// The counts in docs/content.md are generated from the checklists by this test, so they cannot
// drift: run it with CJB_UPDATE_GOLDEN=1 to rewrite the block between the markers.
std::string content_counts(const Catalog& catalog) {
  const Model& model = catalog.model;
  std::map<std::string, std::map<std::string, int>> by_layer;  // layer → column → count
  std::map<std::pair<std::string, std::string>, int> sections;
  int total = 0;
  for (const auto& c : catalog.checklists)
    for (const auto& item : c.items) {
      auto& row = by_layer[model.find_group(item.group)->layer];
      ++row["items"];
      ++row[item.evidence_kind ? to_string(*item.evidence_kind) : "unset"];
      row["critical"] += item.critical;
      ++sections[{item.group, item.channel}];
      ++total;
    }
  std::string out = "| layer | items | observed | asked | records | critical |\n| --- | ---: | ---: | ---: | ---: | ---: |\n";
  std::map<std::string, int> sum;
  for (const auto& layer : model.layers) {
    auto& row = by_layer[layer.id];
    out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", layer.label, row["items"], row["observed"], row["asked"], row["records"], row["critical"]);
    for (const char* column : {"items", "observed", "asked", "records", "critical"}) sum[column] += row[column];
  }
  out += fmt::format("| **all** | **{}** | **{}** | **{}** | **{}** | **{}** |\n", total, sum["observed"], sum["asked"], sum["records"], sum["critical"]);
  out += "\n| area or touchpoint | layer | in store | online | both channels (leadership, enablers) |\n| --- | --- | ---: | ---: | ---: |\n";
  for (const auto& group : model.groups) {
    auto count = [&](const char* channel) {
      auto it = sections.find({group.id, channel});
      return it == sections.end() ? std::string("–") : std::to_string(it->second);
    };
    out += fmt::format("| {} | {} | {} | {} | {} |\n", group.label, model.find_layer(group.layer)->label, count("physical"), count("online"), count("all"));
  }
  return out;
}

TEST_F(StandardChecklists, ContentDocCountsAreTrue) {
  const std::string begin = "<!-- counts:begin (tests/content/checklists_test.cpp writes this block) -->\n";
  const std::string end = "<!-- counts:end -->";
  std::string path = test::source_path("docs/content.md");
  std::string doc = test::read_text(path);
  size_t from = doc.find(begin), to = doc.find(end);
  ASSERT_NE(from, std::string::npos) << "docs/content.md has no counts block";
  ASSERT_NE(to, std::string::npos);
  from += begin.size();
  std::string expected = content_counts(catalog());
  if (std::getenv("CJB_UPDATE_GOLDEN") && doc.substr(from, to - from) != expected) {
    doc.replace(from, to - from, expected);
    test::write_text(path, doc);
    return;
  }
  EXPECT_EQ(doc.substr(from, to - from), expected) << "CJB_UPDATE_GOLDEN=1 rewrites the counts in docs/content.md";
}

TEST_F(StandardChecklists, EveryIdInTheCoverageDocumentExists) {
  std::string text = test::read_text(test::source_path("docs/coverage.md"));
  ASSERT_FALSE(text.empty());
  std::regex id_pattern("`([LEJ]-[A-Z]{3}(?:-[PO])?-[0-9]{2})`");
  int ids = 0;
  std::set<std::string> covered;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), id_pattern); it != std::sregex_iterator(); ++it) {
    ++ids;
    covered.insert((*it)[1]);
    EXPECT_NE(catalog().find_item((*it)[1]), nullptr) << (*it)[1] << " is listed in docs/coverage.md but does not exist";
  }
  EXPECT_GE(ids, 50);
  EXPECT_GE(covered.size(), 60u);
}

}  // namespace
}  // namespace cjb
