#include "layout/furniture.h"

#include "layout/vertical_page.h"

namespace huozi::layout {

// The head set on one line, cut short to the text block's width.
const Furniture::Head& Furniture::head(const std::string& text, double size, double measure) {
  // A book mixing writing modes has two measures: a vertical page's block is narrower than a horizontal one's.
  std::string key = text + '\0' + std::to_string(measure);
  auto found = heads_.find(key);
  if (found != heads_.end()) return found->second;
  Head h;
  h.items = c_.set_string_within(text, text::Role::Body, size, measure, h.width);
  return heads_.emplace(std::move(key), std::move(h)).first->second;
}

// The chapter's title on a recto, the book's on a verso, centred over the
// text block, with a rule under it. Not on a chapter's opening page.
void Furniture::running_head(PageFrame& page, const PageInfo& info, double left, double size) {
  const PageGeometry& g = c_.g;
  const std::string& text =
      info.recto && !info.running_title.empty() ? info.running_title : c_.doc.metadata.title;
  const Head& h = head(text, size, g.block_width);
  const double baseline = g.top - c_.style.running_head_rise_em * g.em;
  for (PageItem item : h.items) {
    translate(item, left + (g.block_width - h.width) / 2, baseline);
    page.items.push_back(std::move(item));
  }
  const double rule_y = baseline + c_.style.head_rule_drop_em * g.em;
  page.items.push_back(Rule{left, rule_y, left + g.block_width, rule_y, c_.style.head_rule, {}, false});
}

// The page's label (or number), centred under the text block.
void Furniture::folio(PageFrame& page, const PageInfo& info, double left, double size) {
  const PageGeometry& g = c_.g;
  const std::string text = page.label.empty() ? std::to_string(info.number) : page.label;
  double w = 0;
  c_.set_string(text, text::Role::Body, size, w);
  const double baseline = g.baseline(g.lines - 1) + c_.style.folio_drop_em * g.em;
  c_.place_string(page.items, text, text::Role::Body, size, left + (g.block_width - w) / 2, baseline, w);
}

// On the turned page: the running head above the text block and the folio
// below it, both at the outer side (in a book bound on the right, a recto's
// left), set horizontally.
void Furniture::furnish_vertical(PageFrame& page, const PageInfo& info, double size) {
  c_.vertical = false;  // strings set on the page, not in a column (furnish's PageMode sets it back)
  const PageGeometry& g = c_.g;
  const Rect block = vertical_text_block(g, info.recto);
  const auto at_outer_side = [&](double width) {
    return g.inner_on_left(info.recto) ? block.x + block.width - width : block.x;
  };
  if (c_.doc.page.running_heads && !info.opening) {
    const std::string& text =
        info.recto && !info.running_title.empty() ? info.running_title : c_.doc.metadata.title;
    const Head& h = head(text, size, block.width);
    const double baseline = block.y - c_.style.running_head_rise_em * g.em;
    for (PageItem item : h.items) {
      translate(item, at_outer_side(h.width), baseline);
      page.items.push_back(std::move(item));
    }
  }
  if ((c_.periodical() && !c_.doc.page.running_heads) || info.title_page) return;
  const std::string text = page.label.empty() ? std::to_string(info.number) : page.label;
  double w = 0;
  c_.set_string(text, text::Role::Body, size, w);
  const double baseline = block.y + block.height + (c_.style.folio_drop_em - (1 - kAscentEm)) * g.em;
  c_.place_string(page.items, text, text::Role::Body, size, at_outer_side(w), baseline, w);
}

void Furniture::furnish(PageFrame& page, const PageInfo& info) {
  page.number = info.number;
  if (page.label.empty() && info.number > front_pages_)
    page.label = std::to_string(info.number - front_pages_);
  if (info.blank) return;
  // The flow may have gone on to a chapter of the other writing mode.
  const PageMode mode(c_, info.vertical);
  if (info.vertical) return furnish_vertical(page, info, c_.g.em * c_.style.running_head_scale);
  const double left = c_.g.inner_on_left(info.recto) ? c_.g.inner : c_.g.outer;
  const double size = c_.g.em * c_.style.running_head_scale;
  if (c_.doc.page.running_heads && !info.opening) running_head(page, info, left, size);
  // A periodical shows folios only with running heads; a part title page has none (暗码).
  if ((!c_.periodical() || c_.doc.page.running_heads) && !info.title_page) folio(page, info, left, size);
}

}  // namespace huozi::layout
