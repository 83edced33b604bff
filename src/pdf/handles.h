// RAII owners for the C handles the PDF writer holds (HarfBuzz for the fonts
// it embeds and subsets).
#pragma once

#include <hb-subset.h>
#include <hb.h>

#include "util/handle.h"

namespace huozi::pdf {

using HbBlob = Handle<hb_blob_t, hb_blob_destroy>;
using HbFace = Handle<hb_face_t, hb_face_destroy>;
using HbFont = Handle<hb_font_t, hb_font_destroy>;
using HbSubsetInput = Handle<hb_subset_input_t, hb_subset_input_destroy>;
using HbDrawFuncs = Handle<hb_draw_funcs_t, hb_draw_funcs_destroy>;

}  // namespace huozi::pdf
