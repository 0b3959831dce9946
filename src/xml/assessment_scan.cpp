#include "xml/assessment_scan.h"

#include <charconv>
#include <cstdint>
#include <cstring>
#include <initializer_list>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/ids.h"
#include "util/utf8.h"
#include "xml/markup_check.h"
#include "xml/reader.h"
#include "xml/source.h"

namespace cjb::xml {

namespace {

// Thrown inside the scan to give up; never leaves this file.
struct GiveUp {};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool blank(const char* text) {
  for (; *text; ++text)
    if (!is_space(*text)) return false;
  return true;
}

// name == literal, inlined: stops at the first difference, so it never reads past name's end.
template <size_t N>
bool is(const char* name, const char (&literal)[N]) {
  for (size_t i = 0; i < N; ++i)
    if (name[i] != literal[i]) return false;
  return true;
}

bool in(const char* name, std::initializer_list<const char*> names) {
  for (const char* n : names)
    if (std::strcmp(name, n) == 0) return true;
  return false;
}

// Reader::allow's rules, giving up instead of reporting; and what Source::check_tree and
// find_markup_fault refuse: an attribute twice, '<' in a value (in a text without '&', a '<'
// in a parsed value was written raw).
void allow(pugi::xml_node node, std::initializer_list<const char*> attributes, std::initializer_list<const char*> children) {
  for (auto a : node.attributes()) {
    if (!in(a.name(), attributes) || std::strchr(a.value(), '<')) throw GiveUp{};
    for (auto b = a.next_attribute(); b; b = b.next_attribute())
      if (std::strcmp(a.name(), b.name()) == 0) throw GiveUp{};
  }
  for (auto c : node.children()) {
    if (c.type() == pugi::node_element) {
      if (!in(c.name(), children)) throw GiveUp{};
    } else if ((c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) && children.size() > 0 && !blank(c.value())) {
      throw GiveUp{};
    }
  }
}

// Present exactly once.
pugi::xml_node required_child(pugi::xml_node node, const char* name) {
  pugi::xml_node child = node.child(name);
  if (!child || child.next_sibling(name)) throw GiveUp{};
  return child;
}

// Reader::required_id / optional_id: a valid id by core/ids.h.
std::string checked_id(std::string id) {
  if (id_problem(id)) throw GiveUp{};
  return id;
}

// Reader::required: present and not blank, trimmed.
std::string required(pugi::xml_node node, const char* name) {
  pugi::xml_attribute a = node.attribute(name);
  if (!a) throw GiveUp{};
  std::string value = trim(a.value());
  if (value.empty()) throw GiveUp{};
  return value;
}

std::string optional(pugi::xml_node node, const char* name) {
  pugi::xml_attribute a = node.attribute(name);
  return a ? trim(a.value()) : std::string();
}

// A level as plain digits (what every real file holds); anything else goes to the full reader.
int level_of(const char* text) {
  while (is_space(*text)) ++text;
  const char* end = text + std::strlen(text);
  while (end > text && is_space(end[-1])) --end;
  int value = 0;
  if (end == text || end - text > 6) throw GiveUp{};
  auto [ptr, ec] = std::from_chars(text, end, value);
  if (ec != std::errc() || ptr != end || *text == '-' || *text == '+') throw GiveUp{};
  return value;
}

bool boolean_of(const char* text) {
  std::string t = trim(text);
  if (t == "true" || t == "1") return true;
  if (t == "false" || t == "0") return false;
  throw GiveUp{};
}

// Plain ASCII (most files) is checked eight bytes at a time; anything else by the full check.
bool valid_utf8(const std::string& text) {
  size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    if (word & 0x8080808080808080ull) return utf8::find_invalid(text) == std::string_view::npos;
  }
  for (; i < text.size(); ++i)
    if (static_cast<unsigned char>(text[i]) >= 0x80) return utf8::find_invalid(text) == std::string_view::npos;
  return true;
}

std::string_view trimmed(const char* text) {
  while (is_space(*text)) ++text;
  std::string_view view(text);
  while (!view.empty() && is_space(view.back())) view.remove_suffix(1);
  return view;
}

Assessment scan(pugi::xml_node root, std::vector<ScannedResponse>& out) {
  if (std::strcmp(root.name(), "assessment") != 0) throw GiveUp{};
  allow(root, {"id", "version"}, {"subject", "meta", "scope", "responses"});
  Assessment a;
  a.id = checked_id(required(root, "id"));

  pugi::xml_node subject = required_child(root, "subject");
  allow(subject, {"retailer", "site", "site-id", "sector", "region", "format"}, {"tag"});
  a.subject.retailer = required(subject, "retailer");
  a.subject.site = required(subject, "site");
  a.subject.site_id = optional(subject, "site-id");
  if (!a.subject.site_id.empty()) checked_id(a.subject.site_id);
  a.subject.sector = optional(subject, "sector");
  a.subject.region = optional(subject, "region");
  a.subject.format = optional(subject, "format");
  for (auto t : subject.children("tag")) {
    allow(t, {}, {});
    std::string tag = collapse_whitespace(t.text().get());
    if (tag.empty()) throw GiveUp{};
    a.subject.tags.push_back(std::move(tag));
  }

  pugi::xml_node meta = required_child(root, "meta");
  allow(meta, {"assessor", "date", "method"}, {});
  a.meta.assessor = optional(meta, "assessor");
  a.meta.date = required(meta, "date");
  a.meta.method = optional(meta, "method");
  if (!is_iso_date(a.meta.date)) throw GiveUp{};

  pugi::xml_node scope = required_child(root, "scope");
  allow(scope, {"model", "profile", "channels"}, {"checklist"});
  a.scope.model = checked_id(required(scope, "model"));
  a.scope.profile = optional(scope, "profile");
  if (!a.scope.profile.empty()) checked_id(a.scope.profile);
  a.scope.channels = split_words(optional(scope, "channels"));
  for (const auto& channel : a.scope.channels) checked_id(channel);
  for (auto c : scope.children("checklist")) {
    allow(c, {"ref"}, {});
    a.scope.checklists.push_back(checked_id(required(c, "ref")));
  }
  if (a.scope.profile.empty() && (a.scope.checklists.empty() || a.scope.channels.empty())) throw GiveUp{};

  pugi::xml_node responses = required_child(root, "responses");
  if (responses.first_attribute()) throw GiveUp{};
  out.clear();
  for (pugi::xml_node x = responses.first_child(); x; x = x.next_sibling()) {
    // allow(responses, {}, {"response"}) and the loop over the responses in one pass.
    if (x.type() != pugi::node_element) {
      if ((x.type() == pugi::node_pcdata || x.type() == pugi::node_cdata) && !blank(x.value())) throw GiveUp{};
      continue;
    }
    if (!is(x.name(), "response")) throw GiveUp{};
    // One pass over the attributes and children of each response (the bulk of every file):
    // the rules of allow(x, {"item", "level", "na"}, {"note", "evidence"}) and of the reads.
    const char* item = nullptr;
    const char* level = nullptr;
    const char* na = nullptr;
    for (pugi::xml_attribute attr = x.first_attribute(); attr; attr = attr.next_attribute()) {
      const char* name = attr.name();
      if (is(name, "item") && !item) item = attr.value();  // an id the instrument's index must know
      else if (is(name, "level") && !level) level = attr.value();
      else if (is(name, "na") && !na) na = attr.value();
      else throw GiveUp{};  // unknown, or written twice
    }
    for (pugi::xml_node c = x.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_element) {
        if (is(c.name(), "note")) {
          allow(c, {}, {});  // <note> holds text only
        } else if (is(c.name(), "evidence")) {
          allow(c, {"file"}, {});  // a photo's file does not change the score; an empty one is the full reader's to report
          if (c.attribute("file") && blank(c.attribute("file").value())) throw GiveUp{};
        } else {
          throw GiveUp{};
        }
      } else if ((c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) && !blank(c.value())) {
        throw GiveUp{};
      }
    }
    if (!item) throw GiveUp{};
    ScannedResponse& r = out.emplace_back();
    r.item = trimmed(item);
    if (r.item.empty()) throw GiveUp{};
    r.na = na ? boolean_of(na) : false;
    if (level) r.level = level_of(level);
    if ((level && r.na) || (!level && !r.na)) throw GiveUp{};
  }
  return a;
}

}  // namespace

