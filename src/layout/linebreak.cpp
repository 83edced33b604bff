#include "layout/linebreak.h"

#include <cmath>

namespace huozi::layout {

void LineMeasurer::reset(const ItemList& l) {
  items_ = &l;
  const auto& items = l.items;
  const size_t n = items.size();
  width_.assign(n + 1, 0);
  stretch_.assign(n + 1, 0);
  shrink_.assign(n + 1, 0);
  han_.assign(n + 1, 0);
  next_box_.assign(n + 1, n);
  for (size_t i = 0; i < n; ++i) {
    const Item& it = items[i];
    const bool counts = it.kind != ItemKind::Penalty;
    width_[i + 1] = width_[i] + (counts ? it.width : 0);
    stretch_[i + 1] = stretch_[i] + (counts ? it.stretch : 0);
    shrink_[i + 1] = shrink_[i] + (counts ? it.shrink : 0);
    han_[i + 1] = han_[i] + it.han;
  }
  for (size_t i = n; i-- > 0;) next_box_[i] = items[i].kind == ItemKind::Box ? i : next_box_[i + 1];
}

LineSpan LineMeasurer::measure(size_t begin, size_t end, double width) const {
  const Item& first = items_->items[begin];
  const Item& brk = items_->items[end];
  LineSpan s;
  s.begin = begin;
  s.end = end;
  const double trim = first.kind == ItemKind::Box ? first.start_trim : 0;
  s.natural = width_[end] - width_[begin] + brk.width - trim;
  s.stretch = stretch_[end] - stretch_[begin];
  s.shrink = shrink_[end] - shrink_[begin] + brk.shrink - trim;
  constexpr double kEpsilon = 1e-9;
  const double excess = width - s.natural;
  if (excess > kEpsilon) {
    s.ratio = s.stretch > 0 ? excess / s.stretch : INFINITY;  // no stretch: underfull
    if (brk.forced) s.ratio = 0;  // the last line is set flush left (§4)
  } else if (excess < -kEpsilon) {
    s.ratio = s.shrink > 0 ? excess / s.shrink : -INFINITY;
    if (s.ratio < -1 - kEpsilon) {
      s.overfull = true;
    }
  }
  return s;
}

std::vector<LineSpan> break_lines(const ItemList& list, const LineWidths& widths, BreakStrategy strategy) {
  thread_local LineMeasurer m;  // buffers reused from paragraph to paragraph
  m.reset(list);
  return strategy == BreakStrategy::Greedy ? break_greedy(m, widths) : break_optimal(m, widths);
}

}  // namespace huozi::layout
