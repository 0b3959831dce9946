#include "kpi/kpi_export.h"

#include <array>
#include <charconv>
#include <cmath>
#include <memory>
#include <unordered_map>

#include <fmt/format.h>

#include "core/assessment.h"
#include "sheet/csv_stream.h"
#include "util/text.h"

namespace cjb::kpi {

namespace {

using sheet::CsvRecord;

constexpr const char* kTimeForm = "YYYY-MM-DD HH:MM, with :SS or a T if you like";

// A loop, not find_first_not_of(" \t\r\n"): that searches the set with memchr for every
// character, and trimming every cell of a million rows was 7 % of `cjb kpi` (callgrind).
std::string_view trim(std::string_view s) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  size_t a = 0, b = s.size();
  while (a < b && blank(s[a])) ++a;
  while (b > a && blank(s[b - 1])) --b;
  return s.substr(a, b - a);
}

bool two_digits(std::string_view s, size_t at, int& v) {
  if (at + 2 > s.size() || s[at] < '0' || s[at] > '9' || s[at + 1] < '0' || s[at + 1] > '9') return false;
  v = (s[at] - '0') * 10 + (s[at + 1] - '0');
  return true;
}

// A time as written and, when it carries Z or an offset, that offset in minutes.
struct Written {
  double minutes = 0;
  std::optional<int> offset;
};

// "YYYY-MM-DD HH:MM[:SS[.fff]]" then "", "Z", "±HH:MM", "±HHMM" or "±HH", with or without a
// space before the offset.
std::optional<Written> parse_written(std::string_view text) {
  size_t base = text.size() >= 19 && text[16] == ':' ? 19 : 16;
  if (text.size() < base) return std::nullopt;
  std::optional<double> t = parse_local_time(text.substr(0, base));
  if (!t) return std::nullopt;
  Written w{*t, std::nullopt};
  std::string_view rest = text.substr(base);
  if (base == 19 && !rest.empty() && rest[0] == '.') {
    size_t digits = 1;
    while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
    if (digits == 1) return std::nullopt;
    rest.remove_prefix(digits);  // fractions of a second do not matter to minutes
  }
  if (!rest.empty() && rest[0] == ' ') rest.remove_prefix(1);
  if (rest.empty()) return w;
  if (rest == "Z") {
    w.offset = 0;
    return w;
  }
  int sign = rest[0] == '+' ? 1 : rest[0] == '-' ? -1 : 0, hours = 0, minutes = 0;
  if (sign == 0 || !two_digits(rest, 1, hours)) return std::nullopt;
  if (rest.size() == 6 && rest[3] == ':' && two_digits(rest, 4, minutes)) {
  } else if (rest.size() == 5 && two_digits(rest, 3, minutes)) {
  } else if (rest.size() != 3) {
    return std::nullopt;
  }
  if (hours > 18 || minutes > 59) return std::nullopt;
  w.offset = sign * (hours * 60 + minutes);
  return w;
}

std::string month_of(double minutes) { return format_local_time(minutes).substr(0, 7); }

// The ids seen so far, as 64-bit hashes. Help desks export tickets in id order, and ids that
// only ever grow (shorter before longer, then byte by byte: "C9" < "C10") cannot repeat, so
// while they do the hashes are only appended to a log — sequential writes, no lookups. At the
// first id out of order the log becomes an open-addressing table (16 bytes a row at worst,
// where a set of the ids themselves would cost a node and a string each). Two ids with the
// same 64-bit hash would be taken for one: among a billion ids a chance of about 3 in 100
// million.
class IdSet {
 public:
  // True when the id was not there yet.
  bool insert(std::string_view id) {
    uint64_t h = std::hash<std::string_view>{}(id) | 1;  // 0 marks an empty slot
    if (ordered_) {
      if (log_.empty() || id.size() > last_.size() || (id.size() == last_.size() && id > last_)) {
        last_.assign(id);
        log_.push_back(h);
        return true;
      }
      ordered_ = false;
      for (uint64_t old : log_) add(old);
      std::vector<uint64_t>().swap(log_);
    }
    return add(h);
  }

