// Lines into pages: blocks of typeset lines flow through the columns of
// successive pages on the baseline grid, and each finished page is handed on
// at once (to the PDF writer), so memory does not grow with the page count.
#pragma once

#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "layout/frame.h"
#include "layout/layout_style.h"
#include "layout/page_geometry.h"
#include "util/source_location.h"

namespace huozi::layout {

// One grid line of typeset content. Items are relative to the column's left
// edge (x) and the line's baseline (y = 0).
struct TypesetLine {
  std::vector<PageItem> items;
  std::vector<Link> links;
  // Where its text comes from: one for a line of a block, one per cell for a
  // table row's line, none for an empty grid line.
  std::vector<SourceLine> sources;
};

// Moves a typeset line's items, links and sources by (x, baseline) onto the page.
void place_line(TypesetLine line, double x, double baseline, PageFrame& page);

enum class BlockKind { Text, Heading, Figure };

// A footnote called from a block: the index of the block's line that holds the
// call, and the note's lines, which go to the foot of that line's column.
struct FlowNote {
  size_t line = 0;
  std::vector<TypesetLine> lines;
  int id = -1;  // the caller's name for the note; the flow reports the page it lands on
};

struct FlowBlock {
  BlockKind kind = BlockKind::Text;
  std::vector<TypesetLine> lines;  // Text, Heading: one per grid line
  // Figure: items relative to the figure's top-left corner, figure_lines grid lines tall.
  std::vector<PageItem> figure_items;
  std::vector<Link> figure_links;  // its caption's
  std::vector<SourceLine> figure_sources;  // its caption's lines
  int figure_lines = 0;
  int space_before = 0;         // empty grid lines before; dropped at the top of a column
  bool keep_with_next = false;  // a heading stays with the first lines of what follows
  bool starts_page = false;     // a chapter opening
  // A chapter in another writing mode than the pages before it (or what
  // follows one): the page geometry from this block on (a vertical page's
  // turned frame, or a horizontal page's). The block goes on a new page.
  std::optional<PageGeometry> geometry;
  bool recto = false;           // ... on a right-hand page
  // A part title page (篇章页): the block has the page to itself, the page shows
  // no folio or running head, and its verso is left blank (背白), so that what
  // follows opens on the next recto.
  bool title_page = false;
  std::vector<Anchor> anchors;        // at the block's first line; x relative to the column, y ignored
  std::vector<OutlineEntry> outline;  // page and y are filled in when placed
  std::string running_title;          // the recto running head from this block on
  SourceLocation where;               // of the block's element, for warnings
  std::vector<FlowNote> notes;        // called from this block's lines
};

// A figure block's picture, caption and their links and sources onto the page, its top left at (x, y).
void place_figure_items(const FlowBlock& figure, double x, double y, PageFrame& page);

// What the page decorator needs to know about a finished page.
struct PageInfo {
  int number = 1;
  bool recto = true;
  bool blank = false;       // inserted to make a chapter open on a recto
  bool opening = false;     // a chapter opens on it
  bool title_page = false;  // a part title page: counted, but shows no folio (暗码)
  bool vertical = false;    // set as a turned frame (PageGeometry::turned), to be turned
  std::string running_title;
};

class PageFlow {
 public:
  using PageSink = std::function<void(PageFrame&&, const PageInfo&)>;

  // Pages are numbered from first_page (front matter laid out elsewhere comes before).
  PageFlow(PageGeometry geometry, PageSink sink, int first_page = 1, const LayoutStyle& style = {});

  void add(FlowBlock block);
  // Places what is pending and emits the last page.
  void finish();

  const std::vector<OutlineEntry>& outline() const { return outline_; }
  int pages_emitted() const { return page_number_ - (page_open_ ? 1 : 0); }
  // Where the blocks are that did not fit anywhere whole (a figure taller than a column).
  const std::vector<SourceLocation>& overflows() const { return overflows_; }
  // Where each footnote went, in the order they were placed: (FlowNote::id, page number).
  const std::vector<std::pair<int, int>>& note_pages() const { return note_pages_; }

 private:
  PageGeometry g_;
  LayoutStyle style_;
  PageSink sink_;
  PageFrame page_;
  PageInfo info_;
  bool page_open_ = false;
  int page_number_ = 1;  // of the open page, or the next one
  int column_ = 0;
  int line_ = 0;  // next free grid line in the column
  std::string running_title_;
  std::vector<FlowBlock> held_;  // a heading waiting for what follows it
  std::deque<FlowBlock> deferred_figures_;
  std::vector<OutlineEntry> outline_;
  std::vector<TypesetLine> foot_;  // footnote lines of the current column
  // Lines of a note too long for the column it started in: they go on at the
  // foot of the next column (and the next), as books do.
  std::deque<TypesetLine> carry_;
  std::vector<SourceLocation> overflows_;
  std::vector<std::pair<int, int>> note_pages_;

  void place(FlowBlock& block);
  void place_text(FlowBlock& block);
  void place_figure(const FlowBlock& block);
  void place_lines(FlowBlock& block, size_t from, size_t count);
  void mark_block_start(FlowBlock& block);
  int lines_needed_with(const std::vector<FlowBlock>& held, const FlowBlock& next) const;

  int remaining() const { return g_.lines - line_ - foot_lines(); }
  // Grid lines the column's footnotes take, with the line that holds the rule.
  int foot_lines() const { return foot_.empty() ? 0 : 1 + static_cast<int>(foot_.size()); }
  int notes_cost(const FlowBlock& block, size_t line, bool first_in_column) const;
  void place_footnotes();
  void take_carried_notes();
  void add_notes(FlowBlock& block, size_t line);
  bool note_too_long(int cost) const { return cost + 2 > g_.lines; }
  bool column_empty() const { return line_ == 0; }
  bool figure_fits(const FlowBlock& block) const;
  void open_page();
  void change_geometry(const PageGeometry& geometry);
  void place_waiting_figures();
  void end_pages();
  void next_column();
  void close_page();
  void start_new_page(bool recto);
  void blank_verso();
  void place_deferred_figures();
  bool recto() const { return page_number_ % 2 == 1; }
};

}  // namespace huozi::layout
