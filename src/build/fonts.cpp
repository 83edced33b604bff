#include "build/fonts.h"

#include "text/font_db.h"

namespace huozi::build {

std::vector<layout::FontRef> font_refs(const text::FontDb& fonts) {
  std::vector<layout::FontRef> refs;
  for (size_t i = 0; i < fonts.size(); ++i) {
    const text::FaceInfo& face = fonts.info(static_cast<text::FaceId>(i));
    refs.push_back({face.file, face.index});
  }
  return refs;
}

std::unique_ptr<text::FontDb> open_fonts(DiagnosticList& diagnostics) {
  return text::FontDb::open(text::FontDb::default_config(), diagnostics);
}

bool font_problems(const text::FontDb& fonts, DiagnosticList& diagnostics) {
  diagnostics.append(fonts.problems());
  return fonts.problems().has_errors();
}

}  // namespace huozi::build
