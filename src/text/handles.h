// RAII owners for the C handles of HarfBuzz, fontconfig and ICU. Every
// handle the text engine holds sits in one of these. (Faces are opened by
// HarfBuzz over the mapped file: the text engine holds no FreeType handle.)
#pragma once

#include <fontconfig/fontconfig.h>
#include <hb.h>
#include <unicode/ubrk.h>

#include <memory>

#include "util/handle.h"

namespace huozi::text {

using huozi::Deleter;

using HbFont = std::unique_ptr<hb_font_t, Deleter<hb_font_t, hb_font_destroy>>;
using HbFace = std::unique_ptr<hb_face_t, Deleter<hb_face_t, hb_face_destroy>>;
using HbBlob = std::unique_ptr<hb_blob_t, Deleter<hb_blob_t, hb_blob_destroy>>;
using HbSet = std::unique_ptr<hb_set_t, Deleter<hb_set_t, hb_set_destroy>>;
using HbBuffer = std::unique_ptr<hb_buffer_t, Deleter<hb_buffer_t, hb_buffer_destroy>>;
using FcPatternPtr = std::unique_ptr<FcPattern, Deleter<FcPattern, FcPatternDestroy>>;
using FcCharSetPtr = std::unique_ptr<FcCharSet, Deleter<FcCharSet, FcCharSetDestroy>>;
using UBreakIteratorPtr = std::unique_ptr<UBreakIterator, Deleter<UBreakIterator, ubrk_close>>;

}  // namespace huozi::text
