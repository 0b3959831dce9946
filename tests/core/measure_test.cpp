// Measured items: the mapping from KPI figures to levels (core/measure.h) and its reading from
// a checklist's <measure> (xml/files.h), with figures worked out by hand.

#include "core/measure.h"

#include "core/error.h"
#include "core/kpi.h"
#include "xml/files.h"

#include <gtest/gtest.h>

namespace cjb {
namespace {

Measure thresholds(std::string kpi, std::string unit, std::vector<double> levels) {
  Measure m;
  m.kpi = std::move(kpi);
  m.unit = std::move(unit);
  m.levels = std::move(levels);
  return m;
}

Measure curve(std::string kpi, double worst, double best) {
  Measure m;
  m.kpi = std::move(kpi);
  m.worst = worst;
  m.best = best;
  return m;
}

TEST(Measure, LowerIsBetterThresholds) {
  Measure m = thresholds("first-response-p90", "hours", {48, 24, 8, 2});
  ASSERT_FALSE(measure_problem(m));
  EXPECT_EQ(measured_level(m, 60, 4), 0);
  EXPECT_EQ(measured_level(m, 48, 4), 1);  // at the threshold earns it
  EXPECT_EQ(measured_level(m, 47.9, 4), 1);
  EXPECT_EQ(measured_level(m, 24, 4), 2);
  EXPECT_EQ(measured_level(m, 8.01, 4), 2);
  EXPECT_EQ(measured_level(m, 3, 4), 3);
  EXPECT_EQ(measured_level(m, 0.5, 4), 4);
}

TEST(Measure, HigherIsBetterThresholds) {
  Measure m = thresholds("csat-percent", "", {60, 70, 80, 90});
  ASSERT_FALSE(measure_problem(m));
  EXPECT_EQ(measured_level(m, 59.9, 4), 0);
  EXPECT_EQ(measured_level(m, 75.4, 4), 2);
  EXPECT_EQ(measured_level(m, 90, 4), 4);
  Measure yes = thresholds("idle-chats", "percent", {5});  // a yes/no item: 5 % or fewer is yes
  ASSERT_FALSE(measure_problem(yes));
  EXPECT_EQ(measured_level(yes, 5, 1), 1);
  EXPECT_EQ(measured_level(yes, 5.1, 1), 0);
}

TEST(Measure, Curve) {
  // NPS from −20 (lowest) to +40 (top) on 0–4: each 15 points is a level.
  Measure m = curve("nps", -20, 40);
  ASSERT_FALSE(measure_problem(m));
  EXPECT_EQ(measured_level(m, -50, 4), 0);
  EXPECT_EQ(measured_level(m, -5.1, 4), 0);  // 14.9 / 60 × 4 = 0.99
  EXPECT_EQ(measured_level(m, -5, 4), 1);
  EXPECT_EQ(measured_level(m, 24.9, 4), 2);
  EXPECT_EQ(measured_level(m, 25, 4), 3);
  EXPECT_EQ(measured_level(m, 40, 4), 4);
  EXPECT_EQ(measured_level(m, 99, 4), 4);
  // Lower is better: resolution p90 from 72 hours down to 8.
  Measure r = curve("resolution-p90", 72, 8);
  r.unit = "hours";
  ASSERT_FALSE(measure_problem(r));
  EXPECT_EQ(measured_level(r, 40, 4), 2);  // (40 − 72) / (8 − 72) × 4 = 2
  EXPECT_EQ(measured_level(r, 41, 4), 1);
}

TEST(Measure, FiguresInTheMeasuresUnit) {
  KpiFigures f;
  f.first_response_p90 = {71, 20.0};  // minutes
  f.resolution_median = {68, 5.4};    // hours
  f.csat_percent = {57, 75.4};
  f.standards = {{"urgent", "", 3, {4, 75.0}}, {"general", "", 50, {60, 50 * 100.0 / 60}}};
  MeasuredFigure fr = measured_figure(thresholds("first-response-p90", "hours", {48, 24, 8, 2}), f);
  EXPECT_EQ(fr.n, 71);
  EXPECT_DOUBLE_EQ(*fr.value, 20.0 / 60);
  EXPECT_EQ(fr.unit, "hours");
  MeasuredFigure rm = measured_figure(thresholds("resolution-median", "days", {3, 2, 1, 0.5}), f);
  EXPECT_DOUBLE_EQ(*rm.value, 5.4 / 24);
  MeasuredFigure csat = measured_figure(thresholds("csat-percent", "", {60, 70, 80, 90}), f);
  EXPECT_EQ(csat.unit, "percent");
  EXPECT_DOUBLE_EQ(*csat.value, 75.4);
  // All standards: 53 of 64 answered contacts met the one that applies to them.
  MeasuredFigure all = measured_figure(thresholds("standards-met", "", {50, 70, 85, 95}), f);
  EXPECT_EQ(all.n, 64);
  EXPECT_DOUBLE_EQ(*all.value, 5300.0 / 64);
  Measure urgent = thresholds("standards-met", "percent", {50, 70, 85, 95});
  urgent.standard = "urgent";
  EXPECT_DOUBLE_EQ(*measured_figure(urgent, f).value, 75.0);
  urgent.standard = "social";  // not in the figures: nothing to measure
  EXPECT_FALSE(measured_figure(urgent, f).value);
  MeasuredFigure none = measured_figure(thresholds("nps", "", {-20, 0, 20, 40}), f);
  EXPECT_EQ(none.n, 0);
  EXPECT_FALSE(none.value);
}

TEST(Measure, FigureText) {
  EXPECT_EQ(measured_figure_text(20.0 / 60, "hours"), "0.33 hours");
  EXPECT_EQ(measured_figure_text(75.4, "percent"), "75.4 %");
  EXPECT_EQ(measured_figure_text(-3.0, "points"), "-3 points");
  EXPECT_EQ(measured_figure_text(4.094, "score"), "4.09 of 5");
}

TEST(Measure, Problems) {
  EXPECT_EQ(measure_problem(thresholds("speed", "", {1})).value_or(""),
            "<measure> names kpi 'speed' (expected one of first-response-median, first-response-p90, resolution-median, "
            "resolution-p90, first-contact-resolution, csat-percent, csat-mean, nps, idle-chats, standards-met)");
  EXPECT_EQ(measure_problem(thresholds("first-response-p90", "", {48, 24, 8, 2})).value_or(""),
            "<measure> of 'first-response-p90' has unit '' (expected seconds, minutes, hours or days)");
  EXPECT_EQ(measure_problem(thresholds("csat-percent", "hours", {60, 70, 80, 90})).value_or(""),
            "<measure> of 'csat-percent' has unit 'hours' (expected percent or no unit)");
  EXPECT_EQ(measure_problem(thresholds("first-response-p90", "hours", {2, 8, 24, 48})).value_or(""),
            "<measure> of 'first-response-p90' has levels that do not get stricter at 8 (expected each threshold lower than "
            "the one before: lower is better)");
  EXPECT_EQ(measure_problem(thresholds("csat-percent", "", {60, 60, 80, 90})).value_or(""),
            "<measure> of 'csat-percent' has levels that do not get stricter at 60 (expected each threshold higher than the "
            "one before: higher is better)");
  EXPECT_EQ(measure_problem(thresholds("nps", "", {})).value_or(""),
            "<measure> of 'nps' gives no levels (expected levels=\"…\", or worst=\"…\" and best=\"…\")");
  Measure both = curve("nps", -20, 40);
  both.levels = {0, 10, 20, 30};
  EXPECT_EQ(measure_problem(both).value_or(""),
            "<measure> of 'nps' has both levels and a curve (expected levels=\"…\", or worst=\"…\" and best=\"…\")");
  Measure half = curve("nps", -20, 40);
  half.best.reset();
  EXPECT_EQ(measure_problem(half).value_or(""), "<measure> of 'nps' has only one of worst and best (expected both)");
  EXPECT_EQ(measure_problem(curve("nps", 40, -20)).value_or(""),
            "<measure> of 'nps' has best -20 and worst 40 (expected best higher than worst: higher is better)");
  Measure standard = thresholds("csat-percent", "", {60, 70, 80, 90});
  standard.standard = "urgent";
  EXPECT_EQ(measure_problem(standard).value_or(""),
            "<measure> of 'csat-percent' names a standard (expected standard=\"…\" only with kpi=\"standards-met\")");
  EXPECT_EQ(measure_scale_problem(thresholds("nps", "", {0, 20}), 4).value_or(""),
            "<measure> of 'nps' gives 2 thresholds (expected 4, one for each level above 0 of the item's scale)");
  EXPECT_FALSE(measure_scale_problem(thresholds("nps", "", {0, 20}), 2));
  EXPECT_FALSE(measure_scale_problem(curve("nps", 0, 20), 4));
}

std::string checklist_with(const std::string& measure) {
  return "<checklist id=\"c\" model=\"m\"><title>T</title><section group=\"g\" channel=\"all\">"
         "<item id=\"I-1\"><text>Replies are fast.</text>\n" + measure + "</item></section></checklist>";
}

TEST(Measure, ReadFromAChecklist) {
  Checklist c = xml::parse_checklist(checklist_with("<measure kpi=\"first-response-p90\" unit=\"hours\" levels=\" 48 24\t8 2 \"/>"), "c.xml");
  ASSERT_TRUE(c.items.at(0).measure);
  const Measure& m = *c.items[0].measure;
  EXPECT_EQ(m.kpi, "first-response-p90");
  EXPECT_EQ(m.unit, "hours");
  EXPECT_EQ(m.levels, (std::vector<double>{48, 24, 8, 2}));
  EXPECT_EQ(m.where.line, 2);
  Checklist k = xml::parse_checklist(checklist_with("<measure kpi=\"standards-met\" standard=\"chat\" worst=\"50\" best=\"95\"/>"), "c.xml");
  EXPECT_EQ(k.items.at(0).measure->standard, "chat");
  EXPECT_EQ(k.items[0].measure->worst, 50.0);
  EXPECT_FALSE(xml::parse_checklist(checklist_with(""), "c.xml").items.at(0).measure);
}

std::string problems_of(const std::string& text) {
  try {
    xml::parse_checklist(text, "c.xml");
  } catch (const InputError& e) {
    std::string out;
    for (const auto& d : e.diagnostics()) out += d.to_string() + "\n";
    return out;
  }
  return "";
}

TEST(Measure, ReaderProblems) {
  EXPECT_EQ(problems_of(checklist_with("<measure kpi=\"nps\" levels=\"0 ten 20 30\"/>")),
            "c.xml:2:1: error: 'levels' has 'ten' (expected decimal numbers such as 24 or 0.5, separated by spaces)\n");
  EXPECT_EQ(problems_of(checklist_with("<measure kpi=\"first-response-p90\" unit=\"weeks\" levels=\"4 3 2 1\"/>")),
            "c.xml:2:1: error: <measure> of 'first-response-p90' has unit 'weeks' (expected seconds, minutes, hours or days)\n");
  EXPECT_EQ(problems_of(checklist_with("<measure levels=\"1 2 3 4\"/>")),
            "c.xml:2:1: error: <measure> has no 'kpi' attribute (expected a KPI such as first-response-p90 or csat-percent)\n");
}

}  // namespace
}  // namespace cjb
