// Newspaper pages (报纸版面): each <page> of a periodical as one sheet with its
// head (眉头: paper, date, page number and name, editor line, heavy rule),
// its banner across all columns, and its modules (stories, photo groups,
// figures) as rectangles on the grid: placed where the editor's dummy (版样)
// says, or composed by huozi to fill the page (news_pack.h). A story too long
// for its page is cut with "（转第N版）" and goes on on the next page under
// "（上接第N版）". docs/newspaper.md tells an editor how to make a page.
#pragma once

#include <functional>
#include <vector>

#include "layout/compose.h"
#include "layout/news_style.h"

namespace huozi::layout {

struct NewspaperResult {
  std::vector<OutlineEntry> outline;  // each page, and under it its stories
  int pages = 0;
};

// Lays out the body's pages (model::newspaper_pages); each finished page goes to `sink`.
NewspaperResult lay_out_newspaper(Composer& c, text::FontDb& fonts, const std::function<void(PageFrame&&)>& sink,
                                  const NewsStyle& style = {});

}  // namespace huozi::layout
