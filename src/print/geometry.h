// Where things go on a print page: the reader page is the trim; bleed and a
// slug for marks surround it. Units are PostScript points; rectangles are in
// PDF space (origin bottom-left, y up), as page boxes are.
#pragma once

#include <string>

#include "util/units.h"

namespace huozi::print {

using units::mm;
inline constexpr double kPtPerMm = units::kPointsPerMm;  // preflight's name for it

// The print sheet's distances, measured outwards from the trim edge.
constexpr double kDefaultBleed = mm(3);
constexpr double kMarkGap = mm(2);     // from the bleed edge to where marks start
constexpr double kMarkLength = mm(5);  // crop and fold marks; bleed marks are half as long
constexpr double kRegistrationRadius = mm(2);
constexpr double kSlugBaseline = mm(14);  // the slug line's baseline, below the bleed edge
constexpr double kSlugDepth = mm(3);      // room left under that baseline
constexpr double kMarkWidth = 0.25;       // stroke width of every mark
// A slug-line sheet (one small page per print page): its height, and its
// baseline measured from its top edge.
constexpr double kSlugSheetHeight = 10;
constexpr double kSlugSheetBaseline = 7;

// The largest page a PDF may have, in either direction: 14,400 units (200
// inches) at the default user unit (ISO 32000-1, annex C.2).
constexpr double kMaxPageSize = 14400;

struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double width() const { return x1 - x0; }
  double height() const { return y1 - y0; }
  Box inset(double d) const { return {x0 + d, y0 + d, x1 - d, y1 - d}; }
  bool contains(const Box& inner, double tolerance = 0.01) const {
    return inner.x0 >= x0 - tolerance && inner.y0 >= y0 - tolerance && inner.x1 <= x1 + tolerance &&
           inner.y1 <= y1 + tolerance;
  }
};

// The boxes of one print page for a trim of width x height and a bleed.
struct SheetGeometry {
  Box media, bleed, trim;
  double bleed_width = 0;
};

SheetGeometry sheet_geometry(double trim_width, double trim_height, double bleed);

// How a book is bound, which decides the spine.
enum class Binding { Perfect, Saddle };

// Which edge the spine is on, seen from the front: the left for horizontally
// set books (pages turn to the left, like Western ones), the right for
// vertically set ones (竖排: pages turn to the right, 右翻).
enum class BindingEdge { Left, Right };

// Where the panels of a cover spread begin, measured from the left edge of
// its trim (2 × trim width + spine wide). Bound on the left: back, spine,
// front from left to right; bound on the right: front, spine, back.
struct CoverPanels {
  double back = 0, spine = 0, front = 0;
};
CoverPanels cover_panels(double trim_width, double spine, BindingEdge edge);

// The spine width of a cover for `pages` pages (both sides of a leaf count) on
// paper `paper_thickness` thick: one thickness per leaf for perfect binding;
// none for saddle stitching, where the cover folds round the sheets.
double spine_width(int pages, Binding binding, double paper_thickness);

// "148 × 210 mm": a length pair as printers quote trim sizes, to 0.1 mm.
std::string format_mm(double width, double height);

}  // namespace huozi::print
