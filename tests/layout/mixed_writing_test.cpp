// A book mixing writing modes (issue 17): a part or chapter naming its own
// writing-mode opens on pages of that mode, page numbers going on, and what
// follows it returns to the book's mode on a new page. The book's binding
// stays its own: a horizontal chapter of a vertical book (bound on the right)
// has a recto's inner margin on the right, a vertical chapter of a
// horizontal book on the left.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "laid_out.h"

namespace huozi::layout {
namespace {

// Text of n lines' worth and more: enough for a chapter to run over several pages.
std::string long_text(int sentences) {
  std::string text;
  for (int i = 0; i < sentences; ++i) text += "天地玄黄，宇宙洪荒。日月盈昃，辰宿列张。";
  return text;
}

std::string chapter(const std::string& title, const std::string& text, const std::string& mode = "") {
  return "<chapter" + (mode.empty() ? std::string() : " writing-mode=\"" + mode + "\"") + "><title>" + title +
         "</title><p>" + text + "</p></chapter>";
}

int upright_runs(const PageFrame& page) {
  int n = 0;
  for (const PageItem& item : page.items)
    if (const auto* run = std::get_if<TextRun>(&item); run && run->orientation == Orientation::Upright) ++n;
  return n;
}

// The page holding the text `text` in one of its runs.
const PageFrame* page_with(const LaidOut& out, const std::string& text) {
  for (const PageFrame& page : out.pages)
    for (const PageItem& item : page.items)
      if (const auto* run = std::get_if<TextRun>(&item); run && run->text.find(text) != std::string::npos)
        return &page;
  return nullptr;
}

// The body text's extent across the page (runs at the body size): its left and right margins.
std::pair<double, double> margins(const PageFrame& page) {
  double left = 1e9, right = 0;
  for (const PageItem& item : page.items) {
    const auto* run = std::get_if<TextRun>(&item);
    if (!run || std::abs(run->size - 10.5) > 0.01 || run->glyphs.empty()) continue;
    const double em = run->orientation == Orientation::Upright ? run->size : 0;
    for (const PlacedGlyph& g : run->glyphs) left = std::min(left, g.x), right = std::max(right, g.x + em);
  }
  return {left, page.width - right};
}

const std::string kWideInner = "<layout toc=\"no\" margin-inner=\"30mm\" margin-outer=\"12mm\"/>";

TEST(MixedWritingModes, AVerticalChapterOpensOnVerticalPagesAndTheNextReturnsToTheBooks) {
  LaidOut out = lay_out(publication("<layout toc=\"no\"/>", chapter("一", "横排之章。") +
                                                                chapter("二", "竖排之章。", "vertical") +
                                                                chapter("三", "又是横排。")));
  ASSERT_EQ(out.pages.size(), 3u);
  for (size_t i = 0; i < out.pages.size(); ++i) EXPECT_EQ(out.pages[i].number, static_cast<int>(i + 1));
  EXPECT_FALSE(out.pages[0].vertical);
  EXPECT_EQ(upright_runs(out.pages[0]), 0);
  EXPECT_TRUE(out.pages[1].vertical);
  EXPECT_GT(upright_runs(out.pages[1]), 0);
  EXPECT_EQ(page_with(out, "竖排之章"), &out.pages[1]);
  EXPECT_FALSE(out.pages[2].vertical);
  EXPECT_EQ(upright_runs(out.pages[2]), 0);
  EXPECT_EQ(page_with(out, "又是横排"), &out.pages[2]);
  EXPECT_TRUE(out.diags.items().empty());
}

TEST(MixedWritingModes, APartsModeHoldsForItsChaptersUnlessOneNamesItsOwn) {
  LaidOut out = lay_out(publication(
      "<layout toc=\"no\"/>", "<part writing-mode=\"vertical\"><title>上编</title>" + chapter("一", "竖排甲。") +
                                  chapter("二", "横排乙。", "horizontal") + "</part>" + chapter("三", "横排丙。")));
  ASSERT_NE(page_with(out, "竖排甲"), nullptr);
  EXPECT_TRUE(page_with(out, "竖排甲")->vertical);
  EXPECT_TRUE(page_with(out, "上编")->vertical);  // the part's title page
  EXPECT_FALSE(page_with(out, "横排乙")->vertical);
  EXPECT_FALSE(page_with(out, "横排丙")->vertical);
}

// A vertical book binds on the right: its recto is the left-hand page, the
// inner margin on its right, for a horizontal chapter's pages too.
TEST(MixedWritingModes, AHorizontalChapterOfAVerticalBookKeepsTheBooksBinding) {
  LaidOut out = lay_out(publication(kWideInner, chapter("一", "竖排。") + chapter("二", long_text(150), "horizontal")),
                        [](model::Document& doc) { doc.writing_mode = model::WritingMode::Vertical; });
  ASSERT_GE(out.pages.size(), 4u);
  EXPECT_TRUE(out.pages[0].vertical);
  for (size_t p = 1; p < 3; ++p) {
    const PageFrame& page = out.pages[p];
    ASSERT_FALSE(page.vertical);
    const auto [left, right] = margins(page);
    if (page.number % 2 == 1)
      EXPECT_GT(right, left + 20) << "recto " << page.number;  // inner margin on the right
    else
      EXPECT_GT(left, right + 20) << "verso " << page.number;
  }
}

// A horizontal book binds on the left: a vertical chapter's recto has its inner margin on the left.
TEST(MixedWritingModes, AVerticalChapterOfAHorizontalBookKeepsTheBooksBinding) {
  LaidOut out = lay_out(publication(kWideInner, chapter("一", "横排。") + chapter("二", long_text(150), "vertical")));
  ASSERT_GE(out.pages.size(), 4u);
  for (size_t p = 1; p < 3; ++p) {
    const PageFrame& page = out.pages[p];
    ASSERT_TRUE(page.vertical);
    const auto [left, right] = margins(page);
    if (page.number % 2 == 1)
      EXPECT_GT(left, right + 20) << "recto " << page.number;
    else
      EXPECT_GT(right, left + 20) << "verso " << page.number;
  }
}

// The folio of a vertical page stands at its outer side: a recto's right in a book bound on the left.
TEST(MixedWritingModes, AVerticalChaptersFoliosStandAtTheOuterSide) {
  LaidOut out = lay_out(publication("<layout toc=\"no\"/>", chapter("一", "横排。") +
                                                                chapter("二", long_text(150), "vertical")));
  ASSERT_GE(out.pages.size(), 4u);
  for (size_t p = 2; p < 4; ++p) {  // not the chapter's opening page
    const PageFrame& page = out.pages[p];
    ASSERT_TRUE(page.vertical);
    const std::vector<PageLine> lines = out.lines(p);
    const auto folio = std::find_if(lines.begin(), lines.end(), [&](const PageLine& l) {
      return l.text == std::to_string(page.number) && std::abs(l.size - kFolioPt) < 0.05;
    });
    ASSERT_NE(folio, lines.end()) << "page " << page.number;
    if (page.number % 2 == 1)
      EXPECT_GT(folio->x, page.width / 2);
    else
      EXPECT_LT(folio->x, page.width / 2);
  }
}

// A figure waiting for room at the end of a horizontal chapter is placed on
// a horizontal page before the vertical chapter opens, not on its pages.
TEST(MixedWritingModes, AFigureWaitingForRoomStaysWithItsChaptersPages) {
  const std::string figure = "<figure><placeholder ratio=\"3:4\">一张照片</placeholder><caption>图一</caption></figure>";
  LaidOut out = lay_out(publication("<layout toc=\"no\"/>",
                                    "<chapter><title>一</title><p>" + long_text(20) + "</p>" + figure +
                                        "<p>图后的一段。</p></chapter>" + chapter("二", "竖排之章。", "vertical")));
  const PageFrame* with_figure = nullptr;
  for (const PageFrame& page : out.pages)
    for (const PageItem& item : page.items)
      if (std::holds_alternative<Box>(item) || std::holds_alternative<Image>(item)) with_figure = &page;
  ASSERT_NE(with_figure, nullptr);
  EXPECT_LT(page_with(out, "图后的一段"), with_figure);  // it did wait: the text after it went first
  EXPECT_FALSE(with_figure->vertical);
  EXPECT_LT(with_figure, page_with(out, "竖排之章"));
}

// The page of a figure (its placeholder box), or nullptr.
const PageFrame* figure_page(const LaidOut& out) {
  for (const PageFrame& page : out.pages)
    for (const PageItem& item : page.items)
      if (std::holds_alternative<Box>(item) || std::holds_alternative<Image>(item)) return &page;
  return nullptr;
}

// Whether the page shows a running head: the book's title (versos) or the
// chapter's (rectos), set at the folio's size.
bool has_running_head(const LaidOut& out, const PageFrame& page, const std::string& chapter_title) {
  const size_t index = static_cast<size_t>(&page - out.pages.data());
  for (const std::string& text : out.texts(index, kFolioPt))
    if (text == "测试之书" || text == chapter_title) return true;
  return false;
}

TEST(MixedWritingModes, AFigureWaitingForRoomDoesNotFloatPastAChapterOpening) {
  const std::string figure = "<figure><placeholder ratio=\"3:4\">一张照片</placeholder><caption>图一</caption></figure>";
  LaidOut out = lay_out(publication("<layout toc=\"no\"/>", "<chapter><title>一</title><p>" + long_text(20) +
                                                              "</p>" + figure + "<p>图后的一段。</p></chapter>" +
                                                              chapter("二", "第二章。")));
  ASSERT_NE(figure_page(out), nullptr);
  EXPECT_LT(page_with(out, "图后的一段"), figure_page(out));  // it waited
  EXPECT_LT(figure_page(out), page_with(out, "第二章"));      // but not past the next chapter's opening
}

// A chapter of nothing but its title, in another mode, opens its page (on a
// recto with chapter-start="recto"), and so does the chapter after it: each
// an opening, without a running head.
TEST(MixedWritingModes, AChapterAfterOneOfOnlyItsTitleOpensItsOwnPage) {
  for (const std::string mode : {"", "vertical"}) {
    LaidOut out = lay_out(publication("<layout toc=\"no\" chapter-start=\"recto\"/>",
                                      chapter("一", "横排之章。") + "<chapter" +
                                          (mode.empty() ? "" : " writing-mode=\"" + mode + "\"") +
                                          "><title>二</title></chapter>" + chapter("三", "横排三。")));
    const PageFrame* two = page_with(out, "二");
    const PageFrame* three = page_with(out, "横排三");
    ASSERT_NE(two, nullptr);
    ASSERT_NE(three, nullptr);
    EXPECT_NE(two, three) << mode;
    EXPECT_EQ(two->vertical, mode == "vertical");
    EXPECT_EQ(three->number % 2, 1) << mode;  // a recto
    EXPECT_FALSE(has_running_head(out, *three, "三")) << mode;
  }
}

// What follows a chapter of its own mode at the body's level goes on a new
// page of the book's mode, which is not a chapter opening: it has its running head.
TEST(MixedWritingModes, TheTextAfterAChapterOfItsOwnModeKeepsTheRunningHead) {
  LaidOut out = lay_out(publication("<layout toc=\"no\"/>", chapter("一", "横。") + chapter("二", "竖。", "vertical") +
                                                              "<p>后文" + long_text(5) + "</p>"));
  const PageFrame* after = page_with(out, "后文");
  ASSERT_NE(after, nullptr);
  EXPECT_FALSE(after->vertical);
  EXPECT_NE(after, page_with(out, "竖。"));
  EXPECT_TRUE(has_running_head(out, *after, "二"));
}

TEST(MixedWritingModes, PerPageFootnotesNumberAcrossTheChange) {
  LaidOut out = lay_out(publication("<layout toc=\"no\" footnotes=\"page\"/>",
                                    "<chapter><title>一</title><p>甲<note>甲注。</note>。</p></chapter>"
                                    "<chapter writing-mode=\"vertical\"><title>二</title><p>乙<note>乙注。</note>。</p></chapter>"));
  ASSERT_EQ(out.pages.size(), 2u);
  EXPECT_NE(page_with(out, "乙注"), nullptr);
  EXPECT_EQ(page_with(out, "乙注"), &out.pages[1]);
  EXPECT_TRUE(out.pages[1].vertical);
}

}  // namespace
}  // namespace huozi::layout
