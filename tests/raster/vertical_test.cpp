// Vertical writing in the Cairo renderer (issue 17): upright glyphs stand as
// horizontal ones at their origins, sideways words turn 90° clockwise, and a
// vertical page comes out as poppler draws the PDF of the same frame.
#include <cairo.h>
#include <gtest/gtest.h>
#include <hb.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <sstream>
#include <string>

#include "grey.h"
#include "pdf/pdf_writer.h"
#include "raster/page_image.h"

namespace huozi::raster {
namespace {

namespace fs = std::filesystem;
using layout::Orientation;

const layout::FontRef kFont{"/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 0};

// Nominal glyphs and advances (em) of the face, from its cmap and hmtx.
class Glyphs {
 public:
  Glyphs() {
    hb_blob_t* blob = hb_blob_create_from_file(kFont.file.c_str());
    hb_face_t* face = hb_face_create(blob, static_cast<unsigned>(kFont.index));
    font_ = hb_font_create(face);
    upem_ = hb_face_get_upem(face);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
  }
  ~Glyphs() { hb_font_destroy(font_); }
  uint32_t glyph(char32_t c) const {
    hb_codepoint_t g = 0;
    hb_font_get_nominal_glyph(font_, c, &g);
    return g;
  }
  double advance(uint32_t glyph) const {
    return hb_font_get_glyph_h_advance(font_, glyph) / static_cast<double>(upem_);
  }

 private:
  hb_font_t* font_ = nullptr;
  unsigned upem_ = 1000;
};

layout::PageFrame page(double width, double height) {
  layout::PageFrame frame;
  frame.width = width, frame.height = height, frame.number = 1;
  return frame;
}

// A run of `text` (ASCII or one glyph a character) in `orientation`, from
// (x, y): upright glyphs one em apart down the page, sideways ones by their
// advances down it, horizontal ones by their advances across.
layout::TextRun run_of(const Glyphs& glyphs, const std::u32string& text, Orientation orientation, double x,
                       double y, double size) {
  layout::TextRun run;
  run.size = size;
  run.orientation = orientation;
  for (char32_t c : text) {
    uint32_t g = glyphs.glyph(c);
    run.glyphs.push_back({g, x, y});
    double step = orientation == Orientation::Upright ? size : glyphs.advance(g) * size;
    (orientation == Orientation::Horizontal ? x : y) += step;
  }
  return run;
}

class VerticalRaster : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(kFont.file)) GTEST_SKIP() << kFont.file << " is not installed";
  }
  Glyphs glyphs_;
};

// Upright is drawn as horizontal, glyph by glyph where layout put them.
TEST_F(VerticalRaster, UprightGlyphsStandAsHorizontalOnes) {
  layout::PageFrame upright = page(100, 100), horizontal = page(100, 100);
  upright.items.push_back(run_of(glyphs_, U"永和九年", Orientation::Upright, 40, 20, 18));
  horizontal.items.push_back(upright.items.back());
  std::get<layout::TextRun>(horizontal.items.back()).orientation = Orientation::Horizontal;
  PageRenderer renderer({kFont});
  PageImage a = renderer.png(upright, 72), b = renderer.png(horizontal, 72);
  ASSERT_TRUE(a) << a.error;
  EXPECT_GT(decode_png(a.bytes).ink(), 255L * 200);
  EXPECT_EQ(a.bytes, b.bytes);
}

// A sideways word is the horizontal word turned 90° clockwise about its first origin.
TEST_F(VerticalRaster, SidewaysWordsTurnClockwise) {
  layout::PageFrame sideways = page(100, 100), horizontal = page(100, 100);
  sideways.items.push_back(run_of(glyphs_, U"GDP", Orientation::Sideways, 40, 30, 20));
  horizontal.items.push_back(run_of(glyphs_, U"GDP", Orientation::Horizontal, 30, 40, 20));
  PageRenderer renderer({kFont});
  Grey s = decode_png(renderer.png(sideways, 72).bytes), h = decode_png(renderer.png(horizontal, 72).bytes);
  ASSERT_EQ(s.width, 100);
  ASSERT_EQ(h.width, 100);
  // The horizontal word starts at (30, 40), the sideways one at (40, 30).
  const long differ = turned_difference(s, {40, 30}, h, {30, 40});
  EXPECT_GT(h.ink(), 255L * 100);
  EXPECT_LT(differ, h.ink() / 50) << "the turned ink differs by " << differ * 100.0 / h.ink() << " %";
}

// Two columns, right to left, a sideways word in the second: Cairo's pixels
// and poppler's of the PDF written from the same frame agree. Origins are on
// the pixel grid across the column (the renderers round a glyph's origin to a
// whole pixel differently: half a pixel off moves a glyph a pixel in one and
// not the other, in horizontal text as well).
TEST_F(VerticalRaster, AVerticalPageAgreesWithThePdf) {
  const double em = 12.5;  // 0.88 and 0.12 em are whole points
  layout::PageFrame frame = page(120, 160);
  frame.items.push_back(run_of(glyphs_, U"永和九年歲在癸丑", Orientation::Upright, 70, 20 + 0.88 * em, em));
  frame.items.push_back(run_of(glyphs_, U"會于", Orientation::Upright, 40, 20 + 0.88 * em, em));
  frame.items.push_back(run_of(glyphs_, U"GDP", Orientation::Sideways, 40 + 0.12 * em, 20 + 2 * em, em));
  frame.items.push_back(run_of(glyphs_, U"山陰", Orientation::Upright, 40, 20 + 0.88 * em + 6 * em, em));
  fs::path pdf = fs::temp_directory_path() / ("huozi-raster-vertical-" + std::to_string(::getpid()) + ".pdf");
  pdf::PdfWriter writer(pdf, pdf::PdfInfo{}, {kFont}, pdf::Drawing::InCaller);
  writer.add_page(frame);
  ASSERT_TRUE(writer.finish()) << writer.error();
  Grey poppler = render_pdf_page(pdf.string(), 144);
  fs::remove(pdf);
  PageImage image = PageRenderer({kFont}).png(frame, 144);
  ASSERT_TRUE(image) << image.error;
  Grey cairo = decode_png(image.bytes);
  ASSERT_EQ(poppler.width, cairo.width);
  ASSERT_EQ(poppler.height, cairo.height);
  // A column's pixels (two a point), their differences summed, in % of the column's ink.
  auto differ = [&](int x0, int x1) {
    long sum = 0, ink = 0;
    for (int y = 0; y < cairo.height; ++y)
      for (int x = x0; x < x1; ++x) sum += std::abs(cairo.at(x, y) - poppler.at(x, y)), ink += 255 - cairo.at(x, y);
    return ink > 255 * 100 ? sum * 100.0 / ink : 100.0;
  };
  EXPECT_LT(differ(135, 170), 1.0) << "upright glyphs on the grid: the same pixels (0 % measured)";
  // The sideways word's glyphs stand between pixels down the column: 17 %
  // measured (the same word across a line: 12 %); turned the wrong way, 60 %.
  EXPECT_LT(differ(75, 115), 30.0);
}

}  // namespace
}  // namespace huozi::raster
