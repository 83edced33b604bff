#include "layout/justify.h"

#include <cmath>

namespace huozi::layout {
namespace {

// Appends the glyphs of clusters [begin, end) at x; a mark losing `removed`
// points of its blank gives them up on its blank's side.
double place_clusters(const text::ShapedParagraph& shaped, uint32_t begin, uint32_t end, double x, double removed,
                      Line& line) {
  for (uint32_t c = begin; c < end; ++c) {
    const text::Cluster& cluster = shaped.clusters[c];
    const text::Run& run = shaped.runs[cluster.run];
    if (line.runs.empty() || line.runs.back().face != run.face || line.runs.back().size_pt != run.size_pt ||
        line.runs.back().upright != run.upright) {
      line.runs.push_back(GlyphRun{run.face, run.size_pt, run.upright, {}});
    }
    auto& glyphs = line.runs.back().glyphs;
    const double shift = cluster.blank_left ? -removed : cluster.blank_centred ? -removed / 2 : 0;
    for (uint32_t g = cluster.glyph_begin; g < cluster.glyph_end; ++g) {
      const text::Glyph& glyph = shaped.glyphs[g];
      const bool last_glyph = g + 1 == cluster.glyph_end;
      const double advance = glyph.x_advance - (last_glyph ? removed : 0);
      glyphs.push_back(PositionedGlyph{glyph.id, glyph.cluster, x + glyph.x_offset + shift, glyph.y_offset, advance});
      x += advance;
    }
  }
  return x;
}

// The hyphen of a line broken inside a word, in the face of the word's last
// letter. It belongs to no source text: its cluster is the offset after the
// line's text, and Line::hyphenated tells the PDF writer to copy it out as a
// soft hyphen.
double place_hyphen(const text::ShapedParagraph& shaped, const Item& brk, double x, Line& line) {
  const text::Cluster& before = shaped.clusters[brk.cluster_begin - 1];
  const text::Run& run = shaped.runs[before.run];
  if (line.runs.back().face != run.face || line.runs.back().size_pt != run.size_pt || line.runs.back().upright)
    line.runs.push_back(GlyphRun{run.face, run.size_pt, false, {}});
  line.runs.back().glyphs.push_back(PositionedGlyph{run.hyphen_glyph, line.text_end, x, 0, run.hyphen_advance});
  line.hyphenated = true;
  return x + run.hyphen_advance;
}

}  // namespace

void justify_lines(const text::ShapedParagraph& shaped, const ItemList& list, const std::vector<LineSpan>& spans,
                   const LineWidths& widths, std::vector<Line>& out, bool justify) {
  out.clear();
  const auto& items = list.items;
  for (size_t l = 0; l < spans.size(); ++l) {
    const LineSpan& span = spans[l];
    Line line;
    line.measure = widths.at(l);
    line.last = items[span.end].forced;
    line.overfull = span.overfull;
    line.ragged = span.ragged;
    double r = std::isfinite(span.ratio) ? span.ratio : 0;
    if (r < -1) r = -1;
    if (!justify && r > 0) r = 0;  // ragged: natural width, compressed only to fit
    const double first = r > 0 ? span.priority_ratio : 0, second = r > 0 ? span.spacing_ratio : 0;
    // Compressed: marks and word spaces first, then Han–Latin spaces (overfull: all at once).
    const double first_shrink = r < 0 ? (span.overfull ? -1 : span.priority_ratio) : 0;
    const double late_shrink = r < 0 ? (span.overfull ? -1 : span.spacing_ratio) : 0;
    line.ratio = r > 0 ? (span.stretch > 0 ? second : first) : r;
    const bool hang = items[span.end].hang;  // the last mark hangs past the measure
    const double end_trim = hang ? 0 : -items[span.end].width;
    double hung = 0;
    double x = 0;
    bool text_started = false;
    for (size_t i = span.begin; i < span.end; ++i) {
      const Item& it = items[i];
      if (it.kind == ItemKind::Penalty) continue;
      if (it.kind == ItemKind::Glue) {
        x += it.width + (r > 0 ? first * it.priority_stretch + second * it.stretch
                               : r < 0 ? first_shrink * it.shrink + late_shrink * it.late_shrink : 0);
        continue;
      }
      // A box: its compression is what the line takes from its blank.
      double removed = it.removed;
      double shrink = it.shrink;
      if (i == span.begin && it.start_trim > 0) {
        removed += it.start_trim;
        shrink -= it.start_trim;
      }
      if (i + 1 == span.end) {  // a penalty directly follows the box it may trim
        if (end_trim > 0) {
          removed += end_trim;
          shrink -= end_trim;
        }
      }
      if (hang && i + 1 == span.end) {
        shrink = 0;  // set whole, outside the measure
        hung = it.width + it.removed - removed;  // what the mark's glyph advances
      }
      if (r < 0 && shrink > 0) removed += -first_shrink * shrink;
      if (it.cluster_end > it.cluster_begin) {
        if (!text_started) {
          line.text_begin = shaped.clusters[it.cluster_begin].text_begin;
          text_started = true;
        }
        line.text_end = shaped.clusters[it.cluster_end - 1].text_end;
        x = place_clusters(shaped, it.cluster_begin, it.cluster_end, x, removed, line);
      } else {
        x += it.width;  // the first-line indent
      }
    }
    if (items[span.end].hyphen && !line.runs.empty()) x = place_hyphen(shaped, items[span.end], x, line);
    line.width = x - hung;  // a hanging mark is not part of the set width
    out.push_back(std::move(line));
  }
}

}  // namespace huozi::layout
