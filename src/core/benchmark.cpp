#include "core/benchmark.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <map>
#include <numeric>
#include <set>
#include <thread>
#include <tuple>

#include <fmt/format.h>

#include "util/text.h"

namespace cjb {

const std::string& BenchmarkEntry::site_key() const { return subject.site_key(); }

const NamedScore* BenchmarkEntry::find(const std::vector<NamedScore>& scores, std::string_view name) const {
  for (const auto& s : scores)
    if (s.id == name) return &s;
  return nullptr;
}

BenchmarkEntry extract_entry(const Scorecard& card, const std::string& file) {
  BenchmarkEntry e;
  const Assessment& a = *card.assessment;
  const Model& model = *card.instrument->model;
  e.id = a.id;
  e.file = file;
  e.subject = a.subject;
  e.date = a.meta.date;
  e.overall = card.overall.score;
  e.answered = card.overall.answered;
  e.applicable = card.overall.applicable;
  e.layers.reserve(card.layers.size());
  for (const auto& l : card.layers)
    for (size_t i = 0; i < model.layers.size(); ++i)
      if (model.layers[i].id == l.id) e.layers.push_back({model.layers[i].id, static_cast<int>(i), l.figure.score});
  e.groups.reserve(card.groups.size());
  for (const auto& g : card.groups) {
    int order = model.group_index(g.id);
    if (order >= 0) e.groups.push_back({model.groups[static_cast<size_t>(order)].id, order, g.figure.score});
  }
  for (const auto& c : card.channels)
    for (size_t i = 0; i < model.channels.size(); ++i)
      if (model.channels[i].id == c.id) e.channels.push_back({model.channels[i].id, static_cast<int>(i), c.score});
  for (const auto& section : card.sections) {
    const Group* group = model.find_group(section.group);
    const Channel* channel = model.find_channel(section.channel);
    if (group && channel && group->layer == kJourney) e.touchpoints.push_back({group->id, channel->id, section.score});
  }
  e.scope = scope_key(*card.instrument);
  for (const auto& item : card.items)
    if (item.critical && item.level && *item.level == 0) e.critical_failures.push_back(item.item->id);
  return e;
}

BenchmarkScorer::BenchmarkScorer(const Instrument& instrument) : plan_(instrument) {}

void BenchmarkScorer::score(const std::vector<int>& answers, BenchmarkEntry& entry) const {
  // Scratch space kept per thread: a batch scores thousands of files on each worker, and these
  // buffers would otherwise be allocated and freed for every one of them.
  thread_local std::vector<ScoringPlan::SectionSums> sums;
  thread_local std::vector<std::optional<double>> section_scores, group_scores, layer_scores;
  sums.assign(plan_.sections().size(), ScoringPlan::SectionSums{});
  int answered = 0, applicable = 0;
  entry.critical_failures.clear();
  for (const auto& item : plan_.items()) {
    int answer = item.index < answers.size() ? answers[item.index] : kUnanswered;
    if (answer == kNotApplicable) continue;
    ++applicable;
    if (answer < 0) continue;
    ++answered;
    sums[item.section].add(item, answer);
    if (item.critical && answer == 0) entry.critical_failures.push_back(item.item->id);
  }
  entry.answered = answered;
  entry.applicable = applicable;

  const auto& sections = plan_.sections();
  section_scores.resize(sections.size());
  for (size_t s = 0; s < sections.size(); ++s) section_scores[s] = plan_.section_score(sums[s]);
  entry.touchpoints.clear();
  entry.touchpoints.reserve(plan_.touchpoints());  // one allocation of the exact size, not six growing ones
  for (size_t s = 0; s < sections.size(); ++s)
    if (sections[s].journey_channel >= 0)
      entry.touchpoints.push_back({plan_.groups()[sections[s].group_index].id,
                                   plan_.channels()[static_cast<size_t>(sections[s].journey_channel)].id, section_scores[s]});
  group_scores.resize(plan_.groups().size());
  entry.groups.clear();
  entry.groups.reserve(plan_.groups().size());
  for (size_t g = 0; g < plan_.groups().size(); ++g) {
    group_scores[g] = plan_.group_score(g, section_scores);
    entry.groups.push_back({plan_.groups()[g].id, plan_.groups()[g].order, group_scores[g]});
  }
  layer_scores.resize(plan_.layers().size());
  entry.layers.clear();
  entry.layers.reserve(plan_.layers().size());
  for (size_t l = 0; l < plan_.layers().size(); ++l) {
    layer_scores[l] = plan_.layer_score(l, group_scores);
    entry.layers.push_back({plan_.layers()[l].id, plan_.layers()[l].order, layer_scores[l]});
  }
  entry.overall = plan_.overall_score(layer_scores);
  entry.channels.clear();
  entry.channels.reserve(plan_.channels().size());
  for (size_t c = 0; c < plan_.channels().size(); ++c)
    entry.channels.push_back({plan_.channels()[c].id, plan_.channels()[c].order, plan_.channel_score(c, section_scores)});
}

std::vector<size_t> league_order(const std::vector<BenchmarkEntry>& entries) {
  std::vector<size_t> order(entries.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const auto& x = entries[a];
    const auto& y = entries[b];
    if (x.overall.has_value() != y.overall.has_value()) return x.overall.has_value();
    if (x.overall && *x.overall != *y.overall) return *x.overall > *y.overall;
    if (x.id != y.id) return x.id < y.id;
    return a < b;
  });
  return order;
}

