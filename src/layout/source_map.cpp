#include "layout/source_map.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace huozi::layout {
namespace {

// Baselines closer than this are one line (the cells of a table row).
constexpr double kSameLine = 0.5;

bool before_or_at(const SourceLocation& a, const SourceLocation& b) {
  return std::tie(a.line, a.column) <= std::tie(b.line, b.column);
}

}  // namespace

void number_source_lines(PageFrame& page, const PageGeometry& g, bool recto) {
  page.text_columns.clear();
  for (int c = 0; c < g.columns; ++c)
    page.text_columns.push_back(
        Rect{g.column_left(c, recto), g.top, g.column_width(), g.lines * g.line_pitch});
  // The column a line stands in: the last whose left edge is at or left of
  // the line's measure (a headline across columns belongs to its first).
  for (SourceLine& line : page.source_lines) {
    line.column = 1;
    for (int c = 1; c < g.columns; ++c)
      if (line.rect.x + kSameLine >= g.column_left(c, recto)) line.column = c + 1;
  }
  std::stable_sort(page.source_lines.begin(), page.source_lines.end(),
                   [](const SourceLine& a, const SourceLine& b) {
                     if (a.column != b.column) return a.column < b.column;
                     if (std::abs(a.baseline - b.baseline) >= kSameLine) return a.baseline < b.baseline;
                     return a.rect.x < b.rect.x;
                   });
  int number = 0, column = 0;
  double last = 0;
  for (SourceLine& line : page.source_lines) {
    if (line.column != column) column = line.column, number = 0;
    if (number == 0 || std::abs(line.baseline - last) >= kSameLine) ++number, last = line.baseline;
    line.number = number;
  }
}

std::optional<LineHit> find_place(const std::vector<PageLines>& pages, const SourceLocation& at) {
  // The block: the latest start at or before the place, in its file.
  std::optional<SourceLocation> block;
  for (const PageLines& page : pages)
    for (const SourceLine& line : page.lines)
      if (!line.generated && line.where.file == at.file && line.where.line > 0 &&
          before_or_at(line.where, at) && (!block || before_or_at(*block, line.where)))
        block = line.where;
  if (!block) return std::nullopt;
  // Its first line, where it first appears.
  std::optional<LineHit> hit;
  for (const PageLines& page : pages)
    for (const SourceLine& line : page.lines)
      if (!line.generated && line.where == *block && (!hit || line.line < hit->line.line))
        hit = LineHit{page.number, page.label, line};
  return hit;
}

const PageLines* find_page(const std::vector<PageLines>& pages, const std::string& folio) {
  for (const PageLines& page : pages)
    if (page.label == folio) return &page;
  for (const PageLines& page : pages)
    if (std::to_string(page.number) == folio) return &page;
  return nullptr;
}

std::vector<SourceLine> lines_at(const PageLines& page, int column, int number) {
  std::vector<SourceLine> out;
  for (const SourceLine& line : page.lines)
    if (line.column == column && line.number == number) out.push_back(line);
  return out;
}

int columns_of(const PageLines& page) {
  int most = 0;
  for (const SourceLine& line : page.lines) most = std::max(most, line.column);
  return most;
}

}  // namespace huozi::layout
