// Plain data in and out of the text engine: a paragraph's text with its
// styled spans going in; runs, glyphs and clusters with break opportunities
// coming out. No HarfBuzz or FreeType type appears here.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "text/clreq.h"
#include "text/font_db.h"
#include "util/source_location.h"

namespace huozi::text {

struct Style {
  Role role = Role::Body;
  double size_pt = 10.5;
  double rise_pt = 0;  // raised above the baseline by this much (superscript note marks)
  std::string lang;    // BCP 47 of this text (xml:lang, else the publication's)
  bool combine = false;  // <tcy>: in a vertical column, its digits side by side in one cell
};

// A byte range of TextInput::text set in one style.
struct TextSpan {
  uint32_t begin = 0;
  uint32_t end = 0;
  Style style;
  SourceLocation where;  // where the span's text starts, for diagnostics
  uint32_t tag = 0;      // the caller's name for the markup the text is in (0: none); the engine ignores it
};

// One paragraph: UTF-8 text, covered left to right by spans without gaps.
struct TextInput {
  std::string text;
  std::vector<TextSpan> spans;
  std::string lang;                  // the paragraph's language; faces for non-Chinese spans follow it
  const FileTable* files = nullptr;  // names the files of the spans' places; none: diagnostics name no file
  // Set in a vertical column (issue 17): Chinese text upright in its
  // vertical forms, Latin words sideways, numbers of one or two digits side
  // by side in one cell (縦中横). Glyph and Cluster then measure along the
  // column: see Glyph.
  bool vertical = false;
};

// A glyph, in points, with the byte offset of its cluster in the paragraph text.
// In a horizontal line x runs along the line and y up from the baseline. A
// vertical column is set as if it were a horizontal line turned 90°
// clockwise: x runs down the column and y towards its right; for a glyph of
// an upright run (Run::upright) the offsets put its horizontal origin there
// (x_offset below the top of its cell, y_offset right of the baseline that
// the turned line has, the column's left em-box edge plus its descent).
struct Glyph {
  uint32_t id = 0;
  uint32_t cluster = 0;
  double x_advance = 0;
  double x_offset = 0;
  double y_offset = 0;
};

// A maximal piece of text in one face, size, script and span.
struct Run {
  uint32_t text_begin = 0, text_end = 0;
  uint32_t glyph_begin = 0, glyph_end = 0;
  FaceId face = 0;
  uint16_t span = 0;
  double size_pt = 10.5;
  Variant variant = Variant::Hans;
  // In a vertical column: the glyphs stand upright (Han, kana, CJK marks,
  // 縦中横); false there: a Latin word turned sideways, set as horizontal text.
  bool upright = false;
  bool combined = false;  // 縦中横: the digits share one cell (one cluster, 1 em along the column)
  // The glyph a line broken inside one of the run's words ends with (a
  // hyphen), and its advance; set when the run has a hyphen break.
  uint32_t hyphen_glyph = 0;
  double hyphen_advance = 0;
};

// The unit of line breaking: one character (with its combining marks), or a
// ligature. Widths in points.
struct Cluster {
  uint32_t text_begin = 0, text_end = 0;    // bytes of the paragraph text
  uint32_t glyph_begin = 0, glyph_end = 0;  // into ShapedParagraph::glyphs
  char32_t first = 0, last = 0;             // first and last base characters
  CharClass cls = CharClass::Other;         // of first
  CharClass last_cls = CharClass::Other;    // of last
  uint16_t run = 0;
  double advance = 0;        // natural width
  double blank = 0;          // the adjustable blank of a mark (clreq §2), from `halt`; 0 if none
  bool blank_left = false;   // the blank is on the left half (opening marks)
  bool blank_centred = false;  // half of it each side (zh-Hant's centred marks): shrink only
  bool break_after = false;  // a line may end after this cluster (clreq §1 + UAX #14)
  bool hyphen_after = false; // ... inside a word, with a hyphen (the run's hyphen_glyph)
  bool inside_word = false;  // ... between two characters of one Chinese word (headlines avoid it)
};

struct ShapedParagraph {
  std::string text;
  std::vector<Run> runs;
  std::vector<Glyph> glyphs;
  std::vector<Cluster> clusters;
  size_t missing_glyphs = 0;  // characters no face covers (each also a warning)

  void clear() {
    text.clear();
    runs.clear();
    glyphs.clear();
    clusters.clear();
    missing_glyphs = 0;
  }
};

}  // namespace huozi::text
