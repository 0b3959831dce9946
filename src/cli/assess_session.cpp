#include "cli/assess_session.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "core/scoring.h"
#include "render/scorecard_text.h"
#include "util/text.h"
#include "util/utf8.h"

namespace cjb::cli {

namespace {

// SGR codes of the few colours the session uses.
constexpr const char* kBold = "1";
constexpr const char* kDim = "2";
constexpr const char* kGreen = "32";
constexpr const char* kYellow = "33";
constexpr const char* kRed = "31";
constexpr const char* kCyan = "36";
constexpr const char* kBoldCyan = "1;36";

constexpr size_t kMaxHistory = 1000;
constexpr size_t kShownActions = 5;

using text::lower;

// What std::isspace calls a blank, as typed at the prompt.
std::string_view trim(std::string_view text) { return text::trim(text, " \t\n\v\f\r"); }

std::string pad(std::string_view text, size_t width) {
  std::string s(text);
  for (size_t n = utf8::length(text); n < width; ++n) s += ' ';
  return s;
}

// The first `width` columns of text (at least 2), with an ellipsis when cut.
std::string fit(std::string_view text, size_t width) { return utf8::shorten(text, std::max<size_t>(width, 2)); }

// wrapped text whose first line follows a label of n columns: the first indent dropped.
std::string after_label(const std::string& wrapped, size_t n) {
  size_t blanks = wrapped.find_first_not_of(' ');
  return wrapped.substr(std::min(n, blanks == std::string::npos ? wrapped.size() : blanks));
}

std::string plural(size_t n, const char* one, const char* many) { return fmt::format("{} {}", n, n == 1 ? one : many); }

}  // namespace

std::string clean_user_text(std::string_view text) {
  std::string out;
  bool blank = false;
  auto put_blank = [&] {
    if (!out.empty()) blank = true;
  };
  size_t i = 0;
  while (i < text.size()) {
    auto [cp, len] = utf8::decode(text, i);
    // Code points XML 1.0 does not allow are refused too.
    if (len == 0 || cp == 0xFFFE || cp == 0xFFFF) {
      put_blank();
      ++i;
      continue;
    }
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == ' ') {
      put_blank();
    } else {
      if (blank) out += ' ';
      blank = false;
      out.append(text.substr(i, len));
    }
    i += len;
  }
  return out;
}

std::string shell_quote(std::string_view text) {
  bool plain = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || std::string_view("@%+=:,./_-").find(c) != std::string_view::npos;
  });
  if (plain) return std::string(text);
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

AssessSession::AssessSession(const Instrument& instrument, Assessment& assessment, SessionFiles files, SessionStyle style)
    : instrument_(instrument), assessment_(assessment), files_(std::move(files)), style_(style) {
  style_.width = std::max(style_.width, 40);
  for (size_t i = 0; i < instrument_.items.size(); ++i) {
    const std::string& group = instrument_.items[i].item->group;
    auto it = std::find_if(groups_.begin(), groups_.end(), [&](const GroupEntry& g) { return g.id == group; });
    if (it == groups_.end()) groups_.push_back({group, {i}});
    else it->items.push_back(i);
  }
  for (size_t i = 0; i < instrument_.items.size(); ++i)
    if (!is_responded(i)) {
      current_ = i;
      return;
    }
  reviewing_ = !instrument_.items.empty();
}

bool AssessSession::is_responded(size_t index) const {
  return assessment_.find_response(instrument_.items[index].item->id) != nullptr;
}

size_t AssessSession::responded() const {
  size_t n = 0;
  for (size_t i = 0; i < instrument_.items.size(); ++i) n += is_responded(i);
  return n;
}

Response* AssessSession::response_for(const std::string& item) {
  for (auto& r : assessment_.responses)
    if (r.item == item) return &r;
  return nullptr;
}

Response& AssessSession::ensure_response(const std::string& item) {
  if (Response* r = response_for(item)) return *r;
  Response r;
  r.item = item;
  if (auto it = pending_notes_.find(item); it != pending_notes_.end()) {
    r.note = it->second;
    pending_notes_.erase(it);
  }
  assessment_.responses.push_back(std::move(r));
  return assessment_.responses.back();
}

