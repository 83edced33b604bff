// One font of the document as the PDF embeds it: a Type 0 font with
// Identity-H encoding (and, when a page shows it upright in a vertical
// column, a second with Identity-V over the same CIDFont), its glyph widths,
// a ToUnicode map built from the text the glyphs were shown for, and the
// font program subset to the glyphs used (hb-subset). The content streams
// show each glyph's code: its CID in a CID-keyed CFF font (whose subset keeps
// the CIDs but renumbers the glyphs), else its glyph id (those subsets keep
// the glyph ids).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "layout/frame.h"
#include "pdf/handles.h"
#include "pdf/pdf_syntax.h"

namespace huozi::pdf {

// Font programs already subset and packed, by face and glyph set, kept from
// one PDF to the next (`huozi watch`: an edit that shows no glyph the book
// did not show before subsets nothing). Fonts are prepared on two threads.
class SubsetCache {
 public:
  struct Program {
    std::string bytes, dict;
    bool is_cff = false;
  };
  bool find(const std::string& key, Program& out);
  void store(const std::string& key, const Program& program);
  // Ends a PDF: programs it did not use are dropped.
  void end_build();
  void clear();

 private:
  std::mutex mutex_;
  std::map<std::string, std::pair<Program, bool>> programs_;  // key -> program, used since end_build
};

// A glyph shown upright (in the vertical font, WMode 1) has its vertical
// origin at the bottom-left corner of its ideographic em box: this many
// thousandths of an em below its horizontal origin, at the same x (Noto
// CJK's em box runs from 880 above the baseline to 120 below). The CIDFont
// says so (/W2) and page content places the glyphs by it, so the ink lands
// where a horizontal glyph at the same origin would.
// Not the default /DW2 [880 -1000] (the top centre of the box): poppler
// (pdftotext 22.12) ignores the position vector and takes a vertical glyph to
// fill the em square right of and above its vertical origin, so every upright
// glyph would read half an em right of and an em above its ink, and a
// sideways word in the column (a horizontal font, turned: read where its ink
// is) would overlap the next upright glyph and split the column into pieces
// that copy out of order. With this origin poppler's box is the em box, and a
// column reads as one line. Viewers that follow the position vector
// (§9.7.4.3) place and read the glyphs the same either way.
inline constexpr int kVerticalOriginBelow = 120;

class EmbeddedFont {
 public:
  explicit EmbeddedFont(layout::FontRef ref, SubsetCache* cache = nullptr);
  ~EmbeddedFont();
  EmbeddedFont(const EmbeddedFont&) = delete;
  EmbeddedFont& operator=(const EmbeddedFont&) = delete;

  // Opens the font file (mapped, not read) on first use. False with a reason
  // in error() if it cannot be read as a font.
  bool open();
  const std::string& error() const { return error_; }

  int units_per_em() const { return upem_; }
  // The code a content stream shows for the glyph.
  uint32_t code(uint32_t glyph) const { return glyph < cids_.size() ? cids_[glyph] : glyph; }
  // The glyph's advance in PDF glyph space (1/1000 em), to a tenth: the
  // value the /W array gives it, from which a viewer places the next glyph.
  double width(uint32_t glyph);
  // Records that `glyph` was shown for `text`. Returns false if the glyph was
  // shown for other text before: the ToUnicode map holds one text a glyph, so
  // that occurrence needs its text said another way (ActualText).
  bool show(uint32_t glyph, std::string_view text);
  // Records a glyph shown with no text of its own.
  void use(uint32_t glyph);
  // The glyph outline as PDF path operators in font units (y up), for text
  // drawn as shapes.
  std::string outline(uint32_t glyph);

  // The Type 0 font's object number, reserved on first call.
  int object(ObjectFile& file);
  // The vertical (Identity-V, WMode 1) Type 0 font's, reserved on first call:
  // for glyphs shown upright in a vertical column.
  int vertical_object(ObjectFile& file);
  bool used() const { return object_ != 0 || vertical_object_ != 0; }
  // Subsets and packs the font program: the slow part of write(), which
  // needs no file, so fonts can be prepared on several threads at once.
  bool prepare();
  // Writes the font program subset (prepared first if it was not) and the font objects.
  bool write(ObjectFile& file);

 private:
  std::string subset_tag() const;
  std::string postscript_name() const;

  std::string subset_key() const;
  std::string vertical_metrics() const;

  layout::FontRef ref_;
  SubsetCache* cache_;
  HbBlob blob_;
  HbFace face_;
  HbFont font_;
  int upem_ = 1000;
  std::string error_;
  int object_ = 0, vertical_object_ = 0;
  std::vector<float> widths_;             // by glyph id; < 0: not read yet
  // The text each glyph shows: text_of_[glyph] is 0 (none yet) or 1 + an
  // index into texts_ (a string a glyph slot would be 2 MB for a CJK face).
  std::vector<uint32_t> text_of_;
  std::vector<std::pair<uint32_t, std::string>> texts_;  // glyph, text
  std::vector<bool> used_;                // by glyph id
  std::vector<uint16_t> cids_;            // by glyph id, for a CID-keyed CFF font
  bool is_cff_ = false;
  std::string program_, program_dict_;    // from prepare()
};

}  // namespace huozi::pdf
