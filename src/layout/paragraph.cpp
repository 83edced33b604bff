#include "layout/paragraph.h"

#include "layout/items.h"
#include "layout/justify.h"
#include "layout/paragraph_cache.h"
#include "text/breaks.h"
#include "text/clreq.h"
#include "text/shaper.h"

namespace huozi::layout {
namespace {

using model::Node;
using model::NodeKind;

// A note mark past ㊿ is a superscript number: this size and rise, as
// fractions of the text's size.
constexpr double kSuperscriptScale = 0.6;
constexpr double kSuperscriptRise = 0.38;

struct Collector {
  const NoteMarkText& marks;
  std::vector<ParagraphSource> out;
  std::vector<Markup> markup;
  ParagraphSource* current = nullptr;

  void start(const ParagraphSource& base) {
    out.push_back(base);
    current = &out.back();
    current->input.text.clear();
    current->input.spans.clear();
  }

  void add_text(const std::string& text, const model::SourceLocation& where, const text::Style& s,
                uint32_t tag) {
    if (text.empty()) return;
    auto& input = current->input;
    text::TextSpan span;
    span.begin = static_cast<uint32_t>(input.text.size());
    input.text += text;
    span.end = static_cast<uint32_t>(input.text.size());
    span.style = s;
    span.where = where;
    span.tag = tag;
    input.spans.push_back(std::move(span));
  }

  // A footnote leaves its mark (if the page sets marks); its text goes to the page's foot.
  void add_note_mark(const Node& note, const text::Style& s, uint32_t tag) {
    if (!marks) return;
    const std::string mark = marks(note);
    if (mark.empty()) return;
    const auto begin = static_cast<uint32_t>(current->input.text.size());
    // Past ㊿ a mark is a number: set as a superscript, smaller and raised.
    text::Style style = s;
    if (mark.find_first_not_of("0123456789") == std::string::npos) {
      style.size_pt = s.size_pt * kSuperscriptScale;
      style.rise_pt = s.size_pt * kSuperscriptRise;
    }
    add_text(mark, note.where, style, tag);
    current->note_marks.push_back({begin, static_cast<uint32_t>(current->input.text.size()), &note});
  }

