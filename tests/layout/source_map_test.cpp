// The source map: how lines are counted on a page (by hand-made frames), how
// places are found both ways, and that layout records every kind of block it
// sets (whole documents).
#include "layout/source_map.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "laid_out.h"

namespace huozi::layout {
namespace {

PageGeometry two_columns() {
  PageGeometry g;
  g.page_width = 400;
  g.page_height = 600;
  g.em = 10;
  g.line_pitch = 20;
  g.columns = 2;
  g.column_em = 15;
  g.column_gap = 20;
  g.lines = 20;
  g.first_baseline = 50;
  g.inner = 40, g.outer = 60;
  return g;
}

SourceLine at(uint32_t line, int of_block, double x, double baseline, bool generated = false) {
  SourceLine s;
  s.where = SourceLocation{0, line, 3};
  s.line = of_block;
  s.generated = generated;
  s.rect = Rect{x, baseline - 8.8, 150, 10};
  s.baseline = baseline;
  return s;
}

// ---- counting ----------------------------------------------------------------------

TEST(NumberSourceLines, CountsTextLinesColumnByColumnSkippingBlankGridLines) {
  const PageGeometry g = two_columns();
  PageFrame page;
  const double left = g.column_left(0, true), right = g.column_left(1, true);
  // Column 2 first, out of order, as a page flow may place notes last.
  page.source_lines = {at(30, 1, right, g.baseline(0)), at(10, 1, left, g.baseline(0)),
                       at(10, 2, left, g.baseline(1)),
                       // grid line 2 blank (a section's space); then a table row of two cells
                       at(12, 1, left, g.baseline(3)), at(13, 1, left + 75, g.baseline(3)),
                       // a footnote at the column foot
                       at(11, 1, left, g.baseline(19))};
  number_source_lines(page, g, true);
  ASSERT_EQ(page.source_lines.size(), 6u);
  struct Want {
    uint32_t source;
    int column, number;
  };
  const Want want[] = {{10, 1, 1}, {10, 1, 2}, {12, 1, 3}, {13, 1, 3}, {11, 1, 4}, {30, 2, 1}};
  for (size_t i = 0; i < 6; ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(page.source_lines[i].where.line, want[i].source);
    EXPECT_EQ(page.source_lines[i].column, want[i].column);
    EXPECT_EQ(page.source_lines[i].number, want[i].number);
  }
  ASSERT_EQ(page.text_columns.size(), 2u);
  EXPECT_DOUBLE_EQ(page.text_columns[1].x, right);
}

TEST(NumberSourceLines, AVersoHasItsColumnsFromTheOtherMargin) {
  const PageGeometry g = two_columns();  // inner 40, outer 60: a verso's block starts at 60
  PageFrame page;
  page.source_lines = {at(1, 1, g.column_left(1, false), g.baseline(0))};
  number_source_lines(page, g, false);
  EXPECT_EQ(page.source_lines[0].column, 2);
  // The same x on a recto is still in its second column (its block starts further left).
  page.text_columns.clear();
  number_source_lines(page, g, true);
  EXPECT_EQ(page.source_lines[0].column, 2);
}

// ---- looking up ----------------------------------------------------------------------

std::vector<PageLines> book() {
  // Page 1 (folio "i"): a contents line for the heading at 20. Page 2 (folio
  // "1"): the heading, a paragraph at 21 over two pages.
  std::vector<PageLines> pages(3);
  pages[0] = {1, "i", {at(20, 1, 0, 50, true)}};
  pages[1] = {2, "1", {at(20, 1, 0, 50), at(21, 1, 0, 70), at(21, 2, 0, 90)}};
  pages[2] = {3, "2", {at(21, 3, 0, 50), at(25, 1, 0, 70)}};
  for (PageLines& p : pages) {
    int n = 0;
    for (SourceLine& l : p.lines) l.column = 1, l.number = ++n;
  }
  return pages;
}

TEST(FindPlace, APlaceInsideABlockFindsItsFirstLineNotAContentsLine) {
  const std::vector<PageLines> pages = book();
  std::optional<LineHit> hit = find_place(pages, SourceLocation{0, 20, 3});
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->page, 2);  // not the contents page
  EXPECT_EQ(hit->line.number, 1);
  hit = find_place(pages, SourceLocation{0, 23, 1});  // inside the paragraph's source lines
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->page, 2);
  EXPECT_EQ(hit->label, "1");
  EXPECT_EQ(hit->line.number, 2);
  EXPECT_EQ(hit->line.where.line, 21u);
  EXPECT_EQ(hit->line.line, 1);
}

TEST(FindPlace, AColumnBeforeTheBlockOnItsLineFindsTheBlockBefore) {
  const std::vector<PageLines> pages = book();
  std::optional<LineHit> hit = find_place(pages, SourceLocation{0, 21, 2});  // the block starts at 21:3
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->line.where.line, 20u);
}

