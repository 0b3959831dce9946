#include "render/report_document.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>

#include <fmt/format.h>

#include "core/journey_view.h"
#include "render/format.h"

namespace cjb::render {

namespace {

// The photos of a response, their paths resolved against the assessment file's folder.
std::vector<PhotoRef> photo_refs(const Response* response, const Assessment& assessment) {
  std::vector<PhotoRef> refs;
  if (!response) return refs;
  std::filesystem::path folder = std::filesystem::path(assessment.where.file).parent_path();
  for (const auto& photo : response->photos) {
    std::filesystem::path file(photo.file);
    std::string path = file.is_absolute() ? file.string() : (folder / file).lexically_normal().string();
    refs.push_back({path, photo.file, photo.caption, response->item});
  }
  return refs;
}

constexpr const char* kNotScoredFill = "#E6E6E6";
constexpr const char* kCriticalInk = "#A11D1D";

struct Labels {
  const Model& model;

  std::string group(const std::string& id) const { return model.group_label(id); }
  std::string layer(const std::string& id) const { return model.layer_label(id); }
  std::string channel(const std::string& id) const { return model.channel_label(id); }
  std::string level(const Item& item, int value) const {
    const Scale* scale = model.find_scale(item.scale);
    if (scale)
      for (const auto& l : scale->levels)
        if (l.value == value) return fmt::format("{} {}", value, l.label);
    return std::to_string(value);
  }
  // The next level's descriptor: the item's own words, else the scale's.
  std::string descriptor(const Item& item, int value) const {
    if (const ItemLevel* l = item.find_level(value); l && !l->descriptor.empty()) return l->descriptor;
    if (const Scale* scale = model.find_scale(item.scale))
      for (const auto& l : scale->levels)
        if (l.value == value) return l.descriptor;
    return {};
  }
};

std::string percent_text(std::optional<double> fraction) {
  if (!fraction) return "–";
  return fmt::format("{:.0f} %", *fraction * 100);
}

std::string band_label(const Figure& f) { return f.band ? f.band->label : "–"; }

Cell band_cell(const Band* band) {
  if (!band) return Cell{"–", "", "", false, 0, ""};
  return Cell{band->label, band->colour, ink_on(band->colour), false, 0, ""};
}

Cell band_cell_for(const Model& model, std::optional<double> score) {
  return band_cell(score ? model.band_for(*score) : nullptr);
}

Cell plain(std::string text, bool bold = false, int indent = 0) { return Cell{std::move(text), "", "", bold, indent, ""}; }

std::string gap_text(const Figure& f) { return f.gap ? score_text(f.gap) : "–"; }

std::string channel_list(const Labels& labels, const std::vector<std::string>& channels) {
  std::string text;
  for (const auto& c : channels) text += (text.empty() ? "" : ", ") + labels.channel(c);
  return text;
}

struct Builder {
  const Scorecard& card;
  const ReportTemplate& tpl;
  const ReportInputs& inputs;
  const Model& model;
  Labels labels;

  std::string fixed(const std::string& key, const std::string& fallback) const {
    return fill_placeholders(tpl.text(key, fallback), *card.assessment, tpl.consultancy);
  }

  std::vector<const GroupResult*> scored_groups() const {
    std::vector<const GroupResult*> groups;
    for (const auto& g : card.groups)
      if (g.figure.score) groups.push_back(&g);
    return groups;
  }

  Cover cover() const {
    const Assessment& a = *card.assessment;
    Cover c;
    c.kicker = tpl.title;
    c.title = a.subject.retailer;
    c.subtitle = a.subject.site;
    auto fact = [&](const char* label, const std::string& value) {
      if (!value.empty()) c.facts.push_back({label, value});
    };
    fact("Date", a.meta.date);
    fact("Assessor", a.meta.assessor);
    fact("Method", a.meta.method);
    fact("Sector", a.subject.sector);
    fact("Region", a.subject.region);
    std::string scope;
    if (card.instrument->profile) scope = card.instrument->profile->title.empty() ? card.instrument->profile->id : card.instrument->profile->title;
    else for (const auto& id : card.instrument->checklists) scope += (scope.empty() ? "" : ", ") + id;
    if (card.evidence) scope += fmt::format(" ({} items only)", to_string(*card.evidence));
    fact("Scope", scope);
    fact("Channels", channel_list(labels, card.instrument->channels));
    fact("Assessment", a.id);
    c.score = score_text(card.overall.score);
    c.band = band_label(card.overall);
    c.band_colour = card.overall.band ? card.overall.band->colour : kNotScoredFill;
    c.band_ink = ink_on(c.band_colour);
    c.target_line = card.overall.gap ? fmt::format("Target {} · gap {} points", score_text(card.overall.target), score_text(card.overall.gap))
                                     : fmt::format("Target {}", score_text(card.overall.target));
    c.note = fixed("cover_note", "Prepared for {retailer}. Confidential.");
    return c;
  }

  Section summary(const SectionSpec& spec) const {
    Section s{spec.id, spec.title, {}};
    if (!spec.intro.empty()) s.blocks.push_back(Paragraph{fill(spec.intro), false});
    s.blocks.push_back(key_figures());
    s.blocks.push_back(Paragraph{verdict(), false});
    s.blocks.push_back(Heading{"Scores against target", 2});
    s.blocks.push_back(scores_table());
    if (inputs.previous) previous_change(s);
    strengths_and_gaps(s);
    critical_failure_list(s);
    return s;
  }

  // Overall, each layer, completeness and the count of critical failures.
  KeyFigures key_figures() const {
    KeyFigures figures;
    auto figure_of = [&](const std::string& label, const Figure& f) {
      std::string detail = fmt::format("{} · target {}", band_label(f), score_text(f.target));
      figures.figures.push_back({label, score_text(f.score), detail, f.band ? f.band->colour : ""});
    };
    figure_of("Overall", card.overall);
    for (const auto& layer : card.layers) figure_of(labels.layer(layer.id), layer.figure);
    figures.figures.push_back({"Completeness", percent_text(card.overall.completeness),
                               fmt::format("{} of {} items answered", card.overall.answered, card.overall.applicable), ""});
    auto failures = card.critical_failures();
    figures.figures.push_back({"Critical failures", std::to_string(failures.size()),
                               failures.empty() ? "none found" : "critical items at level 0",
                               failures.empty() ? "" : kCriticalInk});
    return figures;
  }

