// A page frame as a PDF content stream (PDF 32000-1 §8, §9): its items in
// paint order as path, text and image operators, in PDF's y-up space.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "layout/frame.h"
#include "pdf/font_embedding.h"

namespace huozi::pdf {

struct PageContent {
  std::string operators;
  std::vector<uint16_t> fonts;           // font indices the page shows, resource /F<index>
  std::vector<uint16_t> vertical_fonts;  // those it shows upright (WMode 1), resource /V<index>
  std::vector<std::string> images;       // image files, resource /Im<k> is images[k]
};

// The page's content. Text runs show glyph ids in their font (fonts[run.font]);
// each glyph's text goes to the font's ToUnicode map, or, where the map
// cannot say it (a glyph shown for other text before, one text shown as
// several glyphs), to an ActualText span around it. Upright runs are shown
// in the font's vertical form (Identity-V), sideways runs in its horizontal
// form turned 90° clockwise: both read down the page, in the run's glyph
// order. Glyphs set across one cell of a column (縦中横 digits) are an
// upright run with one cluster for them all: their one ActualText span reads
// in the column's order (poppler reads them as a line of their own if they
// are horizontal or a cluster each). Fails (false) if a font cannot be
// opened; that font's error() says why.
bool make_page_content(const layout::PageFrame& page, std::vector<std::unique_ptr<EmbeddedFont>>& fonts,
                       PageContent& content);

}  // namespace huozi::pdf