 private:
  bool add(uint64_t h) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    size_t mask = slots_.size() - 1;
    for (size_t i = mix(h) & mask;; i = (i + 1) & mask) {
      if (slots_[i] == h) return false;
      if (slots_[i] == 0) {
        slots_[i] = h;
        ++size_;
        return true;
      }
    }
  }
  static size_t mix(uint64_t h) { return static_cast<size_t>((h ^ (h >> 29)) * 0xbf58476d1ce4e5b9ULL >> 17); }
  void grow() {
    std::vector<uint64_t> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, 0);
    size_t mask = slots_.size() - 1;
    for (uint64_t h : old) {
      if (h == 0) continue;
      size_t i = mix(h) & mask;
      while (slots_[i] != 0) i = (i + 1) & mask;
      slots_[i] = h;
    }
  }
  bool ordered_ = true;
  std::string last_;
  std::vector<uint64_t> log_;
  std::vector<uint64_t> slots_;
  size_t size_ = 0;
};

struct Problem {
  const char* kind;
  Diagnostic diagnostic;
};

// Reads the rows of one export under one layout.
class Reader {
 public:
  Reader(std::string name, const ReadOptions& options, const RecordSink& sink, ExportSummary& summary)
      : name_(std::move(name)), options_(options), sink_(sink), summary_(summary) {}

  void record(const CsvRecord& row) {
    if (!layout_) return header(row);
    if (is_blank(row)) return;
    problems_.clear();
    if (row.size() > width_) {
      problem(row, width_, "too many fields",
              fmt::format("the row has {} fields and the header {} (expected at most one field per column)", row.size(), width_));
    } else if (layout_->kind == ExportKind::Contacts) {
      contact(row);
    } else {
      survey(row);
    }
    if (!problems_.empty()) bad_row();
  }

  void bad(const Location& where, std::string_view kind, std::string message) {
    problems_.clear();
    problems_.push_back({kind == "control character" ? "control character" : "invalid UTF-8", {where, std::move(message)}});
    bad_row();
  }

  bool has_header() const { return layout_ != nullptr; }

 private:
  static bool is_blank(const CsvRecord& row) {
    for (size_t i = 0; i < row.size(); ++i)
      if (!trim(row[i]).empty()) return false;
    return true;
  }

  // ---- the header ------------------------------------------------------------------------

  void header(const CsvRecord& row) {
    if (is_blank(row)) throw InputError(Location{name_, 1, 1}, "the export is empty (expected a header row, then one row per contact or survey answer)");
    std::unordered_map<std::string, size_t> names;
    std::vector<std::pair<std::string, size_t>> repeated;
    for (size_t i = 0; i < row.size(); ++i) {
      std::string n = normalised(row[i]);
      if (n.empty()) continue;
      if (!names.emplace(n, i).second) repeated.emplace_back(std::string(trim(row[i])), i);
    }
    layout_ = choose(names);
    if (!layout_)
      throw InputError(Location{name_, 1, 1},
                       "the header names neither a contacts export nor a survey export (expected an 'opened' column, or a 'csat' or 'nps' column)");
    summary_.kind = layout_->kind;
    summary_.layout = layout_->name;
    summary_.layout_source = layout_->source;
    width_ = row.size();
    std::vector<Diagnostic> problems;
    for (size_t f = 0; f < kFieldCount; ++f) {
      column_[f] = -1;
      for (const auto& h : layout_->headers[f])
        if (auto it = names.find(h); it != names.end()) {
          column_[f] = static_cast<int>(it->second);
          break;
        }
    }
    for (const auto& [title, at] : repeated) {
      size_t first = names.at(normalised(title));
      bool used = false;
      for (int c : column_) used = used || c == static_cast<int>(first);
      if (used)
        problems.push_back({row.locate(at), fmt::format("column '{}' twice (expected each column once; the first is column {})", title, first + 1)});
    }
    required(problems);
    if (options_.business_hours && layout_->kind == ExportKind::Contacts && !has(Field::FirstResponseBusinessMinutes) &&
        !has(Field::ResolutionBusinessMinutes))
      problems.push_back({Location{name_, 1, 1}, fmt::format("--business-hours, but the export has no business-hours durations (expected a column for first_response_business_minutes or resolution_business_minutes in layout {})", layout_->name)});
    if (!problems.empty()) throw InputError(std::move(problems));
  }

