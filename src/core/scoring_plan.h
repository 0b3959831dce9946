#pragma once
// What scoring works out from an instrument before it sees a single answer: which items count
// (all, or those of one kind of evidence), their weights, the sections they fall in, the groups,
// layers and journey channels those roll up to, with their weights and targets, and the
// critical cap. Built once per instrument, read by score_assessment (a full Scorecard) and by
// BenchmarkScorer (thousands of visits, scores only), which therefore cannot drift apart: the
// rules are those of docs/scoring.md, and the roll-up below is the one both run.

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "core/catalog.h"

namespace cjb {

// One item's score: 100 × level / max_level (docs/scoring.md, "Items").
inline double item_score(int level, int max_level) { return 100.0 * level / max_level; }

class ScoringPlan {
 public:
  struct PlannedItem {
    const Item* item;
    size_t index;    // into Instrument::items
    size_t section;  // into sections
    double weight;   // after profile overrides
    int max_level;
    bool critical;
  };
  // One group in one channel ("all" for leadership and enabler groups): a run of items with
  // the same group and channel along the instrument's order.
  struct Section {
    std::string_view group, channel;  // into the catalog's items
    size_t group_index;               // into groups
    double channel_weight;            // the section's weight in its group
    int journey_channel = -1;         // index into channels for journey sections, else -1
  };
  struct PlannedGroup {
    std::string_view id, layer;  // into the model
    int order;                   // position in the model's groups
    size_t layer_index;          // into layers
    double weight, target;
    std::vector<size_t> sections;  // section order
  };
  struct PlannedLayer {
    std::string_view id;  // into the model
    int order;            // position in the model's layers
    double weight, target;
    std::vector<size_t> groups;
  };
  struct JourneyChannel {
    std::string_view id;  // into the model
    int order;            // position in the model's channels
    double weight;
    std::vector<size_t> sections;  // its journey sections, in group order
  };

  // Running sums of one section's answered items, enough to score it and to re-score it after
  // raising one item (the action plan).
  struct SectionSums {
    double weighted = 0;  // Σ w·s over answered items
    double weights = 0;   // Σ w over answered items
    int critical_failures = 0;

    void add(const PlannedItem& item, int level) {
      weighted += item.weight * item_score(level, item.max_level);
      weights += item.weight;
      if (item.critical && level == 0) ++critical_failures;
    }
  };

  // evidence: count only the items evidenced this way (ScoringOptions::evidence); nullopt for
  // every item. The instrument (and its catalog) must outlive the plan.
  explicit ScoringPlan(const Instrument& instrument, std::optional<EvidenceKind> evidence = std::nullopt);

  const Instrument& instrument() const { return *instrument_; }
  const Model& model() const { return *instrument_->model; }
  double critical_cap() const { return critical_cap_; }
  double overall_target() const { return instrument_->overall_target; }
  const std::vector<PlannedItem>& items() const { return items_; }
  const std::vector<Section>& sections() const { return sections_; }
  const std::vector<PlannedGroup>& groups() const { return groups_; }  // model order, only those in scope
  const std::vector<PlannedLayer>& layers() const { return layers_; }  // model order, only those in scope
  const std::vector<JourneyChannel>& channels() const { return channels_; }  // the instrument's channels
  size_t touchpoints() const { return touchpoints_; }  // sections with a journey channel

  // The roll-up (docs/scoring.md): weighted means that skip what is null, summed in one fixed
  // order, so a partial re-run (the action plan) and the benchmark's fast path give the same
  // numbers to the last bit.
  std::optional<double> section_score(const SectionSums& sums) const;  // after the critical cap
  std::optional<double> group_score(size_t group, const std::vector<std::optional<double>>& section_scores) const;
  std::optional<double> layer_score(size_t layer, const std::vector<std::optional<double>>& group_scores) const;
  std::optional<double> overall_score(const std::vector<std::optional<double>>& layer_scores) const;
  // A journey channel: its sections weighted by their groups' weights.
  std::optional<double> channel_score(size_t channel, const std::vector<std::optional<double>>& section_scores) const;

 private:
  void plan_items(std::optional<EvidenceKind> evidence);
  void plan_groups_and_layers();
  void plan_channels();

  const Instrument* instrument_;
  double critical_cap_;
  std::vector<PlannedItem> items_;
  std::vector<Section> sections_;
  std::vector<PlannedGroup> groups_;
  std::vector<PlannedLayer> layers_;
  std::vector<JourneyChannel> channels_;
  size_t touchpoints_ = 0;
};

}  // namespace cjb
