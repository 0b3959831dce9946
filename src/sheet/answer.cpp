#include "sheet/answer.h"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "sheet/csv_reader.h"

namespace cjb::sheet {

namespace {

bool one_of(const std::string& text, std::initializer_list<const char*> words) {
  return std::any_of(words.begin(), words.end(), [&](const char* w) { return text == w; });
}

// "2", "2.0", "2,00" (a decimal comma, as European spreadsheets write) → 2; "2.5", "x" → nullopt.
// An integer too large for int counts as a number outside every scale.
std::optional<long> whole_number(const std::string& text) {
  size_t digits = text.find_first_not_of("0123456789");
  if (digits == 0) return std::nullopt;
  if (digits != std::string::npos) {
    if ((text[digits] != '.' && text[digits] != ',') || digits + 1 == text.size() ||
        text.find_first_not_of('0', digits + 1) != std::string::npos)
      return std::nullopt;
  }
  std::string whole = text.substr(0, digits);
  if (whole.size() > 9) return 1'000'000'000L;
  long value = 0;
  std::from_chars(whole.data(), whole.data() + whole.size(), value);
  return value;
}

const ScaleLevel* level_labelled(const Scale& scale, const std::string& lowered_label) {
  for (const auto& level : scale.levels)
    if (text::lower(level.label) == lowered_label) return &level;
  return nullptr;
}

bool is_yes_no(const Scale& scale) {
  return scale.levels.size() == 2 && text::lower(scale.levels[0].label) == "no" && text::lower(scale.levels[1].label) == "yes";
}

std::string expected_answers(const Scale& scale) {
  std::string numbers;
  for (const auto& level : scale.levels) numbers += fmt::format("{}, ", level.value);
  std::string example = scale.levels.empty() ? "" : scale.levels[(scale.levels.size()) / 2].label;
  return fmt::format("expected {}a label such as \"{}\"{}, or N/A", numbers, example, is_yes_no(scale) ? ", yes or no" : "");
}

Answer invalid(const std::string& problem) { return Answer{Answer::Kind::kInvalid, 0, problem}; }

}  // namespace

Answer parse_level_answer(const std::string& text, const Scale& scale) {
  std::string typed = trimmed(text);
  std::string answer = text::lower(typed);
  if (answer.empty()) return {};
  if (one_of(answer, {"n/a", "na", "x", "-"})) return Answer{Answer::Kind::kNa};
  if (is_yes_no(scale)) {
    if (one_of(answer, {"yes", "y", "true"})) return Answer{Answer::Kind::kLevel, 1};
    if (one_of(answer, {"no", "n", "false"})) return Answer{Answer::Kind::kLevel, 0};
  }
  std::string range = fmt::format("{}–{}", scale.levels.empty() ? 0 : scale.levels.front().value, scale.max_level());
  if (auto number = whole_number(answer)) {
    if (*number > scale.max_level()) return invalid(fmt::format("\"{}\" is outside the scale {} ({})", typed, range, expected_answers(scale)));
    return Answer{Answer::Kind::kLevel, static_cast<int>(*number)};
  }
  if (const ScaleLevel* level = level_labelled(scale, answer)) return Answer{Answer::Kind::kLevel, level->value};
  // "2 Defined", "2 - Defined", "2: Defined": the number and the label must agree.
  size_t split = answer.find_first_of(" -:");
  if (split != std::string::npos && split > 0) {
    auto number = whole_number(answer.substr(0, split));
    std::string label = answer.substr(answer.find_first_not_of(" -:", split) == std::string::npos ? answer.size() : answer.find_first_not_of(" -:", split));
    const ScaleLevel* level = level_labelled(scale, label);
    if (number && level && *number == level->value) return Answer{Answer::Kind::kLevel, level->value};
    if (number && level)
      return invalid(fmt::format("\"{}\" gives level {} but the label of level {} (expected a level with its own label, e.g. \"{} {}\")",
                                 typed, *number, level->value, level->value, level->label));
    if (number && *number > scale.max_level()) return invalid(fmt::format("\"{}\" is outside the scale {} ({})", typed, range, expected_answers(scale)));
  }
  return invalid(fmt::format("\"{}\" is not an answer on the scale {} ({})", typed, range, expected_answers(scale)));
}

std::optional<bool> parse_na_mark(const std::string& text) {
  std::string mark = text::lower(trimmed(text));
  if (one_of(mark, {"yes", "y", "x", "true", "1", "n/a", "na"})) return true;
  if (one_of(mark, {"", "no", "n", "false", "0", "-"})) return false;
  return std::nullopt;
}

std::string level_answer_text(const Scale& scale, int value) {
  for (const auto& level : scale.levels)
    if (level.value == value && !level.label.empty()) return fmt::format("{} {}", value, level.label);
  return std::to_string(value);
}

}  // namespace cjb::sheet
