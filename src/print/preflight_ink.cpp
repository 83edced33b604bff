// What is painted, in which inks, towards the Ghent Workgroup's GWG2015
// checks: total area coverage, small text in several inks or in rich black,
// white set to overprint, hairlines; images (resolution, and the samples of
// CMYK images for coverage); transparency where PDF/X-1a forbids it.
// Only what reaches into the BleedBox counts: beyond it are printer's marks.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <exception>
#include <map>
#include <qpdf/Pipeline.hh>

#include "print/preflight_check.h"

namespace huozi::print::preflight_detail {
namespace {

constexpr double kSmallText = 12;        // pt: GWG2015's "small text"
constexpr double kRichBlack = 0.95;      // K at least this, with C, M or Y under it
constexpr double kThinnestLine = 0.125;  // pt: GWG2015's effective line width
constexpr int kMaxStitched = 16;         // sub-functions of a stitching function read

std::string pt_text(double pt) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g pt", pt);
  return buf;
}

const char* paint_word(Paint paint) {
  switch (paint) {
    case Paint::Fill:
      return "fill";
    case Paint::Stroke:
      return "stroke";
    case Paint::Text:
      return "text";
    case Paint::Shading:
      return "shading";
    case Paint::Mask:
      return "image mask";
  }
  return "";
}

bool inside(const Painted& p, const Box& live) {
  if (!p.extent.empty) return p.extent.meets(live);
  return p.at.x >= live.x0 - 0.01 && p.at.x <= live.x1 + 0.01 && p.at.y >= live.y0 - 0.01 &&
         p.at.y <= live.y1 + 0.01;
}

// The colours at the ends of a shading's function: a type 2 (exponential)
// function, one per component, or a stitching (type 3) of type 2 functions.
// Sampled and PostScript functions are not evaluated.
void function_ends(Handle f, std::vector<std::vector<double>>& ends) {
  auto ends_of = [](Handle g) {
    std::vector<double> c0 = numbers_of(at(g, "/C0")), c1 = numbers_of(at(g, "/C1"));
    if (c0.empty()) c0 = {0};
    if (c1.empty()) c1 = {1};
    return std::pair{c0, c1};
  };
  auto type = [](Handle g) {
    return at(g, "/FunctionType").isInteger() ? at(g, "/FunctionType").getIntValueAsInt() : -1;
  };
  if (f.isArray()) {  // one single-output function per colour component
    std::vector<double> c0, c1;
    for (int i = 0; i < f.getArrayNItems() && i < 32; ++i) {
      if (type(item(f, i)) != 2) return;
      auto [a, b] = ends_of(item(f, i));
      c0.push_back(a[0]), c1.push_back(b[0]);
    }
    ends.push_back(c0), ends.push_back(c1);
  } else if (type(f) == 2) {
    auto [a, b] = ends_of(f);
    ends.push_back(a), ends.push_back(b);
  } else if (type(f) == 3) {
    Handle parts = at(f, "/Functions");
    for (int i = 0; parts.isArray() && i < parts.getArrayNItems() && i < kMaxStitched; ++i)
      if (type(item(parts, i)) == 2) {
        auto [a, b] = ends_of(item(parts, i));
        ends.push_back(a), ends.push_back(b);
      }
  }
}

// Reads a CMYK (or Indexed on CMYK) image's samples as they are decoded and
// keeps the highest coverage and where it is; stops at its byte limit.
class InkScanner : public Pipeline {
 public:
  // tables[c][sample]: component c's ink for a sample value (one table, the
  // palette entry's coverage, for an Indexed image).
  InkScanner(size_t width, int bpc, std::vector<std::vector<double>> tables, size_t row_bytes, size_t limit)
      : Pipeline("huozi ink scanner", nullptr),
        width_(width),
        bpc_(bpc),
        tables_(std::move(tables)),
        row_bytes_(row_bytes),
        limit_(limit) {}
  void write(unsigned char const* data, size_t len) override {
    size_t take = std::min(len, limit_ - bytes_);
    for (size_t i = 0; i < take; ++i) {
      row_.push_back(data[i]);
      if (row_.size() == row_bytes_) scan_row();
    }
    bytes_ += take;
    if (take < len) {
      full_ = true;
      throw OverBudget("image samples over the scan limit");
    }
  }
  void finish() override {}
  double best = -1;
  size_t best_x = 0, best_y = 0, rows = 0;
  size_t bytes() const { return bytes_; }
  bool full() const { return full_; }