namespace {

// The entries of each site, by date then id (then index), sites in identity order.
std::map<std::string, std::vector<size_t>> visits_by_site(const std::vector<BenchmarkEntry>& entries) {
  std::map<std::string, std::vector<size_t>> sites;
  for (size_t i = 0; i < entries.size(); ++i) sites[entries[i].subject.site_identity()].push_back(i);
  for (auto& [key, visits] : sites)
    std::sort(visits.begin(), visits.end(), [&](size_t a, size_t b) {
      return std::tie(entries[a].date, entries[a].id, a) < std::tie(entries[b].date, entries[b].id, b);
    });
  return sites;
}

}  // namespace

std::vector<SiteRow> site_rows(const std::vector<BenchmarkEntry>& entries, LeagueRows which) {
  std::vector<SiteRow> rows;
  for (const auto& [key, visits] : visits_by_site(entries)) {
    int total = 0;
    for (size_t i : visits) total += entries[i].visits;
    for (size_t k = which == LeagueRows::Latest ? visits.size() - 1 : 0; k < visits.size(); ++k) {
      SiteRow row;
      row.entry = visits[k];
      row.visits = which == LeagueRows::Latest ? total : entries[visits[k]].visits;
      row.history.assign(visits.begin(), visits.begin() + static_cast<std::ptrdiff_t>(k) + 1);
      if (k > 0) {
        row.previous = visits[k - 1];
        const auto& now = entries[row.entry].overall;
        const auto& before = entries[*row.previous].overall;
        if (now && before) row.change = *now - *before;
      }
      rows.push_back(std::move(row));
    }
  }
  std::vector<BenchmarkEntry> shown;  // league_order needs entries: only what it compares
  shown.reserve(rows.size());
  for (const auto& row : rows) {
    BenchmarkEntry e;
    e.id = entries[row.entry].id;
    e.overall = entries[row.entry].overall;
    shown.push_back(std::move(e));
  }
  std::vector<SiteRow> ordered;
  ordered.reserve(rows.size());
  for (size_t i : league_order(shown)) ordered.push_back(std::move(rows[i]));
  return ordered;
}

std::vector<BenchmarkEntry> row_entries(const std::vector<BenchmarkEntry>& entries, const std::vector<SiteRow>& rows) {
  std::vector<BenchmarkEntry> out;
  out.reserve(rows.size());
  for (const auto& row : rows) {
    out.push_back(entries[row.entry]);
    out.back().visits = row.visits;
  }
  return out;
}

