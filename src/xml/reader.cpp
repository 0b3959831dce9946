#include "xml/reader.h"

#include "core/ids.h"
#include "core/printable.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include <fmt/format.h>

namespace cjb::xml {

void Reader::problem(pugi::xml_node node, std::string message) {
  problems_.push_back({at(node), std::move(message)});
}

pugi::xml_node Reader::root(const char* name) const {
  pugi::xml_node r = source_.root();
  if (std::strcmp(r.name(), name) != 0)
    throw InputError(at(r), fmt::format("root element is <{}> (expected <{}>)", r.name(), name));
  return r;
}

void Reader::allow(pugi::xml_node node, std::initializer_list<const char*> attributes,
                   std::initializer_list<const char*> children) {
  for (auto a : node.attributes()) {
    bool ok = false;
    for (const char* name : attributes) ok = ok || std::strcmp(a.name(), name) == 0;
    // xmlns and xsi attributes are for editors and schema tools.
    ok = ok || std::strncmp(a.name(), "xmlns", 5) == 0 || std::strncmp(a.name(), "xsi:", 4) == 0;
    if (!ok) {
      std::string known;
      for (const char* name : attributes) known += (known.empty() ? "" : ", ") + std::string(name);
      problem(node, fmt::format("unknown attribute '{}' on <{}> (expected {})", a.name(), node.name(),
                                known.empty() ? "no attributes" : known));
    }
  }
  for (auto c : node.children()) {
    if (c.type() == pugi::node_element) {
      bool ok = false;
      for (const char* name : children) ok = ok || std::strcmp(c.name(), name) == 0;
      if (!ok) {
        std::string known;
        for (const char* name : children) known += (known.empty() ? "<" : ", <") + std::string(name) + ">";
        problem(c, fmt::format("unexpected element <{}> in <{}> (expected {})", c.name(), node.name(),
                               known.empty() ? "no child elements" : known));
      }
    } else if ((c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) && children.size() > 0 &&
               !trim(c.value()).empty()) {
      problem(node, fmt::format("unexpected text in <{}> (expected only elements)", node.name()));
    }
  }
}

std::string Reader::required(pugi::xml_node node, const char* attribute, const char* expected) {
  pugi::xml_attribute a = node.attribute(attribute);
  if (!a) {
    problem(node, fmt::format("<{}> has no '{}' attribute (expected {})", node.name(), attribute, expected));
    return {};
  }
  std::string value = trim(a.value());
  if (value.empty()) problem(node, fmt::format("<{}> has an empty '{}' attribute (expected {})", node.name(), attribute, expected));
  return value;
}

void Reader::at_most_once(pugi::xml_node node, std::initializer_list<const char*> children) {
  for (const char* name : children) {
    pugi::xml_node first = node.child(name);
    if (!first) continue;
    for (pugi::xml_node extra = first.next_sibling(name); extra; extra = extra.next_sibling(name))
      problem(extra, fmt::format("second <{}> in <{}> (expected one)", name, node.name()));
  }
}

std::string Reader::required_id(pugi::xml_node node, const char* attribute, const char* expected) {
  std::string value = required(node, attribute, expected);
  if (!value.empty())
    if (auto bad = id_problem(value)) problem(node, fmt::format("'{}' on <{}>: {}", attribute, node.name(), *bad));
  return value;
}

std::string Reader::optional_id(pugi::xml_node node, const char* attribute) {
  std::string value = optional(node, attribute);
  if (!value.empty())
    if (auto bad = id_problem(value)) problem(node, fmt::format("'{}' on <{}>: {}", attribute, node.name(), *bad));
  return value;
}

std::vector<std::string> Reader::id_list(pugi::xml_node node, const char* attribute, const std::string& text) {
  std::vector<std::string> ids = split_words(text);
  for (const auto& id : ids)
    if (auto bad = id_problem(id)) problem(node, fmt::format("'{}' on <{}>: {}", attribute, node.name(), *bad));
  return ids;
}

std::string Reader::optional(pugi::xml_node node, const char* attribute, const std::string& fallback) {
  pugi::xml_attribute a = node.attribute(attribute);
  return a ? trim(a.value()) : fallback;
}

namespace {
// Decimal syntax only: strtod alone would take "0x10" as 16, "1e9", "inf" and "nan".
bool decimal_syntax(const std::string& text) {
  size_t i = (text[0] == '-' || text[0] == '+') ? 1 : 0;
  size_t digits = 0;
  bool point = false;
  for (; i < text.size(); ++i) {
    if (text[i] >= '0' && text[i] <= '9') ++digits;
    else if (text[i] == '.' && !point) point = true;
    else return false;
  }
  return digits > 0;
}

std::optional<double> parse_number(const std::string& text) {
  if (text.empty() || !decimal_syntax(text)) return std::nullopt;
  errno = 0;
  char* end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  if (errno != 0 || end != text.c_str() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}
}  // namespace

std::optional<double> Reader::optional_number(pugi::xml_node node, const char* attribute) {
  pugi::xml_attribute a = node.attribute(attribute);
  if (!a) return std::nullopt;
  auto value = parse_number(trim(a.value()));
  if (!value) {
    problem(node, fmt::format("'{}' is '{}' (expected a decimal number such as 2 or 0.5)", attribute, printable(a.value())));
  } else if (std::abs(*value) > kMaxNumber) {
    problem(node, fmt::format("'{}' is {} (expected a number from -{} to {})", attribute, a.value(), kMaxNumber, kMaxNumber));
    return std::nullopt;
  }
  return value;
}

std::vector<double> Reader::number_list(pugi::xml_node node, const char* attribute) {
  std::vector<double> values;
  pugi::xml_attribute a = node.attribute(attribute);
  if (!a) return values;
  std::string text = a.value();
  for (size_t i = 0; i < text.size();) {
    if (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r') {
      ++i;
      continue;
    }
    size_t end = text.find_first_of(" \t\n\r", i);
    std::string word = text.substr(i, end == std::string::npos ? std::string::npos : end - i);
    auto value = parse_number(word);
    if (!value || std::abs(*value) > kMaxNumber) {
      problem(node, fmt::format("'{}' has '{}' (expected decimal numbers such as 24 or 0.5, separated by spaces)", attribute,
                                printable(word)));
      return {};
    }
    values.push_back(*value);
    i = end == std::string::npos ? text.size() : end;
  }
  return values;
}

double Reader::number(pugi::xml_node node, const char* attribute, double fallback) {
  return optional_number(node, attribute).value_or(fallback);
}

double Reader::required_number(pugi::xml_node node, const char* attribute, const char* expected) {
  if (!node.attribute(attribute)) {
    problem(node, fmt::format("<{}> has no '{}' attribute (expected {})", node.name(), attribute, expected));
    return 0;
  }
  return number(node, attribute, 0);
}

std::optional<int> Reader::optional_integer(pugi::xml_node node, const char* attribute) {
  pugi::xml_attribute a = node.attribute(attribute);
  if (!a) return std::nullopt;
  std::string text = trim(a.value());
  auto value = parse_number(text);
  if (!value || std::floor(*value) != *value || text.find_first_not_of("-0123456789") != std::string::npos ||
      std::abs(*value) > 1e6) {
    problem(node, fmt::format("'{}' is '{}' (expected a whole number)", attribute, a.value()));
    return std::nullopt;
  }
  return static_cast<int>(*value);
}

bool Reader::boolean(pugi::xml_node node, const char* attribute, bool fallback) {
  pugi::xml_attribute a = node.attribute(attribute);
  if (!a) return fallback;
  std::string text = trim(a.value());
  if (text == "true" || text == "1") return true;
  if (text == "false" || text == "0") return false;
  problem(node, fmt::format("'{}' is '{}' (expected true or false)", attribute, a.value()));
  return fallback;
}

pugi::xml_node Reader::required_child(pugi::xml_node node, const char* name) {
  pugi::xml_node child = node.child(name);
  if (!child) problem(node, fmt::format("<{}> has no <{}> element (expected one)", node.name(), name));
  return child;
}

std::string Reader::child_text(pugi::xml_node node, const char* name) const {
  return collapse_whitespace(node.child(name).text().get());
}

std::string Reader::required_child_text(pugi::xml_node node, const char* name, const char* expected) {
  pugi::xml_node child = node.child(name);
  if (!child) {
    problem(node, fmt::format("<{}> has no <{}> element (expected {})", node.name(), name, expected));
    return {};
  }
  std::string text = collapse_whitespace(child.text().get());
  if (text.empty()) problem(child, fmt::format("<{}> is empty (expected {})", name, expected));
  return text;
}

void Reader::throw_if_problems() const {
  if (!problems_.empty()) throw InputError(problems_);
}

std::string collapse_whitespace(const std::string& text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

}  // namespace cjb::xml