  // `tag`: the innermost markup the node is in (TextSpan::tag).
  void walk(const Node& node, text::Style s, const ParagraphSource& base, uint32_t tag) {
    if (node.kind == NodeKind::Footnote) return add_note_mark(node, s, tag);
    if (!node.lang().empty()) s.lang = node.lang();
    switch (node.kind) {
      case NodeKind::Text:
        add_text(node.text, node.where, s, tag);
        return;
      case NodeKind::Strong:
        s.role = text::Role::Strong;
        break;
      case NodeKind::Code:
        s.role = text::Role::Code;
        break;
      case NodeKind::TateChuYoko:
        s.combine = true;
        break;
      case NodeKind::Emphasis:
        // Han faces have no italics: emphasis is set in a Kai (楷体) face (clreq 6).
        if (s.role == text::Role::Body) s.role = text::Role::Emphasis;
        break;
      case NodeKind::Link:
      case NodeKind::EmphasisDots:
      case NodeKind::Ruby:
        markup.push_back({node.kind, node.kind == NodeKind::Ruby ? node.label() : node.target()});
        tag = static_cast<uint32_t>(markup.size());
        break;
      case NodeKind::LineBreak: {
        ParagraphSource next = base;
        next.indent = false;
        start(next);
        return;
      }
      default:
        break;  // Emphasis, Span, Ruby (its base): the children
    }
    for (const Node& child : node.children) walk(child, s, base, tag);
  }
};

// A word wider than the measure (a long URL, letters with no break between
// them) is broken where it reaches the measure: whole, its line would run
// past the column and off the page. The break moves back, inside the word,
// past a mark that may not open a line (the comma after a long word) or one
// that may not close it (an opening bracket before it): kinsoku holds there too.
void break_long_words(text::ShapedParagraph& shaped, double measure, double indent) {
  auto& clusters = shaped.clusters;
  // How far into a run of one doubled mark (—— ……) each cluster is: 0 outside one.
  // Counted on the first forced break only: most paragraphs have none.
  thread_local std::vector<uint32_t> into_run;
  bool counted = false;
  auto into_mark_run = [&](size_t k) {
    if (!counted) {
      into_run.assign(clusters.size(), 0);
      for (size_t j = 1; j < clusters.size(); ++j)
        if (text::never_split(clusters[j - 1].last, clusters[j].first)) into_run[j] = into_run[j - 1] + 1;
      counted = true;
    }
    return into_run[k];
  };
  // Whether a break before cluster k would put a mark where clreq forbids it.
  // A run of several doubled marks (————, ……………… wider than the measure)
  // may break between two whole marks, never inside one (issue 14).
  auto forbidden = [&](size_t k) {
    if (const size_t n = into_mark_run(k); n > 0)
      return n % 2 != 0 || k + 1 >= clusters.size() || !text::never_split(clusters[k].last, clusters[k + 1].first);
    return text::prohibited_at_line_start(clusters[k].cls) || text::prohibited_at_line_end(clusters[k - 1].last_cls);
  };
  double since = indent;  // the width since the last break opportunity
  size_t segment = 0;     // the first cluster after it
  for (size_t i = 0; i < clusters.size(); ++i) {
    text::Cluster& c = clusters[i];
    if (i > segment && since > 0 && since + c.advance > measure) {
      size_t k = i;  // break before cluster k
      while (k > segment + 1 && forbidden(k)) --k;
      if (forbidden(k)) k = i;  // nowhere better in the word
      clusters[k - 1].break_after = true;
      since = 0;
      for (size_t j = k; j < i; ++j) since += clusters[j].advance;
      segment = k;
    }
    if (c.break_after) {
      since = 0;
      segment = i + 1;
    } else {
      since += c.advance;
    }
  }
}

// A note mark never starts a line: no break before the first mark of a run
// (the character it annotates keeps it); between the marks of a run a line
// may break, so a long run wraps instead of standing on a line of its own.
// A superscript number (past ㊿) is a mark, not a word of digits: no
// Han–digit space on either side of it (its clusters count as Other).
void settle_note_marks(text::ShapedParagraph& shaped, const std::vector<NoteMark>& marks) {
  std::vector<text::Cluster>& clusters = shaped.clusters;
  size_t k = 0;
  for (size_t m = 0; m < marks.size(); ++m) {
    while (k < clusters.size() && clusters[k].text_end < marks[m].begin) ++k;
    const bool in_run = m > 0 && marks[m - 1].end == marks[m].begin;
    if (k < clusters.size() && clusters[k].text_end == marks[m].begin) clusters[k].break_after = in_run;
    for (size_t c = k; c < clusters.size() && clusters[c].text_begin < marks[m].end; ++c)
      if (clusters[c].text_begin >= marks[m].begin && clusters[c].cls == text::CharClass::Alnum)
        clusters[c].cls = clusters[c].last_cls = text::CharClass::Other;
  }
}

// Marks the break opportunities that fall inside a Chinese word (ICU's
// dictionary), so that a headline's breaker avoids them.
void mark_inside_words(text::ShapedParagraph& shaped) {
  thread_local std::vector<uint8_t> boundary;
  text::word_boundaries(shaped.text, boundary);
  for (text::Cluster& c : shaped.clusters)
    c.inside_word = c.break_after && text::is_chinese_class(c.last_cls) && !boundary[c.text_end];
}

bool holds_inline_content(NodeKind k) {
  switch (k) {
    case NodeKind::Title:
    case NodeKind::Kicker:
    case NodeKind::Subtitle:
    case NodeKind::Paragraph:
    case NodeKind::Byline:
    case NodeKind::VerseLine:
    case NodeKind::ListItem:
    case NodeKind::Caption:
    case NodeKind::Credit:
    case NodeKind::TableCell:
    case NodeKind::Placeholder:
      return true;
    default:
      return false;
  }
}

void collect(const Node& node, const model::Document& doc, const TextStyle& style, std::string lang,
             std::vector<ParagraphSource>& out) {
  if (!node.lang().empty()) lang = node.lang();
  if (holds_inline_content(node.kind)) {
    for (auto& p : block_sources(node, doc, style, lang)) out.push_back(std::move(p));
    return;
  }
  for (const Node& child : node.children) collect(child, doc, style, lang, out);
}

}  // namespace

std::vector<ParagraphSource> block_sources(const Node& block, const model::Document& doc,
                                           const TextStyle& style, const std::string& lang,
                                           const NoteMarkText& marks, const std::string& lead) {
  Collector c{marks, {}, {}, nullptr};
  ParagraphSource base;
  base.kind = block.kind;
  base.where = block.where;
  base.indent = block.kind == NodeKind::Paragraph && block.indent;
  const bool headline =
      block.kind == NodeKind::Title || block.kind == NodeKind::Kicker || block.kind == NodeKind::Subtitle;
  base.justify = !headline && block.kind != NodeKind::VerseLine &&
                 block.kind != NodeKind::Byline && block.kind != NodeKind::TableCell;
  base.em_pt = style.body_pt;
  base.input.lang = block.lang().empty() ? lang : block.lang();
  base.input.files = &doc.files;
  text::Style s;
  s.size_pt = style.body_pt;
  s.lang = base.input.lang;
  if (headline) {
    s.role = text::Role::Heading;
    s.size_pt = style.body_pt * style.heading_scale;
    base.em_pt = s.size_pt;
  }
  c.start(base);
  c.add_text(lead, block.where, s, 0);
  for (const Node& child : block.children) c.walk(child, s, base, 0);
  std::vector<ParagraphSource> pieces;
  for (auto& p : c.out)
    if (!p.input.text.empty()) {
      p.markup = c.markup;
      pieces.push_back(std::move(p));
    }
  return pieces;
}

ParagraphSource plain_source(const std::string& text, text::Role role, double size_pt,
                             const std::string& lang) {
  ParagraphSource source;
  source.input.text = text;
  source.input.lang = lang;
  text::TextSpan span;
  span.end = static_cast<uint32_t>(text.size());
  span.style.role = role;
  span.style.size_pt = size_pt;
  span.style.lang = lang;
  source.input.spans.push_back(span);
  source.em_pt = size_pt;
  return source;
}

std::vector<ParagraphSource> collect_paragraphs(const model::Document& doc, const TextStyle& style) {
  std::vector<ParagraphSource> out;
  const std::string lang = doc.metadata.language.empty() ? style.lang : doc.metadata.language;
  for (const Node& node : doc.body) collect(node, doc, style, lang, out);
  return out;
}

struct ParagraphSetter::Impl {
  text::Shaper shaper;
  text::ShapedParagraph shaped;
  ItemList items;
  std::vector<LineSpan> spans;
  const text::FontDb* fonts;
  explicit Impl(text::FontDb& fonts) : shaper(fonts), fonts(&fonts) {}
};

Typography typography_of(const model::PageSetup& page) {
  Typography t;
  t.half_width_line_start = page.half_width_line_start;
  t.hanging_punctuation = page.hanging_punctuation;
  t.han_digit_space = page.han_digit_space;
  return t;
}

ParagraphSetter::ParagraphSetter(text::FontDb& fonts) : impl_(std::make_unique<Impl>(fonts)) {}
ParagraphSetter::~ParagraphSetter() = default;

void ParagraphSetter::set(const ParagraphSource& source, const SetOptions& options, std::vector<Line>& out,
                          DiagnosticList* diags) {
  ParagraphCache* cache = ParagraphCache::current();
  if (!cache) return set_uncached(source, options, out, diags);
  std::string key = paragraph_key(source, options, impl_->fonts->serial());
  if (const std::vector<Line>* lines = cache->find(key)) {
    out = *lines;
    return;
  }
  set_uncached(source, options, out, diags);
  // A paragraph with a character no face has is set again next time, so that
  // its warning is given then, at its place then (the key leaves places out;
  // the shaper warns once a character, so other paragraphs may lack it).
  if (impl_->shaped.missing_glyphs == 0) cache->store(std::move(key), out);
}

void ParagraphSetter::set_uncached(const ParagraphSource& source, const SetOptions& options,
                                   std::vector<Line>& out, DiagnosticList* diags) {
  impl_->shaper.shape(source.input, impl_->shaped, diags);
  ItemOptions item_options;
  item_options.em_pt = source.em_pt;
  item_options.first_indent_em = source.indent ? 2 : 0;
  item_options.typography = options.typography;
  settle_note_marks(impl_->shaped, source.note_marks);
  break_long_words(impl_->shaped, options.width_pt, item_options.first_indent_em * source.em_pt);
  if (options.between_words) mark_inside_words(impl_->shaped);
  build_items(impl_->shaped, item_options, impl_->items);
  const LineWidths widths(options.width_pt);
  impl_->spans = break_lines(impl_->items, widths, options.strategy);
  justify_lines(impl_->shaped, impl_->items, impl_->spans, widths, out, source.justify);
}

const text::ShapedParagraph& ParagraphSetter::shaped() const { return impl_->shaped; }
const ItemList& ParagraphSetter::items() const { return impl_->items; }

}  // namespace huozi::layout