std::vector<Cohort> split_cohorts(std::vector<BenchmarkEntry> entries) {
  std::vector<Cohort> cohorts;
  // The usual case, one scope: the entries move as one block instead of one by one.
  if (std::all_of(entries.begin(), entries.end(), [&](const BenchmarkEntry& e) { return e.scope == entries.front().scope; })) {
    if (!entries.empty()) cohorts.push_back({entries.front().scope, std::move(entries)});
    return cohorts;
  }
  std::map<std::string, std::vector<BenchmarkEntry>> by_scope;
  for (auto& e : entries) by_scope[e.scope].push_back(std::move(e));
  for (auto& [scope, list] : by_scope) cohorts.push_back({scope, std::move(list)});
  std::stable_sort(cohorts.begin(), cohorts.end(), [](const Cohort& a, const Cohort& b) { return a.entries.size() > b.entries.size(); });
  return cohorts;
}

std::string scope_label(std::string_view key) {
  size_t bar = key.find('|');
  std::string_view what = key.substr(0, bar);
  std::string_view channels = bar == std::string_view::npos ? std::string_view() : key.substr(bar + 1);
  if (channels.starts_with("channels:")) channels.remove_prefix(9);
  std::string out(what);
  if (size_t colon = out.find(':'); colon != std::string::npos) out[colon] = ' ';
  auto spaced = [](std::string_view list) {
    std::string text;
    for (char c : list) text += c == ',' ? std::string(", ") : std::string(1, c);
    return text;
  };
  if (out.starts_with("checklists ")) out = "checklists " + spaced(std::string_view(out).substr(11));
  if (!channels.empty()) out += " (" + spaced(channels) + ")";
  return out;
}

Attention needs_attention(const std::vector<BenchmarkEntry>& entries, const std::vector<SiteRow>& rows, const BenchmarkStats& stats,
                          size_t n) {
  Attention a;
  std::vector<size_t> scored;
  for (size_t r = 0; r < rows.size(); ++r)
    if (entries[rows[r].entry].overall) scored.push_back(r);
  for (size_t k = 0; k < std::min(n, scored.size()); ++k) {
    a.top.push_back(scored[k]);
    a.bottom.push_back(scored[scored.size() - 1 - k]);
  }
  std::vector<size_t> changed;
  for (size_t r = 0; r < rows.size(); ++r)
    if (rows[r].change && *rows[r].change != 0) changed.push_back(r);
  std::stable_sort(changed.begin(), changed.end(), [&](size_t x, size_t y) { return *rows[x].change > *rows[y].change; });
  for (size_t r : changed)
    if (*rows[r].change > 0 && a.improved.size() < n) a.improved.push_back(r);
  for (auto it = changed.rbegin(); it != changed.rend(); ++it)
    if (*rows[*it].change < 0 && a.declined.size() < n) a.declined.push_back(*it);
  for (size_t r = 0; r < rows.size(); ++r) {
    const SiteRow& row = rows[r];
    for (std::string_view item : entries[row.entry].critical_failures) {
      CriticalFinding f{r, item, entries[row.entry].date, 0};
      // Back through the site's visits while they failed the same item.
      for (auto it = row.history.rbegin(); it != row.history.rend(); ++it) {
        const auto& fails = entries[*it].critical_failures;
        if (std::find(fails.begin(), fails.end(), item) == fails.end()) break;
        f.since = entries[*it].date;
        ++f.visits;
      }
      a.critical.push_back(std::move(f));
    }
  }
  // The longest-running failures first: a store that fails the same critical item visit after
  // visit needs a call before one that slipped once.
  std::stable_sort(a.critical.begin(), a.critical.end(), [](const CriticalFinding& x, const CriticalFinding& y) { return x.visits > y.visits; });
  a.weakest = stats.groups;
  std::erase_if(a.weakest, [](const Distribution& d) { return d.summary.n == 0; });
  std::stable_sort(a.weakest.begin(), a.weakest.end(), [](const Distribution& x, const Distribution& y) {
    if (x.summary.median != y.summary.median) return x.summary.median < y.summary.median;
    return x.summary.p75 - x.summary.p25 > y.summary.p75 - y.summary.p25;
  });
  if (a.weakest.size() > n) a.weakest.resize(n);
  return a;
}

