// The front of the cover (issue 16 part 2, issue 18 item 2): what the EPUB's
// generated cover image is drawn from, and the print cover's right half.
#include <gtest/gtest.h>

#include <algorithm>

#include "model/loader.h"
#include "print/cover.h"
#include "text/font_db.h"

namespace huozi::print {
namespace {

text::FontDb& fonts() {
  static std::unique_ptr<text::FontDb> db = [] {
    DiagnosticList diags;
    return text::FontDb::open(text::FontDb::default_config(), diags);
  }();
  return *db;
}

std::optional<model::Document> book(const std::string& metadata, const std::string& lang = "zh-Hans",
                                    const std::string& type = "") {
  model::LoadResult loaded = model::load_publication_from_string(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<publication xml:lang=\"" + lang + "\"" + type +
          "><metadata>" + metadata +
          "<identifier scheme=\"uuid\">urn:uuid:12345678-1234-1234-1234-123456789abc</identifier>"
          "<date>2021-06-01</date></metadata><body><p>正文</p></body></publication>",
      "book.xml", ".");
  EXPECT_TRUE(loaded) << (loaded.diagnostics.items().empty() ? "" : loaded.diagnostics.items()[0].message);
  return std::move(loaded.document);
}

struct Line {
  std::string text;
  double left = 1e9, right = -1e9, baseline = 0;
};

// The text runs of a frame, one entry a baseline.
std::vector<Line> lines(const layout::PageFrame& frame) {
  std::vector<Line> out;
  for (const layout::PageItem& item : frame.items) {
    const auto* run = std::get_if<layout::TextRun>(&item);
    if (!run || run->glyphs.empty()) continue;
    double y = run->glyphs[0].y;
    if (out.empty() || std::abs(out.back().baseline - y) > 0.01) out.push_back({"", 1e9, -1e9, y});
    out.back().text += run->text;
    out.back().left = std::min(out.back().left, run->glyphs.front().x);
    out.back().right = std::max(out.back().right, run->glyphs.back().x + run->size);  // a Han cell at most
  }
  return out;
}

TEST(FrontCover, TitleSubtitleAndAuthorsCentredOnThePage) {
  auto doc = book("<title>唐詩選</title><subtitle>四體選讀</subtitle><creator role=\"edt\">蘅塘退士</creator>"
                  "<publisher>某某出版社</publisher>",
                  "zh-Hant");
  ASSERT_TRUE(doc);
  layout::PageFrame front = front_cover_frame(*doc, fonts(), 420, 630);
  EXPECT_EQ(front.width, 420);
  EXPECT_EQ(front.height, 630);
  std::vector<Line> found = lines(front);
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found[0].text, "唐詩選");
  EXPECT_EQ(found[1].text, "四體選讀");
  EXPECT_EQ(found[2].text, "蘅塘退士 編");  // the traditional form in a zh-Hant book
  EXPECT_EQ(found[3].text, "某某出版社");
  for (const Line& l : found) EXPECT_NEAR((l.left + l.right) / 2, 210, 12) << l.text;
}

TEST(FrontCover, ALongTitleIsShrunkThenBrokenInsideTheFront) {
  const std::string title = "中华人民共和国成立以来地方志编纂工作的历史经验与当代意义研究";
  auto doc = book("<title>" + title + "</title>");
  ASSERT_TRUE(doc);
  layout::PageFrame front = front_cover_frame(*doc, fonts(), 420, 630);
  std::vector<Line> found = lines(front);
  ASSERT_GE(found.size(), 2u);  // too long for one line even at the smallest size
  std::string joined;
  for (const Line& l : found) {
    if (l.baseline > 630 * 0.38) break;  // the title band ends at 38 % of the height
    joined += l.text;
    EXPECT_GE(l.left, 420 * 0.07) << l.text;
    EXPECT_LE(l.right, 420 * 0.93) << l.text;
    EXPECT_GT(l.baseline, 630 * 0.18) << l.text;
  }
  EXPECT_EQ(joined, title);
}

// Hostile lengths: a title of 10,000 characters stays in its band, cut with
// an ellipsis; a subtitle of 1,000 stays on the page.
TEST(FrontCover, NothingRunsOffTheFront) {
  std::string title, subtitle;
  for (int i = 0; i < 10000; ++i) title += "题";
  for (int i = 0; i < 1000; ++i) subtitle += "副";
  auto doc = book("<title>" + title + "</title><subtitle>" + subtitle + "</subtitle>");
  ASSERT_TRUE(doc);
  layout::PageFrame front = front_cover_frame(*doc, fonts(), 420, 630);
  std::vector<Line> found = lines(front);
  ASSERT_GE(found.size(), 2u);
  bool ellipsis = false;
  for (const Line& l : found) {
    EXPECT_GE(l.left, 0) << l.text.substr(0, 30);
    EXPECT_LE(l.right, 420) << l.text.substr(0, 30);
    ellipsis = ellipsis || l.text.find("…") != std::string::npos;
    if (l.text.find("题") != std::string::npos) {
      EXPECT_GT(l.baseline, 630 * 0.18);
      EXPECT_LT(l.baseline, 630 * 0.38);  // inside the band
    }
  }
  EXPECT_TRUE(ellipsis);
}

// A vertical book (bound on the right) has a vertical front: its title down
// a strip of vermilion right of the middle, set as a column (upright glyphs,
// one cell under another), and the authors in a column to its left; a title
// too long for the strip is cut with an ellipsis, inside it.
TEST(FrontCover, AVerticalBooksTitleStandsDownAStrip) {
  for (const bool long_title : {false, true}) {
    std::string title = "論語選讀";
    if (long_title)
      for (int i = 0; i < 1000; ++i) title += "題";
    auto doc = book("<title>" + title + "</title><creator role=\"edt\">編者</creator>", "zh-Hant",
                    " writing-mode=\"vertical\"");
    ASSERT_TRUE(doc);
    layout::PageFrame front = front_cover_frame(*doc, fonts(), 420, 630);
    const layout::Box* strip = nullptr;
    for (const layout::PageItem& item : front.items)
      if (const auto* box = std::get_if<layout::Box>(&item); box && box->rect.width < 420) strip = box;
    ASSERT_NE(strip, nullptr);
    EXPECT_GT(strip->rect.x, 210);  // right of the middle
    EXPECT_GT(strip->rect.height, 3 * strip->rect.width);
    std::string down, left_of_it;
    double last = 0;
    for (const layout::PageItem& item : front.items) {
      const auto* run = std::get_if<layout::TextRun>(&item);
      if (!run || run->glyphs.empty()) continue;
      EXPECT_EQ(run->orientation, layout::Orientation::Upright) << run->text;
      if (run->glyphs[0].x < strip->rect.x) {
        left_of_it += run->text;
        continue;
      }
      down += run->text;
      for (const layout::PlacedGlyph& g : run->glyphs) {
        // A cell's left edge at x, its top 0.88 em above y: one column down the strip's middle.
        EXPECT_NEAR(g.x + run->size / 2, strip->rect.x + strip->rect.width / 2, 1);
        EXPECT_GT(g.y - 0.88 * run->size, strip->rect.y);
        EXPECT_LT(g.y + 0.12 * run->size, strip->rect.y + strip->rect.height);
        EXPECT_GT(g.y, last);  // downwards
        last = g.y;
      }
    }
    if (long_title) {
      EXPECT_EQ(down.substr(down.size() - 3), "…");
    } else {
      EXPECT_EQ(down, "論語選讀");
    }
    EXPECT_EQ(left_of_it, "編者 編");
  }
}

// The title stands in the middle of its strip by its set length: a Latin
// word, turned, is shorter than a cell a letter.
TEST(FrontCover, AVerticalTitleIsCentredDownItsStrip) {
  auto doc = book("<title>論語 Analects</title>", "zh-Hant", " writing-mode=\"vertical\"");
  ASSERT_TRUE(doc);
  layout::PageFrame front = front_cover_frame(*doc, fonts(), 420, 630);
  const layout::Box* strip = nullptr;
  for (const layout::PageItem& item : front.items)
    if (const auto* box = std::get_if<layout::Box>(&item); box && box->rect.width < 420) strip = box;
  ASSERT_NE(strip, nullptr);
  double first = 1e9, last = -1e9, size = 0;
  for (const layout::PageItem& item : front.items)
    if (const auto* run = std::get_if<layout::TextRun>(&item); run && !run->glyphs.empty()) {
      size = run->size;
      const bool upright = run->orientation == layout::Orientation::Upright;
      first = std::min(first, run->glyphs.front().y - (upright ? 0.88 * size : 0));
      // A turned word ends its last glyph's advance further down: bounded here by the next cell's top.
      last = std::max(last, run->glyphs.back().y + (upright ? 0.12 * size : 0));
    }
  const double above = first - strip->rect.y, below = strip->rect.y + strip->rect.height - last;
  EXPECT_GT(above, 0);
  EXPECT_GT(below, 0);
  EXPECT_NEAR(above, below, size);  // within a cell (the last letter's advance is not measured here)
}

// A mark in a column takes its vertical form: the subtitle's 《》 are not the horizontal glyphs.
TEST(FrontCover, AVerticalFrontTurnsItsMarks) {
  auto vertical = book("<title>唐詩選</title><subtitle>《唐詩三百首》選讀</subtitle>", "zh-Hant",
                       " writing-mode=\"vertical\"");
  auto horizontal = book("<title>唐詩選</title><subtitle>《唐詩三百首》選讀</subtitle>", "zh-Hant");
  ASSERT_TRUE(vertical && horizontal);
  const auto glyph_of = [](const layout::PageFrame& frame, const std::string& subtitle_start) {
    for (const layout::PageItem& item : frame.items)
      if (const auto* run = std::get_if<layout::TextRun>(&item); run && run->text.rfind(subtitle_start, 0) == 0)
        return run->glyphs.front().id;
    return uint32_t{0};
  };
  const uint32_t turned = glyph_of(front_cover_frame(*vertical, fonts(), 420, 630), "《");
  const uint32_t flat = glyph_of(front_cover_frame(*horizontal, fonts(), 420, 630), "《");
  EXPECT_NE(turned, 0u);
  EXPECT_NE(flat, 0u);
  EXPECT_NE(turned, flat);  // 'vert' gave 《 its vertical form
}

TEST(FrontCover, APeriodicalShowsItsDate) {
  auto doc = book("<title>晚报</title>", "zh-Hans", " type=\"periodical\"");
  ASSERT_TRUE(doc);
  std::string all;
  for (const Line& l : lines(front_cover_frame(*doc, fonts(), 420, 630))) all += l.text + "\n";
  EXPECT_NE(all.find("2021年6月1日"), std::string::npos) << all;
}

}  // namespace
}  // namespace huozi::print
