#include "layout/document_layout.h"

#include <cmath>
#include <unordered_map>

#include "layout/paragraph.h"
#include "layout/typeset_line.h"
#include "util/image_size.h"
#include "util/roman.h"
#include "util/utf8.h"

namespace huozi::layout {
namespace {

using model::Node;
using model::NodeKind;

// Sizes as multiples of the body size.
constexpr double kPartTitleScale = 2.0;
constexpr double kPartNumberScale = 1.4;  // "第一部" over a part's title
constexpr double kChapterTitleScale = 1.6;
constexpr double kSectionTitleScale = 1.15;
constexpr double kStoryHeadlineScale = 1.3;  // periodicals: a story's headline
constexpr double kCaptionGapEm = 0.4;        // between a picture and its caption
constexpr double kCaptionScale = 1.0;        // smaller type would break the baseline grid
constexpr double kNoteScale = 0.85;
constexpr double kRunningHeadScale = 0.8;
constexpr int kChapterSinkLines = 3;  // empty lines above a chapter title
const Color kFpoInk = Color::gray(0.35);

enum class Align { Justify, Left, Centre, Right };

bool has_footnotes(const std::vector<Node>& nodes) {
  for (const Node& n : nodes)
    if (n.kind == NodeKind::Footnote || has_footnotes(n.children)) return true;
  return false;
}

// Where a block's lines go across the column: an inset and a measure.
struct Measure {
  double x = 0;
  double width = 0;
};

class DocumentLayouter {
 public:
  DocumentLayouter(const model::Document& doc, text::FontDb& fonts,
                   const std::function<void(PageFrame&&)>& sink, DiagnosticList& diags)
      : doc_(doc), g_(compute_geometry(doc.page)), setter_(fonts), diags_(diags), sink_(sink) {
    lang_ = doc.metadata.language.empty() ? "zh-Hans" : doc.metadata.language;
  }

  LayoutResult run() {
    std::vector<TocEntry> toc = toc_entries();
    const int front = toc.empty() ? 0 : toc_pages(toc);
    LayoutResult r;
    if (doc_.page.footnotes_per_page && has_footnotes(doc_.body)) {
      // A note's number depends on its page: one quiet pass finds the page of
      // every note (and of every heading), then the TOC and the body are drawn.
      fill_toc_pages(toc, layout_body(front, /*draw=*/false));
      number_notes_per_page();
      drawing_ = true;
      if (!toc.empty()) draw_toc(toc, front);
      r.outline = layout_body(front, /*draw=*/true);
      check_note_pages();
    } else {
      // The TOC's length is known before layout (one line an entry), so the
      // body's page numbers are too: the body is laid out once, and the TOC,
      // which needs its page numbers, is drawn after it.
      r.outline = layout_body(front, /*draw=*/true);
      fill_toc_pages(toc, r.outline);
      if (!toc.empty()) draw_toc(toc, front);
    }
    r.pages = pages_;
    return r;
  }

 private:
  struct TocEntry {
    std::string label;
    int level = 1;
    const Node* node = nullptr;
    int page = 0;  // physical
    std::string dest;
  };

  const model::Document& doc_;
  PageGeometry g_;
  ParagraphSetter setter_;
  DiagnosticList& diags_;
  const std::function<void(PageFrame&&)>& sink_;
  PageFlow* flow_ = nullptr;
  bool drawing_ = true;
  int front_pages_ = 0;
  std::string lang_;
  std::vector<Line> lines_;  // scratch
  int anchors_ = 0;
  int pages_ = 0;
  std::vector<const Node*> notes_attached_;                 // this pass's footnotes, by FlowNote::id
  std::vector<std::pair<int, int>> first_note_pages_;       // (id, page) of the first pass
  std::unordered_map<const Node*, int> page_note_numbers_;  // footnotes="page": a note's number on its page

