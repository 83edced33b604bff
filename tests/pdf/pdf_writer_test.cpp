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

// Text as a reader copies it out of the file (pdftotext), page by page.
std::string copied_text(const fs::path& pdf, int page) {
  std::string command = "pdftotext -enc UTF-8 -f " + std::to_string(page) + " -l " + std::to_string(page) + " '" +
                        pdf.string() + "' -";
  std::string text;
  if (FILE* p = ::popen(command.c_str(), "r")) {
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) text.append(buf, n);
    ::pclose(p);
  }
  std::string trimmed;
  for (char c : text)
    if (c != '\n' && c != '\f' && c != ' ') trimmed += c;
  return trimmed;
}

// The body face of the default font configuration.
layout::FontRef body_font() {
  DiagnosticList diags;
  std::unique_ptr<text::FontDb> fonts = text::FontDb::open(text::FontDb::default_config(), diags);
  if (!fonts) return {};
  const text::FaceInfo& face = fonts->info(0);
  return {face.file, face.index};
}

layout::TextRun run_of(std::string text, std::vector<uint32_t> glyphs, std::vector<std::pair<int, int>> clusters,
                       double y) {
  layout::TextRun run;
  run.size = 12;
  run.text = std::move(text);
  run.clusters = std::move(clusters);
  for (size_t i = 0; i < glyphs.size(); ++i) run.glyphs.push_back({glyphs[i], 20.0 + 12.0 * i, y});
  return run;
}

fs::path temp_pdf(const std::string& name) {
  return fs::temp_directory_path() / ("huozi-" + name + "-" + std::to_string(::getpid()) + ".pdf");
}

// A one-page PDF of `items` in the body font; empty if it could not be written.
fs::path one_page_pdf(const std::string& name, std::vector<layout::PageItem> items) {
  layout::FontRef font = body_font();
  EXPECT_FALSE(font.file.empty());
  fs::path target = temp_pdf(name);
  PdfWriter writer(target, PdfInfo{}, {font}, Drawing::InCaller);
  layout::PageFrame page;
  page.width = 300, page.height = 200, page.number = 1;
  page.items = std::move(items);
  writer.add_page(std::move(page));
  bool finished = writer.finish();
  EXPECT_TRUE(finished) << writer.error();
  return finished ? target : fs::path();
}

// What the ToUnicode map cannot say (one glyph for two texts, one text as two
// glyphs) still copies out as written, through ActualText.
TEST(PdfWriter, TextCopiesOutAsWrittenWhateverTheClusters) {
  // 甲 one glyph; 乙 two glyphs; 丙 the glyph 甲 was shown for; "ab" one glyph (a ligature);
  // then 甲 again, with the glyph of its first mapping: no ActualText needed.
  fs::path target = one_page_pdf(
      "clusters", {run_of("甲乙丙丁ab", {100, 101, 102, 100, 103, 104}, {{3, 1}, {3, 2}, {3, 1}, {3, 1}, {2, 1}}, 50),
                   run_of("甲", {100}, {{3, 1}}, 80)});
  ASSERT_FALSE(target.empty());
  EXPECT_EQ(copied_text(target, 1), "甲乙丙丁ab甲");
  // Two spans: 乙 (two glyphs) and 丙 (a glyph already mapped to 甲).
  fs::path plain = temp_pdf("clusters-plain");
  ASSERT_EQ(std::system(("qpdf --stream-data=uncompress '" + target.string() + "' '" + plain.string() + "'").c_str()), 0);
  std::string bytes = read(plain);
  size_t spans = 0;
  for (size_t at = bytes.find("/ActualText"); at != std::string::npos; at = bytes.find("/ActualText", at + 1)) ++spans;
  EXPECT_EQ(spans, 2u);
  EXPECT_NE(bytes.find("/ActualText <FEFF4E59>"), std::string::npos);
  EXPECT_NE(bytes.find("/ActualText <FEFF4E19>"), std::string::npos);
  fs::remove(target);
  fs::remove(plain);
}

// Outlined text (an FPO label) is drawn as shapes: it does not copy out, and
// no font is embedded for it.
TEST(PdfWriter, OutlinedRunsAreShapesNotText) {
  layout::TextRun label = run_of("FPO", {40, 50, 60}, {{1, 1}, {1, 1}, {1, 1}}, 50);
  label.outlined = true;
  fs::path target = one_page_pdf("outlined", {label});
  ASSERT_FALSE(target.empty());
  std::string bytes = read(target);
  EXPECT_EQ(copied_text(target, 1), "");
  EXPECT_EQ(bytes.find("/FontFile"), std::string::npos);
  EXPECT_GT(bytes.size(), 600u);
  fs::remove(target);
}

// Pages made out of order (a table of contents drawn after the body) are put
// at their places in the page tree, with their labels.
TEST(PdfWriter, PagesGoToTheirPlacesInTheBook) {
  layout::FontRef font = body_font();
  ASSERT_FALSE(font.file.empty());
  fs::path target = temp_pdf("order");
  PdfWriter writer(target, PdfInfo{}, {font}, Drawing::Background);
  const char* texts[] = {"乙", "丙", "甲"};
  const int numbers[] = {2, 3, 1};
  const char* labels[] = {"1", "2", "i"};
  for (int i = 0; i < 3; ++i) {
    layout::PageFrame page;
    page.width = 300, page.height = 200, page.number = numbers[i], page.label = labels[i];
    page.items.push_back(run_of(texts[i], {static_cast<uint32_t>(100 + i)}, {{3, 1}}, 50));
    writer.add_page(std::move(page));
  }
  ASSERT_TRUE(writer.finish()) << writer.error();
  EXPECT_EQ(copied_text(target, 1), "甲");
  EXPECT_EQ(copied_text(target, 2), "乙");
  EXPECT_EQ(copied_text(target, 3), "丙");
  std::string bytes = read(target);
  EXPECT_NE(bytes.find("/PageLabels << /Nums [0 << /S /r /St 1 >> 1 << /S /D /St 1 >> ] >>"), std::string::npos);
  fs::remove(target);
}

// A font file that is not a font fails the build with its name; nothing is left at the target.
TEST(PdfWriter, AnUnreadableFontIsAnErrorThatNamesIt) {
  fs::path bogus = fs::temp_directory_path() / ("huozi-not-a-font-" + std::to_string(::getpid()) + ".otf");
  std::ofstream(bogus) << "not a font";
  fs::path target = temp_pdf("bad-font");
  PdfWriter writer(target, PdfInfo{}, {{bogus.string(), 0}}, Drawing::Background);
  layout::PageFrame page;
  page.width = 300, page.height = 200, page.number = 1;
  page.items.push_back(run_of("甲", {100}, {{3, 1}}, 50));
  writer.add_page(std::move(page));
  EXPECT_FALSE(writer.finish());
  EXPECT_NE(writer.error().find(bogus.string()), std::string::npos) << writer.error();
  EXPECT_FALSE(fs::exists(target));
  fs::remove(bogus);
}

}  // namespace
}  // namespace huozi::pdf
