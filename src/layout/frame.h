// Pages as frames: a size plus positioned items, in paint order. This is all a
// PDF writer sees; it never sees the content model or the text engine.
//
// Units are PostScript points; the origin is the top-left corner of the page
// and y grows downwards (as on a screen; the PDF writer flips it).
#pragma once

#include <cstdint>
#include <type_traits>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "util/source_location.h"

namespace huozi::layout {

struct Rect {
  double x = 0, y = 0, width = 0, height = 0;
};

struct Color {
  double r = 0, g = 0, b = 0;
  static Color black() { return {}; }
  static Color gray(double v) { return {v, v, v}; }
};

// A font file (and face index inside a .ttc collection) that text runs use.
struct FontRef {
  std::string file;
  int index = 0;
  bool operator==(const FontRef&) const = default;
};

struct PlacedGlyph {
  uint32_t id = 0;
  double x = 0, y = 0;  // the glyph origin on the baseline
};

// Glyphs of one font and size, with the text they show and the cluster map
// between the two (pairs of UTF-8 byte count and glyph count, in order), so
// that text copied out of the PDF is the source text.
// The text of a hyphen added where a word breaks at a line end (U+00AD SOFT
// HYPHEN): it copies out as nothing a reader sees.
inline constexpr std::string_view kSoftHyphen = "\xC2\xAD";

// How a run's glyphs stand on the page (vertical writing, issue 17).
// Horizontal: along a horizontal baseline. Upright: down a vertical column,
// each glyph upright (Han, kana, CJK punctuation in its vertical forms);
// PlacedGlyph holds the glyph's horizontal origin all the same, so a renderer
// draws it as it would a horizontal glyph, but the text reads downwards
// (the PDF shows it in a vertical font, WMode 1). Sideways: a Latin word or
// number in a vertical column, turned 90° clockwise; PlacedGlyph is the
// origin on its baseline, which runs down the page.
enum class Orientation : uint8_t { Horizontal, Upright, Sideways };

struct TextRun {
  uint16_t font = 0;  // index into the document's font list
  double size = 10.5;
  Color color;
  std::vector<PlacedGlyph> glyphs;
  std::string text;
  std::vector<std::pair<int, int>> clusters;
  // Drawn as outlines, not as text: marks that are not content (an FPO label)
  // must not copy out of the PDF or be read by a screen reader.
  bool outlined = false;
  Orientation orientation = Orientation::Horizontal;
};

// A straight line.
struct Rule {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double width = 0.5;
  Color color;
  bool dashed = false;
  bool dotted = false;  // round dots: leaders in a table of contents
};

// A rectangle: frames, backgrounds, and FPO placeholders (with diagonals).
struct Box {
  Rect rect;
  double stroke = 0.5;  // 0: no outline
  Color stroke_color;
  bool filled = false;
  Color fill = Color::gray(0.95);
  bool dashed = false;
  bool diagonals = false;
};

// A PNG or JPEG file drawn into rect.
struct Image {
  Rect rect;
  std::string path;
};

// A filled dot: 着重号 emphasis marks.
struct Dot {
  double x = 0, y = 0;  // centre
  double radius = 0.5;
  Color color;
};

using PageItem = std::variant<TextRun, Rule, Box, Image, Dot>;

// Moves an item by (dx, dy).
inline void translate(PageItem& item, double dx, double dy) {
  std::visit(
      [&](auto& i) {
        using T = std::decay_t<decltype(i)>;
        if constexpr (std::is_same_v<T, TextRun>) {
          for (PlacedGlyph& g : i.glyphs) {
            g.x += dx;
            g.y += dy;
          }
        } else if constexpr (std::is_same_v<T, Rule>) {
          i.x0 += dx, i.x1 += dx, i.y0 += dy, i.y1 += dy;
        } else if constexpr (std::is_same_v<T, Dot>) {
          i.x += dx, i.y += dy;
        } else {
          i.rect.x += dx, i.rect.y += dy;
        }
      },
      item);
}

// A clickable area: to a named destination in this PDF, or to a URI.
struct Link {
  Rect rect;
  std::string dest;
  std::string uri;
};

// A named destination (a heading, a footnote) that links and the outline point at.
struct Anchor {
  std::string name;
  double x = 0, y = 0;
};

// A module of a newspaper page (a story, a photo group) as the page
// composer placed it: on the module area's grid (column and line from 0 at
// its top left, under the banner) and on the page. Not drawn: for `huozi
// pages`, the tests and the editor's proof.
struct ModuleRect {
  std::string what;  // "article news-1", "photos", "banner", "head"
  int column = 0, line = 0, span = 0, lines = 0;
  Rect rect;
  // A story's text columns: their first line and each one's last, on the module grid (-1, {}: not a story).
  int text_line = -1;
  std::vector<int> column_feet;
};

// A line of text on the page and the place in the source it comes from: the
// source map that `huozi where` and the proof read (SyncTeX's idea, at the
// grain of lines). Not drawn.
struct SourceLine {
  SourceLocation where;  // the block's element: a paragraph, title, verse line, table cell, note, caption
  int line = 1;          // which line of that block, from 1
  // Text huozi sets for the block rather than the block's own (a contents
  // entry, "（上接第5版）"): it shows where it comes from, but the place
  // does not lead to it.
  bool generated = false;
  Rect rect;  // the measure the line is set in, from its ascent to its descent (not its ink)
  double baseline = 0;
  // Counted when the page is finished (number_source_lines): the page's text
  // column the line stands in and its line in that column, both from 1.
  int column = 0;
  int number = 0;
};

// Moves a source line by (dx, dy).
inline void translate(SourceLine& line, double dx, double dy) {
  line.rect.x += dx;
  line.rect.y += dy;
  line.baseline += dy;
}

struct PageFrame {
  double width = 0, height = 0;
  // The page's place in the book, from 1. Pages may be made out of order (a
  // table of contents is drawn after the body it lists): consumers put each
  // page at its place.
  int number = 0;
  std::string label;  // the page label ("iii", "12"); empty: the page number
  std::vector<PageItem> items;
  std::vector<Link> links;
  std::vector<Anchor> anchors;
  std::vector<ModuleRect> modules;  // a newspaper page's
  // Every line of text from the source, by column and line (source_map.h).
  std::vector<SourceLine> source_lines;
  std::vector<Rect> text_columns;  // the text block's columns, left to right, that SourceLine::column counts
  bool vertical = false;  // set in vertical columns, as a turned frame (vertical_page.h)
};

// One bookmark of the PDF outline.
struct OutlineEntry {
  std::string title;
  int level = 1;  // 1 = top
  int page = 1;   // 1-based, physical
  double y = 0;
  std::string dest;  // the heading's anchor, for links from a table of contents
};

}  // namespace huozi::layout
