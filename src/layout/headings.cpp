#include "layout/headings.h"

#include <algorithm>

namespace huozi::layout {
namespace {

using model::Node;
using model::NodeKind;

}  // namespace

FlowBlock Headings::heading(const Node& n, const Node& title, Measure m, int level,
                            std::vector<NoteCall>& calls) {
  if (n.kind == NodeKind::Part && !c_.periodical()) return part_title_page(n, title, m, level, calls);
  FlowBlock b;
  b.kind = BlockKind::Heading;
  b.keep_with_next = true;
  b.where = n.where;
  const bool opening = !c_.periodical() && (n.kind == NodeKind::Part || n.kind == NodeKind::Chapter);
  if (opening) {
    b.starts_page = true;
    b.recto = n.kind == NodeKind::Part || c_.doc.page.chapter_recto;
    for (int i = 0; i < c_.style.chapter_sink_lines; ++i) b.lines.emplace_back();
    b.running_title = heading_text(n);
  }
  b.space_before = opening ? 0 : 1;
  // The title with its number ("第一章　") in front. A vertical book's
  // chapter title stands three characters below the head (低三格) rather
  // than centred down its column, as vertical books set it.
  Setting how{title_scale(n), opening && !c_.vertical_pages ? Align::Centre : Align::Left};
  how.lead = model::heading_prefix(n);
  if (opening && c_.vertical_pages) m = Measure{m.x + c_.style.vertical_title_drop_em * c_.g.em,
                                                m.width - c_.style.vertical_title_drop_em * c_.g.em};
  set_title(title, m, how, b.lines, calls);
  if (opening) b.lines.emplace_back();  // a line of air under a chapter title
  return with_anchor(n, level, m, std::move(b));
}

double Headings::title_scale(const Node& n) const {
  const LayoutStyle& s = c_.style;
  return n.kind == NodeKind::Part      ? s.part_title_scale
         : n.kind == NodeKind::Chapter ? s.chapter_title_scale
         : c_.periodical()             ? s.story_headline_scale
                                       : s.section_title_scale;
}

// A part opens on a title page of its own (篇章页), a recto with a blank
// verso behind it: the number ("第一部") over the title, both centred, the
// pair a third of the way down the text block.
FlowBlock Headings::part_title_page(const Node& n, const Node& title, Measure m, int level,
                                    std::vector<NoteCall>& calls) {
  FlowBlock b;
  b.kind = BlockKind::Heading;
  b.where = n.where;
  b.starts_page = true;
  b.recto = true;
  b.title_page = true;
  b.running_title = heading_text(n);
  std::vector<TypesetLine> lines;
  if (!n.label().empty()) {
    // At the part's own place: the number is the <part>'s, and `huozi where` leads there.
    lines = c_.set(text_block(NodeKind::Title, n.label(), n.where), m, Setting{c_.style.part_number_scale, Align::Centre});
    lines.emplace_back();  // a line of air between number and title
  }
  set_title(title, m, Setting{c_.style.part_title_scale, Align::Centre}, lines, calls);
  const int lines_per_column = c_.g.lines, count = static_cast<int>(lines.size());
  const int sink = std::max(0, std::min(lines_per_column - count, lines_per_column / 3 - count / 2));
  b.lines.resize(static_cast<size_t>(sink));
  for (NoteCall& call : calls) call.line += static_cast<size_t>(sink);
  for (TypesetLine& l : lines) b.lines.push_back(std::move(l));
  return with_anchor(n, level, m, std::move(b));
}

void Headings::set_title(const Node& title, Measure m, const Setting& how, std::vector<TypesetLine>& into,
                         std::vector<NoteCall>& calls) {
  const size_t first = into.size(), first_call = calls.size();
  for (TypesetLine& l : c_.set(title, m, how, numbers_, calls)) into.push_back(std::move(l));
  for (size_t i = first_call; i < calls.size(); ++i) calls[i].line += first;
}

// The heading's anchor (its id, or a name of our own) and bookmark.
FlowBlock Headings::with_anchor(const Node& n, int level, Measure m, FlowBlock b) {
  std::string anchor = n.id().empty() ? "huozi-h" + std::to_string(++anchors_) : n.id();
  b.anchors.push_back({anchor, m.x, 0});
  b.outline.push_back({heading_text(n), level, 0, 0, anchor});
  return b;
}

}  // namespace huozi::layout
