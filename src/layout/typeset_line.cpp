#include "layout/typeset_line.h"

#include <algorithm>

namespace huozi::layout {
namespace {

// The byte where the text of run r of the line ends: the next run's first
// cluster, or the line's end.
uint32_t run_text_end(const Line& line, size_t r) {
  uint32_t end = line.text_end;
  uint32_t begin = line.runs[r].glyphs.front().cluster;
  for (size_t k = r + 1; k < line.runs.size(); ++k)
    for (const PositionedGlyph& g : line.runs[k].glyphs)
      if (g.cluster > begin) end = std::min(end, g.cluster);
  return end;
}

}  // namespace

TypesetLine to_typeset_line(const Line& line, const std::string& text, double x, const Color& color) {
  TypesetLine out;
  for (size_t r = 0; r < line.runs.size(); ++r) {
    const GlyphRun& run = line.runs[r];
    if (run.glyphs.empty()) continue;
    TextRun t;
    t.font = run.face;
    t.size = run.size_pt;
    t.color = color;
    t.orientation = run.upright ? Orientation::Upright : Orientation::Horizontal;
    uint32_t begin = run.glyphs.front().cluster;
    uint32_t end = std::max(begin, run_text_end(line, r));
    end = std::min<uint32_t>(end, static_cast<uint32_t>(text.size()));
    t.text = text.substr(begin, end - begin);
    t.glyphs.reserve(run.glyphs.size());
    // Clusters: runs of glyphs that share a cluster offset; each covers the
    // bytes up to the next cluster's offset (or the run's end).
    size_t i = 0;
    while (i < run.glyphs.size()) {
      size_t j = i;
      while (j < run.glyphs.size() && run.glyphs[j].cluster == run.glyphs[i].cluster) ++j;
      uint32_t next = j < run.glyphs.size() ? run.glyphs[j].cluster : end;
      int bytes = next > run.glyphs[i].cluster ? static_cast<int>(next - run.glyphs[i].cluster) : 0;
      t.clusters.emplace_back(bytes, static_cast<int>(j - i));
      i = j;
    }
    for (const PositionedGlyph& g : run.glyphs) t.glyphs.push_back({g.id, x + g.x, -g.y});
    if (line.hyphenated && r + 1 == line.runs.size() && t.clusters.back() == std::pair<int, int>{0, 1}) {
      t.text += kSoftHyphen;  // the added hyphen copies out as U+00AD, as PDF 32000 §14.9.4 suggests
      t.clusters.back().first = static_cast<int>(kSoftHyphen.size());
    }
    // A cluster map must add up to the text (the PDF writer cuts the text by
    // it for the ToUnicode map and ActualText); a run
    // whose clusters are out of order keeps its text as one cluster.
    int total = 0;
    bool ordered = true;
    for (size_t k = 1; k < run.glyphs.size(); ++k) ordered = ordered && run.glyphs[k].cluster >= run.glyphs[k - 1].cluster;
    for (const auto& c : t.clusters) total += c.first;
    if (!ordered || total != static_cast<int>(t.text.size())) {
      t.clusters.assign(1, {static_cast<int>(t.text.size()), static_cast<int>(t.glyphs.size())});
    }
    out.items.push_back(std::move(t));
  }
  return out;
}

}  // namespace huozi::layout
