// Total fit (Knuth and Plass): the breaks that minimise the paragraph's total
// demerits. Active starts are kept oldest first: a line from an older start is
// always longer, so overfull starts leave from the front, and the scan of each
// break candidate stops at the first start whose line is too loose and has
// nothing to stretch.
#include <algorithm>
#include <cmath>
#include <limits>

#include "layout/linebreak.h"

namespace huozi::layout {
namespace {

struct Node {
  size_t start = 0;     // first box of the line that follows this break
  size_t at = 0;        // the penalty broken at (start of the paragraph: npos)
  double demerits = 0;  // total up to here
  size_t lines = 0;     // lines before `start`
  size_t previous = 0;  // index into the node store (npos for the first)
};

constexpr size_t kNone = std::numeric_limits<size_t>::max();

double line_demerits(const LineSpan& line, const Item& brk, size_t han_in_line, bool emergency) {
  double badness = 0;
  if (line.overfull) return kOverfullDemerits * (1 + line.natural - line.shrink);
  if (std::isinf(line.ratio)) {
    if (!emergency) return INFINITY;
    badness = kOverfullDemerits / 10;
  } else if (line.ratio > 0) {
    badness = kStretchBadnessAtRatio1 * line.ratio * line.ratio * line.ratio;
  } else {
    badness = kShrinkBadnessAtRatio1 * -line.ratio * line.ratio * line.ratio;
  }
  double d = (kLineDemerits + badness) * (kLineDemerits + badness);
  if (brk.penalty != 0) d += (brk.penalty > 0 ? 1 : -1) * double(brk.penalty) * brk.penalty;
  if (brk.forced && han_in_line == 1) d += kLonelyLastDemerits;
  return d;
}

// One pass; returns false when the paragraph's end was not reached.
bool run_pass(const LineMeasurer& m, const LineWidths& widths, double tolerance, bool emergency,
              std::vector<LineSpan>& out) {
  const auto& items = m.list().items;
  thread_local std::vector<Node> store;
  thread_local std::vector<size_t> active;  // indices into store, oldest first
  store.clear();
  active.clear();
  size_t head = 0;             // active[head..] are live
  size_t first_box = m.next_box(0);
  if (first_box >= items.size()) first_box = items.size() - 1;
  store.push_back(Node{first_box, kNone, 0, 0, kNone});
  active.push_back(0);

  for (size_t q = first_box + 1; q < items.size(); ++q) {
    const Item& brk = items[q];
    if (brk.kind != ItemKind::Penalty) continue;
    double best = INFINITY;
    size_t best_node = kNone;
    LineSpan best_line;
    for (size_t a = head; a < active.size(); ++a) {
      const Node& node = store[active[a]];
      if (node.start >= q) break;
      const LineSpan line = m.measure(node.start, q, widths.at(node.lines));
      if (line.overfull) {
        if (!emergency || a + 1 < active.size()) {
          if (a == head) ++head;  // overfull now, overfull for every later break
          continue;
        }
      } else if (!brk.forced && line.ratio > tolerance && !emergency) {
        // Too loose. A newer start's line is a part of this one: with nothing
        // to stretch here it has nothing either and more to fill, so stop;
        // with stretch here, it may be a ragged line (linebreak.h) that costs
        // less, so look on.
        if (line.priority_stretch + line.stretch <= 0) break;
        continue;
      }
      double d = node.demerits + line_demerits(line, brk, m.han_between(node.start, q), emergency);
      if (brk.hyphen && node.at != kNone && items[node.at].hyphen) d += kDoubleHyphenDemerits;
      if (d < best) {
        best = d;
        best_node = active[a];
        best_line = line;
      }
    }
    if (best_node == kNone) continue;
    const size_t next = brk.forced ? q : m.next_box(q + 1);
    store.push_back(Node{next, q, best, store[best_node].lines + 1, best_node});
    if (brk.forced) {
      out.clear();
      for (size_t n = store.size() - 1; store[n].previous != kNone; n = store[n].previous) {
        const Node& from = store[store[n].previous];
        out.push_back(m.measure(from.start, store[n].at, widths.at(from.lines)));
      }
      std::reverse(out.begin(), out.end());
      return true;
    }
    if (next < items.size()) active.push_back(store.size() - 1);
  }
  return false;
}

}  // namespace

std::vector<LineSpan> break_optimal(const LineMeasurer& m, const LineWidths& widths) {
  std::vector<LineSpan> lines;
  if (run_pass(m, widths, kMaxStretchRatio, false, lines)) {
    if (lines.size() < 2 || m.han_between(lines.back().begin, lines.back().end) != 1) return lines;
    // A lonely last character (§5): accept looser lines to take one more down.
    std::vector<LineSpan> rescued;
    if (run_pass(m, widths, kLonelyRescueRatio, false, rescued) &&
        m.han_between(rescued.back().begin, rescued.back().end) != 1)
      return rescued;
    return lines;
  }
  if (run_pass(m, widths, INFINITY, true, lines)) return lines;
  return break_greedy(m, widths);
}

}  // namespace huozi::layout
