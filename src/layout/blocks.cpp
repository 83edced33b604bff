#include "layout/blocks.h"

#include <algorithm>
#include <functional>
#include <optional>

#include "layout/figure.h"
#include "layout/headings.h"

namespace huozi::layout {
namespace {

using model::Node;
using model::NodeKind;

// Where the blocks go: a page flow, or a list a newspaper composer places itself.
using BlockSink = std::function<void(FlowBlock&&)>;

// The state of one pass: the flow it fills, and the footnotes it has sent there.
class BodyWork {
 public:
  BodyWork(Composer& c, const NoteNumbers& numbers, BlockSink flow, double text_scale = 1)
      : c_(c), numbers_(numbers), flow_(std::move(flow)), text_scale_(text_scale) {}

  void block(const Node& n, Measure m, int level);

  std::vector<const Node*> notes;  // by FlowNote::id

 private:
  Composer& c_;
  const NoteNumbers& numbers_;
  BlockSink flow_;
  double text_scale_;  // paragraphs and bylines, of the body size (a newspaper story set smaller)
  Headings headings_{c_, numbers_};
  bool quotes_too_deep_ = false;  // inside a quote that was not indented further

  double em(double ems) const { return ems * c_.g.em; }
  void container(const Node& n, Measure m, int level);
  void text_block(const Node& n, Measure m, const Setting& how, int space_before = 0,
                  bool keep_with_next = false);
  void quote(const Node& n, Measure m, int level);
  void verse(const Node& n, Measure m);
  void list(const Node& n, Measure m);
  void table(const Node& n, Measure m);
  void attach_notes(FlowBlock& b, const std::vector<NoteCall>& calls);
  void attach_note(FlowBlock& b, size_t line, const Node& note);
};

void BodyWork::block(const Node& n, Measure m, int level) {
  switch (n.kind) {
    case NodeKind::Part:
    case NodeKind::Chapter:
    case NodeKind::Section:
      container(n, m, level);
      break;
    case NodeKind::Paragraph:
      text_block(n, m, Setting{});
      break;
    case NodeKind::Byline:
      text_block(n, m, Setting{1, Align::Right});
      break;
    case NodeKind::BlockQuote:
      quote(n, m, level);
      break;
    case NodeKind::Verse:
      verse(n, m);
      break;
    case NodeKind::OrderedList:
    case NodeKind::UnorderedList:
      list(n, m);
      break;
    case NodeKind::Figure: {
      std::vector<NoteCall> calls;
      std::vector<FlowBlock> figure = figure_blocks(c_, n, m, numbers_, calls);
      if (!figure.empty()) attach_notes(figure.front(), calls);
      for (FlowBlock& b : figure) flow_(std::move(b));
      break;
    }
    case NodeKind::Table:
      table(n, m);
      break;
    default:
      break;
  }
}

void BodyWork::container(const Node& n, Measure m, int level) {
  // A part or chapter may name its own writing mode: its blocks are set for
  // pages of that mode (the flow starts one when they come), and what
  // follows it in the mode around it.
  std::optional<PageMode> mode;
  if (const std::optional<model::WritingMode> own = n.writing_mode()) {
    const bool vertical = *own == model::WritingMode::Vertical;
    if (vertical != c_.vertical_pages) {
      mode.emplace(c_, vertical);
      m = Measure{0, c_.g.column_width()};
    }
  }
  const Node* title = model::title_of(n);
  if (title) {
    std::vector<NoteCall> calls;
    FlowBlock heading = headings_.heading(n, *title, m, level, calls);
    attach_notes(heading, calls);
    flow_(std::move(heading));
  }
  bool after_title = title != nullptr;
  for (const Node& child : n.children) {
    if (child.kind == NodeKind::Title) continue;
    // An author line under a title belongs to the heading: it stays with
    // the first lines of what follows, never alone at a page foot.
    if (after_title && child.kind == NodeKind::Byline)
      text_block(child, m, Setting{1, Align::Right}, 0, /*keep_with_next=*/true);
    else
      block(child, m, level + 1);
    after_title = false;
  }
}

void BodyWork::text_block(const Node& n, Measure m, const Setting& how, int space_before,
                          bool keep_with_next) {
  FlowBlock b;
  b.kind = keep_with_next ? BlockKind::Heading : BlockKind::Text;
  b.keep_with_next = keep_with_next;
  b.space_before = space_before;
  std::vector<NoteCall> calls;
  Setting scaled = how;
  scaled.scale *= text_scale_;
  b.lines = c_.set(n, m, scaled, numbers_, calls);
  b.where = n.where;
  if (!n.id().empty()) b.anchors.push_back({n.id(), m.x, 0});
  attach_notes(b, calls);
  if (!b.lines.empty()) flow_(std::move(b));
}

// A quote is indented on both sides; one nested so deep that its measure
// would be narrower than a sane minimum is set at its parent's.
void BodyWork::quote(const Node& n, Measure m, int level) {
  const double inset = em(c_.style.quote_inset_em);
  const double narrowest = std::min(em(c_.style.min_quote_measure_em), c_.g.column_width() / 2);
  Measure inner{m.x + inset, m.width - 2 * inset};
  const bool was_too_deep = quotes_too_deep_;
  if (inner.width < narrowest) {
    inner = m;
    if (!quotes_too_deep_)
      c_.diags.warning(
          c_.doc.files, n.where,
          "quotes nested too deep to indent: this one and those inside it are set at the measure "
          "of the quote around them",
          "nest fewer quotes");
    quotes_too_deep_ = true;
  }
  for (const Node& child : n.children) block(child, inner, level);
  quotes_too_deep_ = was_too_deep;
}

// Verse is set flush left, indented; a line that wraps hangs further in. A
// stanza is a block, with a line of air before the next.
void BodyWork::verse(const Node& n, Measure m) {
  const Measure inset{m.x + em(c_.style.verse_inset_em), m.width - em(c_.style.verse_inset_em)};
  const Setting how{1, Align::Left, em(c_.style.verse_hang_em)};
  bool first = true;
  for (const Node& stanza : n.children) {
    FlowBlock b;
    b.space_before = first ? 0 : 1;
    b.where = stanza.where;
    for (const Node& line : stanza.children) {
      std::vector<NoteCall> calls;
      std::vector<TypesetLine> lines = c_.set(line, inset, how, numbers_, calls);
      for (NoteCall& call : calls) call.line += b.lines.size();
      for (TypesetLine& l : lines) b.lines.push_back(std::move(l));
      attach_notes(b, calls);
    }
    if (!b.lines.empty()) flow_(std::move(b));
    first = false;
  }
}

// Each item a block, indented, its number or bullet in the indent.
void BodyWork::list(const Node& n, Measure m) {
  const double inset = em(c_.style.list_inset_em);
  int number = 0;
  for (const Node& item : n.children) {
    ++number;
    FlowBlock b;
    b.where = item.where;
    std::vector<NoteCall> calls;
    b.lines = c_.set(item, Measure{m.x + inset, m.width - inset}, Setting{}, numbers_, calls);
    attach_notes(b, calls);
    if (b.lines.empty()) continue;
    double w = 0;
    std::string marker = n.kind == NodeKind::OrderedList ? std::to_string(number) + "." : "•";
    for (PageItem& mark : c_.set_string(marker, text::Role::Body, c_.g.em, w)) {
      translate(mark, m.x + inset - w - em(c_.style.list_marker_gap_em), 0);
      b.lines.front().items.push_back(std::move(mark));
    }
    flow_(std::move(b));
  }
}

// Its caption centred over it; then each row a block, its cells side by side
// in equal columns, ruled on the grid.
void BodyWork::table(const Node& n, Measure m) {
  size_t columns = 0;
  for (const Node& row : n.children)
    if (row.kind == NodeKind::TableRow) columns = std::max(columns, row.children.size());
  for (const Node& child : n.children)
    if (child.kind == NodeKind::Caption)
      text_block(child, m, Setting{c_.style.caption_scale, Align::Centre}, 1);
  if (columns == 0) return;
  const PageGeometry& g = c_.g;
  if (m.width / columns < em(c_.style.min_cell_em)) {
    const int fit = static_cast<int>(m.width / em(c_.style.min_cell_em));
    c_.diags.error(c_.doc.files, n.where,
                   "table of " + std::to_string(columns) + " columns: its cells would be narrower than " +
                       std::to_string(static_cast<int>(c_.style.min_cell_em)) +
                       " characters (the measure holds " + std::to_string(fit) + " such columns)",
                   "split the table, or turn it: rows for columns");
    return;
  }
  const double cell_width = m.width / columns, pad = em(c_.style.cell_padding_em), rule = c_.style.table_rule;
  for (const Node& row : n.children) {
    if (row.kind != NodeKind::TableRow) continue;
    std::vector<std::vector<TypesetLine>> cells;
    std::vector<NoteCall> calls;
    size_t height = 1;
    for (size_t i = 0; i < row.children.size(); ++i) {
      Measure cm{m.x + i * cell_width + pad, cell_width - em(2 * c_.style.cell_padding_em)};
      cells.push_back(c_.set(row.children[i], cm, Setting{1, Align::Left}, numbers_, calls));
      height = std::max(height, cells.back().size());
    }
    FlowBlock b;
    attach_notes(b, calls);
    b.where = row.where;
    b.lines.resize(height);
    for (auto& cell : cells)
      for (size_t k = 0; k < cell.size(); ++k) {
        for (PageItem& item : cell[k].items) b.lines[k].items.push_back(std::move(item));
        for (SourceLine& s : cell[k].sources) b.lines[k].sources.push_back(s);
      }
    // Rules: the row's top edge and the cell edges, on the grid.
    double top = -kAscentEm * g.em - (g.line_pitch - g.em) / 2;
    b.lines.front().items.push_back(Rule{m.x, top, m.x + m.width, top, rule, {}, false});
    for (size_t k = 0; k < height; ++k)
      for (size_t i = 0; i <= columns; ++i) {
        double x = m.x + i * cell_width;
        b.lines[k].items.push_back(Rule{x, top, x, top + g.line_pitch, rule, {}, false});
      }
    b.lines.back().items.push_back(
        Rule{m.x, top + g.line_pitch, m.x + m.width, top + g.line_pitch, rule, {}, false});
    flow_(std::move(b));
  }
}

// Each footnote goes with the line that calls it to the foot of that line's column.
void BodyWork::attach_notes(FlowBlock& b, const std::vector<NoteCall>& calls) {
  for (const NoteCall& call : calls) attach_note(b, call.line, *call.note);
}

// A note, then the notes its text calls, each with its own number: all under the same line.
void BodyWork::attach_note(FlowBlock& b, size_t line, const Node& note) {
  notes.push_back(&note);
  const int id = static_cast<int>(notes.size() - 1);
  std::vector<NoteCall> inner;
  b.notes.push_back({line, set_note(c_, note, numbers_, inner), id});
  for (const NoteCall& call : inner) attach_note(b, line, *call.note);
}

}  // namespace

BodyPass lay_out_body(Composer& c, const NoteNumbers& numbers, int first_page,
                      const PageFlow::PageSink& sink) {
  PageFlow flow(c.g, sink, first_page, c.style);
  // The first block set for pages of the other writing mode (a chapter's
  // own, or what follows it) turns the flow's pages: the flow ends the pages
  // of the mode before, and the block opens a page of its own mode (a chapter
  // opening only if it is one).
  bool flow_vertical = c.vertical_pages;
  BodyWork work(c, numbers, [&flow, &c, &flow_vertical](FlowBlock&& b) {
    if (c.vertical_pages != flow_vertical) {
      flow_vertical = c.vertical_pages;
      b.geometry = c.g;
    }
    flow.add(std::move(b));
  });
  for (const Node& n : c.doc.body) work.block(n, Measure{0, c.g.column_width()}, 1);
  flow.finish();
  return BodyPass{flow.outline(), flow.note_pages(), std::move(work.notes), flow.overflows()};
}

std::vector<FlowBlock> set_blocks(Composer& c, const std::vector<Node>& blocks, size_t from, Measure m,
                                  double scale) {
  std::vector<FlowBlock> out;
  const NoteNumbers numbers;
  BodyWork work(c, numbers, [&out](FlowBlock&& b) { out.push_back(std::move(b)); }, scale);
  for (size_t i = from; i < blocks.size(); ++i) work.block(blocks[i], m, 2);
  return out;
}

}  // namespace huozi::layout
