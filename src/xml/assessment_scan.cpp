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

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

// A level as plain digits (what every real file holds); anything else goes to the full reader.
int level_of(std::string_view text) {
  text = trimmed(text);
  int value = 0;
  if (text.empty() || text.size() > 6) throw GiveUp{};
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size() || text.front() == '-' || text.front() == '+') throw GiveUp{};
  return value;
}

bool boolean_of(std::string_view text) {
  text = trimmed(text);
  if (text == "true" || text == "1") return true;
  if (text == "false" || text == "0") return false;
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

// One response's attributes as written (null when absent), read by the rules of the full
// reader: the item trimmed and not blank, a level of plain digits or na, not both, not neither.
using Value = std::optional<std::string_view>;

void add_response(Value item, Value level, Value na, std::vector<ScannedResponse>& out) {
  if (!item) throw GiveUp{};
  ScannedResponse& r = out.emplace_back();
  r.item = trimmed(*item);
  if (r.item.empty()) throw GiveUp{};
  r.na = na ? boolean_of(*na) : false;
  if (level) r.level = level_of(*level);
  if ((level && r.na) || (!level && !r.na)) throw GiveUp{};
}

// Everything but the responses: the root, subject, meta and scope, by the full reader's rules.
// Returns the assessment and, in responses, its <responses> element (checked to be there once).
Assessment scan_head(pugi::xml_node root, pugi::xml_node& responses) {
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

  responses = required_child(root, "responses");
  if (responses.first_attribute()) throw GiveUp{};
  return a;
}

// The responses of a <responses> element, in file order.
void scan_responses(pugi::xml_node responses, std::vector<ScannedResponse>& out) {
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
    Value item, level, na;
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
    add_response(item, level, na, out);
  }
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
// x86-64); this pass and the parse are most of what a batch costs per file. bang tells
// whether the text holds a '!' at all (without one it holds no "<!": no comment, CDATA or
// document type), so that most files need no second pass.
bool plain_ascii_without_references(const std::string& text, bool& bang) {
  const char* p = text.data();
  const char* end = p + text.size();
  bang = false;
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(0x20), tab = _mm_set1_epi8('\t'), newline = _mm_set1_epi8('\n'),
                ret = _mm_set1_epi8('\r'), amp = _mm_set1_epi8('&'), exclamation = _mm_set1_epi8('!');
  __m128i bangs = _mm_setzero_si128();
  for (; end - p >= 16; p += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    // Signed compare: bytes of 0x80 and above are negative, so "below space" takes them too.
    __m128i below_space = _mm_cmplt_epi8(v, space);
    __m128i allowed = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, tab), _mm_cmpeq_epi8(v, newline)), _mm_cmpeq_epi8(v, ret));
    __m128i unusual = _mm_or_si128(_mm_andnot_si128(allowed, below_space), _mm_cmpeq_epi8(v, amp));
    if (_mm_movemask_epi8(unusual) != 0) return false;
    bangs = _mm_or_si128(bangs, _mm_cmpeq_epi8(v, exclamation));
  }
  bang = _mm_movemask_epi8(bangs) != 0;
#endif
  for (; p < end; ++p) {
    unsigned char c = static_cast<unsigned char>(*p);
    if (c >= 0x80 || c == '&' || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')) return false;
    bang = bang || c == '!';
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
  bool bang = false;
  if (plain_ascii_without_references(text, bang)) return bang && !only_comments_and_cdata(text);
  return !valid_utf8(text) || may_hold_control_characters(text) || find_markup_fault(text).has_value();
}

}  // namespace

namespace {

// ---- The responses without a document ----------------------------------------------------
//
// The responses are nearly all of a file, and building pugixml nodes for them costs more than
// the rest of a batch's work. They are read here straight from the text, but only in the
// form cjb and the generators write them:
//
//   <response item="ID" level="N" />   or   na="true"
//   <response item="ID" level="N">  <note>text</note>  <evidence>text</evidence>  </response>
//
// attributes in double quotes, each once, values without '&', '<' or line breaks; notes and
// evidence without attributes, holding text only. Anything else — a comment, CDATA, an
// attribute in single quotes, a reference — gives up, and the pugixml scan below reads the file.

class ResponseReader {
 public:
  explicit ResponseReader(std::string_view text) : text_(text) {}

  // Reads every response of the region; throws GiveUp on anything outside the forms above.
  void read(std::vector<ScannedResponse>& out) {
    out.clear();
    for (skip_space(); at_ < text_.size(); skip_space()) {
      if (!take("<response") || !space_next()) throw GiveUp{};
      Value item, level, na;
      for (skip_space(); peek() != '/' && peek() != '>'; skip_space()) {
        std::string_view name = attribute_name();
        Value* slot = name == "item" ? &item : name == "level" ? &level : name == "na" ? &na : nullptr;
        if (!slot || *slot) throw GiveUp{};  // unknown, or written twice
        *slot = attribute_value();
        if (!space_next() && peek() != '/' && peek() != '>') throw GiveUp{};
      }
      if (!take("/>")) {
        if (!take(">")) throw GiveUp{};
        children();
      }
      add_response(item, level, na, out);
    }
  }

