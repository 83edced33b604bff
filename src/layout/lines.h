// Typeset lines as plain data: glyph runs with positions, face, size and
// clusters, for page layout and the PDF writer. Nothing here knows of the PDF.
#pragma once

#include <cstdint>
#include <vector>

#include "text/font_db.h"

namespace huozi::layout {

// A glyph placed on the line: x from the line's left edge, y up from the baseline.
struct PositionedGlyph {
  uint32_t id = 0;
  uint32_t cluster = 0;  // byte offset of its characters in the paragraph text
  double x = 0;
  double y = 0;
  double advance = 0;    // after justification
};

// Consecutive glyphs of one face and size.
struct GlyphRun {
  text::FaceId face = 0;  // FontDb::info(face) gives the file and face index
  double size_pt = 0;
  bool upright = false;  // upright in a vertical column (text::Run::upright): x runs down it
  std::vector<PositionedGlyph> glyphs;
};

struct Line {
  std::vector<GlyphRun> runs;
  uint32_t text_begin = 0, text_end = 0;  // bytes of the paragraph text this line sets
  double width = 0;    // the set width (the measure, for a justified line)
  double measure = 0;  // the width it was set to
  double ratio = 0;    // <0 compressed; >0 the gaps between characters spread by this
                       // (0.25 em at 1), or where there are none, the spaces; 0 natural
  bool last = false;   // the paragraph's last line (flush left)
  bool hyphenated = false;  // ends with a hyphen that is not in the text (its last glyph)
  bool ragged = false;      // set flush left: nothing to spread, or only ems apart (linebreak.h)
  bool overfull = false;
};

}  // namespace huozi::layout