  const Layout* choose(const std::unordered_map<std::string, size_t>& names) const {
    if (options_.layout) return options_.layout;
    if (options_.shipped) {
      for (const auto& l : *options_.shipped) {
        bool all = !l.detect.empty();
        for (const auto& d : l.detect) all = all && names.count(d) > 0;
        if (all) return &l;
      }
    }
    if (names.count("opened")) return &cjb_contacts_layout();
    if (names.count("csat") || names.count("nps")) return &cjb_surveys_layout();
    return nullptr;
  }

  void required(std::vector<Diagnostic>& problems) const {
    bool contacts = layout_->kind == ExportKind::Contacts;
    auto missing = [&](Field f) {
      if (layout_->builtin())
        return contacts ? fmt::format("the header has no '{}' column (expected a contacts export: id, opened, and any of site, channel, first_response, resolved, contacts, handling_minutes)", field_name(f))
                        : fmt::format("the header has no '{}' column (expected a survey export: id, date, csat and/or nps, and any of site, channel)", field_name(f));
      std::string names;
      for (const auto& h : layout_->headers[static_cast<size_t>(f)]) names += (names.empty() ? "'" : ", '") + h + "'";
      return fmt::format("the header has no column for {} (expected {} as layout {} says)", field_name(f), names.empty() ? "a column" : names, layout_->name);
    };
    for (Field f : {Field::Id, contacts ? Field::Opened : Field::Date})
      if (!has(f)) problems.push_back({Location{name_, 1, 1}, missing(f)});
    if (!contacts && !has(Field::Csat) && !has(Field::Nps)) problems.push_back({Location{name_, 1, 1}, missing(Field::Csat)});
  }

  bool has(Field f) const { return column_[static_cast<size_t>(f)] >= 0; }
  size_t index(Field f) const {
    int c = column_[static_cast<size_t>(f)];
    return c < 0 ? std::string::npos : static_cast<size_t>(c);
  }
  std::string_view cell(const CsvRecord& row, Field f) const { return has(f) ? trim(row[index(f)]) : std::string_view(); }

  // ---- problems ----------------------------------------------------------------------------

  void problem(const CsvRecord& row, size_t column, const char* kind, std::string message) {
    problems_.push_back({kind, {row.locate(column), std::move(message)}});
  }
  void problem(const CsvRecord& row, Field f, const char* kind, std::string message) { problem(row, index(f), kind, std::move(message)); }

  void bad_row() {
    ++summary_.bad_rows;
    if (options_.strict) throw InputError({problems_.front().diagnostic});
    for (auto& p : problems_) {
      if (summary_.shown.size() < options_.show) summary_.shown.push_back(std::move(p.diagnostic));
      else ++summary_.more[p.kind];
    }
  }

  // ---- cells -----------------------------------------------------------------------------

  // A time as UTC minutes (or as written, without --tz and offset); nullopt for blank or bad.
  std::optional<double> time(const CsvRecord& row, Field f) {
    std::string_view text = cell(row, f);
    if (text.empty()) return std::nullopt;
    std::optional<Written> w = parse_written(text);
    if (!w) {
      problem(row, f, "bad time", fmt::format("{} '{}' is not a local time (expected {})", field_name(f), text, kTimeForm));
      return std::nullopt;
    }
    if (w->offset) return w->minutes - *w->offset;
    if (!options_.tz) return w->minutes;
    std::optional<double> utc = options_.tz->to_utc(w->minutes);
    if (!utc)
      problem(row, f, "bad time", fmt::format("{} '{}' does not exist in {} (expected a time outside the hour skipped when clocks go forward)", field_name(f), text, options_.tz->name()));
    return utc;
  }

