#include "layout/compose.h"

#include <algorithm>
#include <cmath>

#include "layout/footnotes.h"
#include "layout/markup.h"
#include "layout/typeset_line.h"
#include "text/breaks.h"
#include "util/utf8.h"

namespace huozi::layout {
namespace {

using model::Node;
using model::NodeKind;

std::string language(const model::Document& doc) {
  return doc.metadata.language.empty() ? "zh-Hans" : doc.metadata.language;
}

// The footnote calls a line sets: the piece's marks from `next` on that begin before the line's end.
void find_note_calls(const ParagraphSource& source, const Line& line, size_t index,
                     std::vector<NoteCall>& calls, size_t& next) {
  for (; next < source.note_marks.size() && source.note_marks[next].begin < line.text_end; ++next)
    calls.push_back({index, source.note_marks[next].note});
}

// The first n code points of s.
std::string first_code_points(const std::string& s, size_t n) {
  size_t i = 0;
  for (size_t k = 0; k < n && i < s.size(); ++k) utf8::next(s, i);
  return s.substr(0, i);
}

}  // namespace

Composer::Composer(const model::Document& doc, text::FontDb& fonts, DiagnosticList& diags,
                   const LayoutStyle& style)
    : doc(doc),
      vertical_pages(false),
      vertical(false),
      style(style),
      lang(language(doc)),
      diags(diags),
      setter_(fonts) {
  // A newspaper's pages stay horizontal; a vertical book binds on the right.
  const bool vertical_book = doc.writing_mode == model::WritingMode::Vertical && model::newspaper_pages(doc).empty();
  flat_ = page_geometry(doc.page, false, vertical_book);
  turned_ = page_geometry(doc.page, true, vertical_book);
  set_pages(vertical_book);
}

void Composer::set_pages(bool vertical_columns) {
  vertical_pages = vertical = vertical_columns;
  g = geometry(vertical_columns);
}

std::vector<TypesetLine> Composer::set(const Node& block, Measure m, const Setting& how) {
  return set(block, m, how, NoteMarkText{}, nullptr);
}

std::vector<TypesetLine> Composer::set(const Node& block, Measure m, const Setting& how,
                                       const NoteNumbers& numbers, std::vector<NoteCall>& calls) {
  const NoteMarkText marks = [&numbers](const Node& note) { return model::note_mark(numbers(note)); };
  return set(block, m, how, marks, &calls);
}

std::vector<TypesetLine> Composer::set(const Node& block, Measure m, const Setting& how,
                                       const NoteMarkText& marks, std::vector<NoteCall>* calls) {
  TextStyle text_style;
  text_style.body_pt = g.em;
  text_style.heading_scale = how.scale;
  text_style.lang = lang;
  std::vector<TypesetLine> out;
  for (ParagraphSource& source : block_sources(block, doc, text_style, lang, marks, how.lead)) {
    if (block.kind != NodeKind::Title && block.kind != NodeKind::Kicker && block.kind != NodeKind::Subtitle &&
        how.scale != 1) {
      for (text::TextSpan& span : source.input.spans) span.style.size_pt *= how.scale;
      source.em_pt *= how.scale;
    }
    if (how.align != Align::Justify) source.indent = false;
    source.input.vertical = vertical;
    set_source(source, m, how, out, calls);
  }
  // The block's lines, counted over its pieces (a <br/> ends a piece, not the block).
  int count = 0;
  for (TypesetLine& l : out)
    for (SourceLine& s : l.sources) {
      s.where = block.where;
      s.line = ++count;
    }
  return out;
}

void Composer::set_source(const ParagraphSource& source, Measure m, const Setting& how,
                          std::vector<TypesetLine>& out, std::vector<NoteCall>* calls) {
  SetOptions options;
  options.width_pt = m.width - how.hang;
  options.typography = typography_of(doc.page);
  options.between_words = how.headline;
  // A local copy: decorating a line sets strings (ruby) with the same setter.
  std::vector<Line> lines;
  setter_.set(source, options, lines, &diags);
  if (how.balanced && lines.size() > 1) balance_lines(source, options, lines);
  const double narrower = m.width - how.hang - options.width_pt;  // what balancing took off
  const int grid_lines =
      std::max(1, static_cast<int>(std::ceil(source.em_pt * style.line_height / g.line_pitch - 1e-6)));
  size_t next_mark = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    double x = m.x + (i > 0 ? how.hang : 0);
    double free = std::max(0.0, options.width_pt - line.width);
    if (how.align == Align::Centre) x += (free + narrower) / 2;
    if (how.align == Align::Right) x += free;
    for (int k = 1; k < grid_lines; ++k) out.emplace_back();
    out.push_back(to_typeset_line(line, source.input.text, x));
    SourceLine from;
    from.rect = Rect{m.x + (i > 0 ? how.hang : 0), -kAscentEm * source.em_pt, m.width - (i > 0 ? how.hang : 0),
                     source.em_pt};
    out.back().sources.push_back(from);
    if (!source.markup.empty()) decorate(*this, source, line, x, out.back());
    if (calls) find_note_calls(source, line, out.size() - 1, *calls, next_mark);
  }
}