  // The overall score in one paragraph: against target, the weakest layer, how much was answered.
  std::string verdict() const {
    std::string text;
    if (!card.overall.score) {
      text = "No item was answered, so there is no overall score yet.";
    } else if (card.overall.gap && *card.overall.gap > 0) {
      text = fmt::format("The overall score is {} ({}), {} points below the target of {}.", score_text(card.overall.score),
                         band_label(card.overall), score_text(card.overall.gap), score_text(card.overall.target));
    } else {
      text = fmt::format("The overall score is {} ({}), meeting the target of {}.", score_text(card.overall.score),
                         band_label(card.overall), score_text(card.overall.target));
    }
    const LayerResult* weakest = nullptr;
    for (const auto& layer : card.layers)
      if (layer.figure.score && (!weakest || *layer.figure.score < *weakest->figure.score)) weakest = &layer;
    if (weakest && card.layers.size() > 1)
      text += fmt::format(" The weakest layer is {} at {}.", labels.layer(weakest->id), score_text(weakest->figure.score));
    text += fmt::format(" {} of {} applicable items were answered ({}).", card.overall.answered, card.overall.applicable,
                        percent_text(card.overall.completeness));
    return text;
  }

  Table scores_table() const {
    Table table;
    table.header = {"Scope", "Score", "Band", "Target", "Gap", "Complete"};
    table.align = {Align::Left, Align::Right, Align::Left, Align::Right, Align::Right, Align::Right};
    table.widths = {3.2, 1, 1.4, 1, 1, 1.1};
    auto row = [&](const std::string& label, const Figure& f, bool bold) {
      table.rows.push_back({plain(label, bold), plain(score_text(f.score), bold), band_cell(f.band), plain(score_text(f.target)),
                            plain(gap_text(f)), plain(percent_text(f.completeness))});
      table.emphasised.push_back(bold);
    };
    row("Overall", card.overall, true);
    for (const auto& layer : card.layers) row(labels.layer(layer.id), layer.figure, false);
    return table;
  }

  // The three strongest groups and the five biggest gaps.
  void strengths_and_gaps(Section& s) const {
    auto groups = scored_groups();
    std::stable_sort(groups.begin(), groups.end(), [](auto* a, auto* b) { return *a->figure.score > *b->figure.score; });
    BulletList strengths;
    for (size_t i = 0; i < groups.size() && i < 3; ++i)
      strengths.items.push_back(fmt::format("{} ({}): {}, {}", labels.group(groups[i]->id), labels.layer(groups[i]->layer),
                                            score_text(groups[i]->figure.score), band_label(groups[i]->figure)));
    s.blocks.push_back(Heading{"Strengths", 2});
    if (strengths.items.empty()) s.blocks.push_back(Paragraph{"No group has a score yet.", true});
    else s.blocks.push_back(std::move(strengths));

    BulletList gaps;
    for (const GroupResult* g : biggest_gaps(5)) {
      const Figure& f = g->figure;
      std::string line = fmt::format("{} ({}): {}, {}; {} points below target", labels.group(g->id), labels.layer(g->layer),
                                     score_text(f.score), band_label(f), score_text(f.gap));
      if (std::string found = group_finding(g->id); !found.empty()) line += ". Found: " + found;
      gaps.items.push_back(std::move(line));
    }
    s.blocks.push_back(Heading{"Biggest gaps", 2});
    if (gaps.items.empty()) s.blocks.push_back(Paragraph{groups.empty() ? "No group has a score yet." : "Every scored group meets its target.", true});
    else s.blocks.push_back(std::move(gaps));
  }

  void critical_failure_list(Section& s) const {
    auto failures = card.critical_failures();
    s.blocks.push_back(Heading{"Critical failures", 2});
    if (failures.empty()) {
      s.blocks.push_back(Paragraph{"None: no critical item was answered at level 0.", false});
    } else {
      s.blocks.push_back(Paragraph{fmt::format("A critical item at level 0 caps its section at {}.", score_text(card.critical_cap)), false});
      BulletList list;
      for (const auto& id : failures) {
        const ItemResult* r = card.find_item(id);
        if (!r) continue;
        list.items.push_back(critical_failure_line(*r));
      }
      s.blocks.push_back(std::move(list));
    }
  }

  // The groups furthest below target, largest gap first (ties in model order), at most n.
  std::vector<const GroupResult*> biggest_gaps(size_t n) const {
    std::vector<const GroupResult*> groups;
    for (const auto& g : card.groups)
      if (g.figure.gap && *g.figure.gap > 0.005) groups.push_back(&g);
    std::stable_sort(groups.begin(), groups.end(), [](auto* a, auto* b) { return *a->figure.gap > *b->figure.gap; });
    if (groups.size() > n) groups.resize(n);
    return groups;
  }

  // What the assessor found in a group: the note of its first action in plan order (a critical
  // failure, else the largest impact) that has one; empty when none does.
  std::string group_finding(const std::string& group) const {
    for (const auto& action : card.actions) {
      const ItemResult* r = card.find_item(action.item);
      if (r && r->group == group && r->response && !r->response->note.empty())
        return fmt::format("{} ({})", r->response->note, r->id);
    }
    return {};
  }

  // A critical failure named by what was found (the note), not by the good practice it misses.
  std::string critical_failure_line(const ItemResult& r) const {
    std::string where = fmt::format("{} · {}", labels.group(r.group), labels.channel(r.channel));
    if (r.response && !r.response->note.empty()) return fmt::format("{}, {}: {}", r.id, where, r.response->note);
    return fmt::format("{}, {}: level 0 on “{}” (no note recorded)", r.id, where, r.item->text);
  }

