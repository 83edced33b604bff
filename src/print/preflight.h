// Preflight: what a print shop checks before it accepts a PDF. Fonts embedded
// (none Type 3), page boxes consistent on every page (TrimBox inside BleedBox
// inside MediaBox), images' effective resolution at print size, colour spaces
// used, page count and trim size, and the PDF/X OutputIntent (a CMYK output
// profile, whose own separation sets the ink limit); then, towards the Ghent
// Workgroup's GWG2015 checks, the inks of what is painted: total area
// coverage, small text in several inks or rich black, white set to overprint,
// hairlines, and PDF/X-1a's restrictions.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace huozi::print {

enum class Level { Note, Warning, Failure };

// One problem, with the pages it was found on (empty: the whole file) and,
// for what is painted, the first place: "at 35.3, 194.1 mm: …" (from the
// TrimBox's lower-left corner) or an object's name.
struct Finding {
  Level level = Level::Note;
  std::string message;
  std::vector<int> pages;
  std::string place;  // the first place found (empty: none given)
  int times = 0;      // places found
};

struct FontUse {
  std::string name;  // BaseFont
  std::string type;  // "Type0/CIDFontType0", "TrueType", "Type3", …
  bool embedded = false;
};

struct ImageUse {
  int page = 0;
  std::string name;
  int width_px = 0, height_px = 0;
  double ppi = 0;  // effective resolution at print size: the lower of the two axes
  std::string colour_space;
};

struct PreflightReport {
  std::string file;
  int pages = 0;
  std::map<std::string, int> trim_sizes;   // "148 × 210 mm" -> pages
  std::map<std::string, int> media_sizes;  // likewise
  std::map<std::string, int> bleeds;       // "3 mm" -> pages
  std::vector<FontUse> fonts;
  std::map<std::string, int> colour_spaces;  // description -> times used
  std::vector<ImageUse> images;
  std::string output_intent;     // empty: none
  std::string pdfx_version;      // empty: none
  std::string pdf_version;       // the header's, "1.6"
  double ink_limit = 0;          // total area coverage allowed, in %
  std::string ink_limit_reason;  // "from the output profile, by LittleCMS", …
  double highest_ink = 0;        // the highest coverage painted inside the bleed, in %
  int highest_ink_page = 0;
  // /ViewerPreferences /Direction /R2L: pages turn to the right (a book bound
  // on the right, as vertically set Chinese books are).
  bool right_to_left = false;
  std::vector<Finding> findings;

  int count(Level level) const;
  bool failed() const { return count(Level::Failure) > 0; }
};

// Reads and checks a PDF. A file that cannot be read gives a report with one failure.
PreflightReport preflight(const std::filesystem::path& pdf);

// The report as printed by `huozi preflight`.
std::string format_report(const PreflightReport& report);

// "1–3, 7" for pages 1 2 3 7.
std::string page_ranges(const std::vector<int>& pages);

}  // namespace huozi::print
