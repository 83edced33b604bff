// The EPUB's generated cover (issue 18 item 2, issue 16 part 2): a book whose
// source names no cover gets the print cover's front drawn with Cairo, 1:1.5,
// under two million pixels; the picture is read back and looked at.
#include <cairo.h>
#include <gtest/gtest.h>
#include <zip.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "build/cover_image.h"
#include "build/publication.h"
#include "model/loader.h"

namespace huozi::build {
namespace {

namespace fs = std::filesystem;

std::string zip_entry(const fs::path& archive, const char* name) {
  int error = 0;
  zip_t* zip = zip_open(archive.c_str(), ZIP_RDONLY, &error);
  if (!zip) return {};
  std::string bytes;
  zip_stat_t st;
  if (zip_stat(zip, name, 0, &st) == 0)
    if (zip_file_t* f = zip_fopen(zip, name, 0)) {
      bytes.resize(st.size);
      if (zip_fread(f, bytes.data(), st.size) != static_cast<zip_int64_t>(st.size)) bytes.clear();
      zip_fclose(f);
    }
  zip_close(zip);
  return bytes;
}

struct PngReader {
  const std::string* bytes;
  size_t at = 0;
  static cairo_status_t read(void* closure, unsigned char* data, unsigned int length) {
    auto* r = static_cast<PngReader*>(closure);
    if (r->at + length > r->bytes->size()) return CAIRO_STATUS_READ_ERROR;
    std::copy_n(r->bytes->data() + r->at, length, data);
    r->at += length;
    return CAIRO_STATUS_SUCCESS;
  }
};

// The pixel at (x, y) as 0xRRGGBB.
uint32_t pixel(cairo_surface_t* image, int x, int y) {
  const unsigned char* row = cairo_image_surface_get_data(image) + y * cairo_image_surface_get_stride(image);
  return reinterpret_cast<const uint32_t*>(row)[x] & 0xFFFFFF;
}

TEST(EpubCover, ABookWithoutACoverGetsTheFrontOfThePrintCover) {
  model::LoadResult loaded = model::load_publication_from_string(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<publication xml:lang=\"zh-Hans\"><metadata><title>书名</title>"
      "<creator role=\"aut\">作者</creator>"
      "<identifier scheme=\"uuid\">urn:uuid:12345678-1234-1234-1234-123456789abc</identifier>"
      "<date>2021-06-01</date></metadata><body><p>正文</p></body></publication>",
      "book.xml", ".");
  ASSERT_TRUE(loaded);
  fs::path dir = fs::temp_directory_path() / ("huozi-epub-cover-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  BuildResult built = build_epub(*loaded.document, dir / "book.epub");
  ASSERT_TRUE(built);
  EXPECT_TRUE(built.diagnostics.items().empty());
  std::string png = zip_entry(dir / "book.epub", "EPUB/images/cover.png");
  fs::remove_all(dir);
  ASSERT_FALSE(png.empty());

  PngReader reader{&png};
  cairo_surface_t* image = cairo_image_surface_create_from_png_stream(&PngReader::read, &reader);
  ASSERT_EQ(cairo_surface_status(image), CAIRO_STATUS_SUCCESS);
  int w = cairo_image_surface_get_width(image), h = cairo_image_surface_get_height(image);
  EXPECT_EQ(w, kCoverImageWidth);
  EXPECT_EQ(h, kCoverImageHeight);
  EXPECT_EQ(h * 2, w * 3);                      // 1:1.5
  EXPECT_LE(static_cast<long>(w) * h, 2000000);  // what the stores take
  cairo_surface_flush(image);
  // The paper at the top, the vermilion band across the front, white title type in it.
  uint32_t paper = pixel(image, w / 2, h / 20), band = pixel(image, w / 20, h * 22 / 100);
  EXPECT_NE(paper, band);
  EXPECT_GT(paper >> 16 & 0xFF, 0xE0) << std::hex << paper;  // a light paper
  EXPECT_GT(band >> 16 & 0xFF, (band >> 8 & 0xFF) + 0x40) << std::hex << band;  // red
  int white = 0;
  for (int x = 0; x < w; ++x)
    for (int y = h * 18 / 100; y < h * 38 / 100; ++y) white += pixel(image, x, y) == 0xFFFFFF;
  EXPECT_GT(white, 2000);  // the title
  cairo_surface_destroy(image);
}

}  // namespace
}  // namespace huozi::build