void AssessSession::go_to(size_t index, bool remember) {
  if (remember && index != current_) {
    history_.push_back(current_);
    if (history_.size() > kMaxHistory) history_.erase(history_.begin());
  }
  current_ = index;
}

bool AssessSession::advance() {
  const size_t n = instrument_.items.size();
  for (size_t i = current_ + 1; i < n; ++i)
    if (!is_responded(i)) {
      go_to(i, true);
      return true;
    }
  for (size_t i = 0; i <= current_ && i < n; ++i)
    if (!is_responded(i)) {
      passed_end_ = true;
      go_to(i, true);
      return true;
    }
  // Everything is answered. Someone reviewing a finished assessment walks on in order.
  if (reviewing_ && current_ + 1 < n) {
    go_to(current_ + 1, true);
    return true;
  }
  return false;
}

std::string AssessSession::paint(std::string_view text, const char* sgr) const {
  if (!style_.colour || !sgr || !*sgr || text.empty()) return std::string(text);
  return fmt::format("\x1b[{}m{}\x1b[0m", sgr, text);
}

std::string AssessSession::wrap(std::string_view text, size_t indent, size_t first_indent, bool keep_breaks) const {
  // Indents are written with a line's first word, so that no line ends in blanks. Line breaks
  // in checklist texts are only the XML file's layout: they count as blanks unless asked.
  const size_t width = static_cast<size_t>(style_.width);
  std::string out;
  size_t line_indent = first_indent;
  size_t column = 0;  // 0: nothing on this line yet
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find_first_of(" \t\r\n", start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view word = text.substr(start, end - start);
    if (!word.empty()) {
      size_t w = utf8::length(word);
      if (column > 0 && column + 1 + w > width) {
        out += "\n";
        column = 0;
        line_indent = indent;
      }
      if (column == 0) {
        out += std::string(line_indent, ' ');
        column = line_indent;
      } else {
        out += ' ';
        ++column;
      }
      out += word;
      column += w;
    }
    if (keep_breaks && end < text.size() && text[end] == '\n' && column > 0) {
      out += "\n";
      column = 0;
      line_indent = indent;
    }
    start = end + 1;
  }
  return out + "\n";
}

std::string AssessSession::rule() const {
  std::string line;
  for (int i = 0; i < style_.width; ++i) line += "─";
  return paint(line, kDim) + "\n";
}