 private:
  unsigned sample(size_t i) const {
    if (bpc_ == 8) return row_[i];
    if (bpc_ == 16) return row_[2 * i];  // the high byte: tables have 256 entries
    size_t bit = i * bpc_;
    return (row_[bit / 8] >> (8 - bpc_ - bit % 8)) & ((1u << bpc_) - 1);
  }
  void scan_row() {
    size_t comps = tables_.size();
    for (size_t x = 0; x < width_; ++x) {
      double sum = 0;
      for (size_t c = 0; c < comps; ++c) sum += tables_[c][sample(x * comps + c)];
      if (sum > best) best = sum, best_x = x, best_y = rows;
    }
    ++rows;
    row_.clear();
  }
  size_t width_;
  int bpc_;
  std::vector<std::vector<double>> tables_;
  size_t row_bytes_, limit_;
  size_t bytes_ = 0;
  bool full_ = false;
  std::vector<unsigned char> row_;
};

// Filters QPDF decodes: any other (JPX, JBIG2, CCITT) leaves samples unread.
bool decodable(Handle filter) {
  static const std::set<std::string> known{"/FlateDecode",   "/LZWDecode",       "/ASCIIHexDecode",
                                           "/ASCII85Decode", "/RunLengthDecode", "/DCTDecode"};
  if (filter.isNull()) return true;
  if (filter.isName()) return known.count(filter.getName()) > 0;
  if (!filter.isArray()) return false;
  for (Handle f : filter.aitems())
    if (!f.isName() || !known.count(f.getName())) return false;
  return true;
}

// An inline image's colour space with its abbreviations (ISO 32000-1, table
// 94) written out, as a name or inside an array: [/I /RGB 1 <…>] is
// [/Indexed /DeviceRGB 1 <…>].
Handle full_space(Handle space, int depth = 0) {
  static const std::map<std::string, std::string> names{
      {"/G", "/DeviceGray"}, {"/RGB", "/DeviceRGB"}, {"/CMYK", "/DeviceCMYK"}, {"/I", "/Indexed"}};
  if (space.isName()) {
    auto full = names.find(space.getName());
    return full == names.end() ? space : Handle::newName(full->second);
  }
  if (!space.isArray() || depth > 1) return space;  // an Indexed base may be an array; no deeper
  std::vector<Handle> items = space.getArrayAsVector();
  for (Handle& h : items) h = full_space(h, depth + 1);
  return Handle::newArray(items);
}

}  // namespace

// BI /W 10 /H 10 /CS /G … ID: the operands as an image dictionary with the
// full key and colour space names.
Handle inline_image_dict(const std::vector<Handle>& operands) {
  static const std::map<std::string, std::string> keys{{"/W", "/Width"},
                                                       {"/H", "/Height"},
                                                       {"/CS", "/ColorSpace"},
                                                       {"/IM", "/ImageMask"},
                                                       {"/BPC", "/BitsPerComponent"},
                                                       {"/D", "/Decode"}};
  Handle dict = Handle::newDictionary();
  for (size_t i = 0; i + 1 < operands.size(); i += 2) {
    Handle key = operands[i], value = operands[i + 1];
    if (!key.isName()) continue;
    auto k = keys.find(key.getName());
    std::string full = k == keys.end() ? key.getName() : k->second;
    dict.replaceKey(full, full == "/ColorSpace" ? full_space(value) : value);
  }
  return dict;
}

void Checker::start_page(int n, const PageFrame& frame) {
  page_ = n;
  frame_ = frame;
  page_ink_ = 0;
  page_ink_place_.clear();
  patterns_walked.clear();
}