  std::vector<OutlineEntry> layout_body(int front, bool draw) {
    drawing_ = draw;
    front_pages_ = front;
    anchors_ = 0;
    notes_attached_.clear();
    PageFlow flow(
        g_, [this](PageFrame&& page, const PageInfo& info) { finish_page(std::move(page), info); },
        front + 1);
    flow_ = &flow;
    for (const Node& n : doc_.body) block(n, Measure{0, g_.column_width()}, 1);
    flow.finish();
    if (draw)
      for (const std::string& o : flow.overflows()) diags_.warning("", 0, 0, o);
    flow_ = nullptr;
    last_note_pages_ = flow.note_pages();
    return flow.outline();
  }

  // ---- footnotes numbered per page ----------------------------------------
  // The first pass sets every mark with its chapter number; circled numbers
  // are all one em wide, so renumbering them moves no line and no note to
  // another page, and the drawing pass sets the per-page numbers.

  std::vector<std::pair<int, int>> last_note_pages_;  // (FlowNote::id, page) of the last pass

  void number_notes_per_page() {
    first_note_pages_ = last_note_pages_;
    int page = -1, number = 0;
    for (const auto& [id, on_page] : first_note_pages_) {
      if (on_page != page) page = on_page, number = 0;
      page_note_numbers_[notes_attached_[static_cast<size_t>(id)]] = ++number;
    }
  }

  // Warns, should a renumbered mark have moved a note after all.
  void check_note_pages() {
    if (last_note_pages_ == first_note_pages_) return;
    diags_.warning("", 0, 0,
                   "footnotes=\"page\": a footnote moved to another page when the marks were renumbered; "
                   "some notes may be numbered as on the page before");
  }

  int note_number(const Node& note) const {
    auto it = page_note_numbers_.find(&note);
    return it == page_note_numbers_.end() ? note.number : it->second;
  }

  // ---- table of contents ----------------------------------------------------

  // Parts and chapters, and their sections one level down when the book is
  // small enough for a TOC of poems or sections to be useful (a 50,000-poem
  // book lists its chapters only).
  std::vector<TocEntry> toc_entries() const {
    std::vector<TocEntry> all, top;
    if (!doc_.page.toc || periodical()) return {};
    collect_toc(doc_.body, 1, all);
    int chapters = 0;
    for (const TocEntry& e : all)
      if (e.node->kind != NodeKind::Section) ++chapters;
    if (chapters < 2) return {};
    for (const TocEntry& e : all)
      if (e.level == 1 || e.node->kind != NodeKind::Section) top.push_back(e);
    return all.size() <= kMaxDetailedTocEntries ? all : top;
  }

  void collect_toc(const std::vector<Node>& nodes, int level, std::vector<TocEntry>& out) const {
    for (const Node& n : nodes) {
      if (!model::is_container(n.kind)) continue;
      if (level > 2) continue;
      if (model::title_of(n)) out.push_back({heading_text(n), level, &n, 0, {}});
      collect_toc(n.children, level + 1, out);
    }
  }

  static constexpr size_t kMaxDetailedTocEntries = 300;
  static constexpr int kTocTitleLines = 5;  // sink, title, air

