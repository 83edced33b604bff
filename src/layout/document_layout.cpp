#include "layout/document_layout.h"

#include "layout/blocks.h"
#include "layout/compose.h"
#include "layout/footnotes.h"
#include "layout/furniture.h"
#include "layout/newspaper.h"
#include "layout/toc.h"
#include "layout/vertical_page.h"

namespace huozi::layout {
namespace {

// Warns of what did not fit: figures taller than a column.
void report_overflows(const Composer& c, const BodyPass& body) {
  for (const SourceLocation& at : body.overflows)
    c.diags.warning(c.doc.files, at, "figure taller than a column; it is cut at the column foot");
}

// Warns, should a renumbered mark have moved a note after all.
void check_note_pages(const Composer& c, const BodyPass& first, const BodyPass& body) {
  if (first.note_pages == body.note_pages) return;
  const model::Node* moved = first_moved_note(first.note_pages, body.note_pages, body.notes);
  c.diags.warning(c.doc.files, moved ? moved->where : SourceLocation{},
                  "footnotes=\"page\": a footnote moved to another page when the marks were renumbered; "
                  "some notes may be numbered as on the page before");
}

}  // namespace

LayoutResult layout_document(const model::Document& doc, text::FontDb& fonts,
                             const std::function<void(PageFrame&&)>& sink, DiagnosticList& diags) {
  Composer c(doc, fonts, diags);
  if (!model::newspaper_pages(doc).empty()) {
    NewspaperResult news = lay_out_newspaper(c, fonts, sink);
    return LayoutResult{std::move(news.outline), news.pages};
  }
  std::vector<TocEntry> toc = toc_entries(c);
  const int front = toc.empty() ? 0 : toc_pages(c, toc);
  LayoutResult r;
  Furniture furniture(c, front);
  const PageFlow::PageSink draw = [&](PageFrame&& page, const PageInfo& info) {
    if (info.vertical) turn_to_vertical(page, c.geometry(true), info.recto);
    furniture.furnish(page, info);
    ++r.pages;
    sink(std::move(page));
  };
  if (doc.page.footnotes_per_page && has_footnotes(doc.body)) {
    // A note's number depends on its page: one quiet pass finds the page of
    // every note (and of every heading), then the TOC and the body are drawn.
    // Its warnings go to a list of its own: the drawing pass gives them again.
    DiagnosticList scratch;
    Composer quiet(doc, fonts, scratch);
    const BodyPass first = lay_out_body(quiet, NoteNumbers{}, front + 1, [](PageFrame&&, const PageInfo&) {});
    fill_toc_pages(toc, first.outline);
    const NoteNumbers numbers = NoteNumbers::per_page(first.note_pages, first.notes);
    if (!toc.empty()) draw_toc(c, toc, front, draw);
    const BodyPass body = lay_out_body(c, numbers, front + 1, draw);
    report_overflows(c, body);
    check_note_pages(c, first, body);
    r.outline = body.outline;
  } else {
    // The TOC's length is known before layout, so the body's page numbers are
    // too: the body is laid out once, and the TOC, which needs its page
    // numbers, is drawn after it.
    const BodyPass body = lay_out_body(c, NoteNumbers{}, front + 1, draw);
    report_overflows(c, body);
    fill_toc_pages(toc, body.outline);
    if (!toc.empty()) draw_toc(c, toc, front, draw);
    r.outline = body.outline;
  }
  return r;
}

}  // namespace huozi::layout
