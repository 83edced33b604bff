// An open face: FreeType and HarfBuzz handles and its coverage. Internal to
// src/text (the only code that touches HarfBuzz and FreeType).
#pragma once

#include <cstdint>
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
  Face(FtFace ft, FaceInfo info);

  hb_font_t* hb() const { return hb_.get(); }
  const FaceInfo& info() const { return info_; }
  bool covers(char32_t c) const {
    return c < coverage_.size() * 64 && ((coverage_[c >> 6] >> (c & 63)) & 1);
  }

  // The halt metrics of the glyph that c shapes to in this language (cached).
  HaltMetrics halt(char32_t c, hb_language_t lang);

 private:
  FtFace ft_;  // owns the FT_Face the hb font reads its tables from
  HbFont hb_;
  FaceInfo info_;
  std::vector<uint64_t> coverage_;  // bit per code point, U+0000..U+3FFFF
  std::unordered_map<uint64_t, HaltMetrics> halt_cache_;
  HbBuffer scratch_;
};

}  // namespace huozi::text