TEST(FindPlace, NothingBeforeTheFirstBlockOrInAnotherFile) {
  const std::vector<PageLines> pages = book();
  EXPECT_FALSE(find_place(pages, SourceLocation{0, 19, 80}));
  EXPECT_FALSE(find_place(pages, SourceLocation{1, 30, 1}));
}

TEST(FindPage, ByPrintedFolioFirstThenByNumber) {
  const std::vector<PageLines> pages = book();
  EXPECT_EQ(find_page(pages, "1")->number, 2);
  EXPECT_EQ(find_page(pages, "i")->number, 1);
  EXPECT_EQ(find_page(pages, "3")->number, 3);  // no folio "3": the third page
  EXPECT_EQ(find_page(pages, "4"), nullptr);
  EXPECT_EQ(lines_at(pages[1], 1, 3).at(0).line, 2);
  EXPECT_TRUE(lines_at(pages[1], 1, 4).empty());
  EXPECT_TRUE(lines_at(pages[1], 2, 1).empty());
}

// ---- whole documents ---------------------------------------------------------------------

const std::string kLong =
    "山不在高，有仙则名。水不在深，有龙则灵。斯是陋室，惟吾德馨。苔痕上阶绿，草色入帘青。谈笑有鸿儒，往来无白"
    "丁。";

// Every source line of the book, in page order.
std::vector<SourceLine> all_lines(const LaidOut& out) {
  std::vector<SourceLine> lines;
  for (const PageFrame& p : out.pages)
    lines.insert(lines.end(), p.source_lines.begin(), p.source_lines.end());
  return lines;
}

TEST(SourceMap, EveryKindOfBlockIsRecordedWithItsPlace) {
  // One element a line, so that each one's source line names it.
  const std::string body =
      "<chapter>\n<title>标题</title>\n<p>" + kLong + kLong +
      "<br/>换行之后。<note>注文。</note></p>\n"
      "<verse><stanza>\n<line>床前明月光</line>\n<line>疑是地上霜</line>\n</stanza></verse>\n"
      "<table>\n<caption>表题</caption>\n<tr>\n<td>甲</td>\n<td>乙</td>\n</tr>\n</table>\n"
      "<figure>\n<placeholder ratio=\"4:3\">图</placeholder>\n<caption>图注</caption>\n</figure>\n"
      "<ul>\n<li>一项</li>\n</ul>\n</chapter>";
  LaidOut out = lay_out(publication("", body));
  ASSERT_FALSE(out.diags.has_errors());
  const std::vector<SourceLine> lines = all_lines(out);
  std::set<uint32_t> firsts;
  for (const SourceLine& l : lines)
    if (l.line == 1) firsts.insert(l.where.line);
  // The body's first line is the <chapter>'s: count from there.
  ASSERT_FALSE(firsts.empty());
  const uint32_t chapter = *firsts.begin() - 1;
  // title, p, note (in p's source line), 2 verse lines, table caption, 2 cells, figure caption, list item
  for (uint32_t offset : {1u, 2u, 4u, 5u, 8u, 10u, 11u, 16u, 19u}) {
    SCOPED_TRACE(offset);
    EXPECT_TRUE(firsts.count(chapter + offset));
  }
  // The paragraph's lines run on over its <br/>: one block, its lines 1, 2, 3 … in page order.
  std::vector<int> counted;
  for (const SourceLine& l : lines)
    if (l.where.line == chapter + 2 && l.where.column < 10) counted.push_back(l.line);  // not the note
  ASSERT_GE(counted.size(), 3u);
  for (size_t i = 0; i < counted.size(); ++i) EXPECT_EQ(counted[i], static_cast<int>(i) + 1);
}

TEST(SourceMap, TheFootnoteIsCountedAfterTheTextAboveIt) {
  LaidOut out =
      lay_out(publication("", "<chapter><title>一</title>\n<p>正文<note>注文。</note>。</p></chapter>"));
  ASSERT_EQ(out.pages.size(), 1u);
  const std::vector<SourceLine>& lines = out.pages[0].source_lines;
  ASSERT_EQ(lines.size(), 3u);  // title, paragraph, note
  EXPECT_EQ(lines[2].number, 3);
  EXPECT_GT(lines[2].baseline, lines[1].baseline + 100);    // at the foot
  EXPECT_EQ(lines[1].where.line, lines[2].where.line);      // the note is on the paragraph's source line ...
  EXPECT_LT(lines[1].where.column, lines[2].where.column);  // ... after it
}

TEST(SourceMap, TheContentsLinesAreGeneratedAndCounted) {
  LaidOut out = lay_out(publication("<layout toc=\"yes\"/>",
                                    "<chapter><title>一</title><p>甲</p></chapter>"
                                    "<chapter><title>二</title><p>乙</p></chapter>"));
  ASSERT_GE(out.pages.size(), 2u);
  const std::vector<SourceLine>& toc = out.pages[0].source_lines;
  ASSERT_EQ(toc.size(), 2u);
  EXPECT_TRUE(toc[0].generated && toc[1].generated);
  EXPECT_EQ(toc[1].number, 2);
}

}  // namespace
}  // namespace huozi::layout