std::string AssessSession::question() const {
  const Model& model = *instrument_.model;
  const ScopedItem& scoped = instrument_.items[current_];
  const Item& item = *scoped.item;
  const Group* group = model.find_group(item.group);
  const Layer* layer = group ? model.find_layer(group->layer) : nullptr;
  const Channel* channel = model.find_channel(item.channel);
  const size_t total = instrument_.items.size();
  const size_t done = responded();
  const size_t percent = total == 0 ? 100 : done * 100 / total;

  std::string where = layer ? layer->label : std::string();
  if (group) where += (where.empty() ? "" : " › ") + group->label;
  if (channel) where += " · " + channel->label;
  std::string text = rule();
  const std::string head = fmt::format("Item {} of {}", current_ + 1, total);
  const std::string done_text = fmt::format(" · {}% done", percent);
  // Where the item sits goes on the same line when it fits, else on a line of its own.
  const bool fits = utf8::length(head + done_text + " · " + where) <= static_cast<size_t>(style_.width);
  text += paint(head, kBold) + paint(done_text + (fits ? " · " + where : "\n" + where), kCyan) + "\n";
  if (style_.progress_bar) {
    const size_t cells = static_cast<size_t>(std::min(style_.width, 80)) - 12;
    const size_t full = total == 0 ? cells : done * cells / total;
    std::string filled, empty;
    for (size_t i = 0; i < cells; ++i) (i < full ? filled : empty) += i < full ? "█" : "░";
    text += paint(filled, kGreen) + paint(empty, kDim) + fmt::format(" {}/{}", done, total) + "\n";
  }
  std::string tags = item.id;
  if (item.critical) tags += " · critical";
  text += "\n" + paint(tags, kDim) + "\n";
  text += paint(wrap(item.text, 0, 0), kBold);
  if (!item.guidance.empty() || !item.evidence.empty()) text += "\n";
  if (!item.guidance.empty()) text += paint("How to check  ", kDim) + after_label(wrap(item.guidance, 14, 14), 14);
  if (!item.evidence.empty()) text += paint("Evidence      ", kDim) + after_label(wrap(item.evidence, 14, 14), 14);
  text += "\n";

  const Scale* scale = model.find_scale(item.scale);
  size_t label_width = 0;
  if (scale)
    for (const auto& level : scale->levels) label_width = std::max(label_width, utf8::length(level.label));
  for (int v = 0; v <= scoped.max_level; ++v) {
    const ItemLevel* own = item.find_level(v);
    const ScaleLevel* general = scale && static_cast<size_t>(v) < scale->levels.size() ? &scale->levels[v] : nullptr;
    std::string label = general ? general->label : std::string();
    std::string descriptor = own && !own->descriptor.empty() ? own->descriptor : general ? general->descriptor : std::string();
    std::string number = fmt::format("{:>3}", v);
    text += paint(number, kBoldCyan) + "  ";
    if (descriptor.empty()) {
      text += paint(label, kBold) + "\n";
      continue;
    }
    const size_t indent = 3 + 2 + label_width + 2;
    text += paint(pad(label, label_width), kBold) + after_label(wrap(descriptor, indent, indent), 3 + 2 + label_width);
  }
  if (const Response* r = assessment_.find_response(item.id)) {
    std::string answer = r->waiver ? fmt::format("waived until {} ({})", r->waiver->expires, r->waiver->justification)
                         : r->na  ? "not applicable"
                                  : fmt::format("{}", r->level.value_or(0));
    if (!r->na && !r->waiver && scale && r->level && static_cast<size_t>(*r->level) < scale->levels.size())
      answer += " " + scale->levels[*r->level].label;
    text += "\n" + paint("Your answer: " + answer, kGreen) + "\n";
    if (!r->note.empty()) text += paint("Note ", kDim) + after_label(wrap(r->note, 5, 5, true), 5);
  } else if (auto it = pending_notes_.find(item.id); it != pending_notes_.end()) {
    text += "\n" + paint("Note ", kDim) + after_label(wrap(it->second, 5, 5, true), 5);
  }
  return text + "\n";  // a blank line before the prompt
}

std::string AssessSession::prompt() const {
  if (done_ || instrument_.items.empty()) return "> ";
  const ScopedItem& scoped = instrument_.items[current_];
  return fmt::format("{} [0-{}, n, s, b, ?]> ", scoped.item->id, scoped.max_level);
}

std::string AssessSession::help_text() const {
  const int max = instrument_.items.empty() ? 4 : instrument_.items[current_].max_level;
  return fmt::format(
      "Answers and commands (one per line):\n"
      "  0-{:<9} the level that describes you best (the numbered list under the item)\n"
      "  n           not applicable to your business\n"
      "  s           skip for now; skipped items come back after the last one\n"
      "  b           back to the previous item\n"
      "  note TEXT   attach a note to this item (what you saw, what to do)\n"
      "  l           list the groups and how far each one is\n"
      "  g GROUP     go to a group: its number or name from the list\n"
      "  ?           this help\n"
      "  q           save and quit; resume later with: cjb assess {}{}\n"
      "Every answer is saved to {} as soon as you give it.\n",
      max, shell_quote(files_.path), files_.extra_args, files_.path);
}

SessionReply AssessSession::hint(std::string_view message) const {
  SessionReply reply;
  const Item& item = *instrument_.items[current_].item;
  reply.text = paint(std::string(message), kYellow) + "\n" + paint(fmt::format("{}: ", item.id), kDim) +
               after_label(wrap(item.text, 0, utf8::length(item.id) + 2), utf8::length(item.id) + 2);
  return reply;
}

