// The Cairo renderer on hand-made frames: items land on the pixels they should.
#include "raster/page_image.h"

#include <cairo.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>

#include "grey.h"

namespace huozi::raster {
namespace {


layout::PageFrame page(double width, double height) {
  layout::PageFrame frame;
  frame.width = width, frame.height = height, frame.number = 1;
  return frame;
}

TEST(PageImage, SizeFollowsTheResolution) {
  PageRenderer renderer({});
  Grey grey = decode_png(renderer.png(page(100, 50), 144).bytes);
  EXPECT_EQ(grey.width, 200);
  EXPECT_EQ(grey.height, 100);
  for (int v : grey.pixels) ASSERT_EQ(v, 255) << "an empty page is white";
}

// A black rule 2 pt wide from (10, 20) to (60, 20) at 72 dpi: rows 19 and 20, columns 10 to 59.
TEST(PageImage, BlackRuleLandsOnItsPixels) {
  layout::PageFrame frame = page(100, 50);
  frame.items.push_back(layout::Rule{10, 20, 60, 20, 2, layout::Color::black()});
  PageRenderer renderer({});
  PageImage image = renderer.png(frame, 72);
  ASSERT_TRUE(image) << image.error;
  Grey grey = decode_png(image.bytes);
  ASSERT_EQ(grey.width, 100);
  for (int y = 0; y < grey.height; ++y)
    for (int x = 0; x < grey.width; ++x) {
      bool on = y >= 19 && y <= 20 && x >= 10 && x < 60;
      ASSERT_EQ(grey.at(x, y), on ? 0 : 255) << "at " << x << ", " << y;
    }
}

TEST(PageImage, FilledBoxAndDot) {
  layout::PageFrame frame = page(100, 100);
  layout::Box box;
  box.rect = {20, 20, 30, 10};
  box.stroke = 0;
  box.filled = true;
  box.fill = layout::Color::black();
  frame.items.push_back(box);
  frame.items.push_back(layout::Dot{70, 70, 5, layout::Color::black()});
  Grey grey = decode_png(PageRenderer({}).png(frame, 72).bytes);
  EXPECT_EQ(grey.at(20, 20), 0);
  EXPECT_EQ(grey.at(49, 29), 0);
  EXPECT_EQ(grey.at(50, 29), 255);
  EXPECT_EQ(grey.at(69, 69), 0);  // inside the dot
  EXPECT_EQ(grey.at(76, 76), 255);
}

// Text through the FreeType backend: a CJK glyph inks its em box, and nothing outside it.
TEST(PageImage, GlyphsOfAFont) {
  const std::string font = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc";
  if (!std::filesystem::exists(font)) GTEST_SKIP() << font << " is not installed";
  layout::PageFrame frame = page(100, 100);
  layout::TextRun run;
  run.size = 40;
  run.glyphs = {{/*a glyph of 永's range*/ 30000, 30, 60}};
  frame.items.push_back(run);
  PageRenderer renderer({{font, 0}});
  PageImage image = renderer.png(frame, 72);
  ASSERT_TRUE(image) << image.error;
  Grey grey = decode_png(image.bytes);
  int inked = 0, outside = 0;
  for (int y = 0; y < grey.height; ++y)
    for (int x = 0; x < grey.width; ++x)
      if (grey.at(x, y) < 128) (x >= 28 && x <= 72 && y >= 18 && y <= 66 ? inked : outside)++;
  EXPECT_GT(inked, 40);
  EXPECT_EQ(outside, 0);
  EXPECT_NE(renderer.svg(frame).bytes.find("<svg"), std::string::npos);
}

// Pictures fill their frame: PNG through Cairo, JPEG through libjpeg (a blue sky, not a grey placeholder).
TEST(PageImage, PicturesFillTheirFrames) {
  const std::string data = HUOZI_PDF_TEST_DATA;
  layout::PageFrame frame = page(200, 100);
  frame.items.push_back(layout::Image{{0, 0, 100, 100}, data + "/checker.png"});
  frame.items.push_back(layout::Image{{100, 0, 100, 100}, data + "/sky.jpg"});
  PageImage image = PageRenderer({}).png(frame, 72);
  ASSERT_TRUE(image) << image.error;
  Grey grey = decode_png(image.bytes);
  int dark = 0, light = 0;
  for (int y = 0; y < 100; ++y)
    for (int x = 0; x < 100; ++x) (grey.at(x, y) < 128 ? dark : light)++;
  EXPECT_GT(dark, 1000) << "a checkerboard has dark squares";
  EXPECT_GT(light, 1000);
  // The sky: not white, not the placeholder's even grey.
  std::vector<int> levels;
  for (int y = 5; y < 95; y += 10) levels.push_back(grey.at(150, y));
  EXPECT_NE(*std::min_element(levels.begin(), levels.end()), *std::max_element(levels.begin(), levels.end()))
      << "a photograph varies";
  for (int v : levels) EXPECT_LT(v, 250);
}

TEST(PageImage, MissingFontIsAnError) {
  layout::PageFrame frame = page(100, 100);
  layout::TextRun run;
  run.glyphs = {{1, 10, 10}};
  frame.items.push_back(run);
  PageImage image = PageRenderer({{"/nonexistent/font.otf", 0}}).png(frame, 72);
  EXPECT_FALSE(image);
  EXPECT_NE(image.error.find("/nonexistent/font.otf"), std::string::npos);
  run.font = 3;  // past the document's list
  frame.items = {run};
  EXPECT_FALSE(PageRenderer({}).png(frame, 72));
}

// A contact sheet: a page drawn small lands inside its cell, centred, on white
// paper with an edge and a shadow, over the sheet's own colour; the PNG is cut.
TEST(Sheet, ThumbnailFitsItsCell) {
  layout::PageFrame frame = page(200, 400);  // half as wide as tall
  layout::Box box;
  box.rect = {0, 0, 100, 200};  // its top-left quarter, black
  box.stroke = 0;
  box.filled = true;
  box.fill = layout::Color::black();
  frame.items.push_back(box);
  Sheet sheet(300, 200, layout::Color::gray(0.8));
  ASSERT_TRUE(sheet) << sheet.error();
  PageRenderer renderer({});
  // A cell of 100 × 100 at (50, 50): the page is 50 × 100, centred from x = 75.
  ASSERT_EQ(renderer.thumbnail(sheet, frame, {50, 50, 100, 100}), "");
  PageImage image = sheet.png(250, 180);
  ASSERT_TRUE(image) << image.error;
  Grey grey = decode_png(image.bytes);
  EXPECT_EQ(grey.width, 250);
  EXPECT_EQ(grey.height, 180);
  EXPECT_EQ(grey.at(10, 10), 204) << "the sheet's colour";
  EXPECT_EQ(grey.at(70, 100), 204) << "left of the page: the sheet";
  EXPECT_EQ(grey.at(85, 70), 0) << "the black quarter";
  EXPECT_EQ(grey.at(110, 70), 255) << "white paper";
  EXPECT_EQ(grey.at(110, 130), 255);
  EXPECT_LT(grey.at(75, 100), 204) << "the page's edge";
  EXPECT_LT(grey.at(126, 100), 204) << "its shadow, right of it";
  EXPECT_EQ(grey.at(130, 100), 204);
  // Drawn at one pixel a point: a rule as a label's stand-in.
  ASSERT_EQ(renderer.draw(sheet, {layout::Rule{200, 20, 240, 20, 2, layout::Color::black()}}), "");
  EXPECT_EQ(decode_png(sheet.png(250, 180).bytes).at(220, 20), 0);
}

TEST(Sheet, TooLargeIsAnError) {
  Sheet sheet(40000, 10, layout::Color::gray(0.5));
  EXPECT_FALSE(sheet);
  EXPECT_FALSE(sheet.png(10, 10));
}

}  // namespace
}  // namespace huozi::raster
