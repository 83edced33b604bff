#include "layout/toc.h"

#include <algorithm>

#include "layout/source_map.h"
#include "util/roman.h"

namespace huozi::layout {
namespace {

using model::Node;
using model::NodeKind;

void collect(const std::vector<Node>& nodes, int level, std::vector<TocEntry>& out) {
  for (const Node& n : nodes) {
    if (!model::is_container(n.kind) || level > 2) continue;
    if (model::title_of(n)) out.push_back({heading_text(n), level, &n, 0, {}});
    collect(n.children, level + 1, out);
  }
}

// One TOC page being drawn.
struct TocPage {
  PageFrame frame;
  int number = 1;
  double left = 0;  // of the text block
  int line = 0;     // the next grid line

  TocPage(const PageGeometry& g, int n) : number(n) {
    frame.width = g.page_width;
    frame.height = g.page_height;
    frame.label = roman::numeral(number);
    left = g.column_left(0, number % 2 == 1);  // a verso has its margins the other way round
  }

  void finish(const PageFlow::PageSink& sink, const PageGeometry& g) {
    number_source_lines(frame, g, number % 2 == 1);
    PageInfo info;
    info.number = number;
    info.recto = number % 2 == 1;
    info.vertical = g.turned;
    info.opening = number == 1;
    sink(std::move(frame), info);
  }
};

// "目录", centred over the block above the entries (a vertical book's: as its chapter titles), and the anchor the outline points at.
void draw_title(Composer& c, TocPage& page) {
  const char* word = model::is_traditional(c.lang) ? "目錄" : "目录";
  const double size = c.g.em * c.style.chapter_title_scale;
  double w = 0;
  c.set_string(word, text::Role::Heading, size, w);  // measure first, then centre
  const double baseline = c.g.baseline(c.style.toc_title_lines - 2);
  // Down a vertical page's column, a title stands three characters below the head, as chapter titles do.
  const double x = c.vertical_pages ? page.left + c.style.vertical_title_drop_em * c.g.em
                                    : page.left + (c.g.block_width - w) / 2;
  c.place_string(page.frame.items, word, text::Role::Heading, size, x, baseline, w);
  page.frame.anchors.push_back({"huozi-toc", page.left, c.g.top});
  page.line = c.style.toc_title_lines;
}

// An entry: its label indented by level, its folio flush right, dot leaders
// between them, and the whole line a link to the heading.
void draw_entry(Composer& c, TocPage& page, const TocEntry& e, int front_pages) {
  const PageGeometry& g = c.g;
  const LayoutStyle& s = c.style;
  const double left = page.left, width = g.block_width;
  const double y = g.baseline(page.line);
  const double indent = (e.level - 1) * s.toc_indent_em * g.em;
  double lw = 0, nw = 0;
  const text::Role role = e.level == 1 ? text::Role::Strong : text::Role::Body;
  const std::string folio = e.page > 0 ? std::to_string(e.page - front_pages) : "";
  c.set_string(folio, text::Role::Body, g.em, nw);
  // A label too long for the line is cut short before the folio.
  const double room = width - indent - nw - s.leader_gap_em * g.em;
  for (PageItem& item : c.set_string_within(e.label, role, g.em, room, lw)) {
    translate(item, left + indent, y);
    page.frame.items.push_back(std::move(item));
  }
  c.place_string(page.frame.items, folio, text::Role::Body, g.em, left + width - nw, y, nw);
  // Dot leaders, drawn (not text), so they never copy out of the PDF.
  const double from = left + indent + lw + s.leader_gap_em * g.em,
               to = left + width - nw - s.leader_gap_em * g.em;
  const double leader_y = y - s.leader_drop_em * g.em;
  if (to > from)
    page.frame.items.push_back(Rule{from, leader_y, to, leader_y, s.leader_width, s.leader_ink, false, true});
  // In the source map as the heading's: a typo in the contents is mended in the heading.
  if (const Node* title = model::title_of(*e.node)) {
    SourceLine source;
    source.where = title->where;
    source.generated = true;
    source.rect = Rect{left + indent, y - kAscentEm * g.em, width - indent, g.em};
    source.baseline = y;
    page.frame.source_lines.push_back(source);
  }
  if (!e.dest.empty())
    page.frame.links.push_back({Rect{left, y - s.toc_link_rise_em * g.em, width, g.line_pitch}, e.dest, {}});
  ++page.line;
}

}  // namespace

std::vector<TocEntry> toc_entries(const Composer& c) {
  if (!c.doc.page.toc || c.periodical()) return {};
  std::vector<TocEntry> all, top;
  collect(c.doc.body, 1, all);
  const auto chapters = std::count_if(all.begin(), all.end(),
                                      [](const TocEntry& e) { return e.node->kind != NodeKind::Section; });
  if (chapters < 2) return {};
  if (all.size() <= c.style.toc_max_detailed_entries) return all;
  for (const TocEntry& e : all)
    if (e.level == 1 || e.node->kind != NodeKind::Section) top.push_back(e);
  return top;
}

int toc_pages(const Composer& c, const std::vector<TocEntry>& toc) {
  const int lines = c.style.toc_title_lines + static_cast<int>(toc.size());
  return std::max(1, (lines + c.g.lines - 1) / c.g.lines);
}

// The outline lists headings in the order the TOC does, with the same texts.
void fill_toc_pages(std::vector<TocEntry>& toc, const std::vector<OutlineEntry>& outline) {
  size_t k = 0;
  for (TocEntry& e : toc) {
    while (k < outline.size() && outline[k].title != e.label) ++k;
    if (k == outline.size()) break;
    e.page = outline[k].page;
    e.dest = outline[k].dest;
    ++k;
  }
}

void draw_toc(Composer& c, const std::vector<TocEntry>& toc, int front_pages,
              const PageFlow::PageSink& finish) {
  TocPage page(c.g, 1);
  draw_title(c, page);
  for (const TocEntry& e : toc) {
    if (page.line >= c.g.lines) {
      const int next = page.number + 1;
      page.finish(finish, c.g);
      page = TocPage(c.g, next);
    }
    draw_entry(c, page, e, front_pages);
  }
  page.finish(finish, c.g);
}

}  // namespace huozi::layout
