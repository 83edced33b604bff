#include "layout/document_layout.h"

#include <cmath>

#include "layout/paragraph.h"
#include "layout/typeset_line.h"
#include "util/image_size.h"

namespace huozi::layout {
namespace {

using model::Node;
using model::NodeKind;

// Sizes as multiples of the body size.
constexpr double kPartTitleScale = 2.0;
constexpr double kChapterTitleScale = 1.6;
constexpr double kSectionTitleScale = 1.15;
constexpr double kStoryHeadlineScale = 1.3;  // periodicals: a story's headline
constexpr double kCaptionScale = 1.0;  // smaller type would break the baseline grid
constexpr double kNoteScale = 0.85;
constexpr double kRunningHeadScale = 0.8;
constexpr int kChapterSinkLines = 3;  // empty lines above a chapter title
const Color kFpoInk = Color::gray(0.35);

enum class Align { Justify, Left, Centre, Right };

// Where a block's lines go across the column: an inset and a measure.
struct Measure {
  double x = 0;
  double width = 0;
};

class DocumentLayouter {
 public:
  DocumentLayouter(const model::Document& doc, text::FontDb& fonts, const std::function<void(PageFrame&&)>& sink,
                   DiagnosticList& diags)
      : doc_(doc),
        g_(compute_geometry(doc.page)),
        setter_(fonts),
        diags_(diags),
        sink_(sink),
        flow_(g_, [this](PageFrame&& page, const PageInfo& info) { finish_page(std::move(page), info); }) {
    lang_ = doc.metadata.language.empty() ? "zh-Hans" : doc.metadata.language;
  }

  LayoutResult run() {
    for (const Node& n : doc_.body) block(n, Measure{0, g_.column_width()}, 1);
    flow_.finish();
    for (const std::string& o : flow_.overflows()) diags_.warning("", 0, 0, o);
    LayoutResult r;
    r.outline = flow_.outline();
    r.pages = pages_;
    return r;
  }

 private:
  const model::Document& doc_;
  PageGeometry g_;
  ParagraphSetter setter_;
  DiagnosticList& diags_;
  const std::function<void(PageFrame&&)>& sink_;
  PageFlow flow_;
  std::string lang_;
  std::vector<Line> lines_;  // scratch
  int anchors_ = 0;
  int pages_ = 0;
  std::vector<const Node*> notes_;  // footnotes waiting for the end of their block

  bool periodical() const { return doc_.type == model::PublicationType::Periodical; }

  // ---- setting text -------------------------------------------------------

  // Sets inline content into grid lines. Lines taller than the grid (large
  // headings) take several grid lines, their baseline on the last one.
  std::vector<TypesetLine> set(const Node& node, Measure m, double scale, Align align, double hang = 0,
                               Color color = {}) {
    TextStyle style;
    style.body_pt = g_.em;
    style.heading_scale = scale;
    style.lang = lang_;
    std::vector<TypesetLine> out;
    for (ParagraphSource& source : block_sources(node, doc_, style, lang_)) {
      if (node.kind != NodeKind::Title && scale != 1) {
        for (text::TextSpan& span : source.input.spans) span.style.size_pt *= scale;
        source.em_pt *= scale;
      }
      if (align != Align::Justify) source.indent = false;
      set_source(source, m, align, hang, color, out);
    }
    return out;
  }

  void set_source(const ParagraphSource& source, Measure m, Align align, double hang, Color color,
                  std::vector<TypesetLine>& out) {
    SetOptions options;
    options.width_pt = m.width - hang;
    setter_.set(source, options, lines_, &diags_);
    // A line whose type needs more room than the grid pitch (with a twentieth of
    // its size between lines) takes several grid lines.
    int grid_lines = std::max(1, static_cast<int>(std::ceil(source.em_pt * 1.1 / g_.line_pitch - 1e-6)));
    for (size_t i = 0; i < lines_.size(); ++i) {
      const Line& line = lines_[i];
      double x = m.x + (i > 0 ? hang : 0);
      double free = std::max(0.0, options.width_pt - line.width);
      if (align == Align::Centre) x += free / 2;
      if (align == Align::Right) x += free;
      for (int k = 1; k < grid_lines; ++k) out.emplace_back();
      out.push_back(to_typeset_line(line, source.input.text, x, color));
    }
  }

  // A string in the given role on one line, its left end at x = 0 on the
  // baseline (for furniture and markers); width receives its width.
  std::vector<PageItem> set_string(const std::string& s, text::Role role, double size, double& width,
                                   Color color = {}) {
    ParagraphSource source;
    source.input.text = s;
    source.input.lang = lang_;
    text::TextSpan span;
    span.begin = 0;
    span.end = static_cast<uint32_t>(s.size());
    span.style.role = role;
    span.style.size_pt = size;
    span.style.lang = lang_;
    source.input.spans.push_back(span);
    source.em_pt = size;
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
      case NodeKind::Section: container(n, m, level); break;
      case NodeKind::Paragraph: text_block(n, m, 1, Align::Justify, 0); break;
      case NodeKind::Byline: text_block(n, m, 1, Align::Right, 0); break;
      case NodeKind::BlockQuote:
        for (const Node& c : n.children) block(c, Measure{m.x + 2 * g_.em, m.width - 4 * g_.em}, level);
        break;
      case NodeKind::Verse: verse(n, m); break;
      case NodeKind::OrderedList:
      case NodeKind::UnorderedList: list(n, m); break;
      case NodeKind::Figure: figure(n, m); break;
      case NodeKind::Table: table(n, m); break;
      default: break;
    }
  }

