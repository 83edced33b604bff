#include "raster/font_faces.h"

#include <cairo-ft.h>

#include <memory>
#include <utility>

namespace huozi::raster {
namespace {

// What a Cairo face keeps alive: its FreeType face and a reference to the
// library, released when Cairo drops the face (its caches may outlive ours).
struct FaceOwner {
  FtLibrary library;  // declared first: released last, if it is the last
  FtFace face;
};

const cairo_user_data_key_t kOwnerKey{};

void release_owner(void* owner) { delete static_cast<FaceOwner*>(owner); }

// Outlines as the PDF has them: no hinting, no embedded bitmaps.
constexpr int kLoadFlags = FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP;

}  // namespace

FontFaces::FontFaces(std::vector<layout::FontRef> refs)
    : refs_(std::move(refs)), faces_(refs_.size()), tried_(refs_.size(), false) {
  FT_Library library = nullptr;
  if (FT_Init_FreeType(&library) == 0) library_ = make_library(library);
}

cairo_font_face_t* FontFaces::face(uint16_t font) {
  if (font >= refs_.size()) {
    error_ = "text uses font " + std::to_string(font) + ", which the document does not have";
    return nullptr;
  }
  if (!tried_[font]) {
    tried_[font] = true;
    faces_[font].reset(open(font));
  }
  if (!faces_[font] && error_.empty()) error_ = "cannot open the font " + refs_[font].file;
  return faces_[font].get();
}

cairo_font_face_t* FontFaces::open(uint16_t font) {
  const layout::FontRef& ref = refs_[font];
  if (!library_) {
    error_ = "cannot start FreeType";
    return nullptr;
  }
  auto owner = std::make_unique<FaceOwner>();
  owner->library = library_;
  FT_Face raw = nullptr;
  if (FT_New_Face(library_.get(), ref.file.c_str(), ref.index, &raw) != 0) {
    error_ = "cannot open the font " + ref.file + " (face " + std::to_string(ref.index) + ")";
    return nullptr;
  }
  owner->face.reset(raw);
  CairoFontFace face(cairo_ft_font_face_create_for_ft_face(raw, kLoadFlags));
  if (cairo_font_face_status(face.get()) != CAIRO_STATUS_SUCCESS ||
      cairo_font_face_set_user_data(face.get(), &kOwnerKey, owner.get(), release_owner) !=
          CAIRO_STATUS_SUCCESS) {
    error_ = "Cairo cannot use the font " + ref.file;
    return nullptr;
  }
  owner.release();  // Cairo's now: release_owner runs when the face goes
  return face.release();
}

}  // namespace huozi::raster
