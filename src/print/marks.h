// Printer's marks as PDF content-stream text: crop (trim) marks, bleed marks,
// registration targets and fold marks, all in the slug, outside the bleed.
// Pure functions of the sheet geometry, so tests read exact coordinates.
#pragma once

#include <string>
#include <vector>

#include "print/geometry.h"

namespace huozi::print {

// The resource name the marks use for the registration colour (a Separation
// /All colour space the page's resources must define).
inline constexpr const char* kRegistrationName = "/HzReg";

// Fold lines (a cover's spine edges) at these distances from the trim's left edge.
struct MarkOptions {
  std::vector<double> folds;
};

// Straight mark lines (x0, y0, x1, y1), in PDF space; the registration
// targets are not included (see registration_centres).
struct MarkLine {
  double x0, y0, x1, y1;
  bool dashed = false;
};
std::vector<MarkLine> crop_marks(const SheetGeometry& g);
std::vector<MarkLine> bleed_marks(const SheetGeometry& g);
std::vector<MarkLine> fold_marks(const SheetGeometry& g, const MarkOptions& options);

struct Point {
  double x, y;
};
// A target at the middle of each side of the sheet, in the band of the crop
// marks; with folds, the top and bottom targets sit over the first and last
// panels instead (never on the spine's fold marks).
std::vector<Point> registration_centres(const SheetGeometry& g, const MarkOptions& options = {});

// All marks, as a content stream wrapped in q … Q.
std::string marks_content(const SheetGeometry& g, const MarkOptions& options);

}  // namespace huozi::print