// The narrowest measure (to a tenth of an em) at which the paragraph still
// takes as many lines as it does at options.width_pt: a two-line headline
// then reads as two even lines, not a full one and a stub.
void Composer::balance_lines(const ParagraphSource& source, SetOptions& options, std::vector<Line>& lines) {
  const size_t count = lines.size();
  // Breaks inside a word (脱|贫): a narrower measure may not add any.
  std::vector<uint8_t> boundary;
  text::word_boundaries(source.input.text, boundary);
  const auto inside_words = [&](const std::vector<Line>& set) {
    int n = 0;
    for (size_t i = 0; i + 1 < set.size(); ++i) n += set[i].text_end < boundary.size() && !boundary[set[i].text_end];
    return n;
  };
  const int splits = inside_words(lines);
  double fits = options.width_pt, lo = options.width_pt / static_cast<double>(count);
  std::vector<Line> trial;
  while (fits - lo > 0.1 * source.em_pt) {
    SetOptions narrower = options;
    narrower.width_pt = (lo + fits) / 2;
    setter_.set(source, narrower, trial, nullptr);
    bool ok = trial.size() == count && inside_words(trial) <= splits;
    for (const Line& l : trial) ok = ok && !l.overfull;
    (ok ? fits : lo) = narrower.width_pt;
  }
  if (fits == options.width_pt) return;
  options.width_pt = fits;
  setter_.set(source, options, lines, &diags);
}

std::vector<PageItem> Composer::set_string(const std::string& s, text::Role role, double size, double& width,
                                           Color color) {
  ParagraphSource source = plain_source(s, role, size, lang);
  source.input.vertical = vertical;
  SetOptions options;
  options.width_pt = 100000;
  options.typography = typography_of(doc.page);
  setter_.set(source, options, lines_, &diags);
  width = lines_.empty() ? 0 : lines_[0].width;
  if (lines_.empty()) return {};
  return to_typeset_line(lines_[0], s, 0, color).items;
}

// No glyph is narrower than an eighth of an em: at most eight times the
// measure's ems of the string are ever set, however long it is.
std::vector<PageItem> Composer::set_string_within(const std::string& s, text::Role role, double size,
                                                  double measure, double& width) {
  const std::string shown = first_code_points(s, static_cast<size_t>(std::max(64.0, 8 * measure / size)));
  std::vector<PageItem> items = set_string(shown, role, size, width);
  if (shown.size() == s.size() && width <= measure) return items;
  // The longest beginning that fits with the ellipsis after it.
  size_t fits = 0, fails = utf8::length(shown);
  while (fails - fits > 1) {
    const size_t mid = (fits + fails) / 2;
    double w = 0;
    set_string(first_code_points(shown, mid) + "…", role, size, w);
    (w <= measure ? fits : fails) = mid;
  }
  return set_string(first_code_points(shown, fits) + "…", role, size, width);
}

void Composer::place_string(std::vector<PageItem>& into, const std::string& s, text::Role role, double size,
                            double x, double baseline, double& width) {
  for (PageItem& item : set_string(s, role, size, width)) {
    translate(item, x, baseline);
    into.push_back(std::move(item));
  }
}

std::string heading_text(const Node& container) {
  const Node* title = model::title_of(container);
  return model::heading_prefix(container) + (title ? model::plain_text(*title) : "");
}

std::vector<TypesetLine> generated(std::vector<TypesetLine> lines) {
  for (TypesetLine& l : lines)
    for (SourceLine& s : l.sources) s.generated = true;
  return lines;
}

Node text_block(NodeKind kind, const std::string& text, const SourceLocation& where) {
  Node n;
  n.kind = kind;
  n.where = where;
  n.indent = false;
  Node words;
  words.kind = NodeKind::Text;
  words.where = where;
  words.text = text;
  n.children.push_back(std::move(words));
  return n;
}

}  // namespace huozi::layout
