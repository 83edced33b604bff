// Line breaking and justification on the fixed-width fake run: 1 em = 10 pt,
// so every expected break, ratio and position is an exact number.
#include <gtest/gtest.h>

#include <cmath>

#include "fake_run.h"

namespace huozi::testing {
namespace {

using layout::BreakStrategy;

constexpr double kTolerance = 1e-6;

struct BreakCase {
  const char* text;
  double width_em;
  const char* lines;  // '|' between lines
  std::vector<double> ratios;
  const char* rule;
};

// Both breakers agree on these small cases; each names the rule it shows.
const BreakCase kCases[] = {
    {"一二三四五六七八九十", 4, "一二三四|五六七八|九十", {0, 0, 0}, "grid: pure Han needs no adjustment"},
    {"一，三四五六。七八", 6, "一，三四五六。|七八", {-1, 0}, "§1 push-in: compress the comma to pull 。 in"},
    {"一二三四五六。七八九", 6, "一二三四五|六。七八九", {1, 0}, "§1 push-out: nothing to compress"},
    {"一二三四五。六七", 6, "一二三四五。|六七", {0.4, 0}, "§2 a stop at line end is half-width"},
    {"一二三四五六“七八”", 6, "一二三四五六|“七八”", {0, 0}, "§1 an opening mark never ends a line"},
    {"一二三四五六七——八九", 8, "一二三四五六七|——八九", {1 / 1.5, 0}, "§1 —— is one unit"},
    {"一二三四五六七八……九十", 8, "一二三四五六七|八……九十", {1 / 1.5, 0}, "§1 …… never starts a line"},
};

TEST(Breaker, FakeRunCases) {
  for (const auto& c : kCases) {
    for (auto strategy : {BreakStrategy::Optimal, BreakStrategy::Greedy}) {
      const auto r = set_fake(c.text, c.width_em, strategy);
      const char* name = strategy == BreakStrategy::Optimal ? "optimal" : "greedy";
      EXPECT_EQ(r.joined(), c.lines) << c.rule << " (" << name << ")";
      ASSERT_EQ(r.ratios.size(), c.ratios.size()) << c.rule;
      for (size_t i = 0; i < c.ratios.size(); ++i)
        EXPECT_NEAR(r.ratios[i], c.ratios[i], kTolerance) << c.rule << " line " << i << " (" << name << ")";
    }
  }
}

// Every line but the last fills the measure exactly.
TEST(Breaker, JustifiedLinesFillTheMeasure) {
  for (const auto& c : kCases) {
    const auto r = set_fake(c.text, c.width_em, BreakStrategy::Optimal);
    for (const auto& line : r.set)
      if (!line.last) EXPECT_NEAR(line.width, c.width_em * kFakeEm, 0.01) << c.rule;
  }
}

// The glyph positions of one line, in em.
std::vector<double> positions_em(const layout::Line& line) {
  std::vector<double> xs;
  for (const auto& run : line.runs)
    for (const auto& g : run.glyphs) xs.push_back(g.x / kFakeEm);
  return xs;
}

TEST(Breaker, LineEndMarkIsHalfWidth) {
  const auto r = set_fake("一二三四五。六七", 6, BreakStrategy::Optimal);
  const auto& glyphs = r.set[0].runs[0].glyphs;
  EXPECT_NEAR(glyphs.back().advance, 0.5 * kFakeEm, kTolerance);  // 。 keeps its ink, loses its blank
  EXPECT_NEAR(r.set[0].width, 60, kTolerance);
}

TEST(Breaker, LineStartOpeningMarkKeepsItsEmByDefault) {
  const auto r = set_fake("一二三四五六“七八”", 6, BreakStrategy::Optimal);
  ASSERT_EQ(r.set.size(), 2u);
  const auto xs = positions_em(r.set[1]);
  EXPECT_NEAR(xs[0], 0.0, kTolerance);  // the glyph's origin stays on the column edge
  EXPECT_NEAR(xs[1], 1.0, kTolerance);
}

TEST(Breaker, LineStartOpeningMarkIsHalfWidth) {
  const auto r = set_fake("一二三四五六“七八”", 6, BreakStrategy::Optimal, 0, "zh-Hans", /*half_width_line_start=*/true);
  ASSERT_EQ(r.set.size(), 2u);
  const auto xs = positions_em(r.set[1]);
  EXPECT_NEAR(xs[0], -0.5, kTolerance);  // the blank on its left is gone
  EXPECT_NEAR(xs[1], 0.5, kTolerance);   // 七 follows half an em in
  // Not at line start: the same mark keeps its full em.
  const auto mid = set_fake("一“七八”", 10, BreakStrategy::Optimal);
  EXPECT_NEAR(positions_em(mid.set[0])[2], 2.0, kTolerance);
}

TEST(Breaker, ConsecutiveMarksAreCompressed) {
  // 他说：“好。” — ： before “, and 。 before ”, each lose half an em.
  const auto r = set_fake("他说：“好。”", 20, BreakStrategy::Optimal);
  const auto xs = positions_em(r.set[0]);
  const std::vector<double> expected = {0, 1, 2, 2.5, 3.5, 4.5, 5};
  ASSERT_EQ(xs.size(), expected.size());
  for (size_t i = 0; i < xs.size(); ++i) EXPECT_NEAR(xs[i], expected[i], kTolerance) << i;
  // Apart, the same marks keep their width.
  const auto apart = positions_em(set_fake("他说：好“好”", 20, BreakStrategy::Optimal).set[0]);
  EXPECT_NEAR(apart[3], 3.0, kTolerance);
}

TEST(Breaker, HanLatinQuarterEm) {
  const auto xs = positions_em(set_fake("共3个", 20, BreakStrategy::Optimal).set[0]);
  EXPECT_NEAR(xs[1], 1.25, kTolerance);  // 共 + ¼ em
  EXPECT_NEAR(xs[2], 2.0, kTolerance);   // 3 is ½ em, then ¼ em
  // A space typed there is not doubled.
  const auto spaced = positions_em(set_fake("共 3 个", 20, BreakStrategy::Optimal).set[0]);
  ASSERT_EQ(spaced.size(), 3u);  // the space became the glue
  EXPECT_NEAR(spaced[1], 1.25, kTolerance);
  EXPECT_NEAR(spaced[2], 2.0, kTolerance);
  // None next to punctuation.
  const auto punct = positions_em(set_fake("共，3", 20, BreakStrategy::Optimal).set[0]);
  EXPECT_NEAR(punct[2], 2.0, kTolerance);
}

TEST(Breaker, StretchIsEvenAndNeverInsideDashes) {
  // 他说——好 on a 6 em line (the last line): flush left, natural.
  const auto r = set_fake("他说——好的朋友们是", 6, BreakStrategy::Optimal);
  for (const auto& line : r.set) {
    const auto xs = positions_em(line);
    for (size_t i = 0; i + 1 < xs.size(); ++i) {
      const auto& g = line.runs[0].glyphs;
      if (g[i].id == U'—' && g[i + 1].id == U'—') EXPECT_NEAR(xs[i + 1] - xs[i], 1.0, kTolerance);
    }
  }
}

TEST(Breaker, LastLineIsFlushLeft) {
  const auto r = set_fake("一二三四五六七八九十", 4, BreakStrategy::Optimal);
  EXPECT_EQ(r.joined(), "一二三四|五六七八|九十");
  EXPECT_NEAR(r.set.back().ratio, 0, kTolerance);
  EXPECT_NEAR(r.set.back().width, 20, kTolerance);  // natural width, not stretched
}

TEST(Breaker, OptimalAvoidsLonelyLastCharacterGreedyDoesNot) {
  const char* text = "一二三四五六七八九十甲乙丙丁戊己庚。";  // 17 Han and a stop, 8 em
  const auto greedy = set_fake(text, 8, BreakStrategy::Greedy);
  EXPECT_EQ(greedy.lines.back(), "庚。");
  const auto optimal = set_fake(text, 8, BreakStrategy::Optimal);
  EXPECT_NE(optimal.lines.back(), "庚。");
  EXPECT_GE(optimal.lines.back().size(), std::string("己庚。").size());
  // The price: one line spread by an em over its six gaps.
  for (double ratio : optimal.ratios) EXPECT_LE(ratio, 1 / 1.5 + kTolerance);
}

TEST(Breaker, IndentIsTwoEms) {
  const auto r = set_fake("一二三四五六", 4, BreakStrategy::Optimal, 2);
  EXPECT_EQ(r.joined(), "一二|三四五六");
  EXPECT_NEAR(positions_em(r.set[0])[0], 2.0, kTolerance);
}

TEST(Breaker, OverlongWordMakesAnOverfullLine) {
  const auto r = set_fake("ABCDEFGHIJKLMNOP汉", 4, BreakStrategy::Optimal);
  ASSERT_FALSE(r.set.empty());
  EXPECT_TRUE(r.set[0].overfull);
  EXPECT_EQ(r.lines[0], "ABCDEFGHIJKLMNOP");
}

}  // namespace
}  // namespace huozi::testing

namespace huozi::testing {
namespace {

TEST(Breaker, RaggedLinesKeepTheirNaturalWidth) {
  const text::ShapedParagraph shaped = fake_shape("一二三四五六。七八");
  layout::ItemList items;
  layout::build_items(shaped, layout::ItemOptions{kFakeEm, 0}, items);
  const layout::LineWidths widths(6 * kFakeEm);
  const auto spans = layout::break_lines(items, widths, layout::BreakStrategy::Optimal);
  std::vector<layout::Line> lines;
  layout::justify_lines(shaped, items, spans, widths, lines, /*justify=*/false);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_NEAR(lines[0].width, 50, 1e-6);  // 一二三四五, not spread to 60
  EXPECT_NEAR(lines[0].ratio, 0, 1e-6);
}

}  // namespace
}  // namespace huozi::testing
