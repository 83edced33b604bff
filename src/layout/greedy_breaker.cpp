// First fit: each line takes as much as fits with its marks compressed, so a
// prohibited mark is pulled in (push-in) whenever compression allows.
#include "layout/linebreak.h"

#include <cmath>

namespace huozi::layout {

std::vector<LineSpan> break_greedy(const LineMeasurer& m, const LineWidths& widths) {
  const auto& items = m.list().items;
  std::vector<LineSpan> lines;
  size_t begin = m.next_box(0);
  if (begin >= items.size()) begin = items.size() - 1;
  while (true) {
    const double width = widths.at(lines.size());
    size_t best = items.size();
    for (size_t i = begin + 1; i < items.size(); ++i) {
      if (items[i].kind != ItemKind::Penalty) continue;
      const LineSpan s = m.measure(begin, i, width);
      if (s.overfull && best != items.size()) break;  // the previous fit was the last
      best = i;
      if (s.overfull || items[i].forced) break;  // a box wider than the line: take it alone
    }
    if (best == items.size()) best = items.size() - 1;
    lines.push_back(m.measure(begin, best, width));
    if (items[best].forced) break;
    begin = m.next_box(best + 1);
    if (begin >= items.size()) break;
  }
  return lines;
}

}  // namespace huozi::layout
