// Cohen's kappa against values worked out by hand (the working is in each test), and the
// agreement of two audits of the worked example.

#include <gtest/gtest.h>

#include "core/agreement.h"
#include "core/worked_example.h"

namespace cjb {
namespace {

using Pairs = std::vector<std::pair<int, int>>;

TEST(CohenKappa, PerfectAgreementIsOne) {
  // 0–4, quadratic: every pair on the diagonal, so Σ w·observed = 0. Marginals 1/5 each:
  // Σ w·expected = (1/25)(1/16) Σ_ij (i−j)² = 100/400 = 0.25, κ = 1 − 0/0.25 = 1.
  EXPECT_DOUBLE_EQ(*cohen_kappa({{0, 0}, {1, 1}, {2, 2}, {3, 3}, {4, 4}}, 5, KappaWeights::Quadratic), 1.0);
  // yes/no, plain: po = 1, pe = ½·½ + ½·½ = ½, κ = (1 − ½)/(1 − ½) = 1.
  EXPECT_DOUBLE_EQ(*cohen_kappa({{1, 1}, {0, 0}}, 2, KappaWeights::Plain), 1.0);
}

TEST(CohenKappa, ChanceLevelIsZero) {
  // yes/no, plain: (1,1) (1,0) (0,1) (0,0): po = 2/4 = ½; A says yes ½, B says yes ½, so
  // pe = ½·½ + ½·½ = ½ and κ = (½ − ½)/(1 − ½) = 0.
  EXPECT_NEAR(*cohen_kappa({{1, 1}, {1, 0}, {0, 1}, {0, 0}}, 2, KappaWeights::Plain), 0.0, 1e-12);
  // 0–4, quadratic: A = 0 0 4 4, B = 0 4 0 4 (independent). Observed: two pairs of weight
  // (4−0)²/16 = 1, each 1/4: Σ w·o = ½. Marginals ½ on 0 and ½ on 4 for both:
  // Σ w·e = ¼·1 + ¼·1 = ½ (the off-diagonal cells), κ = 1 − ½/½ = 0.
  EXPECT_NEAR(*cohen_kappa({{0, 0}, {0, 4}, {4, 0}, {4, 4}}, 5, KappaWeights::Quadratic), 0.0, 1e-12);
}

TEST(CohenKappa, OneDisagreement) {
  // 0–4, quadratic: A = 0 1 2 3 4, B = 0 1 2 3 3. Observed: (4,3) weighs 1/16, share 1/5:
  // Σ w·o = 1/80. Expected: A's marginals 1/5 each; B's 1/5 on 0, 1, 2 and 2/5 on 3.
  // S(j) = Σ_i (i−j)² = 30, 15, 10, 15 for j = 0, 1, 2, 3, so
  // Σ w·e = (1/16)(1/5)[(30 + 15 + 10)/5 + 2·15/5] = (1/80)·17 = 17/80, κ = 1 − 1/17 = 16/17.
  EXPECT_NEAR(*cohen_kappa({{0, 0}, {1, 1}, {2, 2}, {3, 3}, {4, 3}}, 5, KappaWeights::Quadratic), 16.0 / 17.0, 1e-12);
  // yes/no, plain: A = 1 1 0 0, B = 1 1 0 1: po = ¾; A yes ½, B yes ¾:
  // pe = ½·¾ + ½·¼ = ½, κ = (¾ − ½)/(1 − ½) = ½.
  EXPECT_NEAR(*cohen_kappa({{1, 1}, {1, 1}, {0, 0}, {0, 1}}, 2, KappaWeights::Plain), 0.5, 1e-12);
  // The same one-step slip weighed plainly counts as a full disagreement: po = 4/5,
  // pe = (1/5)(1/5)·3 + (1/5)(2/5) + 0 = 5/25 = 1/5, κ = (4/5 − 1/5)/(4/5) = ¾.
  EXPECT_NEAR(*cohen_kappa({{0, 0}, {1, 1}, {2, 2}, {3, 3}, {4, 3}}, 5, KappaWeights::Plain), 0.75, 1e-12);
}

TEST(CohenKappa, UndefinedWithoutPairsOrWhenChanceCannotDisagree) {
  EXPECT_FALSE(cohen_kappa({}, 5, KappaWeights::Quadratic));
  EXPECT_FALSE(cohen_kappa({{1, 1}, {1, 1}}, 2, KappaWeights::Plain)) << "pe = 1: 0/0";
  EXPECT_FALSE(cohen_kappa({{5, 1}}, 5, KappaWeights::Quadratic)) << "a level outside the scale";
}

TEST(Agreement, TwoAuditsOfTheWorkedExample) {
  Catalog catalog = test::worked_example_catalog();
  Assessment a = test::worked_example_assessment();  // L1 4, L2 2, R1 3, R2 yes, R3 0, C1 N/A, C3 2
  Assessment b = a;
  b.responses[0].level = 0;                               // L1 4 → 0: the widest gap
  b.responses[2].level = 2;                               // R1 3 → 2
  b.responses[5] = {"C1", 1, false, "", "", {}};          // C1 N/A → 1
  b.responses.push_back({"C2", 2, false, "", "", {}});    // C2 unanswered in a
  Instrument instrument = resolve_scope(catalog, a.scope);
  Agreement g = measure_agreement(instrument, a, b);
  EXPECT_EQ(g.compared, 8u);
  EXPECT_EQ(g.alike, 4u) << "L2, R2, R3, C3";
  ASSERT_EQ(g.disagreements.size(), 4u);
  EXPECT_EQ(g.disagreements[0].item, "L1");
  EXPECT_DOUBLE_EQ(g.disagreements[0].gap, 1.0);
  EXPECT_EQ(g.disagreements[1].item, "C1") << "a level against N/A weighs a whole scale, after level pairs";
  EXPECT_EQ(g.disagreements[2].item, "R1");
  EXPECT_DOUBLE_EQ(g.disagreements[2].gap, 0.25);
  EXPECT_EQ(g.disagreements[3].item, "C2");
  ASSERT_EQ(g.kappas.size(), 2u);
  EXPECT_EQ(g.kappas[0].scale, "maturity");
  EXPECT_EQ(g.kappas[0].weights, KappaWeights::Quadratic);
  EXPECT_EQ(g.kappas[0].items, 5u) << "L1 L2 R1 R3 C3";
  EXPECT_EQ(g.kappas[1].scale, "yesno");
  EXPECT_FALSE(g.kappas[1].kappa) << "R2 yes in both: undefined";
  ASSERT_TRUE(g.overall_a && g.overall_b);
  EXPECT_LT(*g.overall_b, *g.overall_a);
}

}  // namespace
}  // namespace cjb
