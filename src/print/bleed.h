// Bleed in the reader PDF: filled backgrounds that touch the page edge are
// drawn on past it by the bleed. Readers never see that part (the page clips
// it); the print profile shows it in the bleed.
#pragma once

#include "layout/frame.h"

namespace huozi::print {

// Extends every filled, unstroked Box of `page` that touches an edge of the
// page by `bleed` past that edge. Images are left as they are: extending one
// would stretch it (the PDF writer fits an image to its rectangle).
void extend_into_bleed(layout::PageFrame& page, double bleed);

}  // namespace huozi::print