  void previous_change(Section& s) const {
    const Scorecard& before = *inputs.previous;
    s.blocks.push_back(Heading{"Change since the previous assessment", 2});
    std::string date = before.assessment->meta.date;
    Table table;
    table.header = {"Scope", fmt::format("Previous ({})", date), "Now", "Change"};
    table.align = {Align::Left, Align::Right, Align::Right, Align::Right};
    table.widths = {3.2, 1.6, 1, 1};
    table.rows.push_back({plain("Overall", true), plain(score_text(before.overall.score)), plain(score_text(card.overall.score), true),
                          plain(change_text(card.overall.score, before.overall.score), true)});
    table.emphasised.push_back(true);
    for (const auto& layer : card.layers) {
      const LayerResult* old = before.find_layer(layer.id);
      std::optional<double> was = old ? old->figure.score : std::nullopt;
      table.rows.push_back({plain(labels.layer(layer.id)), plain(score_text(was)), plain(score_text(layer.figure.score)),
                            plain(change_text(layer.figure.score, was))});
      table.emphasised.push_back(false);
    }
    // The groups that moved most, both ways.
    std::vector<std::pair<double, std::string>> moves;
    for (const auto& g : card.groups) {
      const GroupResult* old = before.find_group(g.id);
      if (old && old->figure.score && g.figure.score) moves.emplace_back(*g.figure.score - *old->figure.score, g.id);
    }
    std::stable_sort(moves.begin(), moves.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::string text = fmt::format("Compared with the assessment of {} ({}).", date, before.assessment->id);
    if (!moves.empty() && moves.front().first > 0.05)
      text += fmt::format(" Most improved: {} ({}).", labels.group(moves.front().second), change_text(moves.front().first, 0.0));
    if (!moves.empty() && moves.back().first < -0.05)
      text += fmt::format(" Largest decline: {} ({}).", labels.group(moves.back().second), change_text(moves.back().first, 0.0));
    s.blocks.push_back(Paragraph{text, false});
    s.blocks.push_back(std::move(table));
  }

  Section scorecard(const SectionSpec& spec) const {
    Section s{spec.id, spec.title, {}};
    if (!spec.intro.empty()) s.blocks.push_back(Paragraph{fill(spec.intro), false});
    const PeerComparison* peers = inputs.peers;
    Table table;
    table.header = {"Layer, group and channel", "Score", "Band", "Target", "Gap", "Complete"};
    table.align = {Align::Left, Align::Right, Align::Left, Align::Right, Align::Right, Align::Right};
    table.widths = {3.6, 0.9, 1.4, 0.9, 0.9, 1.1};
    if (peers) {
      // Two more columns: the label column gives way so that band names stay on one line.
      table.header.push_back("Peer median");
      table.header.push_back("Peer rank");
      table.align.push_back(Align::Right);
      table.align.push_back(Align::Right);
      table.widths = {2.6, 0.8, 1.5, 0.8, 0.8, 1.0, 1.0, 1.0};
    }
    auto peer_cells = [&](std::vector<Cell>& row, const PeerFigure* p, bool bold) {
      if (!peers) return;
      row.push_back(plain(p ? score_text(p->median) : "–", bold));
      // Fewer than kMinPeersToRank peers: no rank, and the cell says why (docs/scoring.md, "Peers").
      std::string rank = !p || p->peers == 0 ? "–"
                         : p->percentile_rank ? fmt::format("{:.0f}", *p->percentile_rank)
                         : p->peers < kMinPeersToRank ? fmt::format("too few (n = {})", p->peers) : "–";
      row.push_back(plain(rank, bold));
    };
    auto figure_row = [&](const std::string& label, const Figure& f, bool bold, int indent, const PeerFigure* p) {
      std::vector<Cell> row = {plain(label, bold, indent), plain(score_text(f.score), bold), band_cell(f.band),
                               plain(score_text(f.target)), plain(gap_text(f)), plain(percent_text(f.completeness))};
      peer_cells(row, p, bold);
      table.rows.push_back(std::move(row));
      table.emphasised.push_back(bold);
    };
    figure_row("Overall", card.overall, true, 0, peers ? &peers->overall : nullptr);
    for (const auto& layer : card.layers) {
      figure_row(labels.layer(layer.id), layer.figure, true, 0, peers ? peers->find_layer(layer.id) : nullptr);
      for (size_t gi : layer.groups) {
        const GroupResult& g = card.groups[gi];
        figure_row(labels.group(g.id), g.figure, false, 1, peers ? peers->find_group(g.id) : nullptr);
        if (g.layer != kJourney) continue;
        for (size_t si : g.sections) {
          const SectionResult& sec = card.sections[si];
          std::optional<double> completeness;
          if (sec.applicable > 0) completeness = static_cast<double>(sec.answered) / sec.applicable;
          std::string score = score_text(sec.score);
          if (!sec.critical_failures.empty()) score += " (capped)";
          std::vector<Cell> row = {plain(labels.channel(sec.channel), false, 2), plain(score), band_cell_for(model, sec.score),
                                   plain(""), plain(""), plain(percent_text(completeness))};
          if (!sec.critical_failures.empty()) row[1].ink = kCriticalInk;
          if (peers) {
            row.push_back(plain(""));
            row.push_back(plain(""));
          }
          table.rows.push_back(std::move(row));
          table.emphasised.push_back(false);
        }
      }
    }
    s.blocks.push_back(std::move(table));
    s.blocks.push_back(band_legend());
    std::string note = "Scores are 0–100; the gap is the distance below target; completeness counts answered items "
                       "among those that apply (N/A left out).";
    if (peers)
      note += fmt::format(" Peer median and peer rank (the percentile rank among the peers, 0–100) compare with {} peer assessment{}.",
                          peers->peers, peers->peers == 1 ? "" : "s");
    if (peers && peers->peers < kMinPeersToRank)
      note += fmt::format(" With too few peers to rank (n = {}, fewer than {}) no peer rank is given.", peers->peers, kMinPeersToRank);
    if (peers && !peers->selection.note().empty())
      note += " Like for like: " + peers->selection.note() + ".";
    s.blocks.push_back(Paragraph{note, true});
    measured_items(s);
    return s;
  }

  // Items scored from the retailer's KPI exports (`cjb kpi --apply`) apart from those the
  // assessor observed, and where the data and the assessor disagree: an auditor who saw fast
  // replies to five test e-mails, against a 90th percentile of two days.
  void measured_items(Section& s) const {
    std::vector<const ItemResult*> measured;
    int observed = 0;
    for (const auto& r : card.items) {
      if (r.response && r.response->measured) measured.push_back(&r);
      else if (r.status == ItemStatus::Answered) ++observed;
    }
    if (measured.empty()) return;
    int disagree = 0;
    Table table;
    table.header = {"Measured item", "Level measured", "Level the assessor saw", "From the data"};
    table.align = {Align::Left, Align::Left, Align::Left, Align::Left};
    table.widths = {3.0, 1.4, 1.4, 3.2};
    for (const ItemResult* r : measured) {
      const Response& response = *r->response;
      Cell seen = plain(response.observed_level ? labels.level(*r->item, *response.observed_level) : "–");
      if (response.observed_level && response.level && *response.observed_level != *response.level) {
        ++disagree;
        seen.text += "\ndisagrees";
        seen.ink = kCriticalInk;
      }
      std::string figure = response.evidence.substr(0, response.evidence.find('\n'));
      table.rows.push_back({plain(fmt::format("{} {}", r->id, r->item->text)), plain(response.level ? labels.level(*r->item, *response.level) : "N/A"),
                            seen, plain(figure)});
      table.emphasised.push_back(false);
    }
    s.blocks.push_back(Heading{"Measured and observed items", 3});
    std::string agreement = disagree == 0 ? "The data agree with the assessor wherever both scored an item."
                                          : fmt::format("The data and the assessor disagree on {} item{}.", disagree, disagree == 1 ? "" : "s");
    s.blocks.push_back(Paragraph{fmt::format("{} item{} {} scored from the retailer's own KPI exports (measured); {} answered item{} {} "
                                             "observed by the assessor. {}",
                                             measured.size(), measured.size() == 1 ? "" : "s", measured.size() == 1 ? "was" : "were",
                                             observed, observed == 1 ? "" : "s", observed == 1 ? "was" : "were", agreement),
                                 false});
    s.blocks.push_back(std::move(table));
  }

  BandLegend band_legend() const {
    BandLegend legend;
    legend.entries = document_bands();
    return legend;
  }

  std::vector<LegendEntry> document_bands() const {
    std::vector<LegendEntry> entries;
    for (size_t i = 0; i < model.bands.size(); ++i) {
      const Band& b = model.bands[i];
      entries.push_back({b.label, model.band_range(i), b.colour});
    }
    return entries;
  }

  Section charts(const SectionSpec& spec) const {
    Section s{spec.id, spec.title, {}};
    if (!spec.intro.empty()) s.blocks.push_back(Paragraph{fill(spec.intro), false});
    RadarChart radar;
    radar.caption = inputs.peers ? "Group scores against target and the peer median" : "Group scores against target";
    ChartSeries score{"Score", tpl.style.colour("accent"), {}, true, false};
    ChartSeries target{"Target", tpl.style.colour("target"), {}, false, true};
    ChartSeries peer{"Peer median", tpl.style.colour("peer"), {}, false, true};
    for (const auto& g : card.groups) {
      radar.axes.push_back(labels.group(g.id));
      score.values.push_back(g.figure.score);
      target.values.push_back(g.figure.target);
      const PeerFigure* p = inputs.peers ? inputs.peers->find_group(g.id) : nullptr;
      peer.values.push_back(p ? p->median : std::nullopt);
    }
    radar.series.push_back(std::move(score));
    radar.series.push_back(std::move(target));
    if (inputs.peers) radar.series.push_back(std::move(peer));
    s.blocks.push_back(std::move(radar));

    BarChart bars;
    bars.caption = "Gap to target by group, largest first (points)";
    bars.unit = "points";
    std::vector<const GroupResult*> gaps;
    for (const auto& g : card.groups)
      if (g.figure.gap && *g.figure.gap > 0.005) gaps.push_back(&g);
    std::stable_sort(gaps.begin(), gaps.end(), [](auto* a, auto* b) { return *a->figure.gap > *b->figure.gap; });
    double largest = 0;
    for (const auto* g : gaps) {
      bars.bars.push_back({labels.group(g->id), *g->figure.gap, score_text(g->figure.gap),
                           g->figure.band ? g->figure.band->colour : kNotScoredFill});
      largest = std::max(largest, *g->figure.gap);
    }
    bars.max = std::max(10.0, std::ceil(largest / 10) * 10);
    if (bars.bars.empty()) s.blocks.push_back(Paragraph{"Every scored group meets its target: there is no gap to chart.", false});
    else s.blocks.push_back(std::move(bars));
    return s;
  }

  JourneyMap journey_map(const JourneyView& view) const {
    JourneyMap map;
    map.caption = "Touchpoints in journey order, one lane per channel, coloured by band";
    map.touchpoints = view.touchpoints;
    for (const auto& group : view.touchpoints) map.labels.push_back(labels.group(group));
    for (const auto& view_lane : view.lanes) {
      JourneyLane lane{view_lane.channel, labels.channel(view_lane.channel), {}};
      for (const auto& view_cell : view_lane.cells) lane.cells.push_back(journey_cell(view_cell.section));
      map.lanes.push_back(std::move(lane));
    }
    for (const Transition* t : view.transitions)
      map.transitions.push_back(fmt::format("{}. {}: {} ({}) → {} ({})", map.transitions.size() + 1, t->label, labels.group(t->from_group),
                                            labels.channel(t->from_channel), labels.group(t->to_group), labels.channel(t->to_channel)));
    return map;
  }

  // A touchpoint in one channel, coloured by band; blank where it is not in the channel.
  JourneyCell journey_cell(const SectionResult* section) const {
    JourneyCell cell;
    if (!section) {
      cell.in_scope = false;
      cell.text = "";
      cell.fill = "#FFFFFF";
      cell.ink = "#5F6B73";
      return cell;
    }
    cell.score = section->score;
    cell.text = score_text(section->score);
    const Band* band = section->score ? model.band_for(*section->score) : nullptr;
    cell.fill = band ? band->colour : kNotScoredFill;
    cell.ink = ink_on(cell.fill);
    cell.critical = !section->critical_failures.empty();
    return cell;
  }

  Section journey(const SectionSpec& spec) const {
    Section s{spec.id, spec.title, {}};
    if (!spec.intro.empty()) s.blocks.push_back(Paragraph{fill(spec.intro), false});
    JourneyMap map = journey_map(journey_view(card));
    if (map.touchpoints.empty() || map.lanes.empty()) {
      s.blocks.push_back(Paragraph{"No journey touchpoint is in the scope of this assessment.", false});
      return s;
    }
    std::vector<std::string> transitions = map.transitions;
    s.blocks.push_back(std::move(map));
    s.blocks.push_back(band_legend());
    if (!transitions.empty()) {
      s.blocks.push_back(Heading{"Journeys across channels", 3});
      s.blocks.push_back(BulletList{transitions});
    }
    s.blocks.push_back(Paragraph{"A section with a critical failure is marked “!” and its score is capped.", true});
    return s;
  }

  Section drivers(const SectionSpec& spec) const {
    Section s{spec.id, spec.title, {}};
    if (!spec.intro.empty()) s.blocks.push_back(Paragraph{fill(spec.intro), false});
    JourneyView view = journey_view(card);
    if (view.weakest.empty()) {
      s.blocks.push_back(Paragraph{"No touchpoint has a score yet, so no gap can be traced to its drivers.", false});
      return s;
    }
    s.blocks.push_back(drivers_table(view.weakest));
    if (view.driver_ranking.empty()) {
      s.blocks.push_back(Paragraph{"The items of these touchpoints name no drivers.", true});
      return s;
    }
    BulletList causes;
    for (size_t i = 0; i < view.driver_ranking.size() && i < 3; ++i) {
      const DriverTally& tally = view.driver_ranking[i];
      const GroupResult* result = card.find_group(tally.driver);
      std::string standing = result && result->figure.score
                                 ? fmt::format("scores {} ({})", score_text(result->figure.score), band_label(result->figure))
                                 : std::string("was not assessed");
      size_t n = tally.touchpoints.size();
      causes.items.push_back(fmt::format("{} {} and drives {} item{} in {} of the weakest touchpoint{}.", labels.group(tally.driver), standing,
                                         tally.items, tally.items == 1 ? "" : "s", n, n == 1 ? "" : "s"));
    }
    s.blocks.push_back(Heading{"Where to look first", 3});
    s.blocks.push_back(std::move(causes));
    return s;
  }

  // One row per driver of each weakest touchpoint; the touchpoint and its score on its first row.
  Table drivers_table(const std::vector<TouchpointDrivers>& weakest) const {
    Table table;
    table.header = {"Weakest touchpoint", "Score", "Driver area", "Layer", "Driver score", "Band", "Items"};
    table.align = {Align::Left, Align::Right, Align::Left, Align::Left, Align::Right, Align::Left, Align::Right};
    table.widths = {2.4, 0.9, 2.4, 1.2, 1.0, 1.3, 0.8};
    for (const auto& [tp, named] : weakest) {
      bool first = true;
      auto lead_cells = [&, tp = tp]() {
        std::vector<Cell> cells = {plain(first ? labels.group(tp->id) : "", first), plain(first ? score_text(tp->figure.score) : "", first)};
        first = false;
        return cells;
      };
      if (named.empty()) {
        auto row = lead_cells();
        row.insert(row.end(), {plain("no driver named"), plain(""), plain(""), plain(""), plain("")});
        table.rows.push_back(std::move(row));
        table.emphasised.push_back(false);
        continue;
      }
      for (const auto& [driver, count] : named) {
        const Group* dg = model.find_group(driver);
        const GroupResult* result = card.find_group(driver);
        auto row = lead_cells();
        row.push_back(plain(labels.group(driver)));
        row.push_back(plain(dg ? labels.layer(dg->layer) : ""));
        row.push_back(plain(result ? score_text(result->figure.score) : "not assessed"));
        row.push_back(result ? band_cell(result->figure.band) : plain("–"));
        row.push_back(plain(std::to_string(count)));
        table.rows.push_back(std::move(row));
        table.emphasised.push_back(false);
      }
    }
    return table;
  }

  // The exports by file name alone: a client's document shows no path of the machine that made it.
  static std::string client_sources_line(const std::vector<KpiSource>& sources) {
    std::string line;
    for (const auto& s : sources) {
      std::string name = s.file.substr(s.file.find_last_of('/') == std::string::npos ? 0 : s.file.find_last_of('/') + 1);
      line += fmt::format("{}{} ({} {})", line.empty() ? "" : ", ", name, s.rows, s.kind == "contacts" ? "contacts" : "survey answers");
    }
    return line;
  }

  // The hard numbers beside the audit: the KPIs of the retailer's own exports (cjb kpi).
  Section kpis(const SectionSpec& spec) const {
    Section s{spec.id, spec.title, {}};
    if (!spec.intro.empty()) s.blocks.push_back(Paragraph{fill(spec.intro), false});
    // The audit's own view of measurement, when the model has that group and it was scored.
    for (const auto& g : card.groups)
      if (g.id == "measurement" && g.figure.score)
        s.blocks.push_back(Paragraph{fmt::format("The audit scored {} at {} ({}), against a target of {}.", labels.group(g.id),
                                                 score_text(g.figure.score), band_label(g.figure), score_text(g.figure.target)),
                                     false});
    Table table;
    table.header = {"KPI", "Value", "n", "Note"};
    table.align = {Align::Left, Align::Right, Align::Right, Align::Left};
    table.widths = {3.2, 1.2, 0.7, 3.4};
    for (auto& row : kpi_figure_rows(inputs.kpis->overall)) {
      table.rows.push_back({plain(row[0]), plain(row[1], true), plain(row[2]), plain(row[3])});
      table.emphasised.push_back(false);
    }
    s.blocks.push_back(std::move(table));
    std::string scope = inputs.kpis->site.empty() ? "all their records" : fmt::format("the records of site {}", inputs.kpis->site);
    std::string period = inputs.kpi_period.empty() ? "" : fmt::format(", {}", inputs.kpi_period);
    s.blocks.push_back(Paragraph{fmt::format("From {}{}: {}. Medians and the 90th percentile, not means, for times: a few contacts "
                                             "left open for days would drown a mean.",
                                             client_sources_line(inputs.kpis->sources), period, scope),
                                 true});
    return s;
  }

  // What the assessor found: the response's note, with its evidence as the second line and
  // its photos under both (the photo is the evidence a client believes: docs/formats.md).
  Cell finding_cell(const ItemResult& r) const {
    Cell cell = plain(r.response ? r.response->note : "");
    if (r.response && !r.response->evidence.empty()) cell.detail = "Evidence: " + r.response->evidence;
    cell.photos = photo_refs(r.response, *card.assessment);
    return cell;
  }

  // The current level, marked when it is a critical failure.
  Cell level_now_cell(const ItemResult& r) const {
    Cell cell = plain(labels.level(*r.item, *r.level));
    if (r.critical && *r.level == 0) {
      cell.text += "\ncritical failure";
      cell.ink = kCriticalInk;
    }
    return cell;
  }

  // What good looks like: the next level and its descriptor.
  Cell next_level_cell(const ItemResult& r) const {
    int now = *r.level;
    if (now >= r.max_level) return plain("");
    return plain(fmt::format("{}: {}", labels.level(*r.item, now + 1), labels.descriptor(*r.item, now + 1)));
  }

  // One line of the action plan: the item, what was found beside what good looks like, the
  // hint and the impact.
  std::vector<Cell> action_row(int n, const Action& action, const ItemResult& r) const {
    Cell item_cell = plain(fmt::format("{} {}", r.item->id, r.item->text));
    item_cell.detail = fmt::format("{} · {}", labels.group(r.group), labels.channel(r.channel));
    const ItemLevel* at = r.item->find_level(*r.level);
    return {plain(std::to_string(n)), item_cell, level_now_cell(r), finding_cell(r), next_level_cell(r),
            plain(at ? at->improve : ""), plain(fmt::format("+{:.2f}", action.impact), true)};
  }

  static Table action_table() {
    Table table;
    table.header = {"#", "Item", "Now", "What was found", "What good looks like", "How to get there", "Impact"};
    table.align = {Align::Right, Align::Left, Align::Left, Align::Left, Align::Left, Align::Left, Align::Right};
    table.widths = {0.4, 2.3, 1.0, 2.3, 2.1, 1.9, 0.9};
    return table;
  }

  // The plan in the order of order_actions (core/scoring.h): the critical failures as a "Fix
  // now" table, then the rest by impact; --actions N caps the rows of both together.
  Section actions(const SectionSpec& spec) const {
    Section s{spec.id, spec.title, {}};
    if (!spec.intro.empty()) s.blocks.push_back(Paragraph{fill(spec.intro), false});
    if (card.actions.empty()) {
      s.blocks.push_back(Paragraph{"Every answered item is at its top level: there is nothing to raise.", false});
    } else {
      Table fix_now = action_table(), by_impact = action_table();
      int n = 0;
      size_t listed = 0;  // actions shown; the rest are summed up below the tables
      for (const auto& action : card.actions) {
        if (inputs.max_actions > 0 && n >= inputs.max_actions) break;
        ++listed;
        const ItemResult* r = card.find_item(action.item);
        if (!r || !r->level) continue;
        Table& table = action.fix_now ? fix_now : by_impact;
        table.rows.push_back(action_row(++n, action, *r));
        table.emphasised.push_back(false);
      }
      if (!fix_now.rows.empty()) {
        s.blocks.push_back(Heading{"Fix now: critical failures", 2});
        s.blocks.push_back(Paragraph{fmt::format("A critical item at level 0 caps its section at {} whatever else is done well: these "
                                                 "come first, before any gain in points.", score_text(card.critical_cap)),
                                     false});
        s.blocks.push_back(std::move(fix_now));
        if (!by_impact.rows.empty()) s.blocks.push_back(Heading{"Then, by impact", 2});
      }
      if (!by_impact.rows.empty()) s.blocks.push_back(std::move(by_impact));
      std::string note = "Impact: overall points gained by raising the item to its top level, all else equal.";
      if (size_t rest = card.actions.size() - listed; rest > 0) {
        double largest_left = 0;
        for (size_t i = listed; i < card.actions.size(); ++i) largest_left = std::max(largest_left, card.actions[i].impact);
        note += fmt::format(" {} further action{}, worth +{:.2f} points or less each, {} not listed here (cjb score lists every one; cjb report --actions 0 puts them all in the report).", rest,
                            rest == 1 ? "" : "s", largest_left, rest == 1 ? "is" : "are");
      }
      s.blocks.push_back(Paragraph{note, true});
    }
    s.blocks.push_back(Heading{"Unanswered items", 2});
    if (card.unanswered.empty()) {
      s.blocks.push_back(Paragraph{"None: every item in scope was answered or marked not applicable.", false});
    } else {
      s.blocks.push_back(Paragraph{fmt::format("{} item{} in scope still need an answer to complete the assessment.", card.unanswered.size(),
                                               card.unanswered.size() == 1 ? "" : "s"), false});
      Table table;
      table.header = {"Item", "Group", "Channel"};
      table.align = {Align::Left, Align::Left, Align::Left};
      table.widths = {5, 2, 1.2};
      for (const auto& id : card.unanswered) {
        const ItemResult* r = card.find_item(id);
        if (!r) continue;
        table.rows.push_back({plain(fmt::format("{} {}", id, r->item->text)), plain(labels.group(r->group)), plain(labels.channel(r->channel))});
        table.emphasised.push_back(false);
      }
      s.blocks.push_back(std::move(table));
    }
    return s;
  }

  // The earlier plan followed up: each action's owner, due date and status beside what the new
  // visit found (core follow_up_actions).
  Section follow_up(const SectionSpec& spec) const {
    Section s{spec.id, spec.title, {}};
    if (!spec.intro.empty()) s.blocks.push_back(Paragraph{fill(spec.intro), false});
    const auto& follow_ups = *inputs.follow_ups;
    s.blocks.push_back(Paragraph{follow_up_summary(), false});
    if (follow_ups.empty()) return s;
    Table table;
    table.header = {"Item", "Owner", "Due", "Status", "Level", "Outcome"};
    table.align = {Align::Left, Align::Left, Align::Left, Align::Left, Align::Left, Align::Left};
    table.widths = {3.2, 1.4, 1.1, 1.0, 0.9, 2.0};
    auto level = [](std::optional<int> l) { return l ? std::to_string(*l) : std::string("–"); };
    for (const auto& f : follow_ups) {
      Cell item = plain(f.text.empty() ? f.action.item : fmt::format("{} {}", f.action.item, f.text));
      if (!f.action.comment.empty()) item.detail = "Comment: " + f.action.comment;
      Cell outcome = plain(f.outcome, true);
      bool good = f.action.status == ActionStatus::Done && f.improved;
      bool bad = f.overdue_days || (f.action.status == ActionStatus::Done && f.after && !f.improved);
      if (good) outcome.ink = "#1E6B3A";
      if (bad) outcome.ink = kCriticalInk;
      table.rows.push_back({item, plain(f.action.owner.empty() ? "–" : f.action.owner), plain(f.action.due.empty() ? "–" : f.action.due),
                            plain(to_string(f.action.status)), plain(fmt::format("{} → {}", level(f.before), level(f.after))), outcome});
      table.emphasised.push_back(false);
    }
    s.blocks.push_back(std::move(table));
    s.blocks.push_back(Paragraph{fmt::format("Level: at the previous visit ({}) → at this one ({}). Overdue: not done, and due before {}.",
                                             inputs.previous ? inputs.previous->assessment->meta.date : "–", card.assessment->meta.date,
                                             card.assessment->meta.date),
                                 true});
    return s;
  }

  std::string follow_up_summary() const {
    const auto& follow_ups = *inputs.follow_ups;
    if (follow_ups.empty()) return "The plan of the previous visit holds no actions.";
    FollowUpCounts n = count_follow_ups(follow_ups);
    return fmt::format("{} action{} from the plan of the previous visit: {} done and improved, {} done but not improved, {} not done{}.",
                       follow_ups.size(), follow_ups.size() == 1 ? "" : "s", n.done_improved, n.done_not_improved, n.open,
                       n.overdue ? fmt::format(" ({} overdue)", n.overdue) : "");
  }

  // "in force until 2026-12-31" or "expired on 2026-01-31: scored as unanswered".
  static std::string waiver_state(const ItemResult& r) {
    const Waiver& w = *r.response->waiver;
    return r.waiver_expired ? fmt::format("expired on {}: scored as unanswered", w.expires) : fmt::format("in force until {}", w.expires);
  }

  // Every item left out of the score on purpose, with why, who approved it and until when.
  Section waivers(const SectionSpec& spec) const {
    Section s{spec.id, spec.title, {}};
    if (!spec.intro.empty()) s.blocks.push_back(Paragraph{fill(spec.intro), false});
    size_t expired = 0;
    for (const auto& id : card.waivers)
      if (const ItemResult* r = card.find_item(id); r && r->waiver_expired) ++expired;
    std::string text = fmt::format("{} item{} waived: left out of the score like an item that does not apply, each for the reason below.",
                                   card.waivers.size(), card.waivers.size() == 1 ? " is" : "s are");
    if (expired) text += fmt::format(" {} waiver{} had expired by {} and {} scored as unanswered until renewed or answered.", expired,
                                     expired == 1 ? "" : "s", card.assessment->meta.date, expired == 1 ? "its item is" : "their items are");
    s.blocks.push_back(Paragraph{text, false});
    Table table;
    table.header = {"Item", "Justification", "Approved by", "Given", "Status"};
    table.align = {Align::Left, Align::Left, Align::Left, Align::Left, Align::Left};
    table.widths = {2.4, 2.8, 1.4, 1.25, 1.75};
    for (const auto& id : card.waivers) {
      const ItemResult* r = card.find_item(id);
      if (!r) continue;
      const Waiver& w = *r->response->waiver;
      Cell item = plain(fmt::format("{} {}", id, r->item->text));
      item.detail = fmt::format("{} · {}", labels.group(r->group), labels.channel(r->channel));
      Cell state = plain(waiver_state(*r), r->waiver_expired);
      if (r->waiver_expired) state.ink = kCriticalInk;
      table.rows.push_back({item, plain(w.justification), plain(w.by), plain(w.date), state});
      table.emphasised.push_back(false);
    }
    s.blocks.push_back(std::move(table));
    return s;
  }

  std::vector<std::string> waiver_lines() const {
    std::vector<std::string> lines;
    for (const auto& id : card.waivers)
      if (const ItemResult* r = card.find_item(id)) {
        const Waiver& w = *r->response->waiver;
        lines.push_back(fmt::format("Waived: {} — {} (approved by {} on {}; {})", id, w.justification, w.by, w.date, waiver_state(*r)));
      }
    return lines;
  }

  Section appendix(const SectionSpec& spec) const {
    Section s{spec.id, spec.title, {}};
    if (!spec.intro.empty()) s.blocks.push_back(Paragraph{fill(spec.intro), false});
    for (const auto& layer : card.layers) {
      s.blocks.push_back(Heading{fmt::format("{} — {}", labels.layer(layer.id), score_text(layer.figure.score)), 2});
      for (size_t gi : layer.groups) {
        const GroupResult& g = card.groups[gi];
        s.blocks.push_back(Heading{fmt::format("{} — {}", labels.group(g.id), score_text(g.figure.score)), 3});
        Table table;
        bool journey = g.layer == kJourney;
        table.header = {"Item", "Response", "Note", "Evidence"};
        table.align = {Align::Left, Align::Left, Align::Left, Align::Left};
        table.widths = {3.4, 1.3, 2.6, 2.0};
        if (journey) {
          table.header.insert(table.header.begin() + 1, "Channel");
          table.align.insert(table.align.begin() + 1, Align::Left);
          table.widths.insert(table.widths.begin() + 1, 0.9);
        }
        for (const auto& r : card.items) {
          if (r.group != g.id) continue;
          std::string response;
          Cell level_cell;
          switch (r.status) {
            case ItemStatus::Answered: level_cell = plain(labels.level(*r.item, *r.level)); break;
            case ItemStatus::NotApplicable: level_cell = plain("N/A"); break;
            case ItemStatus::Unanswered: level_cell = Cell{"not answered", "", "#5F6B73", false, 0, ""}; break;
            case ItemStatus::Waived: level_cell = plain("waived"); break;
          }
          if (r.waiver_expired) {
            level_cell.text += "\nwaiver expired";
            level_cell.ink = kCriticalInk;
          }
          if (r.critical && r.level && *r.level == 0) {
            level_cell.text += "\ncritical failure";
            level_cell.ink = kCriticalInk;
          }
          if (r.response && r.response->measured) level_cell.detail = "measured";
          Cell item_cell = plain(fmt::format("{} {}", r.id, r.item->text));
          if (r.critical) item_cell.detail = "critical item";
          Cell evidence_cell = plain(r.response ? r.response->evidence : "");
          evidence_cell.photos = photo_refs(r.response, *card.assessment);
          Cell note_cell = plain(r.response ? r.response->note : "");
          if (r.response && r.response->waiver) {  // in the wide Note column: the Response column is narrow
            const Waiver& w = *r.response->waiver;
            std::string waiver = fmt::format("Waiver: {} — approved by {} on {}; {}", w.justification, w.by, w.date, waiver_state(r));
            if (note_cell.text.empty()) note_cell.text = waiver;
            else note_cell.detail = waiver;
          }
          std::vector<Cell> row = {item_cell, level_cell, note_cell, evidence_cell};
          if (journey) row.insert(row.begin() + 1, plain(labels.channel(r.channel)));
          table.rows.push_back(std::move(row));
          table.emphasised.push_back(false);
        }
        s.blocks.push_back(std::move(table));
      }
    }
    return s;
  }

  std::string fill(const std::string& text) const { return fill_placeholders(text, *card.assessment, tpl.consultancy); }
};

}  // namespace

const Section* Document::find_section(const std::string& id) const {
  for (const auto& s : sections)
    if (s.id == id) return &s;
  return nullptr;
}

std::string ink_on(const std::string& background) {
  if (background.size() != 7 || background[0] != '#') return "#1A1A1A";
  auto channel = [&](int i) {
    double c = std::stoi(background.substr(1 + 2 * i, 2), nullptr, 16) / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
  };
  double luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  // Contrast against white (1.05) and against near-black #1A1A1A (luminance ≈ 0.0103 + 0.05).
  double with_white = 1.05 / (luminance + 0.05);
  double with_dark = (luminance + 0.05) / 0.0603;
  // WCAG AA asks 4.5:1 for body text; on a mid red (#D64541) neither white nor #1A1A1A gets
  // there, pure black does.
  if (std::max(with_white, with_dark) < 4.5 && (luminance + 0.05) / 0.05 >= 4.5) return "#000000";
  return with_white >= with_dark ? "#FFFFFF" : "#1A1A1A";
}

std::string change_text(std::optional<double> now, std::optional<double> before) {
  std::optional<double> printed = printed_change(now, before);
  if (!printed) return "–";
  double change = *printed;
  if (std::abs(change) < 0.05) return "0.0";
  return change > 0 ? fmt::format("+{:.1f}", change) : fmt::format("−{:.1f}", -change);
}

std::string fill_placeholders(const std::string& text, const Assessment& assessment, const std::string& consultancy) {
  const std::pair<const char*, const std::string*> fields[] = {{"{retailer}", &assessment.subject.retailer},
                                                               {"{site}", &assessment.subject.site},
                                                               {"{date}", &assessment.meta.date},
                                                               {"{consultancy}", &consultancy}};
  std::string out;
  for (size_t i = 0; i < text.size();) {
    bool replaced = false;
    if (text[i] == '{')
      for (const auto& [key, value] : fields) {
        size_t n = std::char_traits<char>::length(key);
        if (text.compare(i, n, key) == 0) {
          out += *value;
          i += n;
          replaced = true;
          break;
        }
      }
    if (!replaced) out += text[i++];
  }
  return out;
}

Document build_report_document(const Scorecard& card, const ReportTemplate& tpl, const ReportInputs& inputs) {
  const Model& model = *card.instrument->model;
  Builder b{card, tpl, inputs, model, Labels{model}};
  const Assessment& a = *card.assessment;
  Document doc;
  doc.title = fmt::format("{} — {}{}", tpl.title, a.subject.retailer, a.subject.site.empty() ? "" : ", " + a.subject.site);
  doc.consultancy = tpl.consultancy;
  doc.author = b.fill(tpl.author);
  doc.logo_text = b.fill(tpl.logo_text);
  doc.tagline = b.fill(tpl.tagline);
  std::vector<std::string> header_parts;
  for (const auto* p : {&a.subject.retailer, &a.subject.site, &a.meta.date})
    if (!p->empty()) header_parts.push_back(*p);
  for (const auto& p : header_parts) doc.header_text += (doc.header_text.empty() ? "" : " · ") + p;
  doc.footer_text = b.fixed("footer", "{consultancy} · Confidential");
  doc.style = tpl.style;
  doc.cover = b.cover();
  doc.bands = b.document_bands();
  bool follow_up_listed = tpl.find_section("follow-up") != nullptr, waivers_listed = tpl.find_section("waivers") != nullptr;
  if (inputs.follow_ups) doc.footnotes.push_back(b.follow_up_summary());
  for (const auto& line : b.waiver_lines()) doc.footnotes.push_back(line);
  for (const auto& spec : tpl.sections) {
    // A template without these sections still shows them: a plan followed up just before the
    // new plan, waivers just before the appendix (a waiver is never left out of a report).
    if (inputs.follow_ups && !follow_up_listed && spec.id == "actions")
      doc.sections.push_back(b.follow_up(SectionSpec{"follow-up", "Actions since the previous visit", ""}));
    if (!card.waivers.empty() && !waivers_listed && spec.id == "appendix") {
      doc.sections.push_back(b.waivers(SectionSpec{"waivers", "Waivers", ""}));
      waivers_listed = true;
    }
    if (spec.id == "cover") doc.sections.push_back(Section{spec.id, spec.title, {}});
    else if (spec.id == "summary") doc.sections.push_back(b.summary(spec));
    else if (spec.id == "scorecard") doc.sections.push_back(b.scorecard(spec));
    else if (spec.id == "charts") doc.sections.push_back(b.charts(spec));
    else if (spec.id == "journey") doc.sections.push_back(b.journey(spec));
    else if (spec.id == "drivers") doc.sections.push_back(b.drivers(spec));
    else if (spec.id == "kpis") {
      if (inputs.kpis) doc.sections.push_back(b.kpis(spec));
    } else if (spec.id == "waivers") {
      if (!card.waivers.empty()) doc.sections.push_back(b.waivers(spec));
    } else if (spec.id == "follow-up") {
      if (inputs.follow_ups) doc.sections.push_back(b.follow_up(spec));
    } else if (spec.id == "actions") doc.sections.push_back(b.actions(spec));
    else if (spec.id == "appendix") doc.sections.push_back(b.appendix(spec));
  }
  if (!card.waivers.empty() && !waivers_listed) doc.sections.push_back(b.waivers(SectionSpec{"waivers", "Waivers", ""}));
  return doc;
}

}  // namespace cjb::render
