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

class Sheet;

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

  // The page drawn small onto sheet, scaled to fit `where` (pixels) and
  // centred in it, on white paper with a hairline edge; empty or the problem.
  std::string thumbnail(Sheet& sheet, const layout::PageFrame& page, const layout::Rect& where);
  // Items (labels the caller set) drawn onto sheet at one pixel a point; empty or the problem.
  std::string draw(Sheet& sheet, const std::vector<layout::PageItem>& items);

 private:
  struct Fonts;
  std::unique_ptr<Fonts> fonts_;
};

// A canvas of pixels in a neutral colour that pages are drawn onto small: a
// contact sheet. Its PNG may be cut to the part that was used.
class Sheet {
 public:
  Sheet(int width, int height, layout::Color background);
  ~Sheet();
  Sheet(const Sheet&) = delete;
  Sheet& operator=(const Sheet&) = delete;

  explicit operator bool() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  // The top-left width × height pixels (at most the sheet's) as an RGB PNG.
  PageImage png(int width, int height) const;

 private:
  friend class PageRenderer;
  struct Surface;
  std::unique_ptr<Surface> surface_;
  std::string error_;
};

}  // namespace huozi::raster
