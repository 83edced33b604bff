// A text trace of laid-out pages, for golden tests and for looking at a
// layout without a PDF viewer: each page, then each line of text on it with
// its position (rounded to 0.1 pt), and each box, rule and image.
#pragma once

#include <string>

#include "layout/frame.h"

namespace huozi::layout {

// "page 3 (419.5x595.3)\n  text 56.7,120.4 9.0pt 第一章…\n  box …"
std::string trace_page(const PageFrame& page, int number);

}  // namespace huozi::layout
