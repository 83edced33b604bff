// The table of contents (目录): which headings it lists, how many pages it
// takes, and its pages, drawn after the body whose page numbers they show.
#pragma once

#include <string>
#include <vector>

#include "layout/compose.h"
#include "layout/page_flow.h"

namespace huozi::layout {

struct TocEntry {
  std::string label;  // heading_text
  int level = 1;
  const model::Node* node = nullptr;
  int page = 0;      // physical; 0 until the body is laid out
  std::string dest;  // the heading's anchor
};

// Parts and chapters, and their sections one level down when the book is
// small enough for a TOC of poems or sections to be useful (a 50,000-poem
// book lists its chapters only). None if the publication has no TOC.
std::vector<TocEntry> toc_entries(const Composer& c);

// Pages the TOC takes: it is known before layout (one line an entry).
int toc_pages(const Composer& c, const std::vector<TocEntry>& toc);

// Gives each entry its heading's page and anchor from the body's outline.
void fill_toc_pages(std::vector<TocEntry>& toc, const std::vector<OutlineEntry>& outline);

// Draws the TOC's pages, numbered from 1 (roman labels), before `front_pages`
// body pages' worth of front matter; each finished page goes to `finish`.
void draw_toc(Composer& c, const std::vector<TocEntry>& toc, int front_pages,
              const PageFlow::PageSink& finish);

}  // namespace huozi::layout
