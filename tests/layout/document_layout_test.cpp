// Whole documents through layout_document, read back from the page frames:
// the text each page shows, line by line, with positions. These are the rules
// that need the model, the text engine and the page flow together.
#include "layout/document_layout.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

#include "laid_out.h"
#include "layout/footnotes.h"
#include "layout/page_geometry.h"
#include "model/loader.h"

namespace huozi::layout {
namespace {

const std::string kLong =
    "山不在高，有仙则名。水不在深，有龙则灵。斯是陋室，惟吾德馨。苔痕上阶绿，草色入帘青。谈笑有鸿儒，往来无白"
    "丁。";

// ---- <br/> ------------------------------------------------------------------

TEST(LineBreakElement, EndsTheLineFlushLeftAndTheNextStartsAtTheColumnEdge) {
  LaidOut out = lay_out(publication("", "<chapter><title>一</title><p>" + kLong + kLong +
                                            "<br/>换行之后的文字。</p>" + "<p>" + kLong + "</p></chapter>"));
  ASSERT_EQ(out.pages.size(), 1u);
  std::vector<PageLine> lines = out.lines(0);
  auto after = std::find_if(lines.begin(), lines.end(),
                            [](const PageLine& l) { return l.text == "换行之后的文字。"; });
  ASSERT_NE(after, lines.end());
  const PageLine& before = *(after - 1);
  const PageLine& full = *(after - 2);         // a justified line of the same paragraph
  EXPECT_NEAR(after->x, full.x, 0.01);         // no indent after the break
  EXPECT_LT(before.right, full.right - 10.5);  // flush left: not spread to the measure
  EXPECT_EQ(before.text.substr(before.text.size() - 3), "。");
}

TEST(LineBreakElement, FootnotesOnBothSidesOfTheBreakReachTheFoot) {
  // A note after a <br/> was lost when its mark was looked for at the byte
  // offset of the piece before the break.
  LaidOut out =
      lay_out(publication("", "<chapter><title>一</title><p>" + kLong + kLong +
                                  "<note>前注。</note>。<br/>后面<note>后注。</note>。</p></chapter>"));
  ASSERT_EQ(out.pages.size(), 1u);
  std::vector<std::string> notes = out.texts(0, kNotePt);
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_EQ(notes[0], "①　前注。");
  EXPECT_EQ(notes[1], "②　后注。");
}

TEST(Footnotes, ALiteralCircledNumberInTheTextIsNotTheNoteMark) {
  // 图① is text; the note's mark is the ① after 结尾, on the paragraph's last
  // line, which a search for the first ① would not have found there.
  std::string text = "图①" + kLong + kLong + kLong + kLong + kLong + "结尾<note>注文。</note>。";
  LaidOut out = lay_out(
      publication("<layout size=\"105x148mm\"/>", "<chapter><title>一</title><p>" + text + "</p></chapter>"));
  ASSERT_GE(out.pages.size(), 2u);
  // The note goes to the foot of the page whose line calls it: the last page.
  for (size_t p = 0; p + 1 < out.pages.size(); ++p) EXPECT_TRUE(out.texts(p, kNotePt).empty()) << p;
  EXPECT_EQ(out.texts(out.pages.size() - 1, kNotePt), std::vector<std::string>{"①　注文。"});
}

// Past ㊿ the mark is a superscript number (issue 18): the PDF follows the
// EPUB's numbering. No mark starts a line: the character it annotates keeps it.
TEST(Footnotes, MarksPastFiftyAreSuperscriptNumbersAndNeverStartALine) {
  std::string body = "<chapter><title>注</title><p>";
  for (int i = 1; i <= 56; ++i) body += "山不在高有仙则名<note>注。</note>";
  LaidOut out = lay_out(publication("", body + "</p></chapter>"));
  bool found = false;
  for (size_t p = 0; p < out.pages.size(); ++p) {
    std::vector<PageLine> lines = out.lines(p);
    for (const PageLine& l : lines) {
      if (std::abs(l.size - 10.5) < 0.05) {
        // A body line never begins with a circled mark.
        EXPECT_NE(l.text.substr(0, 2), "\xE2\x91") << l.text;  // ① … ⑳
        EXPECT_NE(l.text.substr(0, 2), "\xE3\x89") << l.text;  // ㉑ … ㉟
        EXPECT_NE(l.text.substr(0, 2), "\xE3\x8A") << l.text;  // ㊱ … ㊿
      }
      if (l.text.find("51") == std::string::npos || std::abs(l.size - 10.5 * 0.6) > 0.05) continue;
      // The superscript sits 0.38 em above a body line's baseline.
      auto body_line = std::find_if(lines.begin(), lines.end(), [&](const PageLine& b) {
        return std::abs(b.size - 10.5) < 0.05 && std::abs(b.y - l.y - 10.5 * 0.38) < 0.01;
      });
      EXPECT_NE(body_line, lines.end()) << "no body line under the superscript at y " << l.y;
      found = true;
    }
  }
  EXPECT_TRUE(found) << "no superscript 51";
}

// A superscript mark is no word of digits: no Han–digit quarter em before or
// after it, only the line's own spacing.
TEST(Footnotes, SuperscriptMarksSitAgainstTheirCharacters) {
  std::string body = "<chapter><title>注</title><p>";
  for (int i = 1; i <= 56; ++i) body += "山不在高有仙则名<note>注。</note>";
  LaidOut out = lay_out(publication("", body + "</p></chapter>"));
  int checked = 0;
  for (const PageFrame& page : out.pages) {
    std::vector<std::pair<double, double>> han;  // (x, baseline) of body glyphs
    std::vector<const TextRun*> marks;
    for (const PageItem& item : page.items)
      if (const auto* run = std::get_if<TextRun>(&item)) {
        if (std::abs(run->size - 10.5 * 0.6) < 0.01) marks.push_back(run);
        else if (std::abs(run->size - 10.5) < 0.01)
          for (const PlacedGlyph& g : run->glyphs) han.push_back({g.x, g.y});
      }
    for (const TextRun* mark : marks) {
      const PlacedGlyph& first = mark->glyphs.front();
      double baseline = first.y + 10.5 * 0.38;
      double before = -1e9, after = 1e9;
      for (auto [x, y] : han) {
        if (std::abs(y - baseline) > 0.01) continue;
        if (x < first.x) before = std::max(before, x);
        if (x > first.x) after = std::min(after, x);
      }
      if (before < -1e8 || after > 1e8) continue;  // at a line's end
      // A full-width Han glyph before, then the mark, then the next glyph: gaps
      // of the line's spacing (well under a quarter em), not a quarter em each.
      double mark_width = after - first.x;
      EXPECT_LT(first.x - before, 10.5 + 1.3) << "a gap before the superscript";
      EXPECT_LT(mark_width, 2 * 10.5 * 0.6 * 0.6 + 1.3) << "a gap after the superscript";
      ++checked;
    }
  }
  EXPECT_GE(checked, 3);
}

// ---- footnotes numbered per page -----------------------------------------------

std::string notes_chapter(int paragraphs) {
  std::string body = "<chapter><title>注</title>";
  for (int i = 1; i <= paragraphs; ++i)
    body += "<p>" + kLong + kLong + "<note>第" + std::to_string(i) + "条注。</note>" + kLong + "</p>";
  return body + "</chapter>";
}

// The circled numbers the notes at each page's foot start with.
std::vector<std::vector<std::string>> note_numbers(const LaidOut& out) {
  std::vector<std::vector<std::string>> pages;
  for (size_t p = 0; p < out.pages.size(); ++p) {
    std::vector<std::string> numbers;
    for (const std::string& note : out.texts(p, kNotePt)) numbers.push_back(note.substr(0, 3));
    pages.push_back(numbers);
  }
  return pages;
}

TEST(Footnotes, PerPageNumberingRestartsOnEveryPage) {
  LaidOut out = lay_out(publication("<layout footnotes=\"page\"/>", notes_chapter(8)));
  std::vector<std::vector<std::string>> pages = note_numbers(out);
  ASSERT_GE(pages.size(), 2u);
  int notes = 0;
  for (const auto& page : pages) {
    for (size_t i = 0; i < page.size(); ++i)
      EXPECT_EQ(page[i], model::circled_number(static_cast<int>(i) + 1));
    notes += static_cast<int>(page.size());
  }
  EXPECT_EQ(notes, 8);
  EXPECT_GE(pages[1].size(), 1u);  // the second page has notes of its own, from ①
  EXPECT_TRUE(out.diags.items().empty());
}

TEST(Footnotes, PerPageNumbersAreTheMarksInTheText) {
  LaidOut out = lay_out(publication("<layout footnotes=\"page\"/>", notes_chapter(8)));
  const std::vector<std::vector<std::string>> numbers = note_numbers(out);
  for (size_t p = 0; p < out.pages.size(); ++p) {
    std::string body;
    for (const PageLine& l : out.lines(p))
      if (std::abs(l.size - 10.5) < 0.05) body += l.text;
    for (const std::string& number : numbers[p])
      EXPECT_NE(body.find(number), std::string::npos) << "page " << p + 1 << " has no mark " << number;
  }
}

TEST(Footnotes, PerChapterNumberingRunsOnAcrossPages) {
  LaidOut out = lay_out(publication("<layout footnotes=\"chapter\"/>", notes_chapter(8)));
  int expected = 0;
  for (const auto& page : note_numbers(out))
    for (const std::string& number : page) EXPECT_EQ(number, model::circled_number(++expected));
  EXPECT_EQ(expected, 8);
}

// ---- part title pages ---------------------------------------------------------

TEST(PartTitlePage, IsARectoOfItsOwnWithABlankVersoBehindIt) {
  std::string body =
      "<part numbering=\"chinese\"><title>山水</title><chapter><title>山</title><p>" + kLong +
      "</p></chapter></part><part numbering=\"chinese\"><title>居室</title><chapter><title>室</title><p>" +
      kLong + "</p></chapter></part>";
  LaidOut out = lay_out(publication("<layout toc=\"no\"/>", body));
  // 1 part page, 2 its blank verso, 3 the chapter, 4 blank (the next part opens on a recto), 5 part, 6 blank,
  // 7 chapter.
  ASSERT_EQ(out.pages.size(), 7u);
  EXPECT_EQ(out.texts(0), (std::vector<std::string>{"第一部", "山水"}));  // no folio, no running head
  EXPECT_TRUE(out.pages[1].items.empty());
  EXPECT_EQ(out.texts(2).front(), "山");
  EXPECT_TRUE(out.pages[3].items.empty());
  EXPECT_EQ(out.texts(4), (std::vector<std::string>{"第二部", "居室"}));
  EXPECT_TRUE(out.pages[5].items.empty());
  EXPECT_EQ(out.texts(6).front(), "室");
  EXPECT_EQ(out.texts(6, kFolioPt), std::vector<std::string>{"7"});  // the part pages are counted
}

TEST(PartTitlePage, SetsNumberAndTitleCentredAThirdDownThePage) {
  LaidOut out = lay_out(publication(
      "<layout toc=\"no\"/>", "<part numbering=\"chinese\"><title>山水</title><chapter><title>山</title><p>" +
                                  kLong + "</p></chapter></part>"));
  ASSERT_GE(out.pages.size(), 1u);
  std::vector<PageLine> lines = out.lines(0);
  ASSERT_EQ(lines.size(), 2u);
  const PageFrame& page = out.pages[0];
  // Centred on one axis (the last glyph's advance is one em of its size), near the page's middle.
  double axis0 = (lines[0].x + lines[0].right + lines[0].size) / 2;
  double axis1 = (lines[1].x + lines[1].right + lines[1].size) / 2;
  EXPECT_NEAR(axis0, axis1, 0.5);
  EXPECT_NEAR(axis0, page.width / 2, 0.05 * page.width);
  EXPECT_GT(lines[1].size, lines[0].size);  // the title is larger than its number
  EXPECT_GT(lines[0].y, 0.2 * page.height);
  EXPECT_LT(lines[1].y, 0.5 * page.height);
}

// ---- the table of contents ------------------------------------------------------

TEST(TableOfContents, IsLaidOutOnceAfterTheBodyAndNumberedToGoFirst) {
  std::string body;
  for (int c = 1; c <= 3; ++c) {
    body += "<chapter numbering=\"chinese\"><title>章" + std::to_string(c) + "</title>";
    for (int p = 0; p < 12; ++p) body += "<p>" + kLong + kLong + "</p>";
    body += "</chapter>";
  }
  model::LoadResult loaded = model::load_publication_from_string(publication("", body), "test.xml", ".");
  ASSERT_TRUE(loaded);
  std::vector<PageFrame> made;
  DiagnosticList diags;
  LayoutResult result = layout_document(
      *loaded.document, fonts(), [&](PageFrame&& page) { made.push_back(std::move(page)); }, diags);
  ASSERT_GE(made.size(), 6u);
  EXPECT_EQ(result.pages, static_cast<int>(made.size()));
  // The body comes first, from page 2 (behind the one TOC page), in order; the TOC last, as page 1.
  for (size_t i = 0; i + 1 < made.size(); ++i) EXPECT_EQ(made[i].number, static_cast<int>(i) + 2);
  EXPECT_EQ(made.back().number, 1);
  EXPECT_EQ(made.back().label, "i");
  // Its entries give each chapter's folio: the label of the page the outline sends the reader to.
  LaidOut sorted;
  sorted.pages = std::move(made);
  std::stable_sort(sorted.pages.begin(), sorted.pages.end(),
                   [](const PageFrame& a, const PageFrame& b) { return a.number < b.number; });
  std::vector<std::string> toc = sorted.texts(0);
  ASSERT_EQ(result.outline.size(), 3u);
  for (int c = 0; c < 3; ++c) {
    const OutlineEntry& e = result.outline[static_cast<size_t>(c)];
    std::string folio = sorted.pages[static_cast<size_t>(e.page - 1)].label;
    EXPECT_NE(std::find(toc.begin(), toc.end(), e.title + folio), toc.end()) << e.title << " " << folio;
  }
}

// ---- figures ----------------------------------------------------------------------

TEST(Figure, LeavesAirBetweenThePictureAndItsCaption) {
  // In newspaper columns of every width, a 4:3 placeholder's box ends at
  // least 0.4 em above the top of its caption's first line, and keeps to its
  // grid lines (no more than the column's width, no more than a few per cent less).
  for (int columns : {1, 2, 3, 4, 5}) {
    LaidOut out = lay_out(publication(
        "<layout size=\"A4\" columns=\"" + std::to_string(columns) + "\" toc=\"no\"/>",
        "<chapter><title>图</title><figure id=\"f\"><placeholder ratio=\"4:3\">一张照片</placeholder>"
        "<caption>图①为" +
            kLong + kLong + "</caption></figure><p>" + kLong + "</p></chapter>"));
    ASSERT_GE(out.pages.size(), 1u);
    const Box* fpo = nullptr;
    for (const PageItem& item : out.pages[0].items)
      if (const Box* b = std::get_if<Box>(&item); b && b->diagonals) fpo = b;
    ASSERT_NE(fpo, nullptr);
    const PageLine* caption = nullptr;
    std::vector<PageLine> lines = out.lines(0);
    for (const PageLine& l : lines)
      if (l.text.rfind("图①", 0) == 0) caption = &l;
    ASSERT_NE(caption, nullptr);
    double em_top = caption->y - kAscentEm * caption->size;
    EXPECT_GE(em_top - (fpo->rect.y + fpo->rect.height), 0.4 * 10.5 - 0.01) << columns << " columns";
    double measure =
        caption->right + caption->size - caption->x;  // the caption's first line is justified full
    EXPECT_LE(fpo->rect.width, measure + 0.5) << columns << " columns";
    EXPECT_GE(fpo->rect.width, 0.9 * measure) << columns << " columns";
  }
}

// A caption longer than the column once ran the figure past the column foot
// (and the page's edge): now its lines that do not fit go on as text.
TEST(Figure, ACaptionLongerThanAColumnGoesOnAfterItAndIsReportedAtItsPlace) {
  std::string caption;
  for (int i = 0; i < 12; ++i) caption += kLong;
  LaidOut out =
      lay_out(publication("<layout size=\"105x148mm\" toc=\"no\"/>",
                          "<chapter><title>图</title>\n<figure><placeholder ratio=\"3:4\">高</placeholder>"
                          "<caption>" +
                              caption + "</caption></figure></chapter>"));
  ASSERT_EQ(out.diags.items().size(), 1u);
  const Diagnostic& d = out.diags.items()[0];
  EXPECT_EQ(d.severity, Severity::Warning);
  EXPECT_EQ(d.file, "test.xml");  // a real place, so it sorts with the loader's diagnostics
  EXPECT_EQ(d.line, 3);
  EXPECT_EQ(d.column, 1);
  EXPECT_EQ(d.message, "caption longer than a column: it goes on as text after the figure");
  std::string text;
  for (size_t p = 0; p < out.pages.size(); ++p)
    for (const std::string& t : out.texts(p)) text += t;
  size_t shown = 0;
  for (size_t at = text.find("草色入帘青"); at != std::string::npos; at = text.find("草色入帘青", at + 1))
    ++shown;
  EXPECT_GE(shown, 11u);  // a line may break inside one of the twelve
}

// ---- links, emphasis dots and ruby ------------------------------------------------------

TEST(Markup, ALinkCoversItsTextOnEachLineItReaches) {
  LaidOut out = lay_out(publication("<layout toc=\"no\"/>", "<chapter id=\"c\"><title>一</title><p>" + kLong +
                                                                "<a href=\"#c\">" + kLong + kLong +
                                                                "</a>。</p></chapter>"));
  ASSERT_EQ(out.pages.size(), 1u);
  int areas = 0;
  for (const Link& link : out.pages[0].links)
    if (link.dest == "c") {
      ++areas;
      EXPECT_GT(link.rect.width, 10.5);
    }
  EXPECT_GE(areas, 2);  // the link's text runs over more than one line
}

TEST(Markup, EmphasisDotsGoUnderCharactersNotPunctuation) {
  LaidOut out = lay_out(publication("<layout toc=\"no\"/>",
                                    "<chapter><title>一</title><p>甲<dot>乙丙，丁</dot>戊。</p></chapter>"));
  ASSERT_EQ(out.pages.size(), 1u);
  int dots = 0;
  for (const PageItem& item : out.pages[0].items) dots += std::holds_alternative<Dot>(item);
  EXPECT_EQ(dots, 3);  // 乙丙丁, not the comma
}

TEST(Markup, RubyIsSetHalfSizeOverItsBase) {
  LaidOut out =
      lay_out(publication("<layout toc=\"no\"/>",
                          "<chapter><title>一</title><p>甲<ruby>汉<rt>hàn</rt></ruby>乙。</p></chapter>"));
  ASSERT_EQ(out.pages.size(), 1u);
  std::vector<std::string> ruby = out.texts(0, 10.5 * 0.5);
  EXPECT_EQ(ruby, std::vector<std::string>{"hàn"});
}

// ---- footnotes numbered per page: the pure parts -----------------------------------------

TEST(NoteNumbers, RestartOnEachPageOfTheFirstPass) {
  model::Node a, b, c;
  a.number = 1, b.number = 2, c.number = 3;
  const std::vector<const model::Node*> notes{&a, &b, &c};
  const NoteNumbers by_chapter;
  EXPECT_EQ(by_chapter(c), 3);
  const NoteNumbers on_page = NoteNumbers::per_page({{0, 4}, {1, 5}, {2, 5}}, notes);
  EXPECT_EQ(on_page(a), 1);
  EXPECT_EQ(on_page(b), 1);
  EXPECT_EQ(on_page(c), 2);
}

TEST(NoteNumbers, TheFirstMovedNoteIsNamed) {
  model::Node a, b, c;
  const std::vector<const model::Node*> notes{&a, &b, &c};
  EXPECT_EQ(first_moved_note({{0, 4}, {1, 5}}, {{0, 4}, {1, 5}}, notes), nullptr);
  EXPECT_EQ(first_moved_note({{0, 4}, {1, 5}, {2, 5}}, {{0, 4}, {1, 5}, {2, 6}}, notes), &c);
  EXPECT_EQ(first_moved_note({{0, 4}, {1, 5}}, {{0, 4}}, notes), &b);
}

}  // namespace
}  // namespace huozi::layout
