#include "layout/page_flow.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "layout/source_map.h"

namespace huozi::layout {
namespace {

// clreq §5: no single line of a paragraph alone at a column foot or head.
constexpr int kMinLinesAtFoot = 2;
constexpr int kMinLinesAtHead = 2;

}  // namespace

PageFlow::PageFlow(PageGeometry geometry, PageSink sink, int first_page, const LayoutStyle& style)
    : g_(geometry), style_(style), sink_(std::move(sink)), page_number_(first_page) {}

void PageFlow::open_page() {
  if (page_open_) return;
  page_ = PageFrame{};
  page_.width = g_.page_width;
  page_.height = g_.page_height;
  info_ = PageInfo{};
  info_.number = page_number_;
  info_.recto = recto();
  info_.vertical = g_.turned;
  info_.running_title = running_title_;
  page_open_ = true;
  column_ = 0;
  line_ = 0;
  take_carried_notes();
}

void PageFlow::close_page() {
  if (!page_open_) return;
  place_footnotes();
  page_open_ = false;
  number_source_lines(page_, g_, info_.recto);
  sink_(std::move(page_), info_);
  ++page_number_;
}

void PageFlow::next_column() {
  place_footnotes();
  if (++column_ >= g_.columns) {
    close_page();
    open_page();
  } else {
    line_ = 0;
    take_carried_notes();
  }
  place_deferred_figures();
}

void PageFlow::start_new_page(bool want_recto) {
  // The figures still waiting for room are the chapter's before: they go on
  // its pages, not on the next chapter's opening or a part's title page.
  place_waiting_figures();
  bool used = page_open_ && (column_ > 0 || line_ > 0);
  if (used) close_page();
  if (want_recto && !recto()) blank_verso();
  open_page();
}

// A blank verso so that what follows opens on the right: no folio, no running head.
void PageFlow::blank_verso() {
  std::deque<TypesetLine> carried = std::move(carry_);  // a note goes on after the blank page
  carry_.clear();
  open_page();
  info_.blank = true;
  close_page();
  carry_ = std::move(carried);
}

// The pages before a change of writing mode end: the figures waiting for a
// column and the end of a long note go on pages of their own mode, and what
// follows opens a page of the new one.
void PageFlow::change_geometry(const PageGeometry& geometry) {
  // A page opened but still empty (nothing set on it, no note carried to it) is not a page of the old mode.
  if (page_open_ && column_ == 0 && line_ == 0 && foot_.empty() && page_.items.empty() &&
      deferred_figures_.empty())
    page_open_ = false;
  end_pages();
  g_ = geometry;
}

void PageFlow::add(FlowBlock block) {
  if (block.kind == BlockKind::Heading && block.keep_with_next) {
    held_.push_back(std::move(block));
    return;
  }
  if (!held_.empty()) {
    if (held_.front().geometry) {
      change_geometry(*held_.front().geometry);
      held_.front().geometry.reset();
    }
    // Move to a fresh column unless the held headings and the first lines of
    // this block fit together (a heading never ends a column).
    open_page();
    bool opening = held_.front().starts_page;
    if (opening) {
      start_new_page(held_.front().recto);
      info_.opening = true;
    } else if (lines_needed_with(held_, block) > remaining() && !column_empty())
      next_column();
    std::vector<FlowBlock> held = std::move(held_);
    held_.clear();
    // The first held heading's opening is made; a later one (a chapter after
    // one that holds nothing but its title) opens its own page in place().
    held.front().starts_page = false;
    for (FlowBlock& h : held) place(h);
  }
  place(block);
}

int PageFlow::lines_needed_with(const std::vector<FlowBlock>& held, const FlowBlock& next) const {
  int need = 0;
  for (const FlowBlock& h : held)
    need += (column_empty() && &h == &held.front() ? 0 : h.space_before) + static_cast<int>(h.lines.size());
  if (next.kind == BlockKind::Figure) return need + next.figure_lines;
  return need + next.space_before + std::min<int>(kMinLinesAtFoot, static_cast<int>(next.lines.size()));
}

void PageFlow::place(FlowBlock& block) {
  if (block.geometry) change_geometry(*block.geometry);
  if (block.starts_page) start_new_page(block.recto);
  open_page();
  if (!block.running_title.empty()) {
    running_title_ = block.running_title;
    if (column_empty() && column_ == 0) info_.running_title = running_title_;
  }
  if (block.starts_page) info_.opening = true;
  if (block.title_page) info_.title_page = true;
  if (block.kind == BlockKind::Figure)
    place_figure(block);
  else
    place_text(block);
  if (block.title_page) {
    close_page();
    if (!recto()) blank_verso();
  }
}

void PageFlow::mark_block_start(FlowBlock& block) {
  double x = g_.column_left(column_, info_.recto);
  double y = g_.baseline(line_) - kAscentEm * g_.em;
  for (const Anchor& a : block.anchors) page_.anchors.push_back({a.name, x + a.x, y});
  for (OutlineEntry e : block.outline) {
    e.page = info_.number;
    // A heading's column on a vertical page runs from the head: the outline shows the page from its top.
    e.y = g_.turned ? 0 : y;
    outline_.push_back(std::move(e));
  }
  block.anchors.clear();
  block.outline.clear();
}

int PageFlow::notes_cost(const FlowBlock& block, size_t line, bool first_in_column) const {
  int cost = 0;
  for (const FlowNote& note : block.notes)
    if (note.line == line) cost += static_cast<int>(note.lines.size());
  return cost > 0 && first_in_column ? cost + 1 : cost;  // the first note brings its rule line
}

void PageFlow::place_text(FlowBlock& block) {
  int n = static_cast<int>(block.lines.size());
  if (!column_empty()) {
    if (block.space_before >= remaining())
      next_column();
    else
      line_ += block.space_before;
  }
  size_t done = 0;
  while (n > 0) {
    // How many lines fit here, each with the footnotes it calls.
    int take = 0, notes = 0;
    bool first_note = foot_.empty();
    while (take < n) {
      int cost = notes_cost(block, done + static_cast<size_t>(take), first_note && notes == 0);
      if (take + 1 + notes + cost > remaining()) {
        // A note too long for any column starts under its line, if its first
        // lines fit, and goes on at the foot of the next column.
        if (note_too_long(cost) && take + 1 + notes + std::min(cost, 3) <= remaining()) {
          notes = remaining() - take - 1;
          ++take;
        }
        break;
      }
      notes += cost;
      ++take;
    }
    if (take < n) {
      // Split: keep kMinLinesAtFoot here and kMinLinesAtHead for the next column.
      if (n - take < kMinLinesAtHead) take = n - kMinLinesAtHead;
      if (take < kMinLinesAtFoot || block.kind == BlockKind::Heading) take = 0;
    }
    if (take == 0) {
      if (column_empty())
        take = std::max(1, std::min(n, remaining()));  // cannot do better: fill the column
      else {
        next_column();
        continue;
      }
    }
    if (done == 0) mark_block_start(block);
    place_lines(block, done, static_cast<size_t>(take));
    done += static_cast<size_t>(take);
    n -= take;
    if (n > 0) next_column();
  }
}

// A note that did not end at the foot of the last column goes on at this
// one's, first; it leaves the column at least kMinLinesAtHead lines of text.
void PageFlow::take_carried_notes() {
  const size_t room = static_cast<size_t>(std::max(1, g_.lines - 1 - kMinLinesAtHead));
  while (!carry_.empty() && foot_.size() < room) {
    foot_.push_back(std::move(carry_.front()));
    carry_.pop_front();
  }
}

// The column's footnotes at its foot, under a short rule, on the grid. What
// does not fit under the column's text goes on at the next column's foot.
void PageFlow::place_footnotes() {
  if (foot_.empty() || !page_open_) return;
  const size_t room = static_cast<size_t>(std::max(0, g_.lines - line_ - 1));
  while (foot_.size() > room) {
    carry_.push_front(std::move(foot_.back()));
    foot_.pop_back();
  }
  if (foot_.empty()) return;
  double x = g_.column_left(column_, info_.recto);
  int first = g_.lines - static_cast<int>(foot_.size());
  double rule_y = g_.baseline(first - 1) + style_.note_rule_drop_em * g_.em;
  page_.items.push_back(
      Rule{x, rule_y, x + style_.note_rule_length_em * g_.em, rule_y, style_.note_rule, {}, false});
  for (size_t i = 0; i < foot_.size(); ++i)
    place_line(std::move(foot_[i]), x, g_.baseline(first + static_cast<int>(i)), page_);
  foot_.clear();
}

void PageFlow::place_lines(FlowBlock& block, size_t from, size_t count) {
  const double x = g_.column_left(column_, info_.recto);
  for (size_t i = from; i < from + count; ++i) {
    place_line(std::move(block.lines[i]), x, g_.baseline(line_), page_);
    add_notes(block, i);
    ++line_;
  }
}

// The notes the block's line calls, to the column's foot (after the end of
// a long note still to come).
void PageFlow::add_notes(FlowBlock& block, size_t line) {
  for (FlowNote& note : block.notes) {
    if (note.line != line) continue;
    for (TypesetLine& l : note.lines) {
      if (carry_.empty())
        foot_.push_back(std::move(l));
      else
        carry_.push_back(std::move(l));
    }
    note_pages_.emplace_back(note.id, info_.number);
  }
}

// A figure goes where the column has room for it and the space before it;
// an empty column takes any figure (one taller than a column is cut), unless
// a long note going on from the column before takes part of it.
bool PageFlow::figure_fits(const FlowBlock& block) const {
  return (column_empty() && foot_.empty()) ||
         block.figure_lines + block.space_before + notes_cost(block, 0, foot_.empty()) <= remaining();
}

void PageFlow::place_figure(const FlowBlock& block) {
  if (!figure_fits(block)) {
    // Figures float to the next column's top; the text flows on here.
    deferred_figures_.push_back(block);
    return;
  }
  FlowBlock figure = block;
  if (!column_empty()) line_ += block.space_before;
  if (figure.figure_lines > remaining()) overflows_.push_back(block.where);
  mark_block_start(figure);
  place_figure_items(figure, g_.column_left(column_, info_.recto), g_.baseline(line_) - kAscentEm * g_.em, page_);
  line_ = std::min(g_.lines, line_ + figure.figure_lines);
  add_notes(figure, 0);  // those of its caption and credit
}

void PageFlow::place_deferred_figures() {
  while (!deferred_figures_.empty()) {
    FlowBlock figure = std::move(deferred_figures_.front());
    deferred_figures_.pop_front();
    // The same test as place_figure's: a figure it would float again stays first in line.
    if (!figure_fits(figure)) {
      deferred_figures_.push_front(std::move(figure));
      return;
    }
    place_figure(figure);
  }
}

void PageFlow::finish() {
  if (!held_.empty()) {
    std::vector<FlowBlock> held = std::move(held_);
    held_.clear();
    for (FlowBlock& h : held) place(h);
  }
  end_pages();
}

void PageFlow::place_waiting_figures() {
  while (!deferred_figures_.empty()) {
    open_page();
    const size_t waiting = deferred_figures_.size();
    if (column_empty()) place_deferred_figures();
    if (deferred_figures_.size() == waiting) next_column();
  }
}

void PageFlow::end_pages() {
  place_waiting_figures();
  close_page();
  // The end of a note too long for the last page, on pages of its own.
  while (!carry_.empty() && g_.lines >= 2) {
    open_page();
    close_page();
  }
}

void place_figure_items(const FlowBlock& figure, double x, double y, PageFrame& page) {
  for (PageItem item : figure.figure_items) {
    translate(item, x, y);
    page.items.push_back(std::move(item));
  }
  for (Link link : figure.figure_links) {
    link.rect.x += x;
    link.rect.y += y;
    page.links.push_back(std::move(link));
  }
  for (SourceLine line : figure.figure_sources) {
    translate(line, x, y);
    page.source_lines.push_back(line);
  }
}

void place_line(TypesetLine line, double x, double baseline, PageFrame& page) {
  for (PageItem& item : line.items) {
    translate(item, x, baseline);
    page.items.push_back(std::move(item));
  }
  for (Link& link : line.links) {
    link.rect.x += x;
    link.rect.y += baseline;
    page.links.push_back(std::move(link));
  }
  for (SourceLine& source : line.sources) {
    translate(source, x, baseline);
    page.source_lines.push_back(source);
  }
}

}  // namespace huozi::layout
