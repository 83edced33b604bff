// The press model behind huozi's CMYK profiles, as arithmetic: the published
// aims it is built from, its tone curves, its separations (ink limits, grey
// component replacement, paper white), and, where Debian's icc-profiles-free
// is installed, how far it lies from FOGRA's measured characterisation data.
#include "print/press_model.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <ostream>
#include <sstream>
#include <string>

namespace huozi::print {

// How tests and ctest name a condition (the same in every test file).
inline void PrintTo(PressCondition condition, std::ostream* os) {
  *os << (condition == PressCondition::Newsprint ? "Newsprint" : "CoatedOffset");
}

namespace {

class PressModelTest : public ::testing::TestWithParam<PressCondition> {
 protected:
  PressModelTest() : model_(printing_condition(GetParam())) {}
  const PrintingCondition& condition() const { return model_.condition(); }
  PressModel model_;
};

INSTANTIATE_TEST_SUITE_P(Conditions, PressModelTest,
                         ::testing::Values(PressCondition::CoatedOffset, PressCondition::Newsprint),
                         [](const auto& info) {
                           return info.param == PressCondition::Newsprint ? "Newsprint" : "CoatedOffset";
                         });

double sum(const Ink& ink) { return ink[0] + ink[1] + ink[2] + ink[3]; }

TEST_P(PressModelTest, SolidsAreThePublishedAims) {
  for (int mask = 0; mask < 8; ++mask) {
    Ink ink{mask & 1 ? 1.0 : 0.0, mask & 2 ? 1.0 : 0.0, mask & 4 ? 1.0 : 0.0, 0};
    EXPECT_LT(delta_e(model_.absolute_lab(ink), condition().solids[mask]), 1e-6) << "ink mask " << mask;
  }
  EXPECT_LT(delta_e(model_.absolute_lab({0, 0, 0, 1}), condition().black), 1e-6);
  EXPECT_LT(delta_e(model_.relative_lab({0, 0, 0, 0}), {100, 0, 0}), 1e-9);
}

TEST_P(PressModelTest, ToneValueIncreaseAsSpecifiedAndMonotone) {
  for (int ink = 0; ink < 4; ++ink) {
    EXPECT_DOUBLE_EQ(model_.printed_tone(ink, 0), 0);
    EXPECT_DOUBLE_EQ(model_.printed_tone(ink, 1), 1);
    double r = condition().tvi_tone;
    EXPECT_NEAR(model_.printed_tone(ink, r) - r, condition().tvi[ink], 1e-12);
    for (int i = 0; i <= 100; ++i) EXPECT_GT(model_.printed_tone_slope(ink, i / 100.0), 0) << i;
  }
}

TEST_P(PressModelTest, DerivativesMatchDifferences) {
  const Ink ink{0.3, 0.55, 0.2, 0.4};
  PressModel::Jacobian j = model_.relative_lab_with_derivatives(ink);
  for (int i = 0; i < 4; ++i) {
    Ink up = ink, down = ink;
    up[i] += 1e-6;
    down[i] -= 1e-6;
    Lab hi = model_.relative_lab(up), lo = model_.relative_lab(down);
    EXPECT_NEAR(j.d[i].l, (hi.l - lo.l) / 2e-6, 1e-3) << i;
    EXPECT_NEAR(j.d[i].a, (hi.a - lo.a) / 2e-6, 1e-3) << i;
    EXPECT_NEAR(j.d[i].b, (hi.b - lo.b) / 2e-6, 1e-3) << i;
  }
}

TEST_P(PressModelTest, PaperAndLighterSeparateToNoInk) {
  for (Lab lab : {Lab{100, 0, 0}, Lab{100.39, 0, 0}}) {
    Separation s = model_.separate(lab);
    EXPECT_EQ(s.ink, (Ink{0, 0, 0, 0})) << lab.l << " " << lab.a << " " << lab.b;
  }
}

TEST_P(PressModelTest, EverySeparationStaysWithinTheInkLimits) {
  for (int l = 0; l <= 100; l += 10)
    for (int a = -128; a <= 128; a += 32)
      for (int b = -128; b <= 128; b += 32) {
        Ink ink = model_.separate({double(l), double(a), double(b)}).ink;
        EXPECT_LE(sum(ink), condition().tac + 1e-9) << l << " " << a << " " << b;
        EXPECT_LE(ink[kBlack], condition().max_black);
        for (double v : ink) {
          EXPECT_GE(v, 0);
          EXPECT_LE(v, 1);
        }
      }
}

// Any colour the press prints with every ink between its limits separates
// back to exactly that colour; on the gamut's surface (an ink at 0 or at its
// maximum) the ink comfort may trade a trace of colour for a little less ink.
TEST_P(PressModelTest, PrintableColoursAreMet) {
  for (int c = 0; c <= 4; ++c)
    for (int m = 0; m <= 4; ++m)
      for (int y = 0; y <= 4; ++y)
        for (int k = 0; k <= 3; ++k) {
          Ink ink{c / 4.0, m / 4.0, y / 4.0, k / 3.0 * condition().max_black};
          if (sum(ink) > condition().tac) continue;
          bool inside = c % 4 && m % 4 && y % 4 && k % 3 && sum(ink) < condition().tac;
          Lab target = model_.relative_lab(ink);
          Separation s = model_.separate(target);
          EXPECT_LT(s.error, inside ? 0.01 : 0.3) << c << m << y << k;
          EXPECT_NEAR(delta_e(model_.relative_lab(s.ink), target), s.error, 1e-9);
        }
}

TEST_P(PressModelTest, GreyComponentReplacement) {
  double previous_black = 0;
  double darkest = model_.black_point().reached.l;
  for (double l = 100; l > darkest + 1; l -= 5) {
    Separation s = model_.separate({l, 0, 0});
    EXPECT_LT(s.error, 0.05) << l;
    if (l > 100 - 0.25 * (100 - darkest)) {
      EXPECT_EQ(s.ink[kBlack], 0) << l << ": light greys in C+M+Y";
    }
    EXPECT_GE(s.ink[kBlack], previous_black) << l;
    previous_black = s.ink[kBlack];
  }
  // Dark neutrals mostly on the black plate.
  Separation dark = model_.separate({darkest + 0.3 * (100 - darkest), 0, 0});
  for (int i = 0; i < 3; ++i) EXPECT_GT(dark.ink[kBlack], dark.ink[i]);
  // Colourful colours keep their C+M+Y.
  EXPECT_NEAR(model_.preferred_black({50, 27, 36}), 0.5 * model_.preferred_black({50, 0, 0}), 1e-9);
  EXPECT_LT(model_.preferred_black({50, 60, 40}), 0.3 * model_.preferred_black({50, 0, 0}));
}

TEST_P(PressModelTest, BlackPointIsTheDarkestUnderTheLimit) {
  const Separation& black = model_.black_point();
  EXPECT_NEAR(sum(black.ink), condition().tac, 1e-9);
  EXPECT_EQ(black.ink[kBlack], condition().max_black);
  for (int c = 0; c <= 10; ++c)
    for (int m = 0; m <= 10; ++m)
      for (int y = 0; y <= 10; ++y) {
        Ink ink{c / 10.0, m / 10.0, y / 10.0, condition().max_black};
        if (sum(ink) > condition().tac) continue;
        Lab lab = model_.relative_lab(ink);
        EXPECT_GE(std::hypot(lab.l, lab.a, lab.b), black.error - 1e-6);
      }
}

TEST(PressModel, NewsprintAimsDiffer) {
  EXPECT_LT(printing_condition(PressCondition::Newsprint).paper.l,
            printing_condition(PressCondition::CoatedOffset).paper.l);
  EXPECT_DOUBLE_EQ(printing_condition(PressCondition::Newsprint).tac, 2.4);
  EXPECT_DOUBLE_EQ(printing_condition(PressCondition::CoatedOffset).tac, 3.0);
}

// The coated model is built from the ISO 12647-2 aims alone; FOGRA39 is the
// measured characterisation of that condition. Mean ΔE*ab 2.9 over its 1617
// patches (tints lose some chroma in a Neugebauer model), so it is a fair
// model of the condition, but not FOGRA39.
TEST(PressModel, CoatedModelIsNearTheFogra39Data) {
  std::ifstream in("/usr/share/color/icc/FOGRA39L.ti3");
  if (!in) GTEST_SKIP() << "icc-profiles-free's FOGRA39L.ti3 is not installed";
  PressModel model(printing_condition(PressCondition::CoatedOffset));
  std::string line;
  bool data = false;
  double total = 0, worst = 0;
  int count = 0;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line == "BEGIN_DATA" || line == "END_DATA") {
      data = line == "BEGIN_DATA";
      continue;
    }
    if (!data) continue;
    std::istringstream fields(line);
    double id, c, m, y, k, x, yy, z;
    Lab measured;
    fields >> id >> c >> m >> y >> k >> x >> yy >> z >> measured.l >> measured.a >> measured.b;
    double error = delta_e(model.absolute_lab({c / 100, m / 100, y / 100, k / 100}), measured);
    total += error;
    worst = std::max(worst, error);
    ++count;
  }
  ASSERT_EQ(count, 1617);
  EXPECT_LT(total / count, 3.5);
  EXPECT_LT(worst, 10);
}

}  // namespace
}  // namespace huozi::print
