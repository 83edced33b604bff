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

namespace huozi::testing {
namespace {

// Issue 14: a line spreads its Han–Latin spaces first, up to half an em, and
// only then the gaps between characters, evenly.
TEST(Breaker, HanLatinSpacesStretchBeforeCharacterGaps) {
  // 甲乙3丙丁 is 5 em; 0.7 em short of 5.7 (甲乙3丙丁一 would not fit, 6 em less
  // ⅙ em of shrink): ¼ em
  // more in each Han–Latin space (their cap), the last 0.2 em over the two Han gaps.
  const auto r = set_fake("甲乙3丙丁一二三四五六", 5.7, BreakStrategy::Optimal);
  ASSERT_GE(r.lines.size(), 2u);
  EXPECT_EQ(r.lines[0], "甲乙3丙丁");
  const auto xs = positions_em(r.set[0]);
  ASSERT_EQ(xs.size(), 5u);
  EXPECT_NEAR(xs[1] - xs[0], 1.1, kTolerance);  // 甲 乙: 0.1 em apart
  EXPECT_NEAR(xs[2] - xs[1], 1.5, kTolerance);  // 乙 3: ½ em space
  EXPECT_NEAR(xs[3] - xs[2], 1.0, kTolerance);  // 3 (½ em) 丙: ½ em space
  EXPECT_NEAR(xs[4] - xs[3], 1.1, kTolerance);
  // Short by less than the spaces can take: the characters stay on the grid.
  const auto s = set_fake("甲乙3丙丁一二三四五六", 5.5, BreakStrategy::Optimal);
  EXPECT_EQ(s.lines[0], "甲乙3丙丁");
  const auto ys = positions_em(s.set[0]);
  EXPECT_NEAR(ys[1] - ys[0], 1.0, kTolerance);
  EXPECT_NEAR(ys[2] - ys[1], 1.5, kTolerance);
}

// A tight line takes a Han–Latin space down to a sixth of an em, after the
// marks' blanks.
TEST(Breaker, HanLatinSpaceShrinksToASixthAfterTheMarks) {
  // 甲3乙丙: 1 + ¼ + ½ + ¼ + 2 = 4 em; at 3.84 em the two spaces give up 0.08 em each.
  const auto r = set_fake("甲3乙丙丁戊", 3.84, BreakStrategy::Optimal);
  ASSERT_GE(r.lines.size(), 2u);
  EXPECT_EQ(r.lines[0], "甲3乙丙");
  EXPECT_NEAR(positions_em(r.set[0])[1], 1.17, kTolerance);
  EXPECT_FALSE(r.set[0].overfull);
  // No further than ⅙ em: at 3.8 em 丙 goes down.
  EXPECT_EQ(set_fake("甲3乙丙丁戊", 3.8, BreakStrategy::Optimal).lines[0], "甲3乙");
  // 甲，乙3丙: the comma's half em goes first, the Han–Latin spaces keep their quarter.
  const auto m = set_fake("甲，乙3丙丁戊", 4.8, BreakStrategy::Optimal);  // 5 em natural
  ASSERT_EQ(m.lines[0], "甲，乙3丙");
  const auto ms = positions_em(m.set[0]);
  EXPECT_NEAR(ms[2], 1.8, kTolerance);   // 乙 after a comma 0.2 em narrower
  EXPECT_NEAR(ms[3], 3.05, kTolerance);  // 3: a full quarter em after 乙
}

// A long Latin word breaks at a hyphenation point; the line ends with a
// hyphen glyph that is not in the text, and the breaker counts its width.
TEST(Breaker, LongWordsBreakWithAHyphen) {
  const auto r = set_fake("他说internationalization很难", 8, BreakStrategy::Optimal);
  ASSERT_GE(r.lines.size(), 2u);
  bool hyphenated = false;
  for (size_t i = 0; i + 1 < r.set.size(); ++i) {
    const layout::Line& line = r.set[i];
    EXPECT_FALSE(line.overfull) << r.joined();
    EXPECT_LE(line.width, 8 * kFakeEm + kTolerance);
    if (!line.hyphenated) continue;
    hyphenated = true;
    const auto& last = line.runs.back().glyphs.back();
    EXPECT_EQ(last.id, 0x2010u);
    EXPECT_EQ(last.cluster, line.text_end);  // a glyph of no source text
  }
  EXPECT_TRUE(hyphenated) << r.joined();
  std::string rejoined;
  for (const auto& l : r.lines) rejoined += l;
  EXPECT_EQ(rejoined, "他说internationalization很难");  // the text has no hyphen added
}

// zh-Hant's centred stops keep their full em unless a line must shrink; then
// the mark gives up its room evenly on both sides and stays centred.
TEST(Breaker, TraditionalStopsShrinkEvenlyWhenALineNeedsIt) {
  const auto loose = set_fake("一二三，四五六七", 4, BreakStrategy::Optimal, 0, "zh-Hant");
  EXPECT_EQ(loose.lines[0], "一二三，");  // 4 em: no shrink
  EXPECT_NEAR(positions_em(loose.set[0])[3], 3.0, kTolerance);
  const auto tight = set_fake("一二三，四五六七", 3.5, BreakStrategy::Optimal, 0, "zh-Hant");
  ASSERT_EQ(tight.lines[0], "一二三，");
  EXPECT_NEAR(positions_em(tight.set[0])[3], 2.75, kTolerance);  // half the ½ em blank each side
  EXPECT_NEAR(tight.set[0].width, 3.5 * kFakeEm, kTolerance);
}

}  // namespace
}  // namespace huozi::testing

