// Page furniture: what a finished page gets besides its text: its number and
// label, the running head (书眉) with its rule, and the folio (页码).
#pragma once

#include "layout/compose.h"
#include "layout/page_flow.h"

namespace huozi::layout {

// Numbers and labels the page (body pages count from 1 after `front_pages`)
// and, unless it is a blank verso, draws its running head and folio.
void furnish_page(Composer& c, PageFrame& page, const PageInfo& info, int front_pages);

}  // namespace huozi::layout
