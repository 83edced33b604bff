// Frames for the print profile that the reader PDF does not have: the slug
// line under each print page, and the cover (back, spine, front) with its
// bleed drawn in. The PDF writer draws them; print_pdf.h places them.
#pragma once

#include <string>
#include <vector>

#include "layout/frame.h"
#include "model/document.h"
#include "text/font_db.h"

namespace huozi::print {

// One frame per page, kSlugSheetHeight high and `width` wide, each holding
// "title · page i of n · date · note" in 6 pt outlines (never copied as text);
// a newspaper's pages say their paper, date, edition and page name instead of
// the title ("吕梁日报　2021-12-31　第 5 版　年终特刊").
std::vector<layout::PageFrame> slug_frames(const model::Document& doc, text::FontDb& fonts, int pages,
                                           double width, const std::string& note);

struct CoverSize {
  double trim_width = 0, trim_height = 0;  // one page of the book
  double spine = 0;
  double bleed = 0;
};

// The whole cover as one frame of (2 × trim width + spine + 2 × bleed) by
// (trim height + 2 × bleed): back on the left, spine, front on the right (the
// book opens to the left, as horizontally set Chinese books do). The
// background runs to the bleed edge. Title, subtitle, authors and publisher on
// the front; the title down the spine when it is wide enough; the description
// on the back.
layout::PageFrame cover_frame(const model::Document& doc, text::FontDb& fonts, const CoverSize& size);

// The front alone, width × height with no bleed: the EPUB's cover image is
// drawn from it, so that the e-book and the printed book look alike.
layout::PageFrame front_cover_frame(const model::Document& doc, text::FontDb& fonts, double width, double height);

}  // namespace huozi::print
