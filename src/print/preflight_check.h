// Preflight's inside, shared by its files: reading PDF objects within bounds,
// page geometry, the colour model (what a colour puts on which plate), and the
// Checker that collects findings. preflight.cpp reads the file and its pages,
// preflight_intent.cpp the OutputIntent and the PDF/X identification,
// preflight_colour.cpp colour spaces, preflight_content.cpp the content
// streams' graphics state, preflight_ink.cpp what is painted, where, and in
// which inks.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "print/geometry.h"
#include "print/preflight.h"

namespace huozi::print::preflight_detail {

using Handle = QPDFObjectHandle;

// Preflight reads files from anywhere: its work is bounded, so that a hostile
// file (a compressed-data bomb, a form that draws itself, a colour space that
// names itself) is reported instead of eating the machine. Real print files
// stay far below every limit.
constexpr int kMaxFormDepth = 12;
constexpr size_t kMaxStreamBytes = size_t{64} << 20;     // one content stream, inflated
constexpr size_t kMaxMetadataBytes = size_t{16} << 20;   // an ICC profile or XMP packet
constexpr size_t kMaxInflatedBytes = size_t{256} << 20;  // all streams of the file
constexpr long kMaxOperators = 20'000'000;               // content operators of the file, forms included
constexpr long kMaxPageOperators = 1'000'000;            // content operators of one page, forms included
constexpr long kMaxPageFormCalls = 100'000;              // forms and tiling patterns drawn on one page
constexpr size_t kMaxOperands = 256;                     // kept before an operator (BI's dictionary fits)
constexpr size_t kMaxSaveDepth = 1024;                   // q nesting followed
constexpr int kMaxSpaceDepth = 8;                        // colour spaces naming colour spaces
constexpr int kMaxParentHops = 64;                       // /Parent links followed for a MediaBox
constexpr size_t kMaxPaletteBytes = 64 << 10;            // an Indexed colour space's lookup table
constexpr size_t kMaxImageScanBytes = size_t{64} << 20;  // samples of one image scanned for ink
constexpr size_t kMaxScannedBytes = size_t{512} << 20;   // samples of all images scanned for ink
constexpr size_t kMaxPredictorRow = size_t{1} << 20;     // bytes of a PNG or TIFF predictor's row

// Thrown when a limit above is reached; the page (or file) says what was skipped.
struct OverBudget : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// --- Objects ---------------------------------------------------------------

// A dictionary's (or stream's) value for key; null for anything else, so that
// odd files never make QPDF warn about a type mismatch.
Handle at(Handle o, const std::string& key);
Handle item(Handle array, int i);
bool is_name(Handle o, const char* name);
std::string name_or(Handle o, const std::string& fallback);  // without the '/'
double number_or(Handle o, double fallback);
std::vector<double> numbers_of(Handle array, size_t most = 32);  // its first numbers (others skipped)
Box box_of(Handle array);
// The longest row a stream's predictors (/DecodeParms) would keep in memory while it is decoded.
double predictor_row_bytes(Handle stream);

// --- Geometry --------------------------------------------------------------

struct Matrix {
  double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
};
struct Point {
  double x = 0, y = 0;
};
// m then n: the matrix that applies m first.
Matrix then(const Matrix& m, const Matrix& n);
Matrix matrix_of(const std::vector<Handle>& operands);  // identity unless six numbers
Point apply(const Matrix& m, Point p);
// How much m shrinks a length at worst (its smaller singular value): a line
// width or text size times this is what reaches the paper.
double smallest_scale(const Matrix& m);

// Where a page's findings are placed: positions count in mm from the
// TrimBox's lower-left corner; what lies wholly outside `live` (the BleedBox)
// is printer's marks, not content.
struct PageFrame {
  Box trim, live;
};
std::string place_at(const PageFrame& frame, Point p);  // "at 35.3, 194.1 mm"

// A rectangle grown by points, in page space (empty until the first point).
struct Extent {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool empty = true;
  void add(Point p);
  bool meets(const Box& box) const;
  Point corner() const { return {x0, y0}; }
};

// --- Colour ----------------------------------------------------------------

enum class Family { Gray, RGB, CMYK, Lab, Separation, DeviceN, Indexed, Pattern, Unknown };

// A colour space as a press reads it.
struct Space {
  Family family = Family::Unknown;
  int components = 1;
  std::string description;             // as the report lists it: "DeviceCMYK", "ICCBased RGB", …
  bool calibrated = false;             // ICCBased, Cal*, Lab, or a device space through a Default* space
  bool plain_rgb = false;              // DeviceRGB (or a palette on it) without DefaultRGB
  bool plain_cmyk = false;             // DeviceCMYK (or a palette on it) without DefaultCMYK
  std::vector<std::string> colorants;  // Separation and DeviceN: the names, without '/'
  std::shared_ptr<const Space> base;   // Indexed: the palette's space
  std::string palette;                 // Indexed: base components per entry, a byte each
};
using SpacePtr = std::shared_ptr<const Space>;
SpacePtr device_space(Family family);  // DeviceGray, DeviceRGB or DeviceCMYK

// A colour: its space and components (a pattern's name for a Pattern).
struct Colour {
  SpacePtr space = device_space(Family::Gray);
  std::vector<double> values{0};
  std::string pattern;
};
Colour initial_colour(SpacePtr space);  // what cs and CS set

// What a colour puts on the press's plates, as fractions (1 = 100 %).
struct Inks {
  double c = 0, m = 0, y = 0, k = 0, spot = 0;
  int plates = 0;             // separations that get ink; RGB and Lab count as 3 unless white
  bool known = true;          // false: RGB, Lab, a pattern: the output profile decides the inks
  bool registration = false;  // Separation All: every plate (marks, not content)
  bool none = false;          // Separation None: paints nothing, by design
  bool unknown = false;       // a pattern, an unreadable palette: no check applies
  // Total area coverage: the sum of the inks, registration colour left out.
  double coverage() const { return c + m + y + k + spot; }
  // No ink on any plate: paper white (what overprint makes vanish).
  bool white() const { return plates == 0 && !none && !unknown; }
};
constexpr double kNoInk = 0.005;  // a tint under 0.5 % puts no dot on the plate
Inks inks_of(const Colour& colour);
std::string colour_text(const Colour& colour);  // "C 40 M 30 Y 30 K 100 %", "DeviceRGB 0 0 0"

// --- Painting --------------------------------------------------------------

enum class Paint { Fill, Stroke, Text, Shading, Mask };
// One thing painted, as the ink checks see it.
struct Painted {
  Paint paint = Paint::Fill;
  const Colour* colour = nullptr;
  Point at;                // where it starts on the page
  Extent extent;           // paths: their points; else empty
  bool overprint = false;  // OP (strokes) or op (fills) on
  int overprint_mode = 0;
  double width = -1;      // strokes: the effective line width in pt
  double text_size = -1;  // text: the effective size in pt
};

// BI /W 10 /H 10 /CS /G … ID: the operands as an image dictionary with the
// full key and colour space names, as Checker::image reads it.
Handle inline_image_dict(const std::vector<Handle>& operands);

// --- The checks ------------------------------------------------------------

class Checker {
 public:
  PreflightReport report;
  bool x1a = false;  // the file claims PDF/X-1a: no RGB, no ICC, no transparency
  std::set<QPDFObjGen> fonts_seen;
  std::set<int> plain_rgb_pages, cmyk_pages;
  size_t inflated = 0;      // bytes of all streams read so far
  size_t scanned = 0;       // bytes of image samples scanned for ink so far
  long operators = 0;       // content operators followed so far
  long page_operators = 0;  // of the page being read
  long page_form_calls = 0;
  std::string skipped;            // set when a limit stops the reading of a page's content
  std::vector<QPDFExc> warnings;  // QPDF's warnings about the file, taken before a scan may add its own
  // While a tiling pattern's cells are walked: the area of the page they
  // cover, where whatever they paint is placed.
  std::optional<Extent> pattern_area;
  std::set<std::string> patterns_walked;  // on this page: pattern, matrix (and colour, if uncoloured)