 private:
  char peek() const { return at_ < text_.size() ? text_[at_] : '\0'; }
  bool space_next() const { return at_ < text_.size() && is_space(text_[at_]); }
  void skip_space() {
    while (space_next()) ++at_;
  }
  bool take(std::string_view what) {
    if (text_.substr(at_, what.size()) != what) return false;
    at_ += what.size();
    return true;
  }
  std::string_view attribute_name() {
    size_t start = at_;
    while (at_ < text_.size() && text_[at_] >= 'a' && text_[at_] <= 'z') ++at_;
    if (!take("=\"")) throw GiveUp{};
    return text_.substr(start, at_ - 2 - start);
  }
  // After the opening quote; up to the closing one, which must come before any '<', '&' or
  // line break (values the full reader would decode or normalise).
  std::string_view attribute_value() {
    size_t start = at_;
    for (; at_ < text_.size(); ++at_) {
      char c = text_[at_];
      if (c == '"') return text_.substr(start, at_++ - start);
      if (c == '<' || c == '&' || c == '\n' || c == '\r' || c == '\t') throw GiveUp{};
    }
    throw GiveUp{};
  }
  // The content of a <response>: blanks, <note> and <evidence> holding text, then its end tag.
  void children() {
    for (;;) {
      skip_space();
      if (take("</response")) {
        skip_space();
        if (!take(">")) throw GiveUp{};
        return;
      }
      if (!text_element("note") && !text_element("evidence")) throw GiveUp{};
    }
  }
  // <name>text</name>, the text without markup (a '&' there is a reference the whole-text
  // checks have found well formed; its value is not needed). Evidence may name a photo
  // (<evidence file="…">): scoring does not read it, so the value is only skipped.
  bool text_element(std::string_view name) {
    size_t start = at_;
    if (!take("<") || !take(name)) {
      at_ = start;
      return false;
    }
    if (name == "evidence" && space_next()) {
      skip_space();
      if (attribute_name() != "file") throw GiveUp{};
      attribute_value();
      skip_space();
    }
    if (!take(">")) {
      at_ = start;
      return false;
    }
    size_t end = text_.find('<', at_);
    if (end == std::string_view::npos) throw GiveUp{};
    at_ = end;
    if (!take("</") || !take(name)) throw GiveUp{};
    skip_space();
    if (!take(">")) throw GiveUp{};
    return true;
  }

  std::string_view text_;
  size_t at_ = 0;
};

// The file cut where its responses are: the head up to and with "<responses>", the responses,
// and a tail of "</responses>" and "</assessment>" with only blanks around them. nullopt when
// the file does not have that shape.
struct Cut {
  std::string_view head, responses;
};

std::optional<Cut> cut_at_responses(std::string_view text) {
  size_t open = text.find("<responses");
  size_t close = text.rfind("</responses");
  if (open == std::string_view::npos || close == std::string_view::npos || close < open) return std::nullopt;
  size_t body = open + std::string_view("<responses").size();
  if (body >= text.size() || text[body] != '>') return std::nullopt;  // attributes: the full scan decides
  ++body;
  size_t at = close + std::string_view("</responses").size();
  auto skip = [&] {
    while (at < text.size() && is_space(text[at])) ++at;
  };
  auto take = [&](std::string_view what) {
    if (text.substr(at, what.size()) != what) return false;
    at += what.size();
    return true;
  };
  skip();
  if (!take(">")) return std::nullopt;
  skip();
  if (!take("</assessment")) return std::nullopt;
  skip();
  if (!take(">")) return std::nullopt;
  skip();
  if (at != text.size()) return std::nullopt;
  return Cut{text.substr(0, body), text.substr(body, close - body)};
}

// The fast form: the responses read by hand, the head by pugixml, closed where the responses
// begin. nullopt to give up (the caller then parses the whole file).
std::optional<Assessment> scan_cut(const std::string& text, pugi::xml_document& doc, std::vector<ScannedResponse>& responses) {
  std::optional<Cut> cut = cut_at_responses(text);
  if (!cut) return std::nullopt;
  if (!read_written_responses(cut->responses, responses)) return std::nullopt;
  try {
    // A few hundred bytes, kept per thread: the batch's workers each reuse theirs.
    thread_local std::string head;
    head.assign(cut->head);
    head += "</responses></assessment>";
    pugi::xml_parse_result result = doc.load_buffer_inplace(head.data(), head.size(), pugi::parse_default, pugi::encoding_utf8);
    pugi::xml_node root = doc.document_element();
    if (!result || !root || root.next_sibling()) return std::nullopt;
    pugi::xml_node node;
    Assessment a = scan_head(root, node);
    // The <responses> closed above: the root's last node, empty.
    if (node != root.last_child() || node.first_child()) return std::nullopt;
    return a;
  } catch (const GiveUp&) {
    return std::nullopt;
  }
}

}  // namespace

bool read_written_responses(std::string_view text, std::vector<ScannedResponse>& out) {
  try {
    ResponseReader(text).read(out);
    return true;
  } catch (const GiveUp&) {
    return false;
  }
}

std::optional<Assessment> scan_assessment(std::string& text, pugi::xml_document& doc, std::vector<ScannedResponse>& responses) {
  // The full reader refuses more than kMaxElements elements, which no text shorter than four
  // bytes an element ("<x/>") can hold; longer texts (real files are some 13 KB) go to it.
  if (text.size() >= 4 * kMaxElements || needs_full_reader(text)) return std::nullopt;
  if (auto a = scan_cut(text, doc, responses)) return a;
  pugi::xml_parse_result result = doc.load_buffer_inplace(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!result || !doc.document_element()) return std::nullopt;
  // A second root element (pugixml keeps it; the full reader refuses it).
  for (pugi::xml_node n = doc.document_element().next_sibling(); n; n = n.next_sibling())
    if (n.type() == pugi::node_element) return std::nullopt;
  try {
    pugi::xml_node node;
    Assessment a = scan_head(doc.document_element(), node);
    scan_responses(node, responses);
    return a;
  } catch (const GiveUp&) {
    return std::nullopt;
  }
}

}  // namespace cjb::xml
