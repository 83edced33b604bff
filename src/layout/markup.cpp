#include "layout/markup.h"

#include <algorithm>
#include <cctype>

#include "util/utf8.h"

namespace huozi::layout {
namespace {

using model::NodeKind;

// Byte ranges of the paragraph text that one markup covers.
class Covered {
 public:
  Covered(const ParagraphSource& source, uint32_t tag) {
    for (const text::TextSpan& span : source.input.spans)
      if (span.tag == tag) ranges_.emplace_back(span.begin, span.end);
  }
  bool empty() const { return ranges_.empty(); }
  bool contains(uint32_t cluster) const {
    for (const auto& [b, e] : ranges_)
      if (cluster >= b && cluster < e) return true;
    return false;
  }

 private:
  std::vector<std::pair<uint32_t, uint32_t>> ranges_;
};

void add_dots(const LayoutStyle& style, const ParagraphSource& source, const Line& line,
              const Covered& covered, double x, TypesetLine& out) {
  for (const GlyphRun& run : line.runs)
    for (const PositionedGlyph& g : run.glyphs)
      if (covered.contains(g.cluster) && is_dotted(source.input.text, g.cluster))
        out.items.push_back(Dot{x + g.x + g.advance / 2,
                                (1 - kAscentEm) * run.size_pt + style.dot_drop * run.size_pt,
                                style.dot_radius * run.size_pt,
                                {}});
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

// The annotation, half the base size, centred over the base (clreq 6).
void add_ruby(Composer& c, const Markup& ruby, double x0, double x1, TypesetLine& out) {
  double size = c.g.em * c.style.ruby_scale, w = 0;
  for (PageItem& item : c.set_string(ruby.target, text::Role::Body, size, w)) {
    translate(item, (x0 + x1 - w) / 2, -(kAscentEm * c.g.em) - c.style.ruby_gap_em * c.g.em);
    out.items.push_back(std::move(item));
  }
}

}  // namespace

void decorate(Composer& c, const ParagraphSource& source, const Line& line, double x, TypesetLine& out) {
  for (size_t tag = 1; tag <= source.markup.size(); ++tag) {
    const Markup& markup = source.markup[tag - 1];
    const Covered covered(source, static_cast<uint32_t>(tag));
    if (covered.empty()) continue;
    // How far the markup's glyphs on this line reach.
    double x0 = 1e9, x1 = -1e9;
    for (const GlyphRun& run : line.runs)
      for (const PositionedGlyph& g : run.glyphs)
        if (covered.contains(g.cluster)) {
          x0 = std::min(x0, x + g.x);
          x1 = std::max(x1, x + g.x + g.advance);
        }
    if (markup.kind == NodeKind::EmphasisDots) add_dots(c.style, source, line, covered, x, out);
    if (x1 <= x0) continue;
    if (markup.kind == NodeKind::Link) add_link(c, markup, x0, x1, out);
    if (markup.kind == NodeKind::Ruby && !markup.target.empty()) add_ruby(c, markup, x0, x1, out);
  }
}

bool is_dotted(const std::string& text, uint32_t cluster) {
  size_t i = cluster;
  char32_t c = utf8::next(text, i);
  return !utf8::is_cjk_punctuation(c) && c != ' ' && !(c < 0x80 && std::ispunct(static_cast<int>(c)));
}

}  // namespace huozi::layout
