#include "layout/linebreak.h"

#include <cmath>

namespace huozi::layout {

void LineMeasurer::reset(const ItemList& l) {
  items_ = &l;
  const auto& items = l.items;
  const size_t n = items.size();
  width_.assign(n + 1, 0);
  priority_.assign(n + 1, 0);
  stretch_.assign(n + 1, 0);
  shrink_.assign(n + 1, 0);
  late_.assign(n + 1, 0);
  han_.assign(n + 1, 0);
  next_box_.assign(n + 1, n);
  for (size_t i = 0; i < n; ++i) {
    const Item& it = items[i];
    const bool counts = it.kind != ItemKind::Penalty;
    width_[i + 1] = width_[i] + (counts ? it.width : 0);
    priority_[i + 1] = priority_[i] + (counts ? it.priority_stretch : 0);
    stretch_[i + 1] = stretch_[i] + (counts ? it.stretch : 0);
    shrink_[i + 1] = shrink_[i] + (counts ? it.shrink : 0);
    late_[i + 1] = late_[i] + (counts ? it.late_shrink : 0);
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
  s.priority_stretch = priority_[end] - priority_[begin];
  s.stretch = stretch_[end] - stretch_[begin];
  s.shrink = shrink_[end] - shrink_[begin] + brk.shrink - trim;
  s.late_shrink = late_[end] - late_[begin];
  constexpr double kEpsilon = 1e-9;
  const double excess = width - s.natural;
  if (excess > kEpsilon) {
    if (!brk.forced) {  // the last line is set flush left (§4)
      stretch_by_priority(excess, items_->em_pt, s);
      // A line of Han text the breaker could not avoid spreading ems apart
      // (圆周率 before an unbreakable number) is set flush left instead: one
      // stretch of white at its end, never one big gap after each character.
      // It costs what the spread line would, so nothing else changes.
      if (s.ragged && han_between(begin, end) > 0) {
        s.ratio = INFINITY;  // Han with nothing to stretch (the indent and one character): never
      } else if (han_between(begin, end) > 0 && s.ratio > kRaggedHanRatio) {
        s.ragged = true;
        s.priority_ratio = s.spacing_ratio = 0;
      }
    }
  } else if (excess < -kEpsilon) {
    const double total = s.shrink + s.late_shrink;
    s.ratio = total > 0 ? excess / total : -INFINITY;
    if (s.ratio < -1 - kEpsilon) {
      s.overfull = true;
    } else if (-excess <= s.shrink) {
      s.priority_ratio = excess / s.shrink;
    } else {  // marks and word spaces fully compressed; Han–Latin spaces give the rest
      s.priority_ratio = s.shrink > 0 ? -1 : 0;
      s.spacing_ratio = (excess + s.shrink) / s.late_shrink;
    }
  }
  return s;
}

void stretch_by_priority(double excess, double em, LineSpan& s) {
  if (s.priority_stretch <= 0 && s.stretch <= 0) {
    // Nothing stretches (a piece of a URL or a long word): set flush left,
    // as loose as if it spread kRaggedStretchEm at ratio 1. (measure() refuses
    // this for a line with Han characters.)
    s.ragged = true;
    s.ratio = excess / (kRaggedStretchEm * em);
    return;
  }
  if (s.stretch <= 0) {
    s.priority_ratio = excess / s.priority_stretch;  // no character gap: the spaces take it all
  } else if (excess <= s.priority_stretch) {
    s.priority_ratio = excess / s.priority_stretch;
  } else {
    s.priority_ratio = s.priority_stretch > 0 ? 1 : 0;
    s.spacing_ratio = (excess - s.priority_stretch) / s.stretch;
  }
  const double p = s.priority_ratio, q = s.spacing_ratio;
  s.ratio = std::cbrt(q * q * q + kPriorityWeight * p * p * p);
}

std::vector<LineSpan> break_lines(const ItemList& list, const LineWidths& widths, BreakStrategy strategy) {
  thread_local LineMeasurer m;  // buffers reused from paragraph to paragraph
  m.reset(list);
  return strategy == BreakStrategy::Greedy ? break_greedy(m, widths) : break_optimal(m, widths);
}

}  // namespace huozi::layout
