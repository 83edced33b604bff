#include "build/cover_image.h"

#include "build/fonts.h"
#include "print/cover.h"
#include "raster/page_image.h"

namespace huozi::build {

namespace {

// What print::front_cover_frame reads.
std::string cover_key(const model::Document& doc) {
  const model::Metadata& m = doc.metadata;
  std::string key = m.title + '\0' + m.subtitle + '\0' + m.publisher + '\0' + m.date + '\0' + m.language + '\0' +
                    std::to_string(static_cast<int>(doc.type));
  for (const model::Creator& c : m.creators) key += '\0' + c.role + '\0' + c.name;
  return key;
}

}  // namespace

std::string cover_png(const model::Document& doc, text::FontDb& fonts, DiagnosticList& diagnostics,
                      CoverImageCache* cache) {
  std::string key = cache ? cover_key(doc) : std::string();
  if (cache && !cache->png.empty() && cache->key == key) return cache->png;
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
  if (cache) *cache = {std::move(key), image.bytes};
  return std::move(image.bytes);
}

}  // namespace huozi::build
