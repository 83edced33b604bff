// The body, block by block, into the page flow: one pass walks the content
// model in reading order, sets each block (headings, paragraphs, verse, lists,
// tables, figures) into flow blocks with the footnotes its lines call, and
// lets the page flow place them.
#pragma once

#include <vector>

#include "layout/compose.h"
#include "layout/footnotes.h"
#include "layout/page_flow.h"

namespace huozi::layout {

// What one pass of the body found.
struct BodyPass {
  std::vector<OutlineEntry> outline;      // every heading, with its page
  NotePages note_pages;                   // where each footnote went
  std::vector<const model::Node*> notes;  // the footnotes, by FlowNote::id
  std::vector<SourceLocation> overflows;  // figures taller than a column
};

// Lays the body out on pages numbered from `first_page`, its footnotes
// numbered by `numbers`; each finished page goes to `sink`.
BodyPass lay_out_body(Composer& c, const NoteNumbers& numbers, int first_page,
                      const PageFlow::PageSink& sink);

// Blocks from `from` on (a newspaper story's body) set into flow blocks at the
// measure m, in order, for a composer that places them itself. Footnotes stay
// in each block's `notes`. Paragraphs and bylines are set at `scale` of the body size.
std::vector<FlowBlock> set_blocks(Composer& c, const std::vector<model::Node>& blocks, size_t from, Measure m,
                                  double scale = 1);

}  // namespace huozi::layout