SessionReply AssessSession::start() {
  SessionReply reply;
  const Model& model = *instrument_.model;
  std::string channels;
  for (const auto& c : instrument_.channels) {
    const Channel* channel = model.find_channel(c);
    channels += (channels.empty() ? "" : " and ") + (channel ? channel->label : c);
  }
  std::string title = fmt::format("Customer service self-assessment · {} · {}", assessment_.subject.retailer,
                                  assessment_.subject.site);
  reply.text = paint(wrap(title, 0, 0), kBold);
  std::string scope = instrument_.profile ? fmt::format("Profile: {}", instrument_.profile->title.empty()
                                                                           ? instrument_.profile->id
                                                                           : instrument_.profile->title)
                                          : std::string("Standard checklists");
  if (!channels.empty()) scope += fmt::format(" · channels: {}", channels);
  reply.text += wrap(scope, 0, 0);
  if (instrument_.items.empty()) {
    reply.text += "There is nothing to assess: the scope holds no items.\n";
    done_ = true;
    reply.done = true;
    return reply;
  }
  const size_t total = instrument_.items.size(), done = responded();
  std::string intro;
  if (done == 0)
    intro = fmt::format("{} in {}. Answer each with the number of the level that describes you best; ? lists every command.",
                        plural(total, "item", "items"), plural(groups_.size(), "group", "groups"));
  else if (reviewing_)
    intro = fmt::format("Every one of the {} items is answered. Change any answer, or q for your scorecard.", total);
  else
    intro = fmt::format("Welcome back: {} of {} items answered. Continuing at the first unanswered one; ? lists every command.",
                        done, total);
  intro += " Each answer is saved at once: q stops, and you can come back to it later.";
  // The path stands on its own line: wrapped inside the prose, a long path would move the
  // line breaks around from one folder to the next.
  reply.text += "\n" + wrap(intro, 0, 0) + "Answers are saved to " + files_.path + "\n" + question();
  return reply;
}