// Total area coverage: the highest sum of C, M, Y, K (and spot inks) of any
// colour painted on the page. This is the painted colours' coverage, not a
// rendered overlap: two objects painted over each other are not added up
// (a knockout replaces, and overprint is rare enough not to be modelled).
void Checker::end_page() {
  double percent = page_ink_ * 100;
  if (percent > report.highest_ink + 1e-9) report.highest_ink = percent, report.highest_ink_page = page_;
  char limit[96];
  std::snprintf(limit, sizeof limit, "total area coverage (C+M+Y+K) over the %.0f %% limit",
                report.ink_limit);
  if (report.ink_limit > 0 && percent > report.ink_limit + 0.5)
    add(Level::Failure, limit, page_, page_ink_place_);
}

void Checker::painted(const Painted& painting) {
  Painted p = painting;
  if (pattern_area) p.extent = *pattern_area, p.at = pattern_area->corner();  // in a tiling pattern's cells
  if (!inside(p, frame_.live)) return;                                        // printer's marks
  Inks inks = inks_of(*p.colour);
  // "at 18.2, 194.6 mm: 9 pt in C 60 M 40 Y 40 K 100 %", made only for a finding.
  auto detail = [&](const std::string& what) {
    return place_at(frame_, p.at) + ": " + what + " in " + colour_text(*p.colour);
  };
  if (inks.coverage() > page_ink_ + 1e-9) {
    page_ink_ = inks.coverage();
    char percent[32];
    std::snprintf(percent, sizeof percent, "%.0f %% ", page_ink_ * 100);
    page_ink_place_ = percent + detail(paint_word(p.paint));
  }
  if (p.overprint && inks.white() && p.paint != Paint::Shading)
    add(Level::Failure, "white set to overprint: it vanishes on press", page_,
        detail(paint_word(p.paint)) + ", OPM " + std::to_string(p.overprint_mode));
  if (p.paint == Paint::Text && p.text_size < kSmallText) {
    // GWG2015 counts rich black small text an error (and small text in
    // several inks a warning): a plate out of register leaves coloured fringes
    // that fine strokes cannot hide. Rich black at 12 pt and over is a design
    // choice and goes unreported.
    bool rich = inks.known && inks.k >= kRichBlack && std::max({inks.c, inks.m, inks.y}) > kNoInk;
    if (rich)
      add(Level::Failure, "rich black text under 12 pt (K with C, M or Y): set small text in black ink alone",
          page_, detail(pt_text(p.text_size)));
    else if (inks.plates >= 2)
      add(Level::Warning,
          "text under 12 pt in more than one ink: the plates' registration decides its sharpness", page_,
          detail(pt_text(p.text_size)));
  }
  if (p.paint == Paint::Stroke && p.width < kThinnestLine && !inks.registration && !inks.none)
    add(Level::Warning, "line thinner than 0.125 pt: it may break up or not print", page_,
        detail(pt_text(p.width)));
}

// A shading's coverage at the ends of its function (axial and radial shadings
// mostly); a mesh's vertex colours (types 4 to 7) are not read.
void Checker::shading(Handle sh, Handle resources, const Matrix& ctm, const Extent& area) {
  if (!sh.isDictionary() && !sh.isStream()) return;
  SpacePtr space = use_space(at(sh, "/ColorSpace"), resources, page_, "shading", /*lasting=*/true);
  std::vector<double> coords = numbers_of(at(sh, "/Coords"));
  Painted p;
  p.paint = Paint::Shading;
  p.extent = area;
  p.at = !area.empty          ? area.corner()
         : coords.size() >= 2 ? apply(ctm, {coords[0], coords[1]})
                              : apply(ctm, {});
  std::vector<std::vector<double>> ends;
  function_ends(at(sh, "/Function"), ends);
  for (std::vector<double>& values : ends) {
    Colour colour{space, std::move(values), ""};
    p.colour = &colour;
    painted(p);
  }
}

