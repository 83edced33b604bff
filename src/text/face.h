// An open face: HarfBuzz handles and the caches built on them.
// Internal to src/text (the only code that touches HarfBuzz and FreeType).
// Its coverage is the FontDb's (from fontconfig), so that asking whether a
// face covers a character does not open it.
#pragma once

#include <climits>
#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

#include "text/font_db.h"
#include "text/handles.h"

namespace huozi::text {

// How `halt` sets one punctuation glyph (clreq §2): the half-em blank it removes.
struct HaltMetrics {
  int32_t advance_delta = 0;  // font units removed from the advance (0: none)
  int32_t offset_delta = 0;   // font units the glyph moves (negative: blank on the left)
};

class Face {
 public:
  // The HarfBuzz font over the face (its tables read in place from the
  // memory-mapped file; metrics from the font's own tables, unhinted).
  Face(HbFace face, FaceInfo info);

  hb_font_t* hb() const { return hb_.get(); }
  const FaceInfo& info() const { return info_; }
  int units_per_em() const { return units_per_em_; }

  // The centre of the ideographic em box above the alphabetic baseline, in
  // font units (BASE table, else HarfBuzz's fallback): where a vertical
  // column's centre line stands relative to the baseline of the same line
  // set horizontally.
  int32_t embox_centre();

  // The halt metrics of the glyph that c shapes to in this language (cached);
  // `vertical`: of its vertical form in a column, by 'vhal'.
  HaltMetrics halt(char32_t c, hb_language_t lang, bool vertical = false);

  // The fast path for Han runs: when no GSUB/GPOS lookup of HarfBuzz's plan
  // for (Han, lang, direction) can touch c's nominal glyph (as input, context
  // or output), shaping leaves it as it is in any context; sets its glyph,
  // advance and (vertical) the offsets to its horizontal origin, in font
  // units as HarfBuzz gives them, and returns true. BMP only; false means "shape it".
  struct SimpleGlyph {
    uint32_t glyph = 0;
    int32_t advance = 0;              // along the line or column (a column's: positive, downwards)
    int32_t origin_x = 0, origin_y = 0;  // vertical: HarfBuzz's x and y offsets
  };
  bool simple_glyph(char32_t c, hb_language_t lang, bool vertical, SimpleGlyph& out);

 private:
  HbFont hb_;
  FaceInfo info_;
  int units_per_em_ = 1000;
  std::unordered_map<uint64_t, HaltMetrics> halt_cache_;
  int32_t embox_centre_ = INT32_MIN;  // not read yet
  struct SimpleGlyphs {
    std::vector<uint64_t> touched;  // bit per glyph id
    std::vector<uint32_t> glyph;    // per BMP code point: glyph id, kUnknown or kComplex
    std::vector<int32_t> advance;
    std::vector<int32_t> origin_x, origin_y;  // vertical tables only
  };
  SimpleGlyphs& simple_glyphs(hb_language_t lang, bool vertical);
  // Horizontal and vertical tables by language.
  std::unordered_map<hb_language_t, std::unique_ptr<SimpleGlyphs>> simple_[2];
  hb_language_t last_lang_ = nullptr;  // the table used last: most runs share one language
  bool last_vertical_ = false;
  SimpleGlyphs* last_simple_ = nullptr;
  HbBuffer scratch_;
};

}  // namespace huozi::text
