// A newspaper page's furniture: the head (眉头; page 1's nameplate, 报头),
// the banner (通栏标题) and the rules between modules (细线). The page
// composer (newspaper.h) draws them around the modules it places.
#pragma once

#include <string>
#include <vector>

#include "layout/compose.h"
#include "layout/news_modules.h"
#include "layout/news_pack.h"
#include "layout/news_style.h"

namespace huozi::layout {

// What the furniture is drawn with.
struct NewsFurniture {
  Composer& c;
  const NewsStyle& style;
  double em(double ems) const { return ems * c.g.em; }
  double block_left(bool recto) const { return c.g.column_left(0, recto); }
  double line_top(int line) const { return c.g.baseline(line) - kAscentEm * c.g.em; }
};

// A rectangle for `huozi pages`; line -1: above the module area (head, banner).
ModuleRect module_rect(std::string what, int line, int span, int lines, Rect rect);

// The head of page `number` (its source page, or null for a page huozi adds):
// number and name at the outer edge, paper and date at the inner, the editor
// line, a thick and a thin rule; page 1 has the nameplate over it. Returns the
// grid lines it takes.
int draw_news_head(const NewsFurniture& f, const model::Node* source, int number,
                   const std::string& page_name, bool recto, PageFrame& page);

// The banner from grid line `line`: kicker, title, subtitle, centred across
// every column, a line of air under them. Returns the line after it.
int draw_banner(const NewsFurniture& f, const model::Node& banner, int line, bool recto, PageFrame& page);

// 细线 under each module with another below it, and in the gap right of each
// module with another beside it.
void draw_module_rules(const NewsFurniture& f, const std::vector<PackedModule>& modules,
                       const ModuleArea& area, PageFrame& page);

}  // namespace huozi::layout
