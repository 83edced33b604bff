// RAII owners for the C handles of HarfBuzz, FreeType, fontconfig and ICU.
// Every handle the text engine holds sits in one of these.
#pragma once

#include <fontconfig/fontconfig.h>
#include <ft2build.h>

#include <memory>
#include FT_FREETYPE_H
#include <hb.h>
#include <unicode/ubrk.h>

#include "util/handle.h"

namespace huozi::text {

using huozi::Deleter;

inline void ft_done_face(FT_FaceRec_* f) { FT_Done_Face(f); }
inline void ft_done_library(FT_LibraryRec_* l) { FT_Done_FreeType(l); }

using HbFont = std::unique_ptr<hb_font_t, Deleter<hb_font_t, hb_font_destroy>>;
using HbFace = std::unique_ptr<hb_face_t, Deleter<hb_face_t, hb_face_destroy>>;
using HbBlob = std::unique_ptr<hb_blob_t, Deleter<hb_blob_t, hb_blob_destroy>>;
using HbSet = std::unique_ptr<hb_set_t, Deleter<hb_set_t, hb_set_destroy>>;
using HbBuffer = std::unique_ptr<hb_buffer_t, Deleter<hb_buffer_t, hb_buffer_destroy>>;
using FtFace = std::unique_ptr<FT_FaceRec_, Deleter<FT_FaceRec_, ft_done_face>>;
using FtLibrary = std::unique_ptr<FT_LibraryRec_, Deleter<FT_LibraryRec_, ft_done_library>>;
using FcPatternPtr = std::unique_ptr<FcPattern, Deleter<FcPattern, FcPatternDestroy>>;
using FcConfigPtr = std::unique_ptr<FcConfig, Deleter<FcConfig, FcConfigDestroy>>;
using FcCharSetPtr = std::unique_ptr<FcCharSet, Deleter<FcCharSet, FcCharSetDestroy>>;
using UBreakIteratorPtr = std::unique_ptr<UBreakIterator, Deleter<UBreakIterator, ubrk_close>>;

}  // namespace huozi::text
