// The source map: which page, column and line each block of the source went
// to, and back. Layout records a SourceLine wherever it places a line of text
// (frame.h); when a page is finished its lines are counted here, and `huozi
// where` and the proof read the result.
//
// How lines are counted, as a proofreader's "p. 47 l. 12" means: the lines of
// text of one column, top to bottom, from 1. Blank grid lines (the space
// between sections, a heading's air) are not counted; a footnote's lines are,
// after the text above them; a line several grid lines tall (a large title)
// counts once; the cells of a table row side by side are one line. Running
// heads, folios and a newspaper's page head are not text of the source and
// are not counted. A page's columns are counted from the left, from 1.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "layout/frame.h"
#include "layout/page_geometry.h"

namespace huozi::layout {

// Sorts the page's source lines by column and line and fills in each one's
// column and number (SourceLine::column, ::number), and the page's
// text_columns. `recto`: which margin is on the left, as the page was laid out.
void number_source_lines(PageFrame& page, const PageGeometry& g, bool recto);

// A finished page's source lines, kept for looking places up.
struct PageLines {
  int number = 0;                 // the page's place in the book, from 1
  std::string label;              // the folio printed on it ("iii", "12"); empty: its number
  std::vector<SourceLine> lines;  // as number_source_lines leaves them
};

struct LineHit {
  int page = 0;  // PageLines::number
  std::string label;
  SourceLine line;
};

// The first line of the block at `at` or the nearest one before it in the
// same file (a place inside a paragraph's source lines finds the paragraph);
// lines huozi generated are not found. Nothing: no text at or before it.
std::optional<LineHit> find_place(const std::vector<PageLines>& pages, const SourceLocation& at);

// The page whose printed folio is `folio`, else the page numbered so
// (physical); null if there is none.
const PageLines* find_page(const std::vector<PageLines>& pages, const std::string& folio);

// The source lines at line `number` of `column` on `page` (several when a
// table row's cells stand side by side), left to right.
std::vector<SourceLine> lines_at(const PageLines& page, int column, int number);

// The columns the page's text stands in: the highest SourceLine::column (0: no text).
int columns_of(const PageLines& page);

}  // namespace huozi::layout
