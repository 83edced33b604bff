#include "layout/furniture.h"

namespace huozi::layout {
namespace {

// The chapter's title on a recto, the book's on a verso, centred over the
// text block, with a rule under it. Not on a chapter's opening page.
void running_head(Composer& c, PageFrame& page, const PageInfo& info, double left, double size) {
  const PageGeometry& g = c.g;
  const std::string& head =
      info.recto && !info.running_title.empty() ? info.running_title : c.doc.metadata.title;
  double w = 0;
  c.set_string(head, text::Role::Body, size, w);  // measure first, then centre
  const double baseline = g.top - c.style.running_head_rise_em * g.em;
  c.place_string(page.items, head, text::Role::Body, size, left + (g.block_width - w) / 2, baseline, w);
  const double rule_y = baseline + c.style.head_rule_drop_em * g.em;
  page.items.push_back(Rule{left, rule_y, left + g.block_width, rule_y, c.style.head_rule, {}, false});
}

// The page's label (or number), centred under the text block.
void folio(Composer& c, PageFrame& page, const PageInfo& info, double left, double size) {
  const PageGeometry& g = c.g;
  const std::string text = page.label.empty() ? std::to_string(info.number) : page.label;
  double w = 0;
  c.set_string(text, text::Role::Body, size, w);
  const double baseline = g.baseline(g.lines - 1) + c.style.folio_drop_em * g.em;
  c.place_string(page.items, text, text::Role::Body, size, left + (g.block_width - w) / 2, baseline, w);
}

}  // namespace

void furnish_page(Composer& c, PageFrame& page, const PageInfo& info, int front_pages) {
  page.number = info.number;
  if (page.label.empty() && info.number > front_pages) page.label = std::to_string(info.number - front_pages);
  if (info.blank) return;
  const double left = info.recto ? c.g.inner : c.g.outer;
  const double size = c.g.em * c.style.running_head_scale;
  if (c.doc.page.running_heads && !info.opening) running_head(c, page, info, left, size);
  // A periodical shows folios only with running heads; a part title page has none (暗码).
  if ((!c.periodical() || c.doc.page.running_heads) && !info.title_page) folio(c, page, info, left, size);
}

}  // namespace huozi::layout
