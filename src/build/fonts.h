// The font database as a build uses it: opened from the configuration,
// registered with the PDF writer, and checked for faces that failed.
#pragma once

#include <memory>
#include <vector>

#include "layout/frame.h"
#include "util/diagnostic.h"

namespace huozi::text {
class FontDb;
}

namespace huozi::build {

// Every face of the database, by FaceId, as the PDF writer registers fonts.
std::vector<layout::FontRef> font_refs(const text::FontDb& fonts);

// Opens the font database of FontDb::default_config(); problems go to diagnostics.
std::unique_ptr<text::FontDb> open_fonts(DiagnosticList& diagnostics);

// The faces that failed when first used (FontDb::problems), added to
// diagnostics; true when there were any, and the output must not be written.
bool font_problems(const text::FontDb& fonts, DiagnosticList& diagnostics);

}  // namespace huozi::build
