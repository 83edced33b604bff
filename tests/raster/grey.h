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

}  // namespace huozi::raster