void Checker::image(Handle img, const std::string& name, const Matrix& ctm, Handle resources,
                    const Painted& mask) {
  Handle dict = img.isStream() ? img.getDict() : img;
  std::string what = "image " + name;
  Extent extent;
  for (Point corner : {Point{0, 0}, Point{1, 0}, Point{0, 1}, Point{1, 1}}) extent.add(apply(ctm, corner));
  if (pattern_area) extent = *pattern_area;  // in a tiling pattern's cells
  Point origin = apply(ctm, {0, 0});
  bool stencil = at(dict, "/ImageMask").isBool() && at(dict, "/ImageMask").getBoolValue();
  SpacePtr space;
  if (stencil) {  // painted in the fill colour
    Painted p = mask;
    p.extent = extent, p.at = origin;
    painted(p);
  } else {
    space = use_space(at(dict, "/ColorSpace"), resources, page_, what, /*lasting=*/img.isStream());
  }
  image_resolution(dict, name, ctm, stencil ? "stencil mask" : space->description);
  if (x1a && at(dict, "/SMask").isStream()) transparency(what + " has a soft mask (SMask)");
  if (x1a && at(dict, "/SMaskInData").isInteger() && at(dict, "/SMaskInData").getIntValueAsInt() > 0)
    transparency(what + " has an alpha channel (SMaskInData)");
  if (stencil || !img.isStream() || !extent.meets(frame_.live)) return;  // inline images are not scanned
  bool cmyk = space->family == Family::CMYK ||
              (space->family == Family::Indexed && space->base && space->base->family == Family::CMYK);
  if (!cmyk) return;
  auto [scan, fresh] = images_.try_emplace(img.getObjGen());
  if (fresh) {
    scan->second = scan_image(img, *space);
    if (!scan->second.cut.empty())
      add(Level::Note, "image not fully scanned for ink coverage", page_, what + ": " + scan->second.cut);
  }
  if (scan->second.coverage <= page_ink_) return;
  page_ink_ = scan->second.coverage;
  char percent[32];
  std::snprintf(percent, sizeof percent, "%.0f %% ", page_ink_ * 100);
  Point at = pattern_area ? pattern_area->corner() : apply(ctm, scan->second.at);
  page_ink_place_ = percent + place_at(frame_, at) + ": " + what;
}

Checker::ImageInk Checker::scan_image(Handle img, const Space& space) {
  ImageInk result;
  double width = number_or(at(img, "/Width"), 0), height = number_or(at(img, "/Height"), 0);
  int bpc = static_cast<int>(number_or(at(img, "/BitsPerComponent"), 8));
  bool indexed = space.family == Family::Indexed;
  int comps = indexed ? 1 : 4;
  if (!(width >= 1 && width < 1 << 24 && height >= 1 && height < 1 << 24) ||
      (bpc != 1 && bpc != 2 && bpc != 4 && bpc != 8 && bpc != 16) || !decodable(at(img, "/Filter")))
    return result;
  size_t row_bytes = (static_cast<size_t>(width) * comps * bpc + 7) / 8;  // width < 2^24: no overflow
  if (scanned >= kMaxScannedBytes || row_bytes > kMaxImageScanBytes ||
      predictor_row_bytes(img) > kMaxPredictorRow) {
    result.cut =
        scanned >= kMaxScannedBytes ? "the file's images pass the scan limit" : "rows too long to scan";
    return result;
  }
  // Each component's ink for each sample value, through /Decode.
  size_t levels = bpc == 16 ? 256 : size_t{1} << bpc;
  std::vector<double> decode = numbers_of(at(img, "/Decode"));
  std::vector<std::vector<double>> tables(comps, std::vector<double>(levels, 0));
  for (int c = 0; c < comps; ++c)
    for (size_t s = 0; s < levels; ++s) {
      if (indexed) {  // the palette entry's coverage (custom /Decode on a palette is ignored)
        size_t entry = s * 4;
        for (size_t i = 0; i < 4 && entry + 4 <= space.palette.size(); ++i)
          tables[0][s] += static_cast<unsigned char>(space.palette[entry + i]) / 255.0;
        continue;
      }
      double lo = decode.size() == 8 ? decode[2 * c] : 0, hi = decode.size() == 8 ? decode[2 * c + 1] : 1;
      tables[c][s] = std::clamp(lo + s * (hi - lo) / (levels - 1), 0.0, 1.0);
    }
  size_t limit = std::min(kMaxImageScanBytes, kMaxScannedBytes - scanned);
  InkScanner scanner(static_cast<size_t>(width), bpc, std::move(tables), row_bytes, limit);
  // QPDF's warnings so far are kept; those of a scan the scanner stops (an
  // inflate cut short) are not about the file.
  QPDF* pdf = img.getOwningQPDF();
  if (pdf)
    for (QPDFExc& w : pdf->getWarnings()) warnings.push_back(w);
  bool attempted = false;
  try {
    img.pipeStreamData(&scanner, &attempted, 0, qpdf_dl_all, /*suppress_warnings=*/true);
  } catch (const std::exception&) {
    // The scanner's limit, or damaged data: what was scanned counts.
  }
  if (pdf && scanner.full()) pdf->getWarnings();
  scanned += scanner.bytes();
  if (scanner.full())
    result.cut = "only its first " + std::to_string(scanner.bytes() >> 20) + " MB of samples were scanned";
  if (scanner.best < 0) return result;
  result.coverage = scanner.best;
  result.at = {(scanner.best_x + 0.5) / width, 1 - (scanner.best_y + 0.5) / height};
  return result;
}

