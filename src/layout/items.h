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
  double stretch = 0;     // Glue: inter-character stretch at ratio 1 (second priority)
  double priority_stretch = 0;  // Glue: Han–Latin and word-space stretch up to its cap (first priority)
  double shrink = 0;      // Box: a mark's compressible blank; Glue: shrinkable space. Penalty: shrink added
  double late_shrink = 0; // Glue: a Han–Latin space's shrink, used only when the marks' and spaces' is not enough
  double start_trim = 0;  // Box: width (and shrink) it loses when it starts a line
  double removed = 0;     // Box: blank already removed (consecutive marks), for glyph placement
  int penalty = 0;        // Penalty: cost of breaking here
  bool forced = false;    // Penalty: the paragraph's end
  bool hyphen = false;    // Penalty: inside a word; a line ending here ends with a hyphen (its width)
  bool hang = false;      // Penalty: the mark before it hangs past the measure when the line ends here
  uint16_t han = 0;       // Box: Han characters in it
  uint32_t cluster_begin = 0, cluster_end = 0;  // Box, Glue: the clusters it sets
};

// Break costs and spacing, in em of the paragraph's body size unless named otherwise.
inline constexpr double kInterCharacterStretchEm = 0.25;  // per gap at adjustment ratio 1
// A Han–Latin space (a quarter em, §3) stretches to half an em before any
// character gap widens, and shrinks to a sixth of an em when a line is tight,
// but only after the marks' blanks and the word spaces have given all theirs
// (clreq: compress punctuation first). A sixth, not the eighth the issue
// suggests: narrower, the space no longer reads as one (typocheck counts a
// pair spaced from 0.15 em), and newspaper columns lost 1–3.5 % of them.
inline constexpr double kHanLatinStretchEm = 0.25;
inline constexpr double kHanLatinShrinkEm = 0.25 - 1.0 / 6;
// A word space stretches by a quarter em first, then along with character gaps.
inline constexpr double kWordSpacePriorityStretchEm = 0.25;
inline constexpr double kWordSpaceShrinkFactor = 1.0 / 3;
inline constexpr int kCjkBreakPenalty = 0;
inline constexpr int kLatinBreakPenalty = 0;
inline constexpr int kHyphenPenalty = 50;  // TeX's \hyphenpenalty
inline constexpr int kInsideWordPenalty = 300;  // a headline broken inside a word (脱|贫)

// House style for punctuation and spacing: the <layout> attributes
// line-start-brackets, hanging-punctuation and han-digit-space (issue 14).
struct Typography {
  // clreq §2 lets an opening mark at line start lose its left blank. Off by
  // default, as many mainland houses set it: a half-width “ puts the glyph's
  // origin half an em outside the column, and text extraction (and
  // typocheck.py) then assigns the line to the column on its left.
  bool half_width_line_start = false;
  // A pause or stop mark (、，。．) ending a line hangs past the measure
  // (悬挂标点), as some houses set it; off, it is set inside, half-width.
  bool hanging_punctuation = false;
  // The quarter-em space between Han and digits (2021 年); many mainland
  // newspapers set 2021年 tight. Between Han and letters it always stays.
  bool han_digit_space = true;
};

struct ItemOptions {
  double em_pt = 10.5;          // the body size: em for the spacing above
  double first_indent_em = 2;   // 首行缩进两字 (clreq §5); 0 for none
  Typography typography;
};

struct ItemList {
  std::vector<Item> items;
  double em_pt = 10.5;
};

// Builds the item list of a shaped paragraph. The last item is a forced penalty.
void build_items(const text::ShapedParagraph& shaped, const ItemOptions& options, ItemList& out);

}  // namespace huozi::layout
