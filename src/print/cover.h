// Frames for the print profile that the reader PDF does not have: the slug
// line under each print page, and the cover (back, spine and front, in the
// order the binding edge gives) with its bleed drawn in. The PDF writer draws
// them; print_pdf.h places them.
#pragma once

#include <string>
#include <vector>

#include "layout/frame.h"
#include "model/document.h"
#include "print/geometry.h"
#include "text/font_db.h"

namespace huozi::print {

// One frame per page, kSlugSheetHeight high and `width` wide, each holding
// "title · page i of n · date · note" in 6 pt outlines (never copied as text);
// a newspaper's pages say their paper, date, edition and page name instead of
// the title ("吕梁日报　2021-12-31　第 5 版　年终特刊").
std::vector<layout::PageFrame> slug_frames(const model::Document& doc, text::FontDb& fonts, int pages,
                                           double width, const std::string& note);

// The edge a publication is bound on: the right when its pages are set
// vertically (竖排 books open to the right), the left otherwise (and for a
// newspaper's pages, which are set horizontally in either writing mode).
BindingEdge binding_edge(const model::Document& doc);

struct CoverSize {
  double trim_width = 0, trim_height = 0;  // one page of the book
  double spine = 0;
  double bleed = 0;
  BindingEdge edge = BindingEdge::Left;  // where the spine is, seen from the front
};

// The whole cover as one frame of (2 × trim width + spine + 2 × bleed) by
// (trim height + 2 × bleed), in the order of cover_panels: bound on the left
// (horizontally set books open to the left), back, spine, front from left to
// right; bound on the right (vertically set books), front, spine, back. The
// background runs to the bleed edge. Title, subtitle, authors and publisher on
// the front, its band bleeding off the fore edge; the title down the spine,
// upright characters top to bottom, when it is wide enough; the description on
// the back, whose ISBN stands by the fore edge (the back is mirrored with the
// binding).
layout::PageFrame cover_frame(const model::Document& doc, text::FontDb& fonts, const CoverSize& size);

// The front alone, width × height with no bleed: the EPUB's cover image is
// drawn from it, so that the e-book and the printed book look alike.
layout::PageFrame front_cover_frame(const model::Document& doc, text::FontDb& fonts, double width, double height);

}  // namespace huozi::print
