#pragma once
// Measured items (docs/kpi.md, "Measured items"): a checklist item may name a KPI of `cjb kpi`
// and the figure that earns each level, so that `cjb kpi EXPORT... --apply ASSESSMENT` scores
// it from the retailer's own data instead of the auditor's few test contacts:
//
//   <measure kpi="first-response-p90" unit="hours" levels="48 24 8 2"/>
//       level 1 at 48 hours or less, 2 at 24, 3 at 8, 4 at 2; above 48 hours level 0
//   <measure kpi="csat-percent" worst="60" best="90"/>
//       a straight line: 60 % or less is the lowest level, 90 % or more the top one, and in
//       between the level the line reaches, rounded down
//
// Whether lower or higher is better is the KPI's own (times and idle chats: lower), so the
// thresholds of `levels` run from the first level above the lowest to the top one, and must get
// stricter in that direction. This file is the pure mapping: KPI figures → the level earned.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace cjb {

// Declared only: checklist.h holds a Measure, and these headers include checklist.h.
struct KpiFigures;  // core/kpi.h
struct Assessment;  // core/assessment.h
struct Instrument;  // core/catalog.h

// A KPI a checklist item can be measured by.
struct MeasurableKpi {
  const char* name;        // "first-response-p90"
  const char* label;       // "first response, 90th percentile"
  const char* unit;        // the figure's own unit: "minutes", "hours", "percent", "points", "score"
  bool lower_is_better;
  bool duration;           // a time: thresholds in seconds, minutes, hours or days
  const char* over;        // what n counts: "contacts", "answers", "chats"
};

// Every measurable KPI, in documentation order.
const std::vector<MeasurableKpi>& measurable_kpis();
const MeasurableKpi* find_measurable_kpi(std::string_view name);

struct Measure {
  std::string kpi;       // a name of measurable_kpis()
  std::string standard;  // for "standards-met": one service standard's id; empty: all of them
  std::string unit;      // of the thresholds; empty: the KPI's own unit
  std::vector<double> levels;         // thresholds of the levels above the lowest, ascending levels
  std::optional<double> worst, best;  // the curve's two control points (instead of levels)
  Location where;
};

// What is wrong with a measure on its own (unknown KPI or unit, thresholds not getting
// stricter, both or neither form), as an error message without place; nullopt when it is fine.
std::optional<std::string> measure_problem(const Measure& measure);

// What is wrong with a measure for an item whose scale has max_level + 1 levels (0…max_level):
// `levels` must give one threshold per level above 0. nullopt when it fits.
std::optional<std::string> measure_scale_problem(const Measure& measure, int max_level);

// The measure's figure, in the measure's unit, and the records it is over. value is nullopt
// when n is 0 (nothing to measure), or for "standards-met" of a standard the figures lack.
struct MeasuredFigure {
  int n = 0;
  std::optional<double> value;
  std::string unit;  // the measure's unit (or the KPI's own)
};
MeasuredFigure measured_figure(const Measure& measure, const KpiFigures& figures);

// The level (0…max_level) that value earns. The measure must be free of problems.
int measured_level(const Measure& measure, double value, int max_level);

// The figure as written in evidence: "2.5 hours", "75.4 %", "-3.4 points", "4.09 (1–5)".
std::string measured_figure_text(double value, const std::string& unit);

// What --apply did to one measured item of the assessment's scope.
struct AppliedMeasure {
  std::string item;
  MeasuredFigure figure;
  std::optional<int> level;           // the level set; nullopt when the item was left as it was
  std::optional<int> observed_level;  // the auditor's level (kept from an earlier --apply)
  std::string skipped;                // why it was left: "no contacts to measure", "N/A"
};

// Sets the level of every item in the instrument's scope that has a <measure> from figures:
// the response is marked measured, keeps the auditor's earlier level as observed_level, and
// gets as its first evidence line "{origin}: {KPI} {figure} over {n} {records} → level {L}".
// The auditor's note, photos and earlier evidence stay. An item without data, or one the
// auditor marked N/A (the channel is not offered), is left as it was. Throws InputError at the
// measure when its thresholds do not fit the item's scale.
std::vector<AppliedMeasure> apply_measures(Assessment& assessment, const Instrument& instrument, const KpiFigures& figures,
                                           const std::string& origin);

}  // namespace cjb
