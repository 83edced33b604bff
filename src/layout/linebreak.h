// Choosing where lines end: a tiny facade over two breakers (after minikin's
// LineBreaker): optimal (total-fit, Knuth–Plass) and greedy (first-fit).
#pragma once

#include <cstddef>
#include <vector>

#include "layout/items.h"

namespace huozi::layout {

enum class BreakStrategy { Optimal, Greedy };

// Line widths in points; the last width repeats for all further lines.
class LineWidths {
 public:
  explicit LineWidths(double width) : widths_{width} {}
  explicit LineWidths(std::vector<double> widths) : widths_(std::move(widths)) {}
  double at(size_t line) const { return line < widths_.size() ? widths_[line] : widths_.back(); }

 private:
  std::vector<double> widths_;
};

// One chosen line: items [begin, end) where end is the penalty it breaks at.
struct LineSpan {
  size_t begin = 0;  // first box of the line
  size_t end = 0;    // the penalty the line ends at
  double natural = 0, shrink = 0, late_shrink = 0;  // the line's totals after trims
  double priority_stretch = 0, stretch = 0;  // its stretch at ratio 1, by priority (items.h)
  // How loose the line is, for the breaker: cbrt(spacing³ + kPriorityWeight·priority³)
  // when stretched; the shrink ratio (< 0) when compressed; 0 for a flush-left last line.
  double ratio = 0;
  // Stretched: what the Han–Latin and word spaces take (≤ 1 while characters
  // can spread), and what the gaps between characters take. Compressed (< 0):
  // what marks and word spaces give (shrink), then Han–Latin spaces (late_shrink).
  double priority_ratio = 0;
  double spacing_ratio = 0;
  bool overfull = false;  // wider than its measure even fully compressed
  bool ragged = false;    // short, with nothing to stretch: set flush left
};

// Demerits of a line (Knuth–Plass); named so the trade-offs read as policy.
inline constexpr double kLineDemerits = 10;           // every line costs this (fewer lines)
inline constexpr double kStretchBadnessAtRatio1 = 100; // badness of a line stretched by ratio 1
inline constexpr double kShrinkBadnessAtRatio1 = 20;  // compressing marks is preferred to spreading (§4)
inline constexpr double kDoubleHyphenDemerits = 10000; // two lines in a row ending in a hyphen (TeX's)
inline constexpr double kLonelyLastDemerits = 1e6;    // a last line of one Han character (§5 孤字)
// A Han–Latin space at its half-em cap looks far less loose than characters
// a quarter em apart: it weighs this much in a line's looseness.
inline constexpr double kPriorityWeight = 0.25;
inline constexpr double kMaxStretchRatio = 1.0;       // tolerance of the first pass (0.25 em per gap)
// A line of Latin text with no space to spread (part of a URL, a long word's
// piece) is set flush left; it counts as a line of this much stretch
// (em) at ratio 1, so a few em short at its end beats characters an em apart.
inline constexpr double kRaggedStretchEm = 3.0;
// A line with Han characters is justified unless that takes it past this
// ratio (gaps of ¾ em, looser than any pass accepts by choice): then it is
// set flush left, at the same cost.
inline constexpr double kRaggedHanRatio = 3.0;
inline constexpr double kLonelyRescueRatio = 2.4;     // tolerance when that avoids a lonely last line
inline constexpr double kOverfullDemerits = 1e9;      // emergency pass only

// Breaks the paragraph into lines. Always returns at least one line, ending at
// the forced penalty; a box wider than the measure makes an overfull line.
std::vector<LineSpan> break_lines(const ItemList& list, const LineWidths& widths, BreakStrategy strategy);

// --- shared by the two breakers ---

// Prefix sums over the items, and the first box after each index.
struct LineMeasurer {
  LineMeasurer() = default;
  explicit LineMeasurer(const ItemList& list) { reset(list); }
  void reset(const ItemList& list);  // keeps the buffers
  // The line from box `begin` to the penalty `end`: totals after trims, ratio.
  LineSpan measure(size_t begin, size_t end, double width) const;
  size_t next_box(size_t after_penalty) const { return next_box_[after_penalty]; }
  size_t han_between(size_t begin, size_t end) const { return han_[end] - han_[begin]; }

  const ItemList* items_ = nullptr;
  const ItemList& list() const { return *items_; }
  std::vector<double> width_, priority_, stretch_, shrink_, late_;
  std::vector<uint32_t> han_;
  std::vector<size_t> next_box_;
};

// Splits `excess` points of stretch over the line's glue by priority and sets
// its ratios (s's stretch totals given).
void stretch_by_priority(double excess, double em, LineSpan& s);

std::vector<LineSpan> break_greedy(const LineMeasurer& m, const LineWidths& widths);
std::vector<LineSpan> break_optimal(const LineMeasurer& m, const LineWidths& widths);

}  // namespace huozi::layout