  std::optional<double> number(std::string_view text) const {
    double value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value, std::chars_format::fixed);
    if (ec != std::errc() || end != text.data() + text.size() || !(value >= 0)) return std::nullopt;
    return value;
  }

  // A duration in minutes, in the layout's unit for f.
  std::optional<double> duration(const CsvRecord& row, Field f) {
    std::string_view text = cell(row, f);
    if (text.empty()) return std::nullopt;
    Unit unit = layout_->units[static_cast<size_t>(f)];
    std::optional<double> v;
    if (unit == Unit::Hms) {
      v = hms(text);
    } else if ((v = number(text))) {
      if (unit == Unit::Hours) *v *= 60;
      else if (unit == Unit::Seconds) *v /= 60;
    }
    if (!v) {
      const char* form = unit == Unit::Hms ? "hours, minutes and seconds such as 1:05:30" : unit == Unit::Hours ? "a number of hours such as 1.5"
                         : unit == Unit::Seconds ? "a number of seconds such as 90" : "a number of minutes such as 7.5";
      problem(row, f, "bad duration", fmt::format("{} '{}' is not a duration (expected {}, or blank)", field_name(f), text, form));
    }
    return v;
  }

  static std::optional<double> hms(std::string_view text) {
    double parts[3] = {0, 0, 0};
    int n = 0;
    size_t start = 0;
    while (n < 3) {
      size_t colon = text.find(':', start);
      std::string_view part = text.substr(start, colon == std::string_view::npos ? std::string_view::npos : colon - start);
      long value = 0;
      auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
      if (part.empty() || ec != std::errc() || end != part.data() + part.size() || value < 0 || (n > 0 && (value > 59 || part.size() != 2))) return std::nullopt;
      parts[n++] = static_cast<double>(value);
      if (colon == std::string_view::npos) break;
      start = colon + 1;
      if (n == 3) return std::nullopt;
    }
    if (n < 2) return std::nullopt;
    return parts[0] * 60 + parts[1] + parts[2] / 60;
  }

  // The cell through the layout's words for f: the mapped value, the text itself when f has no
  // words, or nullopt (with a problem) for a word the layout does not know.
  std::optional<std::string> word(const CsvRecord& row, Field f) {
    std::string_view text = cell(row, f);
    const auto& words = layout_->values[static_cast<size_t>(f)];
    if (text.empty() || words.empty()) return std::string(text);
    auto it = words.find(normalised(text));
    if (it != words.end()) return it->second;
    if (f == Field::Priority || f == Field::Channel) return normalised(text);
    std::string known;
    for (const auto& [w, v] : words) known += (known.empty() ? "" : ", ") + w;
    problem(row, f, "bad word", fmt::format("{} '{}' is not a word of layout {} (expected one of: {}; or blank)", field_name(f), text, layout_->name, known));
    return std::nullopt;
  }

  std::optional<int> whole(const CsvRecord& row, Field f, int low, int high, const char* kind, const char* expected) {
    std::optional<std::string> text = word(row, f);
    if (!text || text->empty()) return std::nullopt;
    int value = 0;
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec != std::errc() || end != text->data() + text->size() || value < low || value > high) {
      problem(row, f, kind, fmt::format("{} '{}' is not {}", field_name(f), *text, expected));
      return std::nullopt;
    }
    return value;
  }

  std::optional<bool> yes_no(const CsvRecord& row, Field f) {
    std::optional<std::string> text = word(row, f);
    if (!text || text->empty()) return std::nullopt;
    static constexpr std::array<std::pair<std::string_view, bool>, 6> kWords = {
        {{"yes", true}, {"no", false}, {"true", true}, {"false", false}, {"1", true}, {"0", false}}};
    std::string n = normalised(*text);
    for (const auto& [name, value] : kWords)
      if (n == name) return value;
    problem(row, f, "bad word", fmt::format("{} '{}' is not yes or no (expected {}, or blank)", field_name(f), *text,
                                            cjb::text::or_list(kWords, [](const auto& word) { return word.first; })));
    return std::nullopt;
  }

  // The row's id, checked for presence and uniqueness; empty when it has a problem.
  std::string_view id(const CsvRecord& row, const char* what) {
    std::string_view id = cell(row, Field::Id);
    if (id.empty()) {
      problem(row, Field::Id, "no id", fmt::format("a row with no id (expected an id for every {})", what));
      return {};
    }
    if (!ids_.insert(id)) {
      problem(row, Field::Id, "repeated id", fmt::format("a second row with id '{}' (expected one row per {})", id, what));
      return {};
    }
    return id;
  }

  std::string month(double at, std::string_view written) const {
    if (options_.tz) return month_of(options_.tz->to_local(at));
    return std::string(written.substr(0, 7));
  }

  // ---- rows ------------------------------------------------------------------------------

  void ratings(const CsvRecord& row, std::optional<int>& csat, std::optional<int>& nps) {
    csat = whole(row, Field::Csat, 1, 5, "bad score", "a CSAT score (expected a whole number from 1 to 5, or blank)");
    nps = whole(row, Field::Nps, 0, 10, "bad score", "a likelihood to recommend (expected a whole number from 0 to 10, or blank)");
  }

  void contact(const CsvRecord& row) {
    Contact& c = contact_;
    std::string_view id_text = id(row, "contact");
    c.id.assign(id_text);
    c.site.assign(cell(row, Field::Site));
    c.retailer.assign(cell(row, Field::Retailer));
    std::optional<std::string> channel = word(row, Field::Channel), priority = word(row, Field::Priority);
    std::optional<double> opened = time(row, Field::Opened);
    if (!opened && cell(row, Field::Opened).empty())
      problem(row, Field::Opened, "no opened time", fmt::format("contact '{}' has no opened time (expected {})", id_text, kTimeForm));
    c.first_response = time(row, Field::FirstResponse);
    c.resolved = time(row, Field::Resolved);
    c.contacts = whole(row, Field::Contacts, 1, 100000, "bad number", "a count of contacts (expected a whole number, 1 or more, or blank)");
    c.handling_minutes = std::nullopt;
    if (layout_->units[static_cast<size_t>(Field::HandlingMinutes)] != Unit::Minutes)
      c.handling_minutes = duration(row, Field::HandlingMinutes);
    else if (std::string_view h = cell(row, Field::HandlingMinutes); !h.empty() && !(c.handling_minutes = number(h)))
      problem(row, Field::HandlingMinutes, "bad number", fmt::format("handling_minutes '{}' is not a number of minutes (expected a number, 0 or more, such as 7.5, or blank)", h));
    bool business = options_.business_hours;
    c.first_response_minutes = duration(row, business ? Field::FirstResponseBusinessMinutes : Field::FirstResponseMinutes);
    c.resolution_minutes = duration(row, business ? Field::ResolutionBusinessMinutes : Field::ResolutionMinutes);
    c.idle = yes_no(row, Field::Idle);
    std::optional<int> csat, nps;
    ratings(row, csat, nps);
    if (!opened || id_text.empty() || !problems_.empty()) return;
    c.opened = *opened;
    for (auto [f, when] : {std::pair{Field::FirstResponse, c.first_response}, std::pair{Field::Resolved, c.resolved}}) {
      if (when && *when < c.opened)
        problem(row, f, "time before opened", fmt::format("{} {} is before opened {} (expected a time at or after the contact was opened)", field_name(f),
                                                         cell(row, f), cell(row, Field::Opened)));
    }
    if (!problems_.empty()) return;
    c.channel = std::move(*channel);
    c.priority = std::move(*priority);
    c.month = month(c.opened, cell(row, Field::Opened));
    ++summary_.records;
    if (sink_.contact) sink_.contact(c);
    if (csat || nps) {
      // A ticket's own rating (help desks keep it on the ticket) is a survey answer too.
      SurveyAnswer& a = answer_;
      a.id = c.id;
      a.site = c.site;
      a.retailer = c.retailer;
      a.channel = c.channel;
      a.month = c.month;
      a.csat = csat;
      a.nps = nps;
      ++summary_.answers;
      if (sink_.answer) sink_.answer(a);
    }
  }

  void survey(const CsvRecord& row) {
    SurveyAnswer& a = answer_;
    std::string_view id_text = id(row, "survey answer");
    a.id.assign(id_text);
    a.site.assign(cell(row, Field::Site));
    a.retailer.assign(cell(row, Field::Retailer));
    std::optional<std::string> channel = word(row, Field::Channel);
    std::string_view date = cell(row, Field::Date);
    std::optional<double> at;
    if (is_iso_date(std::string(date))) at = parse_local_time(std::string(date) + " 12:00");
    else if (date.size() > 10 && is_iso_date(std::string(date.substr(0, 10)))) at = time(row, Field::Date);
    if (!at && problems_.empty())
      problem(row, Field::Date, "bad date", date.empty() ? fmt::format("survey answer '{}' has no date (expected YYYY-MM-DD)", id_text)
                                                         : fmt::format("date '{}' is not a date (expected YYYY-MM-DD, or a local time)", date));
    ratings(row, a.csat, a.nps);
    if (!at || id_text.empty() || !problems_.empty()) return;
    a.channel = std::move(*channel);
    a.month = date.size() == 10 ? std::string(date.substr(0, 7)) : month(*at, date);
    ++summary_.records;
    ++summary_.answers;
    if (sink_.answer) sink_.answer(a);
  }

  std::string name_;
  const ReadOptions& options_;
  const RecordSink& sink_;
  ExportSummary& summary_;
  const Layout* layout_ = nullptr;
  size_t width_ = 0;
  std::array<int, kFieldCount> column_{};
  std::vector<Problem> problems_;
  IdSet ids_;
  Contact contact_;
  SurveyAnswer answer_;
};

