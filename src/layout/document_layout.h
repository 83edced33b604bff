// The whole document into pages. layout_document is the algorithm: the
// table of contents' entries (toc.h), [a quiet pass of the body to find each
// footnote's page, when notes are numbered per page (footnotes.h)], the body
// block by block through the page flow (blocks.h, headings.h, figure.h), and
// the TOC's pages last. Finished pages go to the sink with their running heads
// and folios drawn (furniture.h).
#pragma once

#include <functional>
#include <vector>

#include "layout/frame.h"
#include "layout/page_flow.h"
#include "model/document.h"
#include "text/font_db.h"
#include "util/diagnostic.h"

namespace huozi::layout {

struct LayoutResult {
  std::vector<OutlineEntry> outline;
  int pages = 0;
};

// Lays the document out page by page; each page is handed to `sink` as soon as
// it is complete. TextRun::font is a text::FaceId of `fonts`. The pages of a
// table of contents come last, after the body whose page numbers they show:
// PageFrame::number says where each page goes.
LayoutResult layout_document(const model::Document& doc, text::FontDb& fonts,
                             const std::function<void(PageFrame&&)>& sink, DiagnosticList& diags);

}  // namespace huozi::layout