  // preflight.cpp: reading within bounds, findings, the file and its pages.
  std::string read(Handle stream, size_t limit, bool keep = true);
  void check_content_size(Handle contents);
  void over_budget(const std::string& what);
  void add(Level level, const std::string& message, int page = 0, const std::string& place = "");
  void check_file(QPDF& file);
  void walk_resources_fonts(Handle resources, int n);
  std::string read_metadata(Handle stream);

  // preflight_intent.cpp: the PDF/X identification and the OutputIntent.
  // The PDF/X version claimed (and PDF/X-1a's header and Trapped rules).
  void identify_pdfx(QPDF& pdf);
  // The GTS_PDFX OutputIntent: a CMYK output profile, and the ink limit it implies.
  void check_output_intent(QPDF& pdf);
  // The intent profile's ICC version (its major number) against the PDF/X claimed.
  void check_profile_version(int major);

  // preflight_colour.cpp: colour spaces by name or value, as a press reads them.
  SpacePtr resolve(Handle space, Handle resources, int n, int depth = 0);
  // Resolves and counts a space in the report; `what` names its user for findings.
  // A `lasting` space (in an image XObject's, a shading's or a form's
  // dictionary, not a content stream's operands) is resolved once per
  // resources it is drawn with, however often it is drawn.
  SpacePtr use_space(Handle space, Handle resources, int n, const std::string& what, bool lasting = false);
  void use_space(const SpacePtr& space, int n, const std::string& what);