SessionReply AssessSession::handle(std::string_view raw) {
  if (done_) return {"The session is over.\n", false, true};
  std::string_view line = trim(raw);
  std::string word = lower(line.substr(0, line.find(' ')));
  std::string_view rest = line.find(' ') == std::string_view::npos ? std::string_view() : trim(line.substr(line.find(' ')));
  const int max = instrument_.items[current_].max_level;
  const std::string expected = fmt::format("type a level 0-{}, n, s, b, note TEXT, l, g GROUP or q; ? explains them", max);

  if (!line.empty() && line.size() <= 4 && std::all_of(line.begin(), line.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    int level = std::stoi(std::string(line));
    if (level > max) return hint(fmt::format("{} is not a level of this item (expected 0 to {})", level, max));
    return answer_level(level);
  }
  if (word == "note") return note(rest);
  if (word == "g" || word == "go") return jump(rest);
  if (!rest.empty()) return hint(fmt::format("'{}' is not an answer: {}", fit(clean_user_text(line), 30), expected));
  if (word == "n" || word == "na" || word == "n/a") return answer_not_applicable();
  if (word == "s") return skip();
  if (word == "b") return back();
  if (word == "?" || word == "h" || word == "help") return {help_text(), false, false};
  if (word == "l") return list();
  if (word == "q") return quit();
  if (line.empty()) return hint(fmt::format("Nothing typed: {}", expected));
  return hint(fmt::format("'{}' is not an answer: {}", fit(clean_user_text(line), 30), expected));
}

std::string AssessSession::saved_line() const {
  const Item& item = *instrument_.items[current_].item;
  const Response* r = assessment_.find_response(item.id);
  std::string answer = "not applicable";
  if (r && !r->na && r->level) {
    answer = fmt::format("{}", *r->level);
    const Scale* scale = instrument_.model->find_scale(item.scale);
    if (scale && static_cast<size_t>(*r->level) < scale->levels.size()) answer += " " + scale->levels[*r->level].label;
  }
  std::string text = (style_.colour ? paint("✓ ", kGreen) : std::string()) + fmt::format("Saved {}: {}.", item.id, answer);
  if (r && r->level == 0 && item.critical)
    text += paint(fmt::format(" A critical item at level 0 caps its section at {}.", instrument_.model->critical_cap), kRed);
  return text + "\n";
}

namespace {
// The assessor's own answer replaces a level measured by `cjb kpi --apply` (core/assessment.h).
void observed_now(Response& r) {
  r.measured = false;
  r.observed_level.reset();
}
}  // namespace

SessionReply AssessSession::answer_level(int level) {
  const std::string id = instrument_.items[current_].item->id;
  Response& r = ensure_response(id);
  r.na = false;
  r.level = level;
  r.waiver.reset();  // an answer replaces a waiver: a response holds one of them
  observed_now(r);
  return move_on(saved_line(), true);
}

SessionReply AssessSession::move_on(std::string text, bool changed) {
  const bool passed = passed_end_;
  if (!advance()) return finish(text, changed);
  if (passed_end_ && !passed) {
    size_t open = instrument_.items.size() - responded();
    text += paint(fmt::format("That was the last item. {} still open: here is the first one. q shows your scorecard.",
                              plural(open, "item is", "items are")),
                  kYellow) +
            "\n";
  }
  return {text + question(), changed, false};
}

SessionReply AssessSession::answer_not_applicable() {
  const std::string id = instrument_.items[current_].item->id;
  Response& r = ensure_response(id);
  r.na = true;
  observed_now(r);
  r.level.reset();
  r.waiver.reset();
  return move_on(saved_line(), true);
}

SessionReply AssessSession::skip() {
  const std::string id = instrument_.items[current_].item->id;
  const bool was_answered = is_responded(current_);
  std::string text = was_answered ? fmt::format("Kept your answer to {}.\n", id) : fmt::format("Skipped {} for now.\n", id);
  return move_on(text, false);
}

SessionReply AssessSession::back() {
  if (!history_.empty()) {
    size_t previous = history_.back();
    history_.pop_back();
    go_to(previous, false);
  } else if (current_ > 0) {
    go_to(current_ - 1, false);
  } else {
    return hint("This is the first item: there is nothing before it.");
  }
  return {question(), false, false};
}

SessionReply AssessSession::note(std::string_view text) {
  std::string clean = clean_user_text(text);
  if (clean.empty()) return hint("A note needs text: note TEXT, e.g. note Asked two staff; both knew the returns policy.");
  const std::string id = instrument_.items[current_].item->id;
  if (Response* r = response_for(id)) {
    r->note += (r->note.empty() ? "" : "\n") + clean;
    return {(style_.colour ? paint("✓ ", kGreen) : std::string()) + fmt::format("Saved the note on {}.\n", id), true, false};
  }
  std::string& pending = pending_notes_[id];
  pending += (pending.empty() ? "" : "\n") + clean;
  return {fmt::format("Noted: the note is saved with your answer to {}.\n", id), false, false};
}

SessionReply AssessSession::list() const {
  const Model& model = *instrument_.model;
  size_t id_width = 0;
  for (const auto& g : groups_) id_width = std::max(id_width, utf8::length(g.id));
  std::string text = "Groups (answered of total; go to one with g and its number or name):\n";
  std::string layer_shown;
  for (size_t i = 0; i < groups_.size(); ++i) {
    const GroupEntry& entry = groups_[i];
    const Group* group = model.find_group(entry.id);
    if (group && group->layer != layer_shown) {
      layer_shown = group->layer;
      const Layer* layer = model.find_layer(group->layer);
      text += paint(layer ? layer->label : group->layer, kBold) + "\n";
    }
    size_t done = 0;
    for (size_t index : entry.items) done += is_responded(index);
    bool here = std::find(entry.items.begin(), entry.items.end(), current_) != entry.items.end();
    std::string count = fmt::format("{}/{}", done, entry.items.size());
    // Number, id, name, count and the "you are here" mark in the width; the name gives way.
    const int room = std::min(style_.width, 80) - 4 - 2 - static_cast<int>(id_width) - 2 - 2 - 6 - 16;
    const size_t label_width = static_cast<size_t>(std::max(room, 8));
    std::string label = fit(group ? group->label : entry.id, label_width);
    std::string line = fmt::format("{:>4}  {}  {}  ", i + 1, pad(entry.id, id_width), pad(label, label_width));
    text += line + paint(fmt::format("{:>5}", count), done == entry.items.size() ? kGreen : nullptr);
    if (here) text += paint("  ← you are here", kCyan);
    text += "\n";
  }
  return {text, false, false};
}

SessionReply AssessSession::jump(std::string_view raw) {
  std::string target = lower(trim(raw));
  if (target.empty()) return hint("g needs a group: g 3 or g research (l lists the groups)");
  std::vector<size_t> matches;
  if (std::all_of(target.begin(), target.end(), [](char c) { return c >= '0' && c <= '9'; }) && target.size() < 6) {
    size_t n = std::stoul(target);
    if (n >= 1 && n <= groups_.size()) matches.push_back(n - 1);
  } else {
    for (size_t i = 0; i < groups_.size(); ++i)
      if (lower(groups_[i].id) == target) matches.push_back(i);
    if (matches.empty())
      for (size_t i = 0; i < groups_.size(); ++i) {
        const Group* group = instrument_.model->find_group(groups_[i].id);
        if (lower(groups_[i].id).rfind(target, 0) == 0 || (group && lower(group->label).rfind(target, 0) == 0))
          matches.push_back(i);
      }
  }
  std::string shown = fit(clean_user_text(raw), 30);
  if (matches.empty()) return hint(fmt::format("No group '{}' (expected a number or name from the list that l shows)", shown));
  if (matches.size() > 1) {
    std::string names;
    for (size_t i : matches) names += (names.empty() ? "" : ", ") + groups_[i].id;
    return hint(fmt::format("'{}' matches {} (type more of the name)", shown, names));
  }
  const GroupEntry& entry = groups_[matches.front()];
  size_t target_item = entry.items.front();
  for (size_t index : entry.items)
    if (!is_responded(index)) {
      target_item = index;
      break;
    }
  go_to(target_item, true);
  return {question(), false, false};
}

std::string AssessSession::resume_text() const {
  const size_t total = instrument_.items.size(), done = responded();
  std::string text = fmt::format("Saved {} of {} answers to {}.\n", done, total, files_.path);
  if (done < total)
    text += "Resume with: " + paint(fmt::format("cjb assess {}{}", shell_quote(files_.path), files_.extra_args), kBold) + "\n";
  return text;
}

std::string AssessSession::pending_notes_warning() const {
  std::string text;
  for (const auto& [id, note] : pending_notes_)
    text += paint(fmt::format("Not saved: your note on {} (it is kept only with an answer): {}", id, note), kYellow) + "\n";
  return text;
}

SessionReply AssessSession::quit() {
  bool ahead = false;
  for (size_t i = current_ + 1; i < instrument_.items.size(); ++i) ahead = ahead || !is_responded(i);
  if (passed_end_ || reviewing_ || !ahead) return finish("", false);
  done_ = true;
  return {pending_notes_warning() + resume_text(), false, true};  // every change is saved already
}

SessionReply AssessSession::stop(std::string_view why) {
  std::string text = "\n" + paint(std::string(why), kYellow) + "\n";
  if (!instrument_.items.empty() && responded() == instrument_.items.size()) return finish(text, false);
  done_ = true;
  return {text + pending_notes_warning() + resume_text(), false, true};
}

SessionReply AssessSession::finish(std::string text, bool changed) {
  done_ = true;
  return {text + pending_notes_warning() + summary(), changed, true};
}

std::string AssessSession::summary() const {
  Scorecard card = score_assessment(instrument_, assessment_);
  render::ScorecardTextOptions options;
  options.colour = style_.colour;
  options.top_actions = kShownActions;
  std::string text = "\n" + rule() + render::scorecard_text(card, options);

  // The scorecard names the actions; a shop owner also wants to know what the next level takes.
  std::string steps;
  for (size_t i = 0; i < card.actions.size() && i < kShownActions; ++i) {
    const ScopedItem* scoped = instrument_.find(card.actions[i].item);
    const Response* r = assessment_.find_response(card.actions[i].item);
    if (!scoped || !r || !r->level) continue;
    const ItemLevel* now = scoped->item->find_level(*r->level);
    if (!now || now->improve.empty()) continue;
    std::string prefix = fmt::format("  {}. {}: ", i + 1, scoped->item->id);
    steps += prefix + after_label(wrap(now->improve, 5, utf8::length(prefix)), utf8::length(prefix));
  }
  if (!steps.empty()) text += "\n" + paint("How to reach the next level", kBold) + "\n" + steps;

  text += "\n" + fmt::format("Saved {} of {} answers to {}.\n", responded(), instrument_.items.size(), files_.path);
  if (!card.unanswered.empty())
    text += fmt::format("{} still unanswered. Finish them with:\n  ", plural(card.unanswered.size(), "item is", "items are")) +
            paint(fmt::format("cjb assess {}{}", shell_quote(files_.path), files_.extra_args), kBold) + "\n";
  text += "Render the full report with:\n  " +
          paint(fmt::format("cjb report {}{} -o report.pdf", shell_quote(files_.path), files_.extra_args), kBold) + "\n";
  return text;
}

}  // namespace cjb::cli
