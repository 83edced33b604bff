// The box / glue / penalty model of a shaped Chinese paragraph (after Knuth and
// Plass, as in SILE's node list), with the clreq adjustments built in:
// a mark's adjustable blank is a box's shrink (§2, §4), a line-end mark loses
// its blank through the width of the penalty it breaks at, an opening mark at
// line start through its box's start_trim, consecutive marks are compressed
// before breaking, and Han–Latin boundaries get a quarter-em glue (§3).
// A line may only break at a Penalty; glue and penalties after a break are
// discarded up to the next box.
#pragma once

#include <cstdint>
#include <vector>

#include "text/shaped.h"

namespace huozi::layout {

enum class ItemKind : uint8_t { Box, Glue, Penalty };

struct Item {
  ItemKind kind = ItemKind::Box;
  double width = 0;       // Box, Glue: natural width. Penalty: width added to a line ending here
  double stretch = 0;     // Glue
  double shrink = 0;      // Box: a mark's compressible blank; Glue: shrinkable space. Penalty: shrink added
  double start_trim = 0;  // Box: width (and shrink) it loses when it starts a line
  double removed = 0;     // Box: blank already removed (consecutive marks), for glyph placement
  int penalty = 0;        // Penalty: cost of breaking here
  bool forced = false;    // Penalty: the paragraph's end
  uint16_t han = 0;       // Box: Han characters in it
  uint32_t cluster_begin = 0, cluster_end = 0;  // Box, Glue: the clusters it sets
};

// Break costs and spacing, in em of the paragraph's body size unless named otherwise.
inline constexpr double kInterCharacterStretchEm = 0.25;  // per gap at adjustment ratio 1
inline constexpr double kWordSpaceStretchFactor = 2.0;    // Latin spaces stretch first (§4)
inline constexpr double kWordSpaceShrinkFactor = 1.0 / 3;
inline constexpr int kCjkBreakPenalty = 0;
inline constexpr int kLatinBreakPenalty = 0;

struct ItemOptions {
  double em_pt = 10.5;          // the body size: em for the spacing above
  double first_indent_em = 2;   // 首行缩进两字 (clreq §5); 0 for none
  // clreq §2 lets an opening mark at line start lose its left blank. Off by
  // default, as many mainland houses set it: a half-width “ puts the glyph's
  // origin half an em outside the column, and text extraction (and
  // typocheck.py) then assigns the line to the column on its left.
  bool half_width_line_start = false;
};

struct ItemList {
  std::vector<Item> items;
  double em_pt = 10.5;
};

// Builds the item list of a shaped paragraph. The last item is a forced penalty.
void build_items(const text::ShapedParagraph& shaped, const ItemOptions& options, ItemList& out);

}  // namespace huozi::layout
