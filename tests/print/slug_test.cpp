// The slug line under each print page (issue 15): a book's says title, page
// and date; a newspaper's says the paper, the date, the edition number and
// the page's name, so the plate room knows which plate it holds.
#include <gtest/gtest.h>

#include "model/loader.h"
#include "print/cover.h"
#include "text/font_db.h"

namespace huozi::print {
namespace {

std::string slug_text(const layout::PageFrame& frame) {
  std::string text;
  for (const layout::PageItem& item : frame.items)
    if (const auto* run = std::get_if<layout::TextRun>(&item)) {
      EXPECT_TRUE(run->outlined);  // never text that copies out
      text += run->text;
    }
  return text;
}

text::FontDb& fonts() {
  static std::unique_ptr<text::FontDb> db = [] {
    DiagnosticList diags;
    return text::FontDb::open(text::FontDb::default_config(), diags);
  }();
  return *db;
}

TEST(Slug, ANewspaperPageNamesPaperDateEditionAndPage) {
  model::LoadResult loaded = model::load_publication(HUOZI_SEED_SOURCE);
  ASSERT_TRUE(loaded) << loaded.diagnostics.items().size();
  std::vector<layout::PageFrame> frames = slug_frames(*loaded.document, fonts(), 1, 800, "x-print.pdf");
  ASSERT_EQ(frames.size(), 1u);
  std::string text = slug_text(frames[0]);
  EXPECT_NE(text.find("吕梁日报"), std::string::npos) << text;
  EXPECT_NE(text.find("2021-12-31"), std::string::npos) << text;
  EXPECT_NE(text.find("第 5 版"), std::string::npos) << text;
  EXPECT_NE(text.find("年终特刊"), std::string::npos) << text;
  EXPECT_NE(text.find("第 1 页，共 1 页"), std::string::npos) << text;
}

TEST(Slug, ABookPageNamesTitlePageAndDate) {
  model::LoadResult loaded = model::load_publication_from_string(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<publication xml:lang=\"zh-Hans\"><metadata><title>书名</title>"
      "<identifier scheme=\"uuid\">urn:uuid:12345678-1234-1234-1234-123456789abc</identifier><date>2021-06-01</date>"
      "</metadata><body><p>正文</p></body></publication>",
      "book.xml", ".");
  ASSERT_TRUE(loaded);
  std::vector<layout::PageFrame> frames = slug_frames(*loaded.document, fonts(), 3, 400, "book-print.pdf");
  ASSERT_EQ(frames.size(), 3u);
  std::string text = slug_text(frames[1]);
  EXPECT_NE(text.find("书名"), std::string::npos) << text;
  EXPECT_NE(text.find("第 2 页，共 3 页"), std::string::npos) << text;
  EXPECT_EQ(text.find("版"), std::string::npos) << text;
}

}  // namespace
}  // namespace huozi::print