namespace {

// Control characters, raw or as character references (&#27;), are refused by the full reader
// (Source::check_characters); the fast path hands such files over rather than accept them.
bool may_hold_control_characters(const std::string& text) {
  for (unsigned char c : text)
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return true;
  return text.find("&#") != std::string::npos;
}

// The common case in one pass: plain ASCII without control characters and without '&'. Such a
// text is valid UTF-8 and holds no control character, raw or referenced. False means "look
// closer", not "bad". The bytes are checked sixteen at a time where SSE2 is there (every
// x86-64); this pass and the parse are most of what a batch costs per file.
bool plain_ascii_without_references(const std::string& text) {
  const char* p = text.data();
  const char* end = p + text.size();
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(0x20), tab = _mm_set1_epi8('\t'), newline = _mm_set1_epi8('\n'),
                ret = _mm_set1_epi8('\r'), amp = _mm_set1_epi8('&');
  for (; end - p >= 16; p += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    // Signed compare: bytes of 0x80 and above are negative, so "below space" takes them too.
    __m128i below_space = _mm_cmplt_epi8(v, space);
    __m128i allowed = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, tab), _mm_cmpeq_epi8(v, newline)), _mm_cmpeq_epi8(v, ret));
    __m128i unusual = _mm_or_si128(_mm_andnot_si128(allowed, below_space), _mm_cmpeq_epi8(v, amp));
    if (_mm_movemask_epi8(unusual) != 0) return false;
  }
