// RAII wrappers for the Cairo and fontconfig handles the PDF writer holds.
#pragma once

#include <cairo.h>
#include <fontconfig/fontconfig.h>

#include <memory>

namespace huozi::pdf {

struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDeleter {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};
struct FontFaceDeleter {
  void operator()(cairo_font_face_t* f) const { cairo_font_face_destroy(f); }
};
struct ScaledFontDeleter {
  void operator()(cairo_scaled_font_t* f) const { cairo_scaled_font_destroy(f); }
};
struct FontOptionsDeleter {
  void operator()(cairo_font_options_t* o) const { cairo_font_options_destroy(o); }
};
struct PatternDeleter {
  void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};

using Surface = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
using Context = std::unique_ptr<cairo_t, ContextDeleter>;
using FontFace = std::unique_ptr<cairo_font_face_t, FontFaceDeleter>;
using ScaledFont = std::unique_ptr<cairo_scaled_font_t, ScaledFontDeleter>;
using FontOptions = std::unique_ptr<cairo_font_options_t, FontOptionsDeleter>;
using Pattern = std::unique_ptr<FcPattern, PatternDeleter>;

}  // namespace huozi::pdf