namespace huozi::testing {
namespace {

// hanging-punctuation="yes": a stop that ends a line is set whole past the
// measure, and the line counts without it.
TEST(Breaker, HangingPunctuationIsAHouseStyle) {
  layout::Typography hanging;
  hanging.hanging_punctuation = true;
  const auto r = set_fake_styled("一二三四五。六七", 5, hanging);
  ASSERT_GE(r.lines.size(), 2u);
  EXPECT_EQ(r.lines[0], "一二三四五。");
  const auto xs = positions_em(r.set[0]);
  EXPECT_NEAR(xs[4], 4.0, kTolerance);   // 五 on the grid
  EXPECT_NEAR(xs[5], 5.0, kTolerance);   // 。 outside the 5-em measure
  EXPECT_NEAR(r.set[0].width, 50, kTolerance);
  // Off (the default), the same text cannot take 。 on a 5-em line: it is pushed out.
  const auto plain = set_fake("一二三四五。六七", 5, BreakStrategy::Optimal);
  EXPECT_EQ(plain.lines[0], "一二三四");
}

// han-digit-space="no": 2021年 tight; letters keep their quarter em.
TEST(Breaker, HanDigitSpaceIsAHouseStyle) {
  layout::Typography tight;
  tight.han_digit_space = false;
  const auto digits = positions_em(set_fake_styled("共3个", 20, tight).set[0]);
  EXPECT_NEAR(digits[1], 1.0, kTolerance);
  EXPECT_NEAR(digits[2], 1.5, kTolerance);
  const auto letters = positions_em(set_fake_styled("共A个", 20, tight).set[0]);
  EXPECT_NEAR(letters[1], 1.25, kTolerance);
}

}  // namespace
}  // namespace huozi::testing

namespace huozi::testing {
namespace {

// A hanging stop that had already given up its blank to the quote after it
// (，“) hangs by what is left of it: the line's set width is still the measure.
TEST(Breaker, HangingStopAfterPairCompressionKeepsTheMeasure) {
  layout::Typography hanging;
  hanging.hanging_punctuation = true;
  const auto r = set_fake_styled("一二三四，“五六七八”", 4, hanging);
  ASSERT_GE(r.lines.size(), 2u);
  ASSERT_EQ(r.lines[0], "一二三四，");
  EXPECT_NEAR(r.set[0].width, 40, kTolerance);
  EXPECT_NEAR(positions_em(r.set[0])[4], 4.0, kTolerance);  // ， outside the 4-em measure
}

}  // namespace
}  // namespace huozi::testing
