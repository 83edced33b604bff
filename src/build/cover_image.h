// The EPUB's cover image when the source names none: the print cover's front
// (print/cover.h) drawn with Cairo, so that a reader's library shows the book
// as the shop prints it instead of a blank tile.
#pragma once

#include <string>

#include "model/document.h"
#include "text/font_db.h"
#include "util/diagnostic.h"

namespace huozi::build {

// The size of the generated cover: 1:1.5 and under 2 million pixels, as the
// e-book stores ask (Apple Books and Kobo want at least 1400 px on the long side).
inline constexpr int kCoverImageWidth = 1120;
inline constexpr int kCoverImageHeight = 1680;

// The last cover drawn and what it was drawn from (a watch's: the cover is a
// fifth of a rebuild, and an edit seldom changes the title).
struct CoverImageCache {
  std::string key, png;
};

// PNG bytes of the front cover, or empty with an error in diagnostics.
std::string cover_png(const model::Document& doc, text::FontDb& fonts, DiagnosticList& diagnostics,
                      CoverImageCache* cache = nullptr);

}  // namespace huozi::build