// An ExtGState's transparency: a soft mask, constant alpha under 1, a blend
// mode other than Normal (PDF/X-1a allows none of them).
void Checker::ext_gstate(Handle state, const std::string& name) {
  if (!x1a) return;
  std::string what = "ExtGState " + name;
  Handle smask = at(state, "/SMask");
  if (!smask.isNull() && !is_name(smask, "/None")) transparency(what + ": soft mask (SMask)");
  for (const char* key : {"/CA", "/ca"})
    if (number_or(at(state, key), 1) < 1) {
      char buf[48];
      std::snprintf(buf, sizeof buf, ": %s %g", key + 1, number_or(at(state, key), 1));
      transparency(what + buf);
    }
  Handle blend = at(state, "/BM");
  if (blend.isArray()) blend = item(blend, 0);
  if (blend.isName() && !is_name(blend, "/Normal") && !is_name(blend, "/Compatible"))
    transparency(what + ": blend mode " + blend.getName().substr(1));
}

void Checker::transparency(const std::string& what) {
  add(Level::Failure, "transparency in a PDF/X-1a file: PDF/X-1a takes flattened files only", page_, what);
}

// --- Where: matrices, places and extents -----------------------------------

Matrix then(const Matrix& m, const Matrix& n) {
  return {m.a * n.a + m.b * n.c, m.a * n.b + m.b * n.d,       m.c * n.a + m.d * n.c,
          m.c * n.b + m.d * n.d, m.e * n.a + m.f * n.c + n.e, m.e * n.b + m.f * n.d + n.f};
}

Matrix matrix_of(const std::vector<Handle>& v) {
  if (v.size() != 6) return {};
  for (const Handle& h : v)
    if (!const_cast<Handle&>(h).isNumber()) return {};
  auto n = [&](size_t i) { return const_cast<Handle&>(v[i]).getNumericValue(); };
  return {n(0), n(1), n(2), n(3), n(4), n(5)};
}

Point apply(const Matrix& m, Point p) { return {m.a * p.x + m.c * p.y + m.e, m.b * p.x + m.d * p.y + m.f}; }

double smallest_scale(const Matrix& m) {
  double s = m.a * m.a + m.b * m.b + m.c * m.c + m.d * m.d, det = m.a * m.d - m.b * m.c;
  return std::sqrt(std::max(0.0, (s - std::sqrt(std::max(0.0, s * s - 4 * det * det))) / 2));
}

std::string place_at(const PageFrame& frame, Point p) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "at %.1f, %.1f mm", (p.x - frame.trim.x0) / kPtPerMm,
                (p.y - frame.trim.y0) / kPtPerMm);
  return buf;
}

void Extent::add(Point p) {
  if (!std::isfinite(p.x) || !std::isfinite(p.y)) return;
  if (empty) {
    x0 = x1 = p.x, y0 = y1 = p.y, empty = false;
    return;
  }
  x0 = std::min(x0, p.x), x1 = std::max(x1, p.x), y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
}

bool Extent::meets(const Box& box) const {
  return !empty && x1 >= box.x0 && x0 <= box.x1 && y1 >= box.y0 && y0 <= box.y1;
}

}  // namespace huozi::print::preflight_detail
