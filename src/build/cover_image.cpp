#include "build/cover_image.h"

#include "build/fonts.h"
#include "print/cover.h"
#include "raster/page_image.h"

namespace huozi::build {

std::string cover_png(const model::Document& doc, text::FontDb& fonts, DiagnosticList& diagnostics) {
  // The front is drawn at a book page's proportions in points; the resolution
  // scales it to the pixel size (420 pt at 192 dpi is 1120 px).
  constexpr double kWidthPt = 420, kDpi = kCoverImageWidth * 72.0 / kWidthPt;
  layout::PageFrame front = print::front_cover_frame(doc, fonts, kWidthPt, kWidthPt * 1.5);
  raster::PageRenderer renderer(font_refs(fonts));
  raster::PageImage image = renderer.png(front, kDpi);
  if (!image) {
    diagnostics.error(doc.files.empty() ? std::string() : doc.files[0], 0, 0,
                      "cannot draw the EPUB's cover image: " + image.error,
                      "name a cover picture with <cover src=\"…\"/> in the metadata, or check the fonts");
    return {};
  }
  return std::move(image.bytes);
}

}  // namespace huozi::build
