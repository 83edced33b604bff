// The PDF writer draws on a thread of its own by default; the file must be the
// same, byte for byte, as when every page is drawn in the caller.
#include "pdf/pdf_writer.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "layout/document_layout.h"
#include "model/loader.h"
#include "text/font_db.h"

namespace huozi::pdf {
namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// The Tang anthology (a TOC, chapters, many pages) laid out and written in one drawing mode.
std::string write_sample(Drawing drawing, const fs::path& target, int& pages) {
  model::LoadResult loaded =
      model::load_publication(fs::path(HUOZI_SOURCE_DIR) / "content/tang-poems/publication.xml");
  EXPECT_TRUE(loaded);
  if (!loaded) return {};
  DiagnosticList diags;
  std::unique_ptr<text::FontDb> fonts = text::FontDb::open(text::FontDb::default_config(), diags);
  EXPECT_TRUE(fonts);
  if (!fonts) return {};
  std::vector<layout::FontRef> refs;
  for (size_t i = 0; i < fonts->size(); ++i) {
    const text::FaceInfo& face = fonts->info(static_cast<text::FaceId>(i));
    refs.push_back({face.file, face.index});
  }
  PdfInfo info;
  info.title = "唐诗";
  info.create_date = "2021-01-01T00:00:00";
  PdfWriter writer(target, info, refs, drawing);
  EXPECT_TRUE(writer.ok());
  layout::LayoutResult result = layout::layout_document(
      *loaded.document, *fonts, [&](layout::PageFrame&& page) { writer.add_page(std::move(page)); }, diags);
  writer.add_outline(result.outline);
  pages = writer.page_count();
  EXPECT_TRUE(writer.finish()) << writer.error();
  return read(target);
}

TEST(PdfWriter, BackgroundDrawingWritesTheSameBytesAsDrawingInTheCaller) {
  fs::path dir = fs::temp_directory_path() / ("huozi-writer-test-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  int background_pages = 0, caller_pages = 0;
  std::string background = write_sample(Drawing::Background, dir / "background.pdf", background_pages);
  std::string caller = write_sample(Drawing::InCaller, dir / "caller.pdf", caller_pages);
  fs::remove_all(dir);
  ASSERT_GT(caller.size(), 10000u);
  EXPECT_EQ(background.substr(0, 5), "%PDF-");
  EXPECT_GT(caller_pages, 10);
  EXPECT_EQ(background_pages, caller_pages);
  EXPECT_TRUE(background == caller) << "the two files differ (" << background.size() << " and "
                                    << caller.size() << " bytes)";
}

TEST(PdfWriter, AFinishedWriterCountsEveryQueuedPage) {
  fs::path target = fs::temp_directory_path() / ("huozi-writer-count-" + std::to_string(::getpid()) + ".pdf");
  PdfWriter writer(target, PdfInfo{}, {}, Drawing::Background);
  for (int i = 0; i < 50; ++i) {
    layout::PageFrame page;
    page.width = 300;
    page.height = 400;
    page.items.push_back(layout::Rule{10, 10.0 + i, 100, 10.0 + i, 0.5, {}, false});
    writer.add_page(std::move(page));
  }
  EXPECT_EQ(writer.page_count(), 50);
  EXPECT_TRUE(writer.finish());
  std::string bytes = read(target);
  fs::remove(target);
  EXPECT_NE(bytes.find("/Count 50"), std::string::npos);
}

}  // namespace
}  // namespace huozi::pdf
