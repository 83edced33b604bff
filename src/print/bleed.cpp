#include "print/bleed.h"

#include <variant>

namespace huozi::print {
namespace {

constexpr double kTouching = 0.01;  // points: how close to the edge counts as touching it

}  // namespace

void extend_into_bleed(layout::PageFrame& page, double bleed) {
  if (bleed <= 0) return;
  for (layout::PageItem& item : page.items) {
    auto* box = std::get_if<layout::Box>(&item);
    if (!box || !box->filled || box->stroke > 0) continue;
    layout::Rect& r = box->rect;
    double x1 = r.x + r.width, y1 = r.y + r.height;
    if (r.x <= kTouching) r.x -= bleed;
    if (r.y <= kTouching) r.y -= bleed;
    if (x1 >= page.width - kTouching) x1 += bleed;
    if (y1 >= page.height - kTouching) y1 += bleed;
    r.width = x1 - r.x;
    r.height = y1 - r.y;
  }
}

}  // namespace huozi::print