  int toc_pages(const std::vector<TocEntry>& toc) const {
    int lines = kTocTitleLines + static_cast<int>(toc.size());
    return std::max(1, (lines + g_.lines - 1) / g_.lines);
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

  void draw_toc(const std::vector<TocEntry>& toc, int front) {
    const char* word = model::is_traditional(lang_) ? "目錄" : "目录";
    PageFrame page;
    int number = 1, line = 0;
    double left = 0;
    const double width = g_.block_width;
    auto new_page = [&]() {
      page = PageFrame{};
      page.width = g_.page_width;
      page.height = g_.page_height;
      page.label = roman::numeral(number);
      left = g_.column_left(0, number % 2 == 1);  // a verso has its margins the other way round
      line = 0;
    };
    auto close = [&]() {
      PageInfo info;
      info.number = number;
      info.recto = number % 2 == 1;
      info.opening = number == 1;
      finish_page(std::move(page), info);
      ++number;
    };
    new_page();
    double w = 0;
    set_string(word, text::Role::Heading, g_.em * kChapterTitleScale, w);
    line = kTocTitleLines - 2;
    place_string(page.items, word, text::Role::Heading, g_.em * kChapterTitleScale, left + (width - w) / 2,
                 g_.baseline(line), w);
    page.anchors.push_back({"huozi-toc", left, g_.top});
    line = kTocTitleLines;
    for (const TocEntry& e : toc) {
      if (line >= g_.lines) {
        close();
        new_page();
      }
      double y = g_.baseline(line);
      double indent = (e.level - 1) * 2 * g_.em;
      double lw = 0, nw = 0;
      text::Role role = e.level == 1 ? text::Role::Strong : text::Role::Body;
      place_string(page.items, e.label, role, g_.em, left + indent, y, lw);
      std::string folio = e.page > 0 ? std::to_string(e.page - front) : "";
      set_string(folio, text::Role::Body, g_.em, nw);
      place_string(page.items, folio, text::Role::Body, g_.em, left + width - nw, y, nw);
      // Dot leaders, drawn (not text), so they never copy out of the PDF.
      double from = left + indent + lw + 0.5 * g_.em, to = left + width - nw - 0.5 * g_.em;
      if (to > from)
        page.items.push_back(
            Rule{from, y - 0.15 * g_.em, to, y - 0.15 * g_.em, 0.9, Color::gray(0.3), false, true});
      if (!e.dest.empty())
        page.links.push_back({Rect{left, y - 0.9 * g_.em, width, g_.line_pitch}, e.dest, {}});
      ++line;
    }
    close();
  }

  bool periodical() const { return doc_.type == model::PublicationType::Periodical; }

  // ---- setting text -------------------------------------------------------

  // Sets inline content into grid lines. Lines taller than the grid (large
  // headings) take several grid lines, their baseline on the last one.
  // Footnote calls found while setting: the index of the line that holds the call, and the note.
  using NoteCalls = std::vector<std::pair<size_t, const Node*>>;

  std::vector<TypesetLine> set(const Node& node, Measure m, double scale, Align align, double hang = 0,
                               Color color = {}, NoteCalls* calls = nullptr) {
    TextStyle style;
    style.body_pt = g_.em;
    style.heading_scale = scale;
    style.lang = lang_;
    std::vector<TypesetLine> out;
    NoteMarkText marks;
    if (calls) marks = [this](const Node& note) { return model::circled_number(note_number(note)); };
    for (ParagraphSource& source : block_sources(node, doc_, style, lang_, marks)) {
      if (node.kind != NodeKind::Title && scale != 1) {
        for (text::TextSpan& span : source.input.spans) span.style.size_pt *= scale;
        source.em_pt *= scale;
      }
      if (align != Align::Justify) source.indent = false;
      set_source(source, m, align, hang, color, out, calls);
    }
    return out;
  }

  void set_source(const ParagraphSource& source, Measure m, Align align, double hang, Color color,
                  std::vector<TypesetLine>& out, NoteCalls* calls) {
    SetOptions options;
    options.width_pt = m.width - hang;
    // A local copy: decorating a line sets strings (ruby) with the same setter.
    std::vector<Line> lines;
    setter_.set(source, options, lines, &diags_);
    // A line whose type needs more room than the grid pitch (with a twentieth of
    // its size between lines) takes several grid lines.
    int grid_lines = std::max(1, static_cast<int>(std::ceil(source.em_pt * 1.1 / g_.line_pitch - 1e-6)));
    size_t next_mark = 0;
    for (size_t i = 0; i < lines.size(); ++i) {
      const Line& line = lines[i];
      double x = m.x + (i > 0 ? hang : 0);
      double free = std::max(0.0, options.width_pt - line.width);
      if (align == Align::Centre) x += free / 2;
      if (align == Align::Right) x += free;
      for (int k = 1; k < grid_lines; ++k) out.emplace_back();
      out.push_back(to_typeset_line(line, source.input.text, x, color));
      if (!source.markup.empty()) decorate(source, line, x, out.back());
      if (calls) find_note_calls(source, line, out.size() - 1, *calls, next_mark);
    }
  }

  // ---- links, emphasis dots and ruby ----------------------------------------------
  // The setter knows text, not markup: each span carries the tag of the
  // markup it is in (ParagraphSource::markup), set where the block was collected.

  void decorate(const ParagraphSource& source, const Line& line, double x, TypesetLine& out) {
    for (size_t tag = 1; tag <= source.markup.size(); ++tag) {
      const Markup& d = source.markup[tag - 1];
      // Byte ranges of the paragraph text that the markup covers.
      std::vector<std::pair<uint32_t, uint32_t>> ranges;
      for (const text::TextSpan& span : source.input.spans)
        if (span.tag == tag) ranges.emplace_back(span.begin, span.end);
      if (ranges.empty()) continue;
      auto inside = [&](uint32_t cluster) {
        for (const auto& [b, e] : ranges)
          if (cluster >= b && cluster < e) return true;
        return false;
      };
      double x0 = 1e9, x1 = -1e9;
      for (const GlyphRun& run : line.runs)
        for (const PositionedGlyph& g : run.glyphs) {
          if (!inside(g.cluster)) continue;
          x0 = std::min(x0, x + g.x);
          x1 = std::max(x1, x + g.x + g.advance);
          if (d.kind == NodeKind::EmphasisDots && is_dotted(source.input.text, g.cluster))
            out.items.push_back(Dot{x + g.x + g.advance / 2,
                                    (1 - kAscentEm) * run.size_pt + 0.12 * run.size_pt,
                                    0.08 * run.size_pt,
                                    {}});
        }
      if (x1 <= x0) continue;
      if (d.kind == NodeKind::Link) {
        Link link;
        link.rect = {x0, -kAscentEm * g_.em, x1 - x0, g_.em};
        if (!d.target.empty() && d.target[0] == '#')
          link.dest = d.target.substr(1);
        else
          link.uri = d.target;
        out.links.push_back(std::move(link));
      } else if (d.kind == NodeKind::Ruby && !d.target.empty()) {
        // The annotation, half the base size, centred over the base (clreq 6).
        double size = g_.em * 0.5, w = 0;
        std::vector<PageItem> ruby = set_string(d.target, text::Role::Body, size, w);
        for (PageItem& item : ruby) {
          translate(item, (x0 + x1 - w) / 2, -(kAscentEm * g_.em) - 0.12 * g_.em);
          out.items.push_back(std::move(item));
        }
      }
    }
  }

  // 着重号 go under characters, not under punctuation (clreq 6).
  static bool is_dotted(const std::string& text, uint32_t cluster) {
    size_t i = cluster;
    char32_t c = utf8::next(text, i);
    return !utf8::is_cjk_punctuation(c) && c != ' ' && !(c < 0x80 && std::ispunct(static_cast<int>(c)));
  }

  // The footnote calls this line sets: the piece's marks from `next` on that
  // begin before the line's end.
  void find_note_calls(const ParagraphSource& source, const Line& line, size_t index, NoteCalls& calls,
                       size_t& next) {
    for (; next < source.note_marks.size() && source.note_marks[next].begin < line.text_end; ++next)
      calls.emplace_back(index, source.note_marks[next].note);
  }

  // A string in the given role on one line, its left end at x = 0 on the
  // baseline (for furniture and markers); width receives its width.
  std::vector<PageItem> set_string(const std::string& s, text::Role role, double size, double& width,
                                   Color color = {}) {
    ParagraphSource source = plain_source(s, role, size, lang_);
    SetOptions options;
    options.width_pt = 100000;
    setter_.set(source, options, lines_, &diags_);
    width = lines_.empty() ? 0 : lines_[0].width;
    if (lines_.empty()) return {};
    return to_typeset_line(lines_[0], s, 0, color).items;
  }

  void place_string(std::vector<PageItem>& into, const std::string& s, text::Role role, double size, double x,
                    double baseline, double& width, Color color = {}) {
    for (PageItem& item : set_string(s, role, size, width, color)) {
      translate(item, x, baseline);
      into.push_back(std::move(item));
    }
  }

  // ---- blocks -------------------------------------------------------------

  void block(const Node& n, Measure m, int level) {
    switch (n.kind) {
      case NodeKind::Part:
      case NodeKind::Chapter:
      case NodeKind::Section:
        container(n, m, level);
        break;
      case NodeKind::Paragraph:
        text_block(n, m, 1, Align::Justify, 0);
        break;
      case NodeKind::Byline:
        text_block(n, m, 1, Align::Right, 0);
        break;
      case NodeKind::BlockQuote:
        for (const Node& c : n.children) block(c, Measure{m.x + 2 * g_.em, m.width - 4 * g_.em}, level);
        break;
      case NodeKind::Verse:
        verse(n, m);
        break;
      case NodeKind::OrderedList:
      case NodeKind::UnorderedList:
        list(n, m);
        break;
      case NodeKind::Figure:
        figure(n, m);
        break;
      case NodeKind::Table:
        table(n, m);
        break;
      default:
        break;
    }
  }

  void text_block(const Node& n, Measure m, double scale, Align align, double hang, int space_before = 0,
                  bool keep_with_next = false) {
    FlowBlock b;
    b.kind = keep_with_next ? BlockKind::Heading : BlockKind::Text;
    b.keep_with_next = keep_with_next;
    b.space_before = space_before;
    NoteCalls calls;
    b.lines = set(n, m, scale, align, hang, {}, &calls);
    b.source = where(n);
    if (!n.id().empty()) b.anchors.push_back({n.id(), m.x, 0});
    attach_notes(b, calls);
    if (!b.lines.empty()) flow_->add(std::move(b));
  }

  // Each footnote is set small, the width of the column, to go to the foot
  // of the column whose line calls it.
  void attach_notes(FlowBlock& b, const NoteCalls& calls) {
    for (const auto& [line, note] : calls) {
      notes_attached_.push_back(note);
      Node p;
      p.kind = NodeKind::Paragraph;
      p.indent = false;
      p.where = note->where;
      Node mark;
      mark.kind = NodeKind::Text;
      mark.text = model::circled_number(note_number(*note)) + "\u3000";
      p.children.push_back(mark);
      for (const Node& c : note->children) p.children.push_back(c);
      std::vector<TypesetLine> lines = set(p, Measure{0, g_.column_width()}, kNoteScale, Align::Justify, 0);
      b.notes.push_back({line, std::move(lines), static_cast<int>(notes_attached_.size() - 1)});
    }
  }

  std::string where(const Node& n) const {
    std::string file = n.where.file < doc_.files.size() ? doc_.files[n.where.file] : "";
    return file + ":" + std::to_string(n.where.line);
  }

  std::string heading_text(const Node& n) const {
    const Node* title = model::title_of(n);
    return model::heading_prefix(n) + (title ? model::plain_text(*title) : "");
  }

  void container(const Node& n, Measure m, int level) {
    const Node* title = model::title_of(n);
    if (title) heading(n, *title, m, level);
    bool after_title = title != nullptr;
    for (const Node& c : n.children) {
      if (c.kind == NodeKind::Title) continue;
      // An author line under a title belongs to the heading: it stays with
      // the first lines of what follows, never alone at a page foot.
      if (after_title && c.kind == NodeKind::Byline)
        text_block(c, m, 1, Align::Right, 0, 0, /*keep=*/true);
      else
        block(c, m, level + 1);
      after_title = false;
    }
  }

  void heading(const Node& n, const Node& title, Measure m, int level) {
    if (n.kind == NodeKind::Part && !periodical()) return part_title_page(n, title, m, level);
    // The title with its number ("第一章　") in front.
    Node t = title;
    std::string prefix = model::heading_prefix(n);
    if (!prefix.empty()) {
      Node label;
      label.kind = NodeKind::Text;
      label.where = title.where;
      label.text = prefix;
      t.children.insert(t.children.begin(), label);
    }
    FlowBlock b;
    b.kind = BlockKind::Heading;
    b.keep_with_next = true;
    b.source = where(n);
    bool opening = !periodical() && (n.kind == NodeKind::Part || n.kind == NodeKind::Chapter);
    double scale = n.kind == NodeKind::Part      ? kPartTitleScale
                   : n.kind == NodeKind::Chapter ? kChapterTitleScale
                   : periodical()                ? kStoryHeadlineScale
                                                 : kSectionTitleScale;
    Align align = opening ? Align::Centre : Align::Left;
    if (opening) {
      b.starts_page = true;
      b.recto = n.kind == NodeKind::Part || doc_.page.chapter_recto;
      for (int i = 0; i < kChapterSinkLines; ++i) b.lines.emplace_back();
      b.running_title = heading_text(n);
    }
    b.space_before = opening ? 0 : 1;
    std::vector<TypesetLine> lines = set(t, m, scale, align);
    for (TypesetLine& l : lines) b.lines.push_back(std::move(l));
    if (opening) b.lines.emplace_back();  // a line of air under a chapter title
    add_heading(n, level, m, std::move(b));
  }

  // The anchor and bookmark of a heading block, then the block into the flow.
  void add_heading(const Node& n, int level, Measure m, FlowBlock b) {
    std::string anchor = n.id().empty() ? "huozi-h" + std::to_string(++anchors_) : n.id();
    b.anchors.push_back({anchor, m.x, 0});
    b.outline.push_back({heading_text(n), level, 0, 0, anchor});
    flow_->add(std::move(b));
  }

  // A part opens on a title page of its own (篇章页), a recto with a blank
  // verso behind it: the number ("第一部") over the title, both centred, the
  // pair a third of the way down the text block.
  void part_title_page(const Node& n, const Node& title, Measure m, int level) {
    FlowBlock b;
    b.kind = BlockKind::Heading;
    b.source = where(n);
    b.starts_page = true;
    b.recto = true;
    b.title_page = true;
    b.running_title = heading_text(n);
    std::vector<TypesetLine> lines;
    if (!n.label().empty()) {
      Node label;
      label.kind = NodeKind::Title;
      label.where = title.where;
      Node text;
      text.kind = NodeKind::Text;
      text.where = title.where;
      text.text = n.label();
      label.children.push_back(text);
      lines = set(label, m, kPartNumberScale, Align::Centre);
      lines.emplace_back();  // a line of air between number and title
    }
    for (TypesetLine& l : set(title, m, kPartTitleScale, Align::Centre)) lines.push_back(std::move(l));
    int sink = std::max(0, std::min(g_.lines - static_cast<int>(lines.size()),
                                    g_.lines / 3 - static_cast<int>(lines.size()) / 2));
    b.lines.resize(static_cast<size_t>(sink));
    for (TypesetLine& l : lines) b.lines.push_back(std::move(l));
    add_heading(n, level, m, std::move(b));
  }

  void verse(const Node& n, Measure m) {
    // Verse is set flush left, indented two ems; a line that wraps hangs two more.
    Measure inset{m.x + 2 * g_.em, m.width - 2 * g_.em};
    bool first = true;
    for (const Node& stanza : n.children) {
      FlowBlock b;
      b.space_before = first ? 0 : 1;
      b.source = where(stanza);
      for (const Node& line : stanza.children) {
        NoteCalls calls;
        std::vector<TypesetLine> lines = set(line, inset, 1, Align::Left, 2 * g_.em, {}, &calls);
        for (auto& call : calls) call.first += b.lines.size();
        for (TypesetLine& l : lines) b.lines.push_back(std::move(l));
        attach_notes(b, calls);
      }
      if (!b.lines.empty()) flow_->add(std::move(b));
      first = false;
    }
  }

  void list(const Node& n, Measure m) {
    int number = 0;
    for (const Node& item : n.children) {
      ++number;
      FlowBlock b;
      b.source = where(item);
      NoteCalls calls;
      b.lines = set(item, Measure{m.x + 2 * g_.em, m.width - 2 * g_.em}, 1, Align::Justify, 0, {}, &calls);
      attach_notes(b, calls);
      if (b.lines.empty()) continue;
      double w = 0;
      std::string marker = n.kind == NodeKind::OrderedList ? std::to_string(number) + "." : "•";
      std::vector<PageItem> mark = set_string(marker, text::Role::Body, g_.em, w);
      for (PageItem& item : mark) {
        translate(item, m.x + 2 * g_.em - w - 0.3 * g_.em, 0);
        b.lines.front().items.push_back(std::move(item));
      }
      flow_->add(std::move(b));
    }
  }

  // A figure: the picture (or its FPO placeholder) on whole grid lines, then its caption.
  void figure(const Node& n, Measure m) {
    const Node* picture = nullptr;
    const Node* caption = nullptr;
    const Node* credit = nullptr;
    for (const Node& c : n.children) {
      if (c.kind == NodeKind::Image || c.kind == NodeKind::Placeholder) picture = &c;
      if (c.kind == NodeKind::Caption) caption = &c;
      if (c.kind == NodeKind::Credit) credit = &c;
    }
    if (!picture) return;
    double ratio = picture_ratio(*picture);  // height / width
    double width = m.width;
    double height = width * ratio;
    double max_height = (g_.lines - 4) * g_.line_pitch;
    if (height > max_height) {  // too tall for a column: scale it down to fit
      height = max_height;
      width = height / ratio;
    }
    // The picture takes whole grid lines and leaves air above its caption's
    // first line; rather than take one more line for that air, it is scaled
    // down a little (a few per cent at most).
    int picture_lines = static_cast<int>(std::ceil(height / g_.line_pitch - 1e-6));
    const double room = picture_lines * g_.line_pitch - kCaptionGapEm * g_.em;
    if (height > room) {
      height = room;
      width = height / ratio;
    }
    double x = m.x + (m.width - width) / 2;
    FlowBlock b;
    b.kind = BlockKind::Figure;
    b.space_before = 1;
    b.source = where(n);
    if (!n.id().empty()) b.anchors.push_back({n.id(), m.x, 0});
    double top = (room - height) / 2;  // centred in its room
    Rect rect{x, top, width, height};
    if (picture->kind == NodeKind::Image)
      b.figure_items.push_back(Image{rect, doc_.base_dir + "/" + picture->target()});
    else
      placeholder(*picture, rect, b.figure_items);
    int line = picture_lines;
    for (const Node* part : {caption, credit}) {
      if (!part) continue;
      std::vector<TypesetLine> lines =
          set(*part, m, kCaptionScale, part == credit ? Align::Right : Align::Justify, 0);
      for (TypesetLine& l : lines) {
        double baseline = line * g_.line_pitch + kAscentEm * g_.em;
        for (PageItem& item : l.items) {
          if (auto* run = std::get_if<TextRun>(&item))
            for (PlacedGlyph& glyph : run->glyphs) glyph.y += baseline;
          b.figure_items.push_back(std::move(item));
        }
        ++line;
      }
    }
    b.figure_lines = line;
    flow_->add(std::move(b));
  }

  double picture_ratio(const Node& picture) const {
    if (picture.kind == NodeKind::Image) {
      ImageSize size = read_image_size(doc_.base_dir + "/" + picture.target());
      return size.width > 0 && size.height > 0 ? double(size.height) / size.width : 0.75;
    }
    size_t colon = picture.label().find(':');
    double w = std::atof(picture.label().substr(0, colon).c_str());
    double h = colon == std::string::npos ? 0 : std::atof(picture.label().substr(colon + 1).c_str());
    return w > 0 && h > 0 ? h / w : 0.75;
  }

  // FPO: a framed grey box with diagonals, "FPO" and what the picture will show.
  void placeholder(const Node& fpo, const Rect& rect, std::vector<PageItem>& items) {
    Box box;
    box.rect = rect;
    box.filled = true;
    box.fill = Color::gray(0.93);
    box.stroke = 0.8;
    box.stroke_color = kFpoInk;
    box.dashed = true;
    box.diagonals = true;
    items.push_back(box);
    double w = 0;
    std::string mark = model::is_traditional(lang_) ? "FPO 圖片佔位" : "FPO 图片占位";
    std::vector<PageItem> label = set_string(mark, text::Role::Heading, g_.em * 1.1, w, kFpoInk);
    double cx = rect.x + (rect.width - w) / 2, cy = rect.y + rect.height / 2 + 0.4 * g_.em;
    // A band of the box's grey behind the label keeps it readable over the diagonals.
    Box band;
    band.rect = {cx - 0.3 * g_.em, cy - 1.2 * g_.em, w + 0.6 * g_.em, 1.6 * g_.em};
    band.filled = true;
    band.fill = Color::gray(0.93);
    band.stroke = 0;
    items.push_back(band);
    for (PageItem& item : label) {
      if (auto* run = std::get_if<TextRun>(&item)) run->outlined = true;
      translate(item, cx, cy);
      items.push_back(std::move(item));
    }
    (void)fpo;  // its description is in the EPUB's alt text; the print box shows the mark
  }

  void table(const Node& n, Measure m) {
    size_t columns = 0;
    for (const Node& row : n.children)
      if (row.kind == NodeKind::TableRow) columns = std::max(columns, row.children.size());
    for (const Node& c : n.children)
      if (c.kind == NodeKind::Caption) text_block(c, m, kCaptionScale, Align::Centre, 0, 1);
    if (columns == 0) return;
    double cell_width = m.width / columns;
    for (const Node& row : n.children) {
      if (row.kind != NodeKind::TableRow) continue;
      std::vector<std::vector<TypesetLine>> cells;
      size_t height = 1;
      for (size_t i = 0; i < row.children.size(); ++i) {
        Measure cm{m.x + i * cell_width + 0.5 * g_.em, cell_width - g_.em};
        cells.push_back(set(row.children[i], cm, 1, Align::Left));
        height = std::max(height, cells.back().size());
      }
      FlowBlock b;
      b.source = where(row);
      b.lines.resize(height);
      for (auto& cell : cells)
        for (size_t k = 0; k < cell.size(); ++k)
          for (PageItem& item : cell[k].items) b.lines[k].items.push_back(std::move(item));
      // Rules: the row's top edge and the cell edges, on the grid.
      double top = -kAscentEm * g_.em - (g_.line_pitch - g_.em) / 2;
      Rule over{m.x, top, m.x + m.width, top, 0.5, {}, false};
      b.lines.front().items.push_back(over);
      for (size_t k = 0; k < height; ++k)
        for (size_t i = 0; i <= columns; ++i) {
          double x = m.x + i * cell_width;
          b.lines[k].items.push_back(Rule{x, top, x, top + g_.line_pitch, 0.5, {}, false});
        }
      Rule under{m.x, top + g_.line_pitch, m.x + m.width, top + g_.line_pitch, 0.5, {}, false};
      b.lines.back().items.push_back(under);
      flow_->add(std::move(b));
    }
  }

  // ---- running heads and folios --------------------------------------------

  void finish_page(PageFrame&& page, const PageInfo& info) {
    if (!drawing_) return;
    ++pages_;
    page.number = info.number;
    if (page.label.empty() && info.number > front_pages_)
      page.label = std::to_string(info.number - front_pages_);
    if (!info.blank) furniture(page, info);
    sink_(std::move(page));
  }

  void furniture(PageFrame& page, const PageInfo& info) {
    double left = info.recto ? g_.inner : g_.outer;
    double size = g_.em * kRunningHeadScale;
    if (doc_.page.running_heads && !info.opening) {
      std::string head = info.recto && !info.running_title.empty() ? info.running_title : doc_.metadata.title;
      double w = 0;
      set_string(head, text::Role::Body, size, w);  // measure first, then centre
      double baseline = g_.top - 1.1 * g_.em;
      place_string(page.items, head, text::Role::Body, size, left + (g_.block_width - w) / 2, baseline, w);
      double rule_y = baseline + 0.45 * g_.em;
      page.items.push_back(Rule{left, rule_y, left + g_.block_width, rule_y, 0.4, {}, false});
    }
    if ((!periodical() || doc_.page.running_heads) && !info.title_page) {
      double w = 0;
      std::string folio = page.label.empty() ? std::to_string(info.number) : page.label;
      set_string(folio, text::Role::Body, size, w);
      double baseline = g_.baseline(g_.lines - 1) + 2.2 * g_.em;
      place_string(page.items, folio, text::Role::Body, size, left + (g_.block_width - w) / 2, baseline, w);
    }
  }
};

}  // namespace

LayoutResult layout_document(const model::Document& doc, text::FontDb& fonts,
                             const std::function<void(PageFrame&&)>& sink, DiagnosticList& diags) {
  return DocumentLayouter(doc, fonts, sink, diags).run();
}

}  // namespace huozi::layout
