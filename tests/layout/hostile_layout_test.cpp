// Hostile input through the page composer (issue 19): nothing lost, nothing
// drawn off the page or over other content, and a warning or an error with its
// place where the composer had to give way.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>

#include "laid_out.h"
#include "layout/page_geometry.h"
#include "model/document.h"

namespace huozi::layout {
namespace {

const std::string kLine = "山不在高，有仙则名。水不在深，有龙则灵。斯是陋室，惟吾德馨。";

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

std::string chapter(const std::string& blocks) {
  return "<chapter><title>章</title>" + blocks + "</chapter>";
}

// Every footnote line of the book, in page order.
std::vector<std::string> all_notes(const LaidOut& out) {
  std::vector<std::string> notes;
  for (size_t p = 0; p < out.pages.size(); ++p)
    for (const std::string& t : out.texts(p, kNotePt)) notes.push_back(t);
  return notes;
}

std::string all_text(const LaidOut& out) {
  std::string text;
  for (size_t p = 0; p < out.pages.size(); ++p)
    for (const std::string& t : out.texts(p)) text += t;
  return text;
}

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

// Items of the page outside its box, described; empty when all are inside.
std::vector<std::string> outside(const PageFrame& page) {
  std::vector<std::string> bad;
  const double w = page.width, h = page.height, e = 0.01;
  auto check = [&](double x0, double y0, double x1, double y1, const std::string& what) {
    if (!(x0 >= -e && y0 >= -e && x1 <= w + e && y1 <= h + e && x0 <= x1 + e && y0 <= y1 + e))
      bad.push_back(what + " at " + std::to_string(x0) + "," + std::to_string(y0) + " to " +
                    std::to_string(x1) + "," + std::to_string(y1));
  };
  for (const PageItem& item : page.items) {
    if (const auto* run = std::get_if<TextRun>(&item)) {
      for (const PlacedGlyph& g : run->glyphs)  // the em box of each glyph
        check(g.x, g.y - run->size * 0.88, g.x + run->size * 0.5, g.y + run->size * 0.12,
              "text " + run->text);
    } else if (const auto* rule = std::get_if<Rule>(&item)) {
      check(std::min(rule->x0, rule->x1), std::min(rule->y0, rule->y1), std::max(rule->x0, rule->x1),
            std::max(rule->y0, rule->y1), "rule");
    } else if (const auto* box = std::get_if<Box>(&item)) {
      check(box->rect.x, box->rect.y, box->rect.x + box->rect.width, box->rect.y + box->rect.height, "box");
    } else if (const auto* image = std::get_if<Image>(&item)) {
      check(image->rect.x, image->rect.y, image->rect.x + image->rect.width,
            image->rect.y + image->rect.height, "image");
    } else if (const auto* dot = std::get_if<Dot>(&item)) {
      check(dot->x - dot->radius, dot->y - dot->radius, dot->x + dot->radius, dot->y + dot->radius, "dot");
    }
  }
  return bad;
}

void expect_all_inside(const LaidOut& out) {
  for (size_t p = 0; p < out.pages.size(); ++p) {
    std::vector<std::string> bad = outside(out.pages[p]);
    EXPECT_TRUE(bad.empty()) << "page " << p + 1 << ": " << bad.size() << " items off the page, first "
                             << (bad.empty() ? "" : bad[0]);
  }
}

// Diagnostics whose message holds `words`.
std::vector<Diagnostic> said(const LaidOut& out, const std::string& words) {
  std::vector<Diagnostic> found;
  for (const Diagnostic& d : out.diags.items())
    if (d.message.find(words) != std::string::npos) found.push_back(d);
  return found;
}

// ---- 1. nothing lost: notes wherever the text can hold them ------------------------------

const std::string kNotesEverywhere =
    "<chapter><title>章题<note>章题之注。</note></title>"
    "<section><title>节题<note>节题之注。</note></title>"
    "<p>正文<note>正文之注<note>注中之注。</note>续。</note>。</p>"
    "<table><caption>表题<note>表题之注。</note></caption>"
    "<tr><td>格<note>格中之注。</note></td><td>乙</td></tr></table>"
    "<figure><placeholder ratio=\"4:3\"/><caption>图题<note>图题之注。</note></caption>"
    "<credit>摄影<note>署名之注。</note></credit></figure>"
    "<p>末段<note>末注。</note>。</p></section></chapter>";

TEST(NothingLost, NotesInTitlesCellsCaptionsCreditsAndNotesReachTheFootNumberedWithoutGaps) {
  LaidOut out = lay_out(publication("", kNotesEverywhere));
  std::vector<std::string> notes = all_notes(out);
  std::sort(notes.begin(), notes.end());  // circled numbers sort in order
  const std::vector<std::string> expected = {"①　章题之注。", "②　节题之注。", "③　正文之注④续。",
                                             "④　注中之注。", "⑤　表题之注。", "⑥　格中之注。",
                                             "⑦　图题之注。", "⑧　署名之注。", "⑨　末注。"};
  EXPECT_EQ(notes, expected);
  EXPECT_TRUE(out.diags.items().empty());
}

TEST(NothingLost, ANoteInATitleGoesToTheFootOfTheHeadingsPage) {
  LaidOut out = lay_out(
      publication("", "<chapter><title>章题<note>章题之注。</note></title><p>" + kLine + "</p></chapter>"));
  ASSERT_EQ(out.pages.size(), 1u);
  EXPECT_EQ(out.texts(0, kNotePt), std::vector<std::string>{"①　章题之注。"});
  EXPECT_NE(out.texts(0)[0].find("章题①"), std::string::npos);
}

TEST(NothingLost, PerPageNumbersCountTitleAndInnerNotes) {
  LaidOut out = lay_out(publication("<layout footnotes=\"page\"/>", kNotesEverywhere));
  for (size_t p = 0; p < out.pages.size(); ++p) {
    std::vector<std::string> notes = out.texts(p, kNotePt);
    for (size_t i = 0; i < notes.size(); ++i)
      EXPECT_EQ(notes[i].substr(0, 3), model::circled_number(static_cast<int>(i) + 1)) << "page " << p + 1;
  }
  EXPECT_EQ(all_notes(out).size(), 9u);
}

// ---- 2. nothing off the page ---------------------------------------------------------------

TEST(OffThePage, ANoteLongerThanAColumnGoesOnAtTheFootOfTheNextPages) {
  const std::string note = repeat("长注之文字，", 2000);
  LaidOut out = lay_out(publication("", chapter("<p>" + kLine + "<note>" + note + "</note>后文。</p>" +
                                                repeat("<p>" + kLine + kLine + "</p>", 10))));
  ASSERT_GT(out.pages.size(), 3u);
  expect_all_inside(out);
  EXPECT_EQ(count(all_text(out), "长"), 2000u);  // a line may break inside the words
  // The note starts on the page of its mark, under the text and the rule.
  ASSERT_FALSE(out.texts(0, kNotePt).empty());
  EXPECT_EQ(out.texts(0, kNotePt)[0].substr(0, 3), "①");
  for (size_t p = 0; p < out.pages.size(); ++p)
    for (const PageLine& l : out.lines(p)) EXPECT_GT(l.y, l.size) << "page " << p + 1 << ": " << l.text;
}

TEST(OffThePage, DeepQuotesStopIndentingAtASaneMeasureWithAWarning) {
  LaidOut out = lay_out(publication(
      "", chapter(repeat("<quote>", 30) + "<p>" + kLine + kLine + "</p>" + repeat("</quote>", 30))));
  expect_all_inside(out);
  for (const PageLine& l : out.lines(0))
    if (std::abs(l.size - 10.5) < 0.05 && l.text != "章") EXPECT_GE(l.right - l.x, 8 * 10.5) << l.text;
  std::vector<Diagnostic> warned = said(out, "quotes nested too deep");
  ASSERT_EQ(warned.size(), 1u);
  EXPECT_EQ(warned[0].file, "test.xml");
  EXPECT_GT(warned[0].column, 0);
}

TEST(OffThePage, ATableWithCellsNarrowerThanTwoEmsIsRefusedAtItsPlace) {
  LaidOut out =
      lay_out(publication("", chapter("<table><tr>" + repeat("<td>格</td>", 300) + "</tr></table>")));
  expect_all_inside(out);
  std::vector<Diagnostic> refused = said(out, "table of 300 columns");
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_EQ(refused[0].severity, Severity::Error);
  EXPECT_EQ(refused[0].file, "test.xml");
  EXPECT_GT(refused[0].line, 0);
}

TEST(OffThePage, AnExtremePlaceholderRatioIsClampedToTheColumnWithAWarning) {
  LaidOut out = lay_out(publication("", chapter("<figure><placeholder ratio=\"20:1\"/></figure>"
                                                "<figure><placeholder ratio=\"1:20\"/></figure>")),
                        extreme_ratios);
  expect_all_inside(out);
  size_t boxes = 0;
  for (const PageFrame& page : out.pages)
    for (const PageItem& item : page.items)
      if (const auto* box = std::get_if<Box>(&item); box && box->diagonals) {
        ++boxes;
        EXPECT_GE(box->rect.width, 10.5 * 0.9);  // scaled down a little for the air under it
        EXPECT_GE(box->rect.height, 10.5);
      }
  EXPECT_EQ(boxes, 2u);
  EXPECT_EQ(said(out, "does not fit the column").size(), 2u);
}

TEST(OffThePage, ARubyBaseBrokenAcrossLinesSplitsItsAnnotationWithIt) {
  // The annotation's ten letters, one per base character, whichever line each is on.
  LaidOut out = lay_out(publication("", chapter("<p>" + kLine + "山不在<ruby>" + repeat("高", 10) +
                                                "<rt>abcdefghij</rt></ruby>" + kLine + "</p>")));
  expect_all_inside(out);
  std::string annotation;
  for (const PageLine& l : out.lines(0))
    if (std::abs(l.size - 10.5 * 0.5) < 0.05) annotation += l.text;
  EXPECT_EQ(annotation, "abcdefghij");
}

TEST(OffThePage, AWordWiderThanTheMeasureIsBrokenWhereItReachesIt) {
  LaidOut out =
      lay_out(publication("", chapter("<p>" + std::string(3000, 'x') + "</p><table><tr><td>a</td><td>" +
                                      std::string(300, 'y') + "</td></tr></table>")));
  expect_all_inside(out);
  const PageGeometry g = compute_geometry(model::PageSetup{});
  for (size_t p = 0; p < out.pages.size(); ++p)
    for (const PageLine& l : out.lines(p))
      if (l.text.find('x') != std::string::npos) EXPECT_LE(l.right - l.x, g.column_width()) << l.text;
  std::string text = all_text(out);
  EXPECT_EQ(std::count(text.begin(), text.end(), 'x'), 3000);
  EXPECT_EQ(std::count(text.begin(), text.end(), 'y'), 300);
}

// The measure may fall just before the comma after a long word (or just
// after an opening bracket): the forced break moves back into the word, so no
// line opens with a mark clreq keeps off a line's start.
TEST(OffThePage, AWordBrokenAtTheMeasureKeepsKinsoku) {
  for (int letters = 40; letters < 140; letters += 7) {
    const std::string word(static_cast<size_t>(letters), 'e');
    LaidOut out = lay_out(publication("", chapter("<p>见（" + word + "，简称EEG）。又“" + word + "”。</p>")));
    for (size_t p = 0; p < out.pages.size(); ++p) {
      const std::vector<PageLine> lines = out.lines(p);
      for (size_t k = 0; k < lines.size(); ++k) {
        const std::string& t = lines[k].text;
        for (const char* mark : {"，", "）", "”", "。"}) EXPECT_NE(t.rfind(mark, 0), 0u) << letters << ": " << t;
        for (const char* mark : {"（", "“"})
          if (t.size() >= 3) EXPECT_NE(t.compare(t.size() - 3, 3, mark), 0) << letters << ": " << t;
      }
    }
    std::string text = all_text(out);
    EXPECT_EQ(std::count(text.begin(), text.end(), 'e'), 2 * letters);
  }
}

// A run of doubled marks wider than the measure (issue 14) breaks between two
// whole marks: every line holds an even number of … or — from the run.
TEST(OffThePage, AMarkRunWiderThanTheMeasureBreaksBetweenWholeMarks) {
  for (int marks = 20; marks < 80; marks += 9) {
    for (const std::string mark : {"…", "—"}) {
      LaidOut out = lay_out(publication("", chapter("<p>他说" + repeat(mark + mark, marks) + "走了。</p>")));
      size_t total = 0;
      for (size_t p = 0; p < out.pages.size(); ++p)
        for (const PageLine& line : out.lines(p)) {
          size_t n = 0;
          for (size_t at = line.text.find(mark); at != std::string::npos; at = line.text.find(mark, at + mark.size())) ++n;
          EXPECT_EQ(n % 2, 0u) << marks << " " << mark << ": " << line.text;
          total += n;
        }
      EXPECT_EQ(total, static_cast<size_t>(2 * marks));
    }
  }
}

// ---- 3. long titles ----------------------------------------------------------------------

TEST(LongTitle, TheRunningHeadIsCutToTheMeasureWithAnEllipsis) {
  LaidOut out =
      lay_out(publication("", "<chapter><title>" + repeat("题", 3000) + "</title>" +
                                  repeat("<p>" + kLine + kLine + kLine + "</p>", 20) + "</chapter>"));
  expect_all_inside(out);
  size_t heads = 0;
  for (size_t p = 0; p < out.pages.size(); ++p)
    for (const PageLine& l : out.lines(p))
      if (std::abs(l.size - kFolioPt) < 0.05 && l.text.find("题") != std::string::npos) {
        ++heads;
        EXPECT_EQ(l.text.substr(l.text.size() - 3), "…");
      }
  EXPECT_GT(heads, 0u);
}

TEST(LongTitle, ATocEntryIsCutBeforeItsFolio) {
  LaidOut out =
      lay_out(publication("<layout toc=\"yes\"/>", "<chapter><title>" + repeat("题", 500) +
                                                       "</title><p>一</p></chapter>"
                                                       "<chapter><title>二</title><p>二</p></chapter>"));
  expect_all_inside(out);
}

// ---- 5. warnings once ----------------------------------------------------------------------

TEST(Warnings, TheQuietPassOfPerPageNotesWarnsNothingTwice) {
  LaidOut out = lay_out(
      publication("<layout footnotes=\"page\"/>", chapter("<p>" + kLine +
                                                          "<note>注。</note></p>"
                                                          "<figure><placeholder ratio=\"20:1\"/></figure>")),
      extreme_ratios);
  EXPECT_EQ(said(out, "does not fit the column").size(), 1u);
}

// ---- every hostile source: every item inside its page --------------------------------------

TEST(OffThePage, EveryItemOfEveryHostileSourceIsInsideThePage) {
  const std::vector<std::string> sources = {
      kNotesEverywhere,
      chapter("<p>" + repeat("<dot>点</dot>字", 300) + "</p>"),
      chapter("<p>" + repeat("<ruby>字<rt>zi</rt></ruby>", 300) + "</p>"),
      chapter("<table><tr>" + repeat("<td>" + kLine + "</td>", 12) + "</tr></table>"),
      chapter("<figure><placeholder ratio=\"1:20\"/><caption>" + repeat(kLine, 40) + "</caption></figure>"),
      chapter("<p>" + kLine + "<note>" + repeat(kLine, 200) + "<note>" + repeat(kLine, 100) +
              "</note></note></p>"),
      "<part><title>" + repeat("部", 2000) + "<note>" + repeat(kLine, 100) + "</note></title>" +
          chapter("<p>一</p>") + "</part>",
  };
  for (const std::string& body : sources) {
    SCOPED_TRACE(body.substr(0, 80));
    for (const char* layout : {"", "<layout footnotes=\"page\"/>", "<layout columns=\"2\"/>"})
      expect_all_inside(lay_out(publication(layout, body), extreme_ratios));
  }
}

}  // namespace
}  // namespace huozi::layout
