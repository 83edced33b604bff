#include "print/geometry.h"

#include <cmath>
#include <cstdio>

namespace huozi::print {

SheetGeometry sheet_geometry(double trim_width, double trim_height, double bleed) {
  double margin = bleed + kSlugBaseline + kSlugDepth;
  SheetGeometry g;
  g.media = {0, 0, trim_width + 2 * margin, trim_height + 2 * margin};
  g.trim = g.media.inset(margin);
  g.bleed = g.trim.inset(-bleed);
  g.bleed_width = bleed;
  return g;
}

double spine_width(int pages, Binding binding, double paper_thickness) {
  if (binding == Binding::Saddle || pages <= 0) return 0;
  int leaves = (pages + 1) / 2;
  return leaves * paper_thickness;
}

CoverPanels cover_panels(double trim_width, double spine, BindingEdge edge) {
  double far = trim_width + spine;  // the panel right of the spine
  if (edge == BindingEdge::Right) return {far, trim_width, 0};
  return {0, trim_width, far};
}

std::string format_mm(double width, double height) {
  auto one = [](double pt) {
    char buf[32];
    double v = std::round(pt / units::kPointsPerMm * 10) / 10;
    if (v == std::floor(v))
      std::snprintf(buf, sizeof buf, "%.0f", v);
    else
      std::snprintf(buf, sizeof buf, "%.1f", v);
    return std::string(buf);
  };
  return one(width) + " × " + one(height) + " mm";
}

}  // namespace huozi::print
