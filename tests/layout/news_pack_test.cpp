// The newspaper page composer's search (layout/news_pack.h): modules as
// rectangles on the grid, packed in reading order to fill the area.
#include "layout/news_pack.h"

#include <gtest/gtest.h>

#include <vector>

namespace huozi::layout {
namespace {

// A module that takes `lines` (plus up to `flex` of air) at each span in `spans`, at `cost`.
ModuleChoices module_at(std::vector<int> spans, int lines, int flex = 0, double cost = 0, int columns = 6) {
  ModuleChoices m;
  m.by_span.resize(static_cast<size_t>(columns) + 1);
  for (int s : spans) m.by_span[static_cast<size_t>(s)].push_back({lines, flex, cost});
  return m;
}

// Every column-line of the area covered at most once; returns how many are covered.
int covered(const Packing& p, int columns, int lines) {
  std::vector<int> grid(static_cast<size_t>(columns * lines), 0);
  int n = 0;
  for (const PackedModule& m : p.modules) {
    EXPECT_GE(m.column, 0);
    EXPECT_LE(m.column + m.span, columns);
    EXPECT_GE(m.line, 0);
    EXPECT_LE(m.line + m.lines, lines);
    for (int c = m.column; c < m.column + m.span; ++c)
      for (int l = m.line; l < m.line + m.lines; ++l) {
        int& cell = grid[static_cast<size_t>(c * lines + l)];
        EXPECT_EQ(cell, 0) << "modules overlap at column " << c << " line " << l;
        ++cell;
        ++n;
      }
  }
  return n;
}

TEST(NewsPack, OneModuleFillsTheAreaExactly) {
  const Packing p = pack_modules({module_at({6}, 40)}, 6, 40);
  ASSERT_TRUE(p.ok);
  EXPECT_EQ(p.empty_lines, 0);
  ASSERT_EQ(p.modules.size(), 1u);
  EXPECT_EQ(p.modules[0].column, 0);
  EXPECT_EQ(p.modules[0].line, 0);
  EXPECT_EQ(p.modules[0].span, 6);
  EXPECT_EQ(p.modules[0].lines, 40);
  EXPECT_EQ(covered(p, 6, 40), 240);
}

TEST(NewsPack, StackAndSplitFillExactly) {
  // Two bands of three columns: 20 + gap + 19 lines on the left, 40 on the right.
  const std::vector<ModuleChoices> m = {module_at({3}, 20), module_at({3}, 19), module_at({3}, 40)};
  const Packing p = pack_modules(m, 6, 40);
  ASSERT_TRUE(p.ok);
  EXPECT_EQ(p.empty_lines, 0);
  // Every column-line but the one gap line of the stacked band.
  EXPECT_EQ(covered(p, 6, 40), 240 - 3);
  EXPECT_EQ(p.modules[1].line, 21);  // under the first, after the gap line
  EXPECT_EQ(p.modules[2].column, 3);
  EXPECT_EQ(p.modules[2].line, 0);
}

TEST(NewsPack, ModulesInReadingOrderFirstAtTopLeft) {
  std::vector<ModuleChoices> m;
  for (int k = 0; k < 6; ++k) m.push_back(module_at({1, 2, 3}, 19, 2));
  const Packing p = pack_modules(m, 6, 40);
  ASSERT_TRUE(p.ok);
  EXPECT_EQ(p.modules[0].column, 0);
  EXPECT_EQ(p.modules[0].line, 0);
  // Reading order: down a band, then bands left to right: each module is under the
  // one before it in the same column, or starts further right.
  for (size_t k = 1; k < p.modules.size(); ++k) {
    const PackedModule &a = p.modules[k - 1], &b = p.modules[k];
    EXPECT_TRUE(b.column > a.column || (b.column == a.column && b.line > a.line))
        << "module " << k << " at column " << b.column << " line " << b.line << ", the one before at column "
        << a.column << " line " << a.line;
  }
  covered(p, 6, 40);
}

TEST(NewsPack, NoOverlapOnAPageOfManyModules) {
  std::vector<ModuleChoices> m;
  for (int k = 0; k < 12; ++k) m.push_back(module_at({1, 2, 3}, 10 + (k * 7) % 13, 3, k % 3));
  const Packing p = pack_modules(m, 6, 74);
  ASSERT_TRUE(p.ok);
  covered(p, 6, 74);
}

TEST(NewsPack, NothingFitsGivesNoPacking) {
  // Taller than the area at every span.
  EXPECT_FALSE(pack_modules({module_at({1, 2, 3, 4, 5, 6}, 50)}, 6, 40).ok);
  // No option at all.
  EXPECT_FALSE(pack_modules({module_at({}, 10)}, 6, 40).ok);
  // No modules, or no area.
  EXPECT_FALSE(pack_modules({}, 6, 40).ok);
  EXPECT_FALSE(pack_modules({module_at({6}, 10)}, 0, 40).ok);
  EXPECT_FALSE(pack_modules({module_at({6}, 10)}, 6, 0).ok);
  // Two that cannot share the area: each needs all of it.
  EXPECT_FALSE(pack_modules({module_at({6}, 40), module_at({6}, 40)}, 6, 40).ok);
}

TEST(NewsPack, AirFillsTheBand) {
  // 36 lines of text and up to 4 of air in a band of 40: the air is taken, nothing left empty.
  const Packing p = pack_modules({module_at({6}, 36, 4)}, 6, 40);
  ASSERT_TRUE(p.ok);
  EXPECT_EQ(p.empty_lines, 0);
  EXPECT_EQ(p.modules[0].air, 4);
  EXPECT_EQ(p.modules[0].lines, 40);
}

TEST(NewsPack, AirIsTakenBeforeLeavingLinesEmpty) {
  // Two stacked modules with 2 lines to spare: air (cheap) is taken instead of empty lines.
  const Packing p = pack_modules({module_at({6}, 20, 3), module_at({6}, 17, 3)}, 6, 40);
  ASSERT_TRUE(p.ok);
  EXPECT_EQ(p.empty_lines, 0);
  EXPECT_EQ(p.modules[0].air + p.modules[1].air, 2);
  EXPECT_EQ(covered(p, 6, 40), 240 - 6);
}

TEST(NewsPack, TooLittleAirLeavesLinesEmptyAtACost) {
  // What the header means by "cannot fill": the packing is still made, its hole counted and costed.
  const Packing p = pack_modules({module_at({6}, 30, 2)}, 6, 40);
  ASSERT_TRUE(p.ok);
  EXPECT_EQ(p.modules[0].air, 2);
  EXPECT_EQ(p.empty_lines, 8 * 6);
  EXPECT_GE(p.cost, PackRules{}.empty_cost * 48);
}

TEST(NewsPack, LeadTakesItsCheapestShape) {
  // The lead costs less at 4 columns than at 2 (as StoryModule::shape_cost makes it); both fill.
  ModuleChoices lead;
  lead.by_span.resize(7);
  lead.by_span[2].push_back({40, 0, 300});  // narrow: a lead at 2 columns costs more
  lead.by_span[4].push_back({40, 0, 0});
  ModuleChoices rest;
  rest.by_span.resize(7);
  rest.by_span[2].push_back({40, 0, 0});
  rest.by_span[4].push_back({40, 0, 0});
  const Packing p = pack_modules({lead, rest}, 6, 40);
  ASSERT_TRUE(p.ok);
  EXPECT_EQ(p.empty_lines, 0);
  EXPECT_EQ(p.modules[0].span, 4);
  EXPECT_EQ(p.modules[0].column, 0);
  EXPECT_EQ(p.modules[1].span, 2);
  // And with the costs the other way round, the narrow one.
  lead.by_span[2][0].cost = 0;
  lead.by_span[4][0].cost = 300;
  const Packing q = pack_modules({lead, rest}, 6, 40);
  ASSERT_TRUE(q.ok);
  EXPECT_EQ(q.modules[0].span, 2);
}

TEST(NewsPack, RefusesASearchLargerThanItsLimit) {
  // (n + 1)² (columns + 1) (lines + 1) regions: over kMaxPackStates, no packing (the caller packs fewer).
  std::vector<ModuleChoices> m(30, module_at({1}, 10, 0, 0, 20));
  const int columns = 20, lines = 500;
  ASSERT_GT(31.0 * 31 * (columns + 1) * (lines + 1), kMaxPackStates);
  EXPECT_FALSE(pack_modules(m, columns, lines).ok);
  // More modules than kMaxPackedModules: refused too, however small the area.
  std::vector<ModuleChoices> many(kMaxPackedModules + 1, module_at({1}, 1));
  EXPECT_FALSE(pack_modules(many, 6, 200).ok);
  // Just under the limit it searches.
  std::vector<ModuleChoices> few(2, module_at({1}, 10, 0, 0, 20));
  EXPECT_TRUE(pack_modules(few, 2, 21, PackRules{}).ok);
}

}  // namespace
}  // namespace huozi::layout
