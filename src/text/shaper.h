// Itemisation and shaping of one paragraph: code points → runs (span, face,
// script) → HarfBuzz glyphs → clusters with widths, adjustable blanks and
// break opportunities. Reuses its buffers from paragraph to paragraph.
#pragma once

#include <memory>

#include "text/font_db.h"
#include "text/shaped.h"
#include "util/diagnostic.h"

namespace huozi::text {

class Shaper {
 public:
  explicit Shaper(FontDb& fonts);
  ~Shaper();
  Shaper(const Shaper&) = delete;
  Shaper& operator=(const Shaper&) = delete;

  // Shapes the paragraph into out (cleared first). A character that no face
  // covers is reported to diags (if given) as a warning with its place, the
  // first time this shaper meets it. Default-ignorable characters (zero-width
  // space, BOM, bidi controls) need no glyph and are not reported.
  void shape(const TextInput& input, ShapedParagraph& out, DiagnosticList* diags = nullptr);

  // Han runs take a fast path for characters no OpenType lookup can touch
  // (see Face::simple_glyph); off, everything goes through hb_shape. For tests.
  void set_fast_path(bool on);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace huozi::text