template <typename Source>
ExportSummary read_with(Source&& source, const std::string& name, const ReadOptions& options, const RecordSink& sink) {
  ExportSummary summary;
  summary.file = name;
  Reader reader(name, options, sink, summary);
  sheet::CsvHandler handler;
  handler.on_record = [&](const CsvRecord& row) { reader.record(row); };
  handler.on_bad = [&](const Location& where, std::string_view kind, std::string message) {
    if (!reader.has_header()) throw InputError(where, message);
    reader.bad(where, kind, std::move(message));
  };
  handler.on_progress = options.progress;
  sheet::CsvStream stream(name);
  source(stream, handler);
  if (!reader.has_header()) throw InputError(Location{name, 1, 1}, "the export is empty (expected a header row, then one row per contact or survey answer)");
  return summary;
}

}  // namespace

ExportSummary read_kpi_file(const std::string& path, const ReadOptions& options, const RecordSink& sink) {
  struct Closer {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };
  std::unique_ptr<std::FILE, Closer> file(std::fopen(path.c_str(), "rb"));
  if (!file) throw InputError(Location{path}, fmt::format("cannot read: {} (expected a readable CSV file)", std::strerror(errno)));
  return read_with([&](sheet::CsvStream& s, const sheet::CsvHandler& h) { s.read(file.get(), h); }, path, options, sink);
}

