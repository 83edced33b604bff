// One page frame's items drawn onto a Cairo context whose user space is the
// frame's (points, origin top-left, y down): the PDF writer's page content
// (pdf/page_content.cpp), item by item, in Cairo.
#pragma once

#include <cairo.h>

#include <string>

#include "layout/frame.h"
#include "raster/font_faces.h"

namespace huozi::raster {

// Draws every item of page in paint order; returns an empty string or the first problem.
std::string paint_page(cairo_t* cr, const layout::PageFrame& page, FontFaces& fonts);

}  // namespace huozi::raster