#endif
  for (; p < end; ++p) {
    unsigned char c = static_cast<unsigned char>(*p);
    if (c >= 0x80 || c == '&' || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')) return false;
  }
  return true;
}

// "<!" starts only comments and CDATA sections in a file the full reader accepts (it refuses
// a document type declaration).
bool only_comments_and_cdata(const std::string& text) {
  for (size_t at = text.find("<!"); at != std::string::npos; at = text.find("<!", at + 2))
    if (text.compare(at, 4, "<!--") != 0 && text.compare(at, 9, "<![CDATA[") != 0) return false;
  return true;
}

// What the full reader would refuse at once, or the fast path cannot vouch for. A text with
// '&' or non-ASCII bytes goes through find_markup_fault (entities); a plain one cannot hold an
// entity, and '<' in its attribute values is caught by allow().
bool needs_full_reader(const std::string& text) {
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) return true;
  if (plain_ascii_without_references(text)) return !only_comments_and_cdata(text);
  return !valid_utf8(text) || may_hold_control_characters(text) || find_markup_fault(text).has_value();
}

}  // namespace

std::optional<Assessment> scan_assessment(std::string& text, pugi::xml_document& doc, std::vector<ScannedResponse>& responses) {
  if (needs_full_reader(text)) return std::nullopt;
  pugi::xml_parse_result result = doc.load_buffer_inplace(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!result || !doc.document_element()) return std::nullopt;
  // A second root element (pugixml keeps it; the full reader refuses it).
  for (pugi::xml_node n = doc.document_element().next_sibling(); n; n = n.next_sibling())
    if (n.type() == pugi::node_element) return std::nullopt;
  try {
    return scan(doc.document_element(), responses);
  } catch (const GiveUp&) {
    return std::nullopt;
  }
}

}  // namespace cjb::xml
