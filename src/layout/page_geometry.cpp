#include "layout/page_geometry.h"

#include <algorithm>
#include <cmath>

namespace huozi::layout {

PageGeometry compute_geometry(const model::PageSetup& s) {
  PageGeometry g;
  g.page_width = s.page_width;
  g.page_height = s.page_height;
  g.em = s.body_size;
  g.line_pitch = s.body_size * s.leading;
  g.columns = s.columns;
  int gap_em = std::max(1, static_cast<int>(std::lround(s.column_gap_em)));
  g.column_gap = s.columns > 1 ? gap_em * g.em : 0;

  double available = s.page_width - s.margin_inner - s.margin_outer;
  double per_column = (available - (s.columns - 1) * g.column_gap) / s.columns;
  g.column_em = std::max(1, static_cast<int>(std::floor(per_column / g.em + 1e-9)));
  g.block_width = g.column_em * g.em * s.columns + (s.columns - 1) * g.column_gap;
  double spare = std::max(0.0, available - g.block_width);
  double side_total = s.margin_inner + s.margin_outer;
  g.inner = s.margin_inner + (side_total > 0 ? spare * s.margin_inner / side_total : spare / 2);
  g.outer = s.page_width - g.block_width - g.inner;

  // Lines: the last line's em box must end above the bottom margin.
  double height = s.page_height - s.margin_top - s.margin_bottom;
  g.lines = std::max(1, static_cast<int>(std::floor((height - g.em) / g.line_pitch + 1e-9)) + 1);
  double used = (g.lines - 1) * g.line_pitch + g.em;
  g.top = s.margin_top + std::max(0.0, height - used) / 2;
  g.first_baseline = g.top + kAscentEm * g.em;
  return g;
}

PageGeometry page_geometry(const model::PageSetup& setup, bool vertical, bool bound_right) {
  PageGeometry g = compute_geometry(vertical ? turned_setup(setup) : setup);
  g.turned = vertical;
  g.bound_right = bound_right;
  return g;
}

model::PageSetup turned_setup(const model::PageSetup& page) {
  model::PageSetup t = page;
  t.page_width = page.page_height;
  t.page_height = page.page_width;
  t.margin_inner = page.margin_top;
  t.margin_outer = page.margin_bottom;
  t.margin_top = page.margin_inner;
  t.margin_bottom = page.margin_outer;
  return t;
}

double PageGeometry::column_left(int column, bool recto) const {
  double left = turned || inner_on_left(recto) ? inner : outer;
  return left + column * (column_width() + column_gap);
}

}  // namespace huozi::layout
