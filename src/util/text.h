#pragma once
// Small text helpers every layer needs (std only, header-only: core uses them too).

#include <algorithm>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace cjb::text {

// Blanks every trim takes off unless told otherwise.
inline constexpr std::string_view kBlanks = " \t\r\n";

// text without leading and trailing characters of `blanks`.
std::string_view trim(std::string_view text, std::string_view blanks = kBlanks);

// text in ASCII lower case (other bytes unchanged).
std::string lower(std::string_view text);

// The non-empty words of text between any of the separator characters:
// split("a, b,,c", ", ") → {"a", "b", "c"}.
std::vector<std::string> split(std::string_view text, std::string_view separators);

// parts with separator between them; empty parts are kept ({"a", "", "b"} → "a, , b").
std::string join(const std::vector<std::string>& parts, std::string_view separator);

// values as a message lists the choices: "a, b or c" ("a" alone, "" for none). Build the list
// from the table the code checks against, so the message cannot drift from the check; name
// picks the text of a table's row (or_list(units, [](const auto& u) { return u.first; })).
template <typename Table, typename Name = std::identity>
std::string or_list(const Table& values, Name name = {});

// The same with "and": "a, b and c", as a message names all of several things.
template <typename Table, typename Name = std::identity>
std::string and_list(const Table& values, Name name = {});

// The Levenshtein distance between a and b, byte by byte: what "did you mean" suggestions rank by.
size_t edit_distance(std::string_view a, std::string_view b);

// Definitions (inline: the header is all there is, so core can use it without linking).
inline std::string_view trim(std::string_view text, std::string_view blanks) {
  size_t start = text.find_first_not_of(blanks);
  if (start == std::string_view::npos) return {};
  return text.substr(start, text.find_last_not_of(blanks) - start + 1);
}

inline std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

inline std::vector<std::string> split(std::string_view text, std::string_view separators) {
  std::vector<std::string> words;
  size_t at = 0;
  while ((at = text.find_first_not_of(separators, at)) != std::string_view::npos) {
    size_t end = text.find_first_of(separators, at);
    if (end == std::string_view::npos) end = text.size();
    words.emplace_back(text.substr(at, end - at));
    at = end;
  }
  return words;
}

inline std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += separator;
    out += parts[i];
  }
  return out;
}

inline size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

namespace detail {
template <typename Table, typename Name>
std::string listed(const Table& values, Name name, std::string_view last_separator) {
  std::string list;
  size_t i = 0, n = std::size(values);
  for (const auto& value : values) {
    if (i > 0) list += i + 1 == n ? last_separator : ", ";
    list.append(std::string_view(std::invoke(name, value)));
    ++i;
  }
  return list;
}
}  // namespace detail

template <typename Table, typename Name>
std::string or_list(const Table& values, Name name) {
  return detail::listed(values, name, " or ");
}

template <typename Table, typename Name>
std::string and_list(const Table& values, Name name) {
  return detail::listed(values, name, " and ");
}

}  // namespace cjb::text
