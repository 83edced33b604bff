// The document's fonts as Cairo font faces over FreeType faces, opened on first use.
#pragma once

#include <cairo.h>

#include <cstdint>
#include <string>
#include <vector>

#include "layout/frame.h"
#include "raster/handles.h"

namespace huozi::raster {

class FontFaces {
 public:
  explicit FontFaces(std::vector<layout::FontRef> refs);

  // The Cairo face of font index `font`; null (and error() says why) when it cannot be opened.
  cairo_font_face_t* face(uint16_t font);
  const std::string& error() const { return error_; }

 private:
  cairo_font_face_t* open(uint16_t font);

  std::vector<layout::FontRef> refs_;
  FtLibrary library_;
  std::vector<CairoFontFace> faces_;
  std::vector<bool> tried_;
  std::string error_;
};

}  // namespace huozi::raster