ExportSummary read_kpi_text(std::string_view text, const std::string& name, const ReadOptions& options, const RecordSink& sink) {
  return read_with([&](sheet::CsvStream& s, const sheet::CsvHandler& h) { s.read(text, h); }, name, options, sink);
}

KpiExport read_kpi_export(const std::string& text, const std::string& name, const ReadOptions& options) {
  KpiExport out;
  ReadOptions all = options;
  all.show = std::numeric_limits<size_t>::max();
  RecordSink sink{[&](const Contact& c) { out.contacts.push_back(c); }, [&](const SurveyAnswer& a) { out.answers.push_back(a); }};
  ExportSummary summary = read_kpi_text(text, name, all, sink);
  out.kind = summary.kind;
  if (!summary.shown.empty()) throw InputError(std::move(summary.shown));
  return out;
}

std::string more_problems_line(const ExportSummary& summary) {
  int64_t total = 0;
  std::string kinds;
  for (const auto& [kind, n] : summary.more) {
    total += n;
    kinds += fmt::format("{}{} {}", kinds.empty() ? "" : ", ", n, kind);
  }
  if (total == 0) return {};
  return fmt::format("{}: {} more problem{} not shown: {}", summary.file, total, total == 1 ? "" : "s", kinds);
}

}  // namespace cjb::kpi
