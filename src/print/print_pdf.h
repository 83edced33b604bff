// The print profile: a post-processing stage over a finished reader PDF. Each
// reader page becomes a form XObject placed on a larger sheet (trim + bleed +
// slug), with MediaBox, BleedBox, TrimBox and CropBox set, printer's marks in
// the slug, colours converted to the printing condition's CMYK (colour.h),
// links, outline and structure dropped, and the PDF/X-4 or PDF/X-1a
// identification (OutputIntent, Info, XMP) added.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "print/geometry.h"
#include "print/pdfx.h"
#include "print/press_profiles.h"

namespace huozi::print {

struct PrintOptions {
  double bleed = kDefaultBleed;
  // Bleed already drawn around each input page (a cover drawn with its bleed):
  // the trim is the input page inset by this much. 0 for reader pages.
  double input_bleed = 0;
  std::vector<double> folds;  // fold marks (spine edges), from the trim's left edge
  // Pages turn to the right (a book bound on the right, 竖排): the catalog says
  // /ViewerPreferences << /Direction /R2L >>, so that spreads show the recto on
  // the left. Otherwise any /Direction the reader PDF has is removed (L2R).
  bool right_to_left = false;
  // Optional: a PDF whose page i is the slug line of page i, set below the trim.
  std::filesystem::path slug_lines;
  DocumentInfo info;
  PdfxVersion pdfx = PdfxVersion::X4;
  std::string rgb_profile;  // sRGB: what the reader PDF's colours mean
  // The printing condition's ICC output (prtr) profile, as a print shop
  // supplies it; empty: huozi's own profile for `condition`.
  std::string output_profile;
  PressCondition condition = PressCondition::CoatedOffset;
};

// The OutputIntent the options ask for: the shop's profile, or huozi's own for
// the condition. PDF/X-1a takes a CMYK profile only.
IntentResult output_intent(const PrintOptions& options);

// Empty when the options' profiles can be used (the intent above, and
// LittleCMS can convert sRGB to a CMYK one), else why not: checked before
// anything is written.
std::string colour_setup_error(const PrintOptions& options);

// The sRGB profile huozi embeds (icc-profiles-free), or the HUOZI_SRGB_ICC
// environment variable when set.
std::string default_rgb_profile();

// The HUOZI_OUTPUT_ICC environment variable: a print shop's output profile, or empty.
std::string output_profile_from_environment();

struct PrintResult {
  std::string error;  // empty on success
  int pages = 0;      // of the PDF written (or counted)
  std::vector<std::string> warnings;  // what QPDF repaired in the reader PDF
  explicit operator bool() const { return error.empty(); }
};

// Reads `reader` and writes the print PDF to `target` atomically.
PrintResult write_print_pdf(const std::filesystem::path& reader, const std::filesystem::path& target,
                            const PrintOptions& options);

// Reads a PDF and counts its pages (pages; error when it cannot be read).
PrintResult count_pages(const std::filesystem::path& pdf);

}  // namespace huozi::print
