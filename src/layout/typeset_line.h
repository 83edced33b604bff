// From the paragraph setter's lines (y up from the baseline, clusters as byte
// offsets) to page items (y down, with the text and cluster map that make the
// PDF's text copy out exactly).
#pragma once

#include <string>

#include "layout/frame.h"
#include "layout/lines.h"
#include "layout/page_flow.h"

namespace huozi::layout {

// The line's glyph runs as TextRuns, shifted right by x. `text` is the
// paragraph text the line's clusters index into.
TypesetLine to_typeset_line(const Line& line, const std::string& text, double x, const Color& color = {});

}  // namespace huozi::layout