namespace {

// The values of one kind of score (layers, groups or channels) over entries, per id, with
// the ids in model order.
std::map<std::pair<int, std::string_view>, std::vector<double>> collect(const std::vector<BenchmarkEntry>& entries,
                                                                         std::vector<NamedScore> BenchmarkEntry::*member) {
  std::map<std::pair<int, std::string_view>, std::vector<double>> values;
  // Entries scored in one scope list the same ids in the same order: the slots of the previous
  // entry are reused while that holds, which spares a map lookup per score.
  const std::vector<NamedScore>* previous = nullptr;
  std::vector<std::vector<double>*> slots;
  auto same_ids = [](const std::vector<NamedScore>& a, const std::vector<NamedScore>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
      if (a[i].order != b[i].order || a[i].id != b[i].id) return false;
    return true;
  };
  for (const auto& e : entries) {
    const std::vector<NamedScore>& scores = e.*member;
    if (!previous || !same_ids(*previous, scores)) {
      slots.clear();
      for (const auto& s : scores) slots.push_back(&values[{s.order, s.id}]);
    }
    previous = &scores;
    for (size_t i = 0; i < scores.size(); ++i)
      if (scores[i].score) slots[i]->push_back(*scores[i].score);
  }
  return values;
}

// Runs task(0) … task(n − 1) on every core when worth it (else here); each task must touch
// only its own data.
template <typename Task>
void run_in_parallel(size_t n, bool worth_it, const Task& task) {
  size_t workers = worth_it ? std::min<size_t>(n, std::max(1u, std::thread::hardware_concurrency())) : 1;
  if (workers <= 1) {
    for (size_t i = 0; i < n; ++i) task(i);
    return;
  }
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < n;) task(i);
  };
  std::vector<std::thread> threads;
  for (size_t w = 1; w < workers; ++w) threads.emplace_back(work);
  work();
  for (auto& t : threads) t.join();
}

// The peers' values of one score, for compare_with_peers.
std::vector<double> peer_values(const std::vector<const BenchmarkEntry*>& peers,
                                std::vector<NamedScore> BenchmarkEntry::*member, std::string_view id) {
  std::vector<double> values;
  for (const auto* p : peers) {
    const NamedScore* s = p->find(p->*member, id);
    if (s && s->score) values.push_back(*s->score);
  }
  return values;
}

PeerStanding standing(std::string kind, std::string id, std::optional<double> score, std::vector<double> values) {
  PeerStanding s;
  s.kind = std::move(kind);
  s.id = std::move(id);
  s.score = score;
  s.peers = static_cast<int>(values.size());
  if (values.empty()) return s;
  std::sort(values.begin(), values.end());
  s.median = percentile_sorted(values, 50);
  s.best = values.back();
  if (score) {
    s.percentile_rank = peer_rank(values, *score);
    s.gap_to_median = *s.median - *score;
    s.gap_to_best = *s.best - *score;
  }
  return s;
}

}  // namespace

BenchmarkStats compute_stats(const std::vector<BenchmarkEntry>& entries) {
  // Each distribution is sorted to be summarised: at 50,000 entries and some 40 distributions
  // that is worth every core. The results do not depend on how the work is shared.
  std::vector<double> overall;
  overall.reserve(entries.size());
  for (const auto& e : entries)
    if (e.overall) overall.push_back(*e.overall);
  auto layers = collect(entries, &BenchmarkEntry::layers);
  auto groups = collect(entries, &BenchmarkEntry::groups);
  auto channels = collect(entries, &BenchmarkEntry::channels);

  BenchmarkStats stats;
  std::vector<std::pair<std::vector<double>*, Summary*>> tasks{{&overall, &stats.overall}};
  for (auto [values, out] : {std::pair{&layers, &stats.layers}, std::pair{&groups, &stats.groups}, std::pair{&channels, &stats.channels}}) {
    out->resize(values->size());
    size_t i = 0;
    for (auto& [key, v] : *values) {
      (*out)[i].id = key.second;
      tasks.emplace_back(&v, &(*out)[i].summary);
      ++i;
    }
  }
  // Threads cost more than they save on small sets (roll-ups call this once per row).
  constexpr size_t kParallelFrom = 4096;
  run_in_parallel(tasks.size(), entries.size() >= kParallelFrom, [&](size_t i) { *tasks[i].second = summarise(std::move(*tasks[i].first)); });
  return stats;
}

