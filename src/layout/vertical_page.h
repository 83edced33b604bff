// Vertical pages (竖排, issue 17). A vertical page is composed as a
// horizontal frame (page_geometry.h turned_setup) whose lines are the page's
// columns: its text was shaped for a column (text::TextInput::vertical), so
// each line's x runs down the column. Turning the frame a quarter clockwise
// makes the page: the frame's first line becomes the right-hand column, its
// left margin the head. Upright glyphs keep standing; whatever the frame set
// horizontally (a Latin word, a rule, a table) turns with it.
#pragma once

#include "layout/frame.h"
#include "layout/page_geometry.h"

namespace huozi::layout {

// Turns a finished frame, set with the turned geometry `g`, into its page. A
// page whose inner margin is on the right (a recto of a book bound on the
// right, a verso of one bound on the left: PageGeometry::inner_on_left) keeps
// the frame's top margin on its right; the other's text block moves over so
// that its inner margin is on its left.
void turn_to_vertical(PageFrame& page, const PageGeometry& g, bool recto);

// The inverse for the source map alone (PageFrame::source_lines and
// text_columns): from the page back to its frame, for marks that are made on
// the frame and turned with it (the proof's).
void turn_source_map_back(PageFrame& page, const PageGeometry& g, bool recto);

// The page's text block after turning: x from its left column's edge to its
// right column's, y from the head.
Rect vertical_text_block(const PageGeometry& g, bool recto);

}  // namespace huozi::layout
