#include "layout/markup.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <optional>

#include "util/utf8.h"

namespace huozi::layout {
namespace {

using model::NodeKind;

// The markup over each glyph: the tag of the span that holds its cluster.
// Spans are in text order and do not overlap, so a binary search finds it.
uint32_t tag_at(const std::vector<text::TextSpan>& spans, uint32_t cluster, size_t& index) {
  auto it = std::upper_bound(spans.begin(), spans.end(), cluster,
                             [](uint32_t at, const text::TextSpan& s) { return at < s.begin; });
  if (it == spans.begin()) return 0;
  --it;
  index = static_cast<size_t>(it - spans.begin());
  return cluster < it->end ? it->tag : 0;
}

// What one markup reaches on a line: its glyphs' left and right ends, its
// dots, and the bytes of its text (all of it, across lines: [begin, end)).
struct Reach {
  double x0 = 1e9, x1 = -1e9;
  std::vector<PageItem> dots;
  uint32_t begin = 0, end = 0;
};

// The bytes the spans of `tag` around span `index` cover, from the first to the last.
void markup_extent(const std::vector<text::TextSpan>& spans, size_t index, uint32_t tag, Reach& r) {
  size_t first = index, last = index;
  while (first > 0 && spans[first - 1].tag == tag) --first;
  while (last + 1 < spans.size() && spans[last + 1].tag == tag) ++last;
  r.begin = spans[first].begin;
  r.end = spans[last].end;
}

// Where a glyph's cell begins along its line: an upright glyph's x is its
// horizontal origin, which stands 0.88 em below its cell's top (the
// vertical origin of Noto CJK's glyphs and of a 縦中横 number's digits).
double cell_start(const GlyphRun& run, const PositionedGlyph& g) {
  return run.upright ? g.x - kAscentEm * run.size_pt : g.x;
}

// 着重号: under the character in a line; in a vertical column (`vertical`:
// upright and sideways runs alike) to its right, which in the turned frame is
// above the em box (clreq). One a cell: a 縦中横 number's digits before its
// last advance nothing.
std::optional<Dot> emphasis_dot(const LayoutStyle& style, const GlyphRun& run, const PositionedGlyph& g, double x,
                                bool vertical) {
  if (run.upright && g.advance == 0) return std::nullopt;
  const double size = run.size_pt, radius = style.dot_radius * size;
  const double along = x + cell_start(run, g) + g.advance / 2;
  if (vertical) return Dot{along, -kAscentEm * size - style.dot_drop * size, radius, {}};
  return Dot{along, (1 - kAscentEm) * size + style.dot_drop * size, radius, {}};
}

void add_link(const Composer& c, const Markup& link, double x0, double x1, TypesetLine& out) {
  Link area;
  area.rect = {x0, -kAscentEm * c.g.em, x1 - x0, c.g.em};
  if (!link.target.empty() && link.target[0] == '#')
    area.dest = link.target.substr(1);
  else
    area.uri = link.target;
  out.links.push_back(std::move(area));
}

// The code points [from, to) of s, counted in code points.
std::string code_points(const std::string& s, size_t from, size_t to) {
  size_t i = 0, n = 0, begin = s.size();
  while (i < s.size() && n < to) {
    if (n == from) begin = i;
    utf8::next(s, i);
    ++n;
  }
  return begin < i ? s.substr(begin, i - begin) : std::string();
}

// The annotation, half the base size, centred over the base (clreq 6). A
// base broken across lines takes its share of the annotation on each line,
// by the share of the base's text the line sets.
void add_ruby(Composer& c, const Markup& ruby, const Reach& r, const Line& line, TypesetLine& out) {
  std::string text = ruby.target;
  const uint32_t from = std::max(r.begin, line.text_begin), to = std::min(r.end, line.text_end);
  if ((from > r.begin || to < r.end) && r.end > r.begin) {
    const double n = static_cast<double>(utf8::length(ruby.target)), base = r.end - r.begin;
    text = code_points(ruby.target, static_cast<size_t>(std::lround(n * (from - r.begin) / base)),
                       static_cast<size_t>(std::lround(n * (to - r.begin) / base)));
    if (text.empty()) return;
  }
  double size = c.g.em * c.style.ruby_scale, w = 0;
  for (PageItem& item : c.set_string(text, text::Role::Body, size, w)) {
    translate(item, (r.x0 + r.x1 - w) / 2, -(kAscentEm * c.g.em) - c.style.ruby_gap_em * c.g.em);
    out.items.push_back(std::move(item));
  }
}

}  // namespace

void decorate(Composer& c, const ParagraphSource& source, const Line& line, double x, TypesetLine& out) {
  // One walk over the line's glyphs finds what each markup reaches on it.
  const std::vector<text::TextSpan>& spans = source.input.spans;
  std::map<uint32_t, Reach> reach;  // by tag: the markup in reading order
  for (const GlyphRun& run : line.runs)
    for (const PositionedGlyph& g : run.glyphs) {
      size_t index = 0;
      const uint32_t tag = tag_at(spans, g.cluster, index);
      if (tag == 0 || tag > source.markup.size()) continue;
      auto [it, fresh] = reach.try_emplace(tag);
      Reach& r = it->second;
      if (fresh) markup_extent(spans, index, tag, r);
      r.x0 = std::min(r.x0, x + cell_start(run, g));
      r.x1 = std::max(r.x1, x + cell_start(run, g) + g.advance);
      if (source.markup[tag - 1].kind == NodeKind::EmphasisDots && is_dotted(source.input.text, g.cluster))
        if (std::optional<Dot> dot = emphasis_dot(c.style, run, g, x, source.input.vertical)) r.dots.push_back(*dot);
    }
  for (auto& [tag, r] : reach) {
    const Markup& markup = source.markup[tag - 1];
    for (PageItem& dot : r.dots) out.items.push_back(std::move(dot));
    if (r.x1 <= r.x0) continue;
    if (markup.kind == NodeKind::Link) add_link(c, markup, r.x0, r.x1, out);
    if (markup.kind == NodeKind::Ruby && !markup.target.empty()) add_ruby(c, markup, r, line, out);
  }
}

bool is_dotted(const std::string& text, uint32_t cluster) {
  size_t i = cluster;
  char32_t c = utf8::next(text, i);
  return !utf8::is_cjk_punctuation(c) && c != ' ' && !(c < 0x80 && std::ispunct(static_cast<int>(c)));
}

}  // namespace huozi::layout