PeerStandings compare_with_peers(const BenchmarkEntry& subject, const std::vector<BenchmarkEntry>& candidates) {
  std::vector<PeerKey> keys;
  keys.reserve(candidates.size());
  for (const auto& c : candidates) keys.push_back({c.subject.site_identity(), c.scope});
  PeerStandings out;
  out.selection = select_peers({subject.subject.site_identity(), subject.scope}, keys);
  std::vector<const BenchmarkEntry*> others;
  for (size_t i : out.selection.peers) others.push_back(&candidates[i]);
  std::vector<double> overall;
  for (const auto* p : others)
    if (p->overall) overall.push_back(*p->overall);
  out.standings.push_back(standing("overall", "overall", subject.overall, std::move(overall)));
  for (const auto& [kind, member] : {std::pair{"layer", &BenchmarkEntry::layers}, std::pair{"group", &BenchmarkEntry::groups},
                                     std::pair{"channel", &BenchmarkEntry::channels}})
    for (const auto& s : subject.*member)
      out.standings.push_back(standing(kind, std::string(s.id), s.score, peer_values(others, member, s.id)));
  return out;
}

const std::vector<std::string>& rollup_fields() {
  static const std::vector<std::string> fields = {"retailer", "site", "site-id", "sector", "region", "format", "tag"};
  return fields;
}

bool is_rollup_field(const std::string& field) {
  const auto& f = rollup_fields();
  return std::find(f.begin(), f.end(), field) != f.end();
}

std::vector<RollupRow> roll_up(const std::vector<BenchmarkEntry>& entries, const std::string& field) {
  if (!is_rollup_field(field))
    throw UsageError(fmt::format("unknown field '{}' for --by (expected one of: retailer, site, site-id, sector, region, format, tag)", field));
  std::map<std::string, std::vector<BenchmarkEntry>> by_key;
  for (const auto& e : entries) {
    if (field == "tag") {
      if (e.subject.tags.empty()) by_key[""].push_back(e);
      // A tag written twice on one subject counts once.
      for (const auto& tag : std::set<std::string>(e.subject.tags.begin(), e.subject.tags.end())) by_key[tag].push_back(e);
    } else {
      by_key[*e.subject.field(field)].push_back(e);
    }
  }
  std::vector<RollupRow> rows;
  for (const auto& [key, group] : by_key) {
    std::set<std::string> sites;
    int visits = 0;
    for (const auto& e : group) {
      sites.insert(e.subject.site_identity());
      visits += e.visits;
    }
    rows.push_back({key, static_cast<int>(sites.size()), visits, compute_stats(group)});
  }
  return rows;
}

std::vector<size_t> site_trend(const std::vector<BenchmarkEntry>& entries, const std::string& site) {
  std::vector<size_t> out;
  for (size_t i = 0; i < entries.size(); ++i)
    if (entries[i].site_key() == site) out.push_back(i);
  std::sort(out.begin(), out.end(), [&](size_t a, size_t b) {
    return std::tie(entries[a].date, entries[a].id, a) < std::tie(entries[b].date, entries[b].id, b);
  });
  return out;
}

