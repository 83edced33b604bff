#include "layout/vertical_page.h"

#include <type_traits>
#include <utility>
#include <variant>

namespace huozi::layout {
namespace {

// The quarter turn clockwise of the frame onto the page, then the verso's
// shift: frame (x, y) → page (width - y + shift, x).
struct Turn {
  double page_width = 0;
  double shift = 0;

  std::pair<double, double> operator()(double x, double y) const { return {page_width - y + shift, x}; }
  Rect operator()(const Rect& r) const {
    return Rect{page_width - r.y - r.height + shift, r.x, r.height, r.width};
  }
};

void turn_item(PageItem& item, const Turn& turn) {
  std::visit(
      [&](auto& i) {
        using T = std::decay_t<decltype(i)>;
        if constexpr (std::is_same_v<T, TextRun>) {
          for (PlacedGlyph& g : i.glyphs) std::tie(g.x, g.y) = turn(g.x, g.y);
          // Upright glyphs stand as they are; text the frame set as a horizontal line turns with it.
          if (i.orientation == Orientation::Horizontal) i.orientation = Orientation::Sideways;
        } else if constexpr (std::is_same_v<T, Rule>) {
          std::tie(i.x0, i.y0) = turn(i.x0, i.y0);
          std::tie(i.x1, i.y1) = turn(i.x1, i.y1);
        } else if constexpr (std::is_same_v<T, Dot>) {
          std::tie(i.x, i.y) = turn(i.x, i.y);
        } else {
          i.rect = turn(i.rect);
        }
      },
      item);
}

// The extent of the text block across the frame: from its top to the em box of its last line.
double block_depth(const PageGeometry& g) { return (g.lines - 1) * g.line_pitch + g.em; }

}  // namespace

Rect vertical_text_block(const PageGeometry& g, bool recto) {
  const double page_width = g.page_height;
  double right = page_width - g.top;
  double left = right - block_depth(g);
  if (g.inner_on_left(recto)) {  // mirrored: the margins change sides
    const double shift = page_width - right - left;
    left += shift, right += shift;
  }
  return Rect{left, g.inner, right - left, g.block_width};
}

static Turn turn_for(const PageGeometry& g, bool recto) {
  Turn turn{g.page_height, 0};
  if (g.inner_on_left(recto)) turn.shift = vertical_text_block(g, recto).x - vertical_text_block(g, !recto).x;
  return turn;
}

void turn_source_map_back(PageFrame& page, const PageGeometry& g, bool recto) {
  const Turn turn = turn_for(g, recto);
  const double right = turn.page_width + turn.shift;  // page x = right - frame y
  const auto back = [&](const Rect& r) { return Rect{r.y, right - r.x - r.width, r.height, r.width}; };
  for (SourceLine& line : page.source_lines) {
    line.rect = back(line.rect);
    line.baseline = right - line.baseline;
  }
  for (Rect& column : page.text_columns) column = back(column);
}

void turn_to_vertical(PageFrame& page, const PageGeometry& g, bool recto) {
  const Turn turn = turn_for(g, recto);
  for (PageItem& item : page.items) turn_item(item, turn);
  for (Link& link : page.links) link.rect = turn(link.rect);
  // A link to a heading shows its page from the left edge down from the
  // column's top: a viewer that puts the destination at its window's left
  // would put a right-hand column out of sight.
  for (Anchor& a : page.anchors) a = Anchor{a.name, 0, turn(a.x, a.y).second};
  for (SourceLine& line : page.source_lines) {
    line.rect = turn(line.rect);
    line.baseline = turn(0, line.baseline).first;  // a column's baseline is a vertical line: its x
  }
  for (Rect& column : page.text_columns) column = turn(column);
  page.width = g.page_height;
  page.height = g.page_width;
  page.vertical = true;
}

}  // namespace huozi::layout
