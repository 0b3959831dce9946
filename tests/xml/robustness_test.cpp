// Never a crash or a hang: every reader, fed thousands of seeded random mutations of real
// files, either succeeds or throws InputError with at least one located diagnostic.

#include <random>

#include <gtest/gtest.h>

#include "core/checks.h"
#include "xml/files.h"
#include "support.h"

namespace cjb::xml {
namespace {

std::string mutate(std::string text, std::mt19937& random) {
  std::uniform_int_distribution<int> kind(0, 4);
  int edits = 1 + static_cast<int>(random() % 4);
  for (int e = 0; e < edits && !text.empty(); ++e) {
    size_t at = random() % text.size();
    switch (kind(random)) {
      case 0: text.erase(at, 1 + random() % 20); break;                             // delete a run
      case 1: text[at] = static_cast<char>(random() % 256); break;                  // any byte
      case 2: text.insert(at, 1, "<>&\"'/= \n"[random() % 9]); break;               // markup
      case 3: text.insert(at, text.substr(random() % text.size(), random() % 40)); break;  // duplicate
      case 4: text.resize(at); break;                                               // truncate
    }
  }
  return text;
}

template <typename Parse>
void fuzz(const std::string& original, Parse&& parse, int rounds) {
  std::mt19937 random(20261124);
  int rejected = 0;
  for (int i = 0; i < rounds; ++i) {
    std::string text = mutate(original, random);
    try {
      parse(text);
    } catch (const InputError& e) {
      ++rejected;
      ASSERT_FALSE(e.diagnostics().empty());
      for (const auto& d : e.diagnostics()) ASSERT_EQ(d.where.file, "fuzz.xml") << d.to_string();
    }
  }
  EXPECT_GT(rejected, rounds / 10);  // the mutations do hit the checks
}

TEST(Robustness, ModelReaderSurvivesMutations) {
  std::string text = test::read_text(test::source_path("model/model.xml"));
  fuzz(text, [](const std::string& t) { check_model(parse_model(t, "fuzz.xml")); }, 1500);
}

TEST(Robustness, ChecklistReaderSurvivesMutations) {
  std::string text = test::read_text(test::source_path("tests/data/mini/checklists/journey-online.xml"));
  Model model = parse_model(test::read_text(test::source_path("model/model.xml")), "model.xml");
  fuzz(text, [&](const std::string& t) { check_checklist(model, parse_checklist(t, "fuzz.xml")); }, 1500);
}

TEST(Robustness, AssessmentReaderSurvivesMutations) {
  std::string text = test::read_text(test::source_path("tests/data/mini-assessment.xml"));
  fuzz(text, [](const std::string& t) { parse_assessment(t, "fuzz.xml"); }, 1500);
}

TEST(Robustness, ProfileReaderSurvivesMutations) {
  std::string text = test::read_text(test::source_path("tests/data/mini/checklists/profiles/mini-omnichannel.xml"));
  fuzz(text, [](const std::string& t) { parse_profile(t, "fuzz.xml"); }, 1500);
}

}  // namespace
}  // namespace cjb::xml
