// PNG bytes decoded to grey levels, for the renderer's tests.
#pragma once

#include <string>
#include <vector>

namespace huozi::raster {

// Grey levels 0 (black) … 255 (white), row by row; empty if the PNG did not decode.
struct Grey {
  int width = 0, height = 0;
  std::vector<int> pixels;
  int at(int x, int y) const { return pixels[static_cast<size_t>(y) * width + x]; }
  // All the ink: the sum of 255 less each pixel's level.
  long ink() const {
    long sum = 0;
    for (int p : pixels) sum += 255 - p;
    return sum;
  }
};

Grey decode_png(const std::string& png);

// Page 1 of a PDF as poppler draws it (pdftoppm -gray); empty if it did not.
Grey render_pdf_page(const std::string& pdf, int dpi);

// How far `horizontal`, turned a quarter clockwise, differs from `sideways`:
// the pixel right of and below the horizontal word's origin `from` by
// (dx, dy) is compared with the one at `to` + (-dy - 1, dx), `to` the
// sideways word's origin; the sum of the differences in grey levels.
struct Pixel {
  int x = 0, y = 0;
};
long turned_difference(const Grey& sideways, Pixel to, const Grey& horizontal, Pixel from);

}  // namespace huozi::raster