std::vector<std::string> similar_sites(const std::vector<BenchmarkEntry>& entries, const std::string& site) {
  std::string wanted = text::lower(site);
  size_t limit = std::max<size_t>(1, wanted.size() / 3);
  std::map<std::string, size_t> best;  // site key → its closest distance
  for (const auto& e : entries) {
    std::string key = e.site_key();
    for (const std::string& candidate : {text::lower(key), text::lower(e.subject.site)}) {
      if (candidate.empty()) continue;
      size_t d = candidate == wanted ? 0 : candidate.find(wanted) != std::string::npos ? 1 : text::edit_distance(candidate, wanted);
      if (d > limit && candidate.find(wanted) == std::string::npos) continue;
      auto [it, fresh] = best.emplace(key, d);
      if (!fresh) it->second = std::min(it->second, d);
    }
  }
  std::vector<std::pair<size_t, std::string>> ranked;
  for (const auto& [key, d] : best) ranked.emplace_back(d, key);
  std::sort(ranked.begin(), ranked.end());
  std::vector<std::string> out;
  for (size_t k = 0; k < std::min<size_t>(3, ranked.size()); ++k) out.push_back(ranked[k].second);
  return out;
}

std::string period_of(const std::string& date, Period period) {
  std::string year = date.substr(0, 4);
  switch (period) {
    case Period::Year: return year;
    case Period::Month: return date.substr(0, 7);
    case Period::Quarter: {
      if (date.size() < 7) return year;
      int month = (date[5] - '0') * 10 + (date[6] - '0');
      return fmt::format("{}-Q{}", year, (std::clamp(month, 1, 12) - 1) / 3 + 1);
    }
  }
  return date;
}

namespace {

std::optional<double> merge(std::vector<double> values, CombineMethod method) {
  if (values.empty()) return std::nullopt;
  if (method == CombineMethod::Mean) return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
  return percentile(std::move(values), 50);
}

std::vector<NamedScore> merge_scores(const std::vector<const BenchmarkEntry*>& visits,
                                     std::vector<NamedScore> BenchmarkEntry::*member, CombineMethod method) {
  std::map<std::pair<int, std::string_view>, std::vector<double>> values;
  for (const auto* v : visits)
    for (const auto& s : v->*member) {
      auto& list = values[{s.order, s.id}];
      if (s.score) list.push_back(*s.score);
    }
  std::vector<NamedScore> out;
  for (auto& [key, list] : values) out.push_back({key.second, key.first, merge(std::move(list), method)});
  return out;
}

}  // namespace

std::vector<BenchmarkEntry> combine_visits(const std::vector<BenchmarkEntry>& entries, CombineMethod method, Period period) {
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<const BenchmarkEntry*>> groups;
  for (const auto& e : entries) groups[{e.subject.retailer, e.site_key(), period_of(e.date, period)}].push_back(&e);
  std::vector<BenchmarkEntry> out;
  out.reserve(groups.size());
  for (const auto& [key, visits] : groups) {
    const BenchmarkEntry* latest = visits.front();
    for (const auto* v : visits)
      if (std::tie(v->date, v->id) > std::tie(latest->date, latest->id)) latest = v;
    BenchmarkEntry merged;
    if (method == CombineMethod::Latest) {
      merged = *latest;
    } else {
      merged.subject = latest->subject;
      merged.scope = latest->scope;
      merged.critical_failures = latest->critical_failures;
      std::vector<double> overall;
      for (const auto* v : visits)
        if (v->overall) overall.push_back(*v->overall);
      merged.overall = merge(std::move(overall), method);
      merged.layers = merge_scores(visits, &BenchmarkEntry::layers, method);
      merged.groups = merge_scores(visits, &BenchmarkEntry::groups, method);
      merged.channels = merge_scores(visits, &BenchmarkEntry::channels, method);
      for (const auto* v : visits) {
        merged.answered += v->answered;
        merged.applicable += v->applicable;
      }
    }
    merged.file.clear();
    merged.id = std::get<1>(key) + "@" + std::get<2>(key);
    merged.date = std::get<2>(key);
    merged.visits = static_cast<int>(visits.size());
    out.push_back(std::move(merged));
  }
  return out;
}

}  // namespace cjb