  // preflight_ink.cpp: what is painted, in which inks.
  void start_page(int n, const PageFrame& frame);
  void end_page();
  void painted(const Painted& p);
  // A shading painted through `ctm` (over `area`, for a shading pattern's fill).
  void shading(Handle shading, Handle resources, const Matrix& ctm, const Extent& area);
  // An image drawn through `ctm`: an XObject's stream, or an inline image's
  // dictionary (full key names). A stencil mask paints as `mask` says.
  void image(Handle image, const std::string& name, const Matrix& ctm, Handle resources, const Painted& mask);
  void ext_gstate(Handle state, const std::string& name);  // its transparency, for PDF/X-1a
  void transparency(const std::string& what);
  int page() const { return page_; }
  bool reaches_live(const Extent& e) const { return e.meets(frame_.live); }  // the bleed, not the marks

 private:
  void check_page(QPDFPageObjectHelper page, int n);
  Handle inherited(Handle p, const std::string& key);
  void check_boxes(Handle p, int n);
  void check_font(Handle font, int n);
  void check_annotations(Handle p, int n);
  void check_colour();
  void image_resolution(Handle dict, const std::string& name, const Matrix& ctm,
                        const std::string& colour_space);

  std::string intent_space_;  // the OutputIntent profile's colour space: "CMYK", "RGB", …
  int page_ = 0;
  PageFrame frame_;
  double page_ink_ = 0;  // the page's highest coverage so far, inside the bleed
  std::string page_ink_place_;
  std::map<QPDFObjGen, SpacePtr> spaces_;         // resolved indirect colour spaces
  std::map<const void*, SpacePtr> named_spaces_;  // resolved colour space resources, by their object
  std::map<QPDFObjGen, std::string> palettes_;    // Indexed lookup streams, read
  // Resolved lasting direct arrays, by their object and the resources they were resolved with.
  std::map<std::pair<const void*, const void*>, SpacePtr> direct_spaces_;
  struct ImageInk {
    double coverage = -1;  // highest, -1: not scanned
    Point at;              // where, in the image's unit square
    std::string cut;       // why the scan stopped early (empty: it did not)
  };
  std::map<QPDFObjGen, ImageInk> images_;  // scanned image XObjects
  ImageInk scan_image(Handle image, const Space& space);
};

// preflight_content.cpp: walks a page's content (and the forms it draws).
void walk_page(Checker& checker, QPDFPageObjectHelper page, Handle resources);

}  // namespace huozi::print::preflight_detail
