// Links, 着重号 (emphasis dots) and ruby drawn over a set line. The setter
// knows text, not markup: each span carries the tag of the markup it is in
// (TextSpan::tag, ParagraphSource::markup), set where the block was collected.
#pragma once

#include "layout/compose.h"
#include "layout/lines.h"
#include "layout/paragraph.h"

namespace huozi::layout {

// Adds to `out` the dots, link areas and ruby annotations of the markup over
// `line` (of `source`), whose glyphs start at x.
void decorate(Composer& c, const ParagraphSource& source, const Line& line, double x, TypesetLine& out);

// 着重号 go under characters, not under punctuation or spaces (clreq 6).
bool is_dotted(const std::string& text, uint32_t cluster);

}  // namespace huozi::layout
