#pragma once
// Helpers that read elements and attributes the way an XSD would check them, collecting every
// problem with its location instead of stopping at the first.

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "util/text.h"
#include "xml/source.h"

namespace cjb::xml {

class Reader {
 public:
  explicit Reader(const Source& source) : source_(source) {}

  Location at(pugi::xml_node node) const { return source_.locate(node); }
  void problem(pugi::xml_node node, std::string message);

  // The root element must be `name`; otherwise throws InputError right away.
  pugi::xml_node root(const char* name) const;
  // Reports attributes and child elements other than those allowed, and non-blank text
  // directly inside an element that holds only elements.
  void allow(pugi::xml_node node, std::initializer_list<const char*> attributes,
             std::initializer_list<const char*> children);

  // Each of these child elements at most once (the XSDs say so; pugixml would let a reader use
  // the first and ignore the rest).
  void at_most_once(pugi::xml_node node, std::initializer_list<const char*> children);

  std::string required(pugi::xml_node node, const char* attribute, const char* expected);
  // required, and an id by core/ids.h's rules.
  std::string required_id(pugi::xml_node node, const char* attribute, const char* expected);
  // An optional id (empty when absent).
  std::string optional_id(pugi::xml_node node, const char* attribute);
  // A space-separated list of ids (channels), each checked.
  std::vector<std::string> id_list(pugi::xml_node node, const char* attribute, const std::string& text);
  std::string optional(pugi::xml_node node, const char* attribute, const std::string& fallback = "");
  // Numbers are decimal, as in the XSDs: an optional sign, digits, an optional fraction; no
  // exponent, no hexadecimal, no inf or nan, at most kMaxNumber in size.
  static constexpr double kMaxNumber = 1e6;
  double number(pugi::xml_node node, const char* attribute, double fallback);
  std::optional<double> optional_number(pugi::xml_node node, const char* attribute);
  double required_number(pugi::xml_node node, const char* attribute, const char* expected);
  std::optional<int> optional_integer(pugi::xml_node node, const char* attribute);
  // A space-separated list of such numbers (empty when the attribute is absent).
  std::vector<double> number_list(pugi::xml_node node, const char* attribute);
  bool boolean(pugi::xml_node node, const char* attribute, bool fallback);

  pugi::xml_node required_child(pugi::xml_node node, const char* name);
  // Text of a child element with whitespace runs collapsed; empty when the child is missing.
  std::string child_text(pugi::xml_node node, const char* name) const;
  std::string required_child_text(pugi::xml_node node, const char* name, const char* expected);

  const std::vector<Diagnostic>& problems() const { return problems_; }
  void throw_if_problems() const;

 private:
  const Source& source_;
  std::vector<Diagnostic> problems_;
};

// "a  b\n c" → "a b c"
std::string collapse_whitespace(const std::string& text);
// Leading and trailing whitespace removed; the inside kept as typed (util/text.h).
inline std::string trim(const std::string& text) { return std::string(text::trim(text)); }
// Words separated by blanks or commas (util/text.h).
inline std::vector<std::string> split_words(const std::string& text) { return text::split(text, " \t\n\r,"); }

}  // namespace cjb::xml
