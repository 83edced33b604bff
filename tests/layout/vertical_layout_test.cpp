// Vertical pages (竖排, issue 17) through layout_document: the turned frame
// on the page, markup beside its characters, the verso's margins, spaces.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "laid_out.h"

namespace huozi::layout {
namespace {

constexpr double kEm = 10.5;

void vertical(model::Document& doc) { doc.writing_mode = model::WritingMode::Vertical; }

LaidOut lay_out_vertically(const std::string& body, const std::string& layout = "<layout toc=\"no\"/>") {
  return lay_out(publication(layout, body), vertical);
}

// The cell of the upright glyph showing `text` (a character of the page's
// upright runs): x from its left edge, y from its top.
Rect cell_of(const PageFrame& page, const std::string& text) {
  for (const PageItem& item : page.items) {
    const auto* run = std::get_if<TextRun>(&item);
    if (!run || run->orientation != Orientation::Upright) continue;
    size_t byte = 0, glyph = 0;
    for (const auto& [bytes, glyphs] : run->clusters) {
      // A cluster's text runs to the next glyph's: a space set as glue ends the one before it.
      std::string cluster = run->text.substr(byte, static_cast<size_t>(bytes));
      while (!cluster.empty() && cluster.back() == ' ') cluster.pop_back();
      if (cluster == text) {
        // The glyph's horizontal origin: half its width left of the column's centre, 0.88 em below the cell's top.
        const PlacedGlyph& g = run->glyphs[glyph + static_cast<size_t>(glyphs) - 1];
        return Rect{g.x, g.y - 0.88 * run->size, run->size, run->size};
      }
      byte += static_cast<size_t>(bytes);
      glyph += static_cast<size_t>(glyphs);
    }
  }
  std::string runs;
  for (const PageItem& item : page.items)
    if (const auto* run = std::get_if<TextRun>(&item))
      runs += "[" + run->text + " " + std::to_string(static_cast<int>(run->orientation)) + "]";
  ADD_FAILURE() << "no upright " << text << " among " << runs;
  return {};
}

std::vector<Dot> dots_of(const PageFrame& page) {
  std::vector<Dot> out;
  for (const PageItem& item : page.items)
    if (const auto* dot = std::get_if<Dot>(&item)) out.push_back(*dot);
  return out;
}

TEST(VerticalPage, ColumnsStartAtTheRightOfAnUprightPage) {
  LaidOut out = lay_out_vertically("<chapter><title>一</title><p>天地玄黄，宇宙洪荒。</p></chapter>");
  ASSERT_EQ(out.pages.size(), 1u);
  const PageFrame& page = out.pages[0];
  EXPECT_LT(page.width, page.height);  // A5 upright, as set up
  const Rect tian = cell_of(page, "天"), di = cell_of(page, "地");
  EXPECT_GT(tian.x, page.width / 2);           // the first column is on the right
  EXPECT_NEAR(di.y - tian.y, kEm, 0.01);       // the next character below it
  EXPECT_NEAR(di.x, tian.x, 0.01);             // in the same column
  const Rect title = cell_of(page, "一");
  EXPECT_GT(title.x, tian.x);                  // the title's column before (right of) the text's
}

TEST(VerticalPage, EmphasisDotsStandRightOfTheirCharactersOneACell) {
  LaidOut out = lay_out_vertically("<chapter><title>一</title><p>甲<dot>乙12丙</dot>丁。</p></chapter>");
  ASSERT_EQ(out.pages.size(), 1u);
  const std::vector<Dot> dots = dots_of(out.pages[0]);
  ASSERT_EQ(dots.size(), 3u);  // 乙, the 縦中横 number's one cell, 丙
  const Rect yi = cell_of(out.pages[0], "乙"), bing = cell_of(out.pages[0], "丙");
  for (const Dot& dot : dots) EXPECT_GT(dot.x, yi.x + yi.width);  // right of the column
  EXPECT_NEAR(dots[0].y, yi.y + yi.height / 2, 0.01);              // level with the middle of its cell
  EXPECT_NEAR(dots[1].y, yi.y + 1.5 * kEm, 0.01);                  // the number's cell, below 乙
  EXPECT_NEAR(dots[2].y, bing.y + bing.height / 2, 0.01);
}

TEST(VerticalPage, EmphasisDotsOnASidewaysWordStandRightOfTheColumnToo) {
  LaidOut out = lay_out_vertically("<chapter><title>一</title><p>甲<dot>乙Word</dot>丁。</p></chapter>");
  ASSERT_EQ(out.pages.size(), 1u);
  const Rect yi = cell_of(out.pages[0], "乙");
  const std::vector<Dot> dots = dots_of(out.pages[0]);
  ASSERT_EQ(dots.size(), 5u);
  for (const Dot& dot : dots) EXPECT_GT(dot.x, yi.x + yi.width);
}

TEST(VerticalPage, RubyStandsBesideItsBase) {
  LaidOut out = lay_out_vertically("<chapter><title>一</title><p>天地<ruby>玄<rt>ㄒ</rt></ruby>黄。</p></chapter>");
  ASSERT_EQ(out.pages.size(), 1u);
  const Rect base = cell_of(out.pages[0], "玄");
  const Rect ruby = cell_of(out.pages[0], "ㄒ");
  EXPECT_GT(ruby.x, base.x + base.width - 0.01);  // on the right of the column
  // Half size, centred on its base along the column.
  EXPECT_NEAR(ruby.y + ruby.height / 2, base.y + base.height / 2, 0.5);
}

TEST(VerticalPage, ALinkAreaCoversItsCharactersCells) {
  LaidOut out = lay_out_vertically(
      "<chapter id=\"c\"><title>一</title><p>天地<a href=\"#c\">宇宙</a>洪荒。</p></chapter>");
  ASSERT_EQ(out.pages.size(), 1u);
  const Rect yu = cell_of(out.pages[0], "宇"), zhou = cell_of(out.pages[0], "宙");
  auto link = std::find_if(out.pages[0].links.begin(), out.pages[0].links.end(),
                           [](const Link& l) { return l.dest == "c"; });
  ASSERT_NE(link, out.pages[0].links.end());
  EXPECT_NEAR(link->rect.y, yu.y, 0.01);
  EXPECT_NEAR(link->rect.y + link->rect.height, zhou.y + zhou.height, 0.01);
}

TEST(VerticalPage, AnAsciiSpaceInAColumnIsAsWideAsInALine) {
  LaidOut out = lay_out_vertically("<chapter><title>一</title><p>中 文，全书 20 篇。</p></chapter>");
  ASSERT_EQ(out.pages.size(), 1u);
  const Rect zhong = cell_of(out.pages[0], "中"), wen = cell_of(out.pages[0], "文");
  const double gap = wen.y - (zhong.y + zhong.height);
  EXPECT_GT(gap, 0.1 * kEm);
  EXPECT_LT(gap, 0.5 * kEm);  // a space's width, not a full cell
  const Rect shu = cell_of(out.pages[0], "书"), number = cell_of(out.pages[0], "20");
  EXPECT_LT(number.y - (shu.y + shu.height), 0.5 * kEm);
}

// Page 1 is a recto: in a book bound on the right, the left-hand page, its
// inner margin on its right; page 2's text block is the mirror image.
TEST(VerticalPage, AVersosMarginsAreTheRectosMirrored) {
  std::string text;
  for (int i = 0; i < 120; ++i) text += "天地玄黄，宇宙洪荒。日月盈昃，辰宿列张。";
  LaidOut out = lay_out_vertically("<chapter><title>一</title><p>" + text + "</p></chapter>",
                                   "<layout toc=\"no\" margin-inner=\"30mm\" margin-outer=\"12mm\"/>");
  ASSERT_GE(out.pages.size(), 3u);
  auto extent = [&](size_t p) {
    double left = 1e9, right = 0;
    for (const PageItem& item : out.pages[p].items)
      if (const auto* run = std::get_if<TextRun>(&item); run && run->orientation == Orientation::Upright)
        for (const PlacedGlyph& g : run->glyphs) left = std::min(left, g.x), right = std::max(right, g.x + run->size);
    return std::pair{left, out.pages[p].width - right};
  };
  const auto [verso_left, verso_right] = extent(1);  // page 2 (page 1 opens the chapter below blank columns)
  const auto [recto_left, recto_right] = extent(2);
  EXPECT_GT(recto_right, recto_left);  // the inner margin, on the recto's right, is the wider
  EXPECT_NEAR(verso_left, recto_right, 1);
  EXPECT_NEAR(verso_right, recto_left, 1);
}

TEST(VerticalPage, LinksToAHeadingShowItsPageFromTheLeftEdge) {
  LaidOut out = lay_out_vertically("<chapter id=\"c\"><title>一</title><p>天地玄黄。</p></chapter>");
  ASSERT_EQ(out.pages.size(), 1u);
  ASSERT_FALSE(out.pages[0].anchors.empty());
  for (const Anchor& a : out.pages[0].anchors) EXPECT_EQ(a.x, 0);
}

}  // namespace
}  // namespace huozi::layout