  // The node with its footnotes replaced by their marks (①…); the notes are
  // queued and set after the block.
  Node with_note_marks(const Node& n) {
    Node copy = n;
    replace_notes(copy, n);
    return copy;
  }

  void replace_notes(Node& copy, const Node& original) {
    for (size_t i = 0; i < copy.children.size(); ++i) {
      Node& c = copy.children[i];
      if (c.kind == NodeKind::Footnote) {
        notes_.push_back(&original.children[i]);
        Node mark;
        mark.kind = NodeKind::Text;
        mark.where = c.where;
        mark.text = model::circled_number(c.number);
        c = std::move(mark);
      } else if (!c.children.empty()) {
        replace_notes(c, original.children[i]);
      }
    }
  }

  void text_block(const Node& n, Measure m, double scale, Align align, double hang, int space_before = 0) {
    FlowBlock b;
    b.kind = BlockKind::Text;
    b.space_before = space_before;
    b.lines = set(with_note_marks(n), m, scale, align, hang);
    b.source = where(n);
    if (!n.id.empty()) b.anchors.push_back({n.id, m.x, 0});
    if (!b.lines.empty()) flow_.add(std::move(b));
    flush_notes(m);
  }

  // Footnotes follow the block that calls them, set small under a short rule.
  void flush_notes(Measure m) {
    if (notes_.empty()) return;
    std::vector<const Node*> notes = std::move(notes_);
    notes_.clear();
    for (const Node* note : notes) {
      Node p;
      p.kind = NodeKind::Paragraph;
      p.indent = false;
      p.where = note->where;
      Node mark;
      mark.kind = NodeKind::Text;
      mark.text = model::circled_number(note->number) + "\u3000";
      p.children.push_back(mark);
      for (const Node& c : note->children) p.children.push_back(c);
      FlowBlock b;
      b.lines = set(p, m, kNoteScale, Align::Justify, 0);
      if (!b.lines.empty() && note == notes.front()) {
        Rule rule;
        rule.x0 = m.x;
        rule.x1 = m.x + 4 * g_.em;
        rule.y0 = rule.y1 = -g_.line_pitch * 0.72;
        rule.width = 0.4;
        b.lines.front().items.insert(b.lines.front().items.begin(), rule);
      }
      b.source = where(*note);
      if (!b.lines.empty()) flow_.add(std::move(b));
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
    for (const Node& c : n.children)
      if (c.kind != NodeKind::Title) block(c, m, level + 1);
  }

  void heading(const Node& n, const Node& title, Measure m, int level) {
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
    std::string anchor = n.id.empty() ? "huozi-h" + std::to_string(++anchors_) : n.id;
    b.anchors.push_back({anchor, m.x, 0});
    b.outline.push_back({heading_text(n), level, 0, 0});
    flow_.add(std::move(b));
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
        std::vector<TypesetLine> lines = set(with_note_marks(line), inset, 1, Align::Left, 2 * g_.em);
        for (TypesetLine& l : lines) b.lines.push_back(std::move(l));
      }
      if (!b.lines.empty()) flow_.add(std::move(b));
      first = false;
      flush_notes(m);
    }
  }

  void list(const Node& n, Measure m) {
    int number = 0;
    for (const Node& item : n.children) {
      ++number;
      FlowBlock b;
      b.source = where(item);
      b.lines = set(with_note_marks(item), Measure{m.x + 2 * g_.em, m.width - 2 * g_.em}, 1, Align::Justify);
      if (b.lines.empty()) continue;
      double w = 0;
      std::string marker = n.kind == NodeKind::OrderedList ? std::to_string(number) + "." : "•";
      std::vector<PageItem> mark = set_string(marker, text::Role::Body, g_.em, w);
      for (PageItem& item : mark) {
        translate(item, m.x + 2 * g_.em - w - 0.3 * g_.em, 0);
        b.lines.front().items.push_back(std::move(item));
      }
      flow_.add(std::move(b));
      flush_notes(m);
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
    double x = m.x + (m.width - width) / 2;
    int picture_lines = static_cast<int>(std::ceil(height / g_.line_pitch - 1e-6));
    FlowBlock b;
    b.kind = BlockKind::Figure;
    b.space_before = 1;
    b.source = where(n);
    if (!n.id.empty()) b.anchors.push_back({n.id, m.x, 0});
    double top = (picture_lines * g_.line_pitch - height) / 2;  // centred on its grid lines
    Rect rect{x, top, width, height};
    if (picture->kind == NodeKind::Image) b.figure_items.push_back(Image{rect, doc_.base_dir + "/" + picture->target});
    else placeholder(*picture, rect, b.figure_items);
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
    flow_.add(std::move(b));
  }

  double picture_ratio(const Node& picture) const {
    if (picture.kind == NodeKind::Image) {
      ImageSize size = read_image_size(doc_.base_dir + "/" + picture.target);
      return size.width > 0 && size.height > 0 ? double(size.height) / size.width : 0.75;
    }
    size_t colon = picture.label.find(':');
    double w = std::atof(picture.label.substr(0, colon).c_str());
    double h = colon == std::string::npos ? 0 : std::atof(picture.label.substr(colon + 1).c_str());
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
    std::vector<PageItem> label = set_string("FPO 图片占位", text::Role::Heading, g_.em * 1.1, w, kFpoInk);
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
      flow_.add(std::move(b));
    }
  }

  // ---- running heads and folios --------------------------------------------

  void finish_page(PageFrame&& page, const PageInfo& info) {
    ++pages_;
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
    if (!periodical() || doc_.page.running_heads) {
      double w = 0;
      std::string folio = std::to_string(info.number);
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
