#include "layout/trace.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>

namespace huozi::layout {
namespace {

std::string fixed(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", std::round(v * 10) / 10 + 0.0);
  return buf;
}

struct TraceLine {
  std::string text;
  double size = 0;
  double end = 0;  // x (in a column: y) just past the last glyph
};

// Text down a vertical column (issue 17): runs on one column's centre line
// whose glyphs follow on. Keyed right to left, then from the top.
struct ColumnKey {
  long x, y;
  bool operator<(const ColumnKey& o) const { return x != o.x ? x > o.x : y < o.y; }
};

// The centre line of the column a vertical run stands in: an upright glyph's
// horizontal origin is half an em left of it; a sideways run's baseline is
// 0.12 em right of its cell's left edge (the em box below a horizontal baseline).
double column_centre(const TextRun& run) {
  const PlacedGlyph& g = run.glyphs.front();
  return run.orientation == Orientation::Upright ? g.x + run.size / 2 : g.x + 0.38 * run.size;
}

void add_to_columns(const TextRun& run, std::map<ColumnKey, TraceLine>& columns) {
  const long x = std::lround(column_centre(run) * 10);
  const double y = run.glyphs.front().y - (run.orientation == Orientation::Upright ? 0.88 * run.size : 0);
  const double end = run.glyphs.back().y + run.size;
  auto joined = std::find_if(columns.begin(), columns.end(), [&](const auto& c) {
    // Within 0.4 em of the column's centre: a 縦中横 number's digits stand off it (columns are a line pitch apart).
    const double reach = 4 * std::max(run.size, c.second.size);
    return std::abs(c.first.x - x) <= reach && y >= c.second.end - 2 * run.size && y - c.second.end < 0.5 * run.size;
  });
  if (joined != columns.end()) {
    joined->second.text += run.text;
    joined->second.end = std::max(joined->second.end, end);
  } else {
    columns[{x, std::lround(y * 10)}] = {run.text, run.size, end};
  }
}

}  // namespace

std::string trace_page(const PageFrame& page, int number) {
  std::string out = "page " + std::to_string(number) + " (" + fixed(page.width) + "x" + fixed(page.height) + ")";
  if (!page.label.empty()) out += " label " + page.label;
  out += "\n";
  // Text runs on the same baseline and within one column's reach join into a line.
  struct LineKey {
    long y, x;
    bool operator<(const LineKey& o) const { return y != o.y ? y < o.y : x < o.x; }
  };
  std::map<LineKey, TraceLine> lines;
  std::map<ColumnKey, TraceLine> columns;
  std::vector<std::string> others;
  for (const PageItem& item : page.items) {
    if (const auto* run = std::get_if<TextRun>(&item)) {
      if (run->glyphs.empty()) continue;
      if (run->orientation != Orientation::Horizontal) {
        add_to_columns(*run, columns);
        continue;
      }
      long y = std::lround(run->glyphs.front().y * 10);
      double x = run->glyphs.front().x;
      double end = run->glyphs.back().x + run->size;
      // A run continues the line on its baseline that ends within two ems before it.
      auto joined = std::find_if(lines.begin(), lines.end(), [&](const auto& l) {
        return l.first.y == y && x >= l.second.end - run->size && x - l.second.end < 0.5 * run->size;
      });
      if (joined != lines.end()) {
        joined->second.text += run->text;
        joined->second.end = std::max(joined->second.end, end);
      } else {
        lines[{y, std::lround(x * 10)}] = {run->text, run->size, end};
      }
    } else if (const auto* box = std::get_if<Box>(&item)) {
      others.push_back("  box " + fixed(box->rect.x) + "," + fixed(box->rect.y) + " " + fixed(box->rect.width) + "x" +
                       fixed(box->rect.height) + (box->diagonals ? " fpo" : ""));
    } else if (const auto* rule = std::get_if<Rule>(&item)) {
      others.push_back("  rule " + fixed(rule->x0) + "," + fixed(rule->y0) + " " + fixed(rule->x1) + "," +
                       fixed(rule->y1));
    } else if (const auto* dot = std::get_if<Dot>(&item)) {
      others.push_back("  dot " + fixed(dot->x) + "," + fixed(dot->y));
    } else if (const auto* image = std::get_if<Image>(&item)) {
      // The file name only: a trace must not depend on where the tree is checked out.
      others.push_back("  image " + fixed(image->rect.x) + "," + fixed(image->rect.y) + " " +
                       std::filesystem::path(image->path).filename().string());
    }
  }
  for (const auto& [key, line] : lines)
    out += "  text " + fixed(key.x / 10.0) + "," + fixed(key.y / 10.0) + " " + fixed(line.size) + "pt " + line.text +
           "\n";
  // A column: its centre line's x, its top's y.
  for (const auto& [key, column] : columns)
    out += "  column " + fixed(key.x / 10.0) + "," + fixed(key.y / 10.0) + " " + fixed(column.size) + "pt " +
           column.text + "\n";
  for (const std::string& o : others) out += o + "\n";
  for (const Link& l : page.links) out += "  link " + fixed(l.rect.x) + "," + fixed(l.rect.y) + " -> " + (l.uri.empty() ? "#" + l.dest : l.uri) + "\n";
  for (const Anchor& a : page.anchors) out += "  anchor " + a.name + " " + fixed(a.x) + "," + fixed(a.y) + "\n";
  for (const ModuleRect& m : page.modules) {
    out += "  module " + m.what + " columns " + std::to_string(m.column + 1) + "-" + std::to_string(m.column + m.span) +
           (m.line < 0 ? std::string(" above")
                       : " lines " + std::to_string(m.line + 1) + "-" + std::to_string(m.line + m.lines)) +
           " at " + fixed(m.rect.x) + "," + fixed(m.rect.y) + " " +
           fixed(m.rect.width) + "x" + fixed(m.rect.height);
    if (m.text_line >= 0) out += " text " + std::to_string(m.text_line + 1);
    if (!m.column_feet.empty()) {
      out += " feet";
      for (int f : m.column_feet) out += " " + std::to_string(f + 1);
    }
    out += "\n";
  }
  return out;
}

}  // namespace huozi::layout
