// Page images: the layout's page frames drawn with Cairo, as PNG at a chosen
// resolution or as SVG. The same frames the PDF writer gets, the same glyph
// ids, a second and independent renderer of every page.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "layout/frame.h"

namespace huozi::raster {

// The bytes of one page image, or why it could not be drawn.
struct PageImage {
  std::string bytes;  // a PNG or SVG file
  std::string error;  // empty when the page was drawn
  explicit operator bool() const { return error.empty(); }
};

// Draws pages whose text runs use fonts (the document's font list, by index);
// each font is opened on first use and kept for the following pages.
class PageRenderer {
 public:
  explicit PageRenderer(std::vector<layout::FontRef> fonts);
  ~PageRenderer();
  PageRenderer(const PageRenderer&) = delete;
  PageRenderer& operator=(const PageRenderer&) = delete;

  // The page as an RGB PNG of ceil(width * dpi / 72) × ceil(height * dpi / 72) pixels on white.
  PageImage png(const layout::PageFrame& page, double dpi);
  // The page as SVG, one user unit a point.
  PageImage svg(const layout::PageFrame& page);

 private:
  struct Fonts;
  std::unique_ptr<Fonts> fonts_;
};

}  // namespace huozi::raster
