// Justification (clreq §4): places the glyphs of each chosen line, compressing
// mark blanks or spreading glue by the line's adjustment ratio.
#pragma once

#include <vector>

#include "layout/items.h"
#include "layout/lines.h"
#include "layout/linebreak.h"
#include "text/shaped.h"

namespace huozi::layout {

void justify_lines(const text::ShapedParagraph& shaped, const ItemList& list, const std::vector<LineSpan>& spans,
                   const LineWidths& widths, std::vector<Line>& out, bool justify = true);

}  // namespace huozi::layout
