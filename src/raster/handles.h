// RAII owners for the C handles of Cairo and FreeType in the raster stage.
#pragma once

#include <cairo.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include <memory>

#include "util/handle.h"

namespace huozi::raster {

// FreeType's destroy functions return an error code nobody can act on.
inline void done_face(FT_FaceRec_* face) { FT_Done_Face(face); }
inline void done_freetype(FT_LibraryRec_* library) { FT_Done_FreeType(library); }

using CairoPtr = Handle<cairo_t, cairo_destroy>;
using CairoSurface = Handle<cairo_surface_t, cairo_surface_destroy>;
using CairoFontFace = Handle<cairo_font_face_t, cairo_font_face_destroy>;
using CairoFontOptions = Handle<cairo_font_options_t, cairo_font_options_destroy>;
using FtFace = Handle<FT_FaceRec_, done_face>;
// Shared: every face opened from the library keeps it alive (Cairo may hold a face past its renderer).
using FtLibrary = std::shared_ptr<FT_LibraryRec_>;
inline FtLibrary make_library(FT_Library library) {
  return FtLibrary(library, Deleter<FT_LibraryRec_, done_freetype>());
}

}  // namespace huozi::raster
