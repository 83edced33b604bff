// Where text may go on a page: the text block on a character grid and a
// baseline grid, for recto and verso pages, in columns.
#pragma once

#include "model/document.h"

namespace huozi::layout {

struct PageGeometry {
  double page_width = 0, page_height = 0;
  double em = 10.5;             // the body size
  double line_pitch = 17.85;    // baseline to baseline
  int columns = 1;
  int column_em = 0;            // column width in whole ems
  double column_gap = 0;        // in points (a whole number of ems)
  int lines = 0;                // lines per column
  double block_width = 0;       // all columns and gaps
  double top = 0;               // top edge of the text block
  double first_baseline = 0;    // y of line 0's baseline
  double inner = 0, outer = 0;  // margins after rounding the block to whole ems
  // The frame a vertical page is set in (turned_setup): its left margin is
  // the page's head on every page, so no side changes with the page's parity.
  bool turned = false;
  // The book binds on the right (a vertical publication's pages turn to the
  // right): a recto has its inner margin on the right, whichever way its own
  // text runs.
  bool bound_right = false;

  // Whether the page's inner margin is on its left: a recto's in a book bound
  // on the left, a verso's in one bound on the right.
  bool inner_on_left(bool recto) const { return recto != bound_right; }
  // Left edge of a column on a page (or on any turned frame: its left margin is the head).
  double column_left(int column, bool recto) const;
  double baseline(int line) const { return first_baseline + line * line_pitch; }
  double column_width() const { return column_em * em; }
  double block_bottom() const { return top + lines * line_pitch; }
};

// Rounds the setup's text block down to whole ems and whole lines. The space
// left over goes to the margins in proportion, so the block stays centred as designed.
PageGeometry compute_geometry(const model::PageSetup& setup);
// The same for a page, or for a vertical page's turned frame, in a book bound
// on the right or the left.
PageGeometry page_geometry(const model::PageSetup& setup, bool vertical, bool bound_right);

// The page of a vertical publication is set as a horizontal frame turned a
// quarter clockwise (vertical_page.h): the frame is as wide as the page is
// tall, its left margin is the page's head and its right the foot, its top
// margin the page's right-hand margin: a recto's (in a book bound on the
// right, the left-hand page of a spread) inner margin.
model::PageSetup turned_setup(const model::PageSetup& page);

// The share of the em above the baseline for CJK faces (ideographic em box
// top): Noto CJK puts it at 0.88 em.
inline constexpr double kAscentEm = 0.88;

}  // namespace huozi::layout
