#include "print/preflight.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <exception>
#include <qpdf/Pipeline.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <set>
#include <stdexcept>

#include "print/geometry.h"

namespace huozi::print {
namespace {

using Handle = QPDFObjectHandle;

constexpr double kMinimumPpi = 300;

// Preflight reads files from anywhere: its work is bounded, so that a hostile
// file (a compressed-data bomb, a form that draws itself, a colour space that
// names itself) is reported instead of eating the machine. Real print files
// stay far below every limit.
constexpr int kMaxFormDepth = 12;
constexpr size_t kMaxStreamBytes = size_t{64} << 20;     // one content stream, inflated
constexpr size_t kMaxMetadataBytes = size_t{16} << 20;   // an ICC profile or XMP packet
constexpr size_t kMaxInflatedBytes = size_t{256} << 20;  // all streams of the file
constexpr long kMaxOperators = 20'000'000;               // content operators of the file, forms included
constexpr long kMaxPageOperators = 1'000'000;
constexpr long kMaxPageFormCalls = 100'000;  // form XObjects drawn on one page, each call counted // content
                                             // operators of one page, forms included
constexpr size_t kMaxOperands = 256;         // kept before an operator (BI's dictionary fits)
constexpr size_t kMaxSaveDepth = 1024;       // q nesting followed
constexpr int kMaxSpaceDepth = 8;            // colour spaces naming colour spaces
constexpr int kMaxParentHops = 64;           // /Parent links followed for a MediaBox

// Thrown when a limit above is reached; the page (or file) says what was skipped.
struct OverBudget : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Counts (and, when asked, keeps) a stream's decoded bytes and stops at a
// limit, so that a small compressed stream that inflates to gigabytes is
// never held in memory nor inflated to its end.
class BoundedSink : public Pipeline {
 public:
  BoundedSink(size_t limit, size_t& file_total, bool keep)
      : Pipeline("huozi bounded sink", nullptr), limit_(limit), total_(file_total), keep_(keep) {}
  void write(unsigned char const* data, size_t len) override {
    if (size_ + len > limit_)
      over_ = "a stream inflates to more than " + mib(limit_);
    else if (total_ + len > kMaxInflatedBytes)
      over_ = "the file's streams inflate to more than " + mib(kMaxInflatedBytes);
    if (!over_.empty()) throw OverBudget(over_);
    if (keep_) data_.append(reinterpret_cast<const char*>(data), len);
    size_ += len;
    total_ += len;
  }
  void finish() override {}
  // Why the stream was not read to its end (empty: it was).
  const std::string& over() const { return over_; }
  std::string take() { return std::move(data_); }
  static std::string mib(size_t n) { return std::to_string(n >> 20) + " MB"; }

 private:
  size_t limit_;
  size_t& total_;
  bool keep_;
  size_t size_ = 0;
  std::string data_;
  std::string over_;
};

struct Matrix {
  double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
};
// m then n: the matrix that applies m first.
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

// A dictionary's (or stream's) value for key; null for anything else, so that
// odd files never make QPDF warn about a type mismatch.
Handle at(Handle o, const std::string& key) {
  if (o.isStream()) o = o.getDict();
  return o.isDictionary() ? o.getKey(key) : Handle::newNull();
}

Handle item(Handle array, int i) {
  return array.isArray() && i < array.getArrayNItems() ? array.getArrayItem(i) : Handle::newNull();
}

bool is_name(Handle o, const char* name) { return o.isName() && o.getName() == name; }
std::string name_or(Handle o, const std::string& fallback) {
  return o.isName() ? o.getName().substr(1) : fallback;
}

Box box_of(Handle array) {
  QPDFObjectHandle::Rectangle r = array.getArrayAsRectangle();
  return {std::min(r.llx, r.urx), std::min(r.lly, r.ury), std::max(r.llx, r.urx), std::max(r.lly, r.ury)};
}

// "3 mm" rather than "3.0 mm".
std::string mm_text(double pt) {
  std::string s = units::format_mm(pt);
  if (s.size() > 5 && s.compare(s.size() - 5, 5, ".0 mm") == 0) s.erase(s.size() - 5, 2);
  return s;
}

std::string components_name(int n) {
  return n == 1 ? "Gray" : n == 3 ? "RGB" : n == 4 ? "CMYK" : std::to_string(n) + "-channel";
}

// An ICC profile's header: device class and colour space.
std::string icc_header(const std::string& data) {
  if (data.size() < 24) return "unreadable profile";
  const char* p = data.data();
  std::string cls(p + 12, 4), space(p + 16, 4);
  while (!space.empty() && space.back() == ' ') space.pop_back();
  char version[16];
  std::snprintf(version, sizeof version, "%d.%d", p[8], (static_cast<unsigned char>(p[9]) >> 4));
  return space + " profile, class '" + cls + "', ICC " + version;
}

// BI /W 10 /H 10 /CS /G … ID: the operands as an image dictionary with the
// full key and colour space names.
Handle inline_image_dict(const std::vector<Handle>& operands) {
  static const std::map<std::string, std::string> keys{
      {"/W", "/Width"}, {"/H", "/Height"}, {"/CS", "/ColorSpace"}, {"/IM", "/ImageMask"}};
  static const std::map<std::string, std::string> spaces{
      {"/G", "/DeviceGray"}, {"/RGB", "/DeviceRGB"}, {"/CMYK", "/DeviceCMYK"}};
  Handle dict = Handle::newDictionary();
  for (size_t i = 0; i + 1 < operands.size(); i += 2) {
    Handle key = operands[i], value = operands[i + 1];
    if (!key.isName()) continue;
    auto k = keys.find(key.getName());
    if (value.isName()) {
      auto v = spaces.find(value.getName());
      if (v != spaces.end()) value = Handle::newName(v->second);
    }
    dict.replaceKey(k == keys.end() ? key.getName() : k->second, value);
  }
  return dict;
}

class Checker;

// Follows one content stream: the graphics state's matrix for images, the
// colour operators and the resources they name.
class ContentWalker : public Handle::ParserCallbacks {
 public:
  ContentWalker(Checker& checker, int page, Handle resources, Matrix ctm, int depth,
                const ContentWalker* outer = nullptr, QPDFObjGen form = {})
      : checker_(checker),
        page_(page),
        resources_(resources),
        ctm_(ctm),
        depth_(depth),
        outer_(outer),
        form_(form) {}
  void handleObject(Handle object) override;
  void handleEOF() override {}
  bool draws(QPDFObjGen form) const;  // is this form being drawn by this walker or one it is inside?

 private:
  void draw_xobject(const std::string& name);
  Checker& checker_;
  int page_;
  Handle resources_;
  Matrix ctm_;
  int depth_;
  const ContentWalker* outer_;  // the walker whose stream draws this form
  QPDFObjGen form_;             // the form this walker reads (none for a page)
  std::vector<Matrix> stack_;
  std::vector<Handle> operands_;
};

class Checker {
 public:
  PreflightReport report;
  std::set<QPDFObjGen> fonts_seen;
  std::set<int> plain_rgb_pages, cmyk_pages;
  size_t inflated = 0;      // bytes of all streams read so far
  long operators = 0;       // content operators followed so far
  long page_operators = 0;  // of the page being read
  long page_form_calls = 0;
  std::string skipped;  // set when a limit stops the reading of a page's content

  // A stream's decoded data (or only its size, with keep false), at most
  // `limit` bytes: OverBudget beyond.
  std::string read(Handle stream, size_t limit, bool keep = true) {
    BoundedSink sink(limit, inflated, keep);
    try {
      stream.pipeStreamData(&sink, 0, qpdf_dl_all, /*suppress_warnings=*/true);
    } catch (const std::exception&) {
      // QPDF may catch and wrap the sink's exception: the sink tells.
    }
    if (!sink.over().empty()) throw OverBudget(sink.over());
    return sink.take();
  }

  // Reads content (a page's or a form's) with a walker, once its streams are
  // known to inflate within the limits: QPDF then parses them itself.
  void check_content_size(Handle contents) {
    std::vector<Handle> streams =
        contents.isArray() ? contents.getArrayAsVector() : std::vector<Handle>{contents};
    for (Handle s : streams)
      if (s.isStream()) read(s, kMaxStreamBytes, /*keep=*/false);
  }

  void over_budget(const std::string& what) {
    if (skipped.empty()) skipped = what;
  }

  void add(Level level, const std::string& message, int page = 0) {
    for (Finding& f : report.findings)
      if (f.level == level && f.message == message) {
        if (page && (f.pages.empty() || f.pages.back() != page)) f.pages.push_back(page);
        return;
      }
    report.findings.push_back({level, message, page ? std::vector<int>{page} : std::vector<int>{}});
  }

  void check_file(QPDF& file) {
    if (file.isEncrypted())
      add(Level::Failure,
          "the file is encrypted: PDF/X forbids encryption (save it again without a password or "
          "permissions)");
    std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(file).getAllPages();
    report.pages = static_cast<int>(pages.size());
    if (pages.empty()) add(Level::Failure, "the file has no pages");
    for (size_t i = 0; i < pages.size(); ++i) check_page(pages[i], static_cast<int>(i) + 1);
    check_output_intent(file);
    check_pdfx(file);
    check_colour(file);
  }

  void check_page(QPDFPageObjectHelper page, int n) {
    Handle p = page.getObjectHandle();
    check_boxes(p, n);
    Handle resources = inherited(p, "/Resources");
    walk_resources_fonts(resources, n);
    skipped.clear();
    page_operators = page_form_calls = 0;
    try {
      check_content_size(at(p, "/Contents"));
      ContentWalker walker(*this, n, resources, {}, 0);
      page.parseContents(&walker);
    } catch (const OverBudget& e) {
      over_budget(e.what());
    }
    if (!skipped.empty())
      add(Level::Failure, "content not fully checked: " + skipped + " (a damaged or hostile file?)", n);
    check_annotations(p, n);
  }

  // A page's value for an inheritable key (MediaBox, Resources), through at
  // most kMaxParentHops parents: a /Parent loop ends the search.
  Handle inherited(Handle p, const std::string& key) {
    Handle value = at(p, key);
    for (int hops = 0; value.isNull() && at(p, "/Parent").isDictionary() && hops < kMaxParentHops; ++hops) {
      p = at(p, "/Parent");
      value = at(p, key);
    }
    return value;
  }

  // Trim inside bleed inside media (and crop), on every page.
  void check_boxes(Handle p, int n) {
    Handle media_key = inherited(p, "/MediaBox");
    if (!media_key.isRectangle()) {
      add(Level::Failure, "no MediaBox", n);
      return;
    }
    Box media = box_of(media_key);
    report.media_sizes[format_mm(media.width(), media.height())]++;
    Box crop = at(p, "/CropBox").isRectangle() ? box_of(at(p, "/CropBox")) : media;
    if (!media.contains(crop)) add(Level::Failure, "CropBox reaches outside the MediaBox", n);
    if (!at(p, "/TrimBox").isRectangle()) {
      add(Level::Failure, "no TrimBox: the printer cannot tell where the page is cut", n);
      return;
    }
    Box trim = box_of(at(p, "/TrimBox"));
    report.trim_sizes[format_mm(trim.width(), trim.height())]++;
    if (!at(p, "/BleedBox").isRectangle()) {
      add(Level::Warning, "no BleedBox: nothing may print beyond the trim", n);
      if (!crop.contains(trim)) add(Level::Failure, "TrimBox reaches outside the CropBox", n);
      return;
    }
    Box bleed = box_of(at(p, "/BleedBox"));
    if (!bleed.contains(trim)) add(Level::Failure, "TrimBox reaches outside the BleedBox", n);
    if (!media.contains(bleed)) add(Level::Failure, "BleedBox reaches outside the MediaBox", n);
    if (!crop.contains(bleed)) add(Level::Failure, "BleedBox reaches outside the CropBox", n);
    double width = std::min({trim.x0 - bleed.x0, trim.y0 - bleed.y0, bleed.x1 - trim.x1, bleed.y1 - trim.y1});
    if (width >= 0) {
      report.bleeds[mm_text(width)]++;
      if (width < 3 * kPtPerMm - 0.05) add(Level::Warning, "bleed under 3 mm (" + mm_text(width) + ")", n);
    }
  }

  void walk_resources_fonts(Handle resources, int n) {
    if (!resources.isDictionary()) return;
    Handle fonts = at(resources, "/Font");
    if (!fonts.isDictionary()) return;
    for (const auto& [key, font] : fonts.ditems()) check_font(font, n);
  }

  void check_font(Handle font, int n) {
    if (font.isIndirect() && !fonts_seen.insert(font.getObjGen()).second) return;
    if (!font.isDictionary()) return;
    FontUse use;
    use.name = name_or(at(font, "/BaseFont"), "(unnamed)");
    std::string subtype = name_or(at(font, "/Subtype"), "?");
    use.type = subtype;
    Handle descriptor = at(font, "/FontDescriptor");
    if (subtype == "Type0") {
      Handle descendants = at(font, "/DescendantFonts");
      Handle cid = item(descendants, 0);
      if (cid.isDictionary()) {
        use.type += "/" + name_or(at(cid, "/Subtype"), "?");
        descriptor = at(cid, "/FontDescriptor");
      }
    }
    if (subtype == "Type3") {
      use.embedded = true;  // drawn by the file itself, but a printer refuses it
      add(Level::Failure,
          "Type 3 font " + use.name + " (bitmap or procedure glyphs: embed an outline font instead)", n);
    } else if (descriptor.isDictionary()) {
      use.embedded = at(descriptor, "/FontFile").isStream() || at(descriptor, "/FontFile2").isStream() ||
                     at(descriptor, "/FontFile3").isStream();
    }
    if (!use.embedded) add(Level::Failure, "font " + use.name + " is not embedded", n);
    report.fonts.push_back(use);
  }

  void check_annotations(Handle p, int n) {
    Handle annots = at(p, "/Annots");
    if (!annots.isArray()) return;
    for (Handle a : annots.aitems()) {
      std::string type = name_or(at(a, "/Subtype"), "?");
      if (type != "PrinterMark" && type != "TrapNet")
        add(Level::Warning, type + " annotations (links, notes) on the page: printers ask for none", n);
    }
  }

  void check_output_intent(QPDF& pdf) {
    Handle intents = at(pdf.getRoot(), "/OutputIntents");
    if (intents.isArray())
      for (Handle oi : intents.aitems()) {
        if (!is_name(at(oi, "/S"), "/GTS_PDFX")) continue;
        Handle id = at(oi, "/OutputConditionIdentifier");
        std::string text = "GTS_PDFX \"" + (id.isString() ? id.getUTF8Value() : std::string("?")) + "\"";
        Handle profile = at(oi, "/DestOutputProfile");
        if (profile.isStream()) {
          std::string header = icc_header(read_metadata(profile));
          text += ", " + header;
          if (header.find("'prtr'") == std::string::npos)
            add(Level::Warning,
                "the OutputIntent's ICC profile is not an output (prtr) profile: PDF/X-4 asks for one");
        } else {
          text += ", no embedded profile";
        }
        report.output_intent = text;
        return;
      }
    add(Level::Failure,
        "no PDF/X OutputIntent: the printer cannot tell which printing condition the colours are for");
  }

  void check_pdfx(QPDF& pdf) {
    Handle info = at(pdf.getTrailer(), "/Info");
    Handle version = info.isDictionary() ? at(info, "/GTS_PDFXVersion") : Handle::newNull();
    std::string xmp;
    Handle metadata = at(pdf.getRoot(), "/Metadata");
    if (metadata.isStream()) xmp = read_metadata(metadata);
    size_t found = xmp.find("GTS_PDFXVersion>");
    std::string in_xmp =
        found == std::string::npos ? "" : xmp.substr(found + 16, xmp.find('<', found) - found - 16);
    if (version.isString()) report.pdfx_version = version.getUTF8Value() + " (Info)";
    if (!in_xmp.empty()) report.pdfx_version += (report.pdfx_version.empty() ? "" : ", ") + in_xmp + " (XMP)";
    if (report.pdfx_version.empty())
      add(Level::Warning, "no GTS_PDFXVersion: the file does not claim to be PDF/X");
    Handle trapped = info.isDictionary() ? at(info, "/Trapped") : Handle::newNull();
    if (!is_name(trapped, "/True") && !is_name(trapped, "/False"))
      add(Level::Warning, "Trapped is not True or False: the printer cannot tell whether to trap");
  }

  // An ICC profile or XMP packet; one too big to be real reads as empty.
  std::string read_metadata(Handle stream) {
    try {
      return read(stream, kMaxMetadataBytes);
    } catch (const OverBudget& e) {
      add(Level::Failure, std::string("metadata not read: ") + e.what());
      return {};
    }
  }

  void check_colour(QPDF&) {
    bool rgb_intent = report.output_intent.find("RGB profile") != std::string::npos;
    bool cmyk_intent = report.output_intent.find("CMYK profile") != std::string::npos;
    for (int n : plain_rgb_pages)
      if (!rgb_intent)
        add(Level::Warning, "device-dependent RGB (DeviceRGB without DefaultRGB or an RGB OutputIntent)", n);
    for (int n : cmyk_pages)
      if (!cmyk_intent) add(Level::Warning, "DeviceCMYK without a CMYK OutputIntent", n);
  }

  // A colour space by name or value, as a printer reads it.
  std::string describe(Handle space, Handle resources, int n, int depth = 0) {
    if (depth > kMaxSpaceDepth) {
      add(Level::Failure, "a colour space is defined in a loop (or nested too deep): not followed", n);
      return "colour space defined in a loop";
    }
    if (space.isName()) {
      std::string name = space.getName();
      if (name == "/DeviceRGB" || name == "/DeviceGray" || name == "/DeviceCMYK") {
        std::string plain = name.substr(1);
        std::string fallback = "/Default" + plain.substr(6);  // DefaultRGB, DefaultGray, DefaultCMYK
        Handle spaces = resources.isDictionary() ? at(resources, "/ColorSpace") : Handle::newNull();
        if (spaces.isDictionary() && spaces.hasKey(fallback))
          return plain + " as " + fallback.substr(1) + " (" +
                 describe(at(spaces, fallback), Handle::newNull(), n, depth + 1) + ")";
        if (name == "/DeviceRGB") plain_rgb_pages.insert(n);
        if (name == "/DeviceCMYK") cmyk_pages.insert(n);
        return plain;
      }
      if (name == "/Pattern") return "Pattern";
      Handle spaces = resources.isDictionary() ? at(resources, "/ColorSpace") : Handle::newNull();
      if (spaces.isDictionary() && spaces.hasKey(name))
        return describe(at(spaces, name), resources, n, depth + 1);
      return "unknown colour space " + name;
    }
    if (!space.isArray() || space.getArrayNItems() == 0) return "unknown colour space";
    std::string family = name_or(item(space, 0), "?");
    if (family == "ICCBased") {
      Handle stream = item(space, 1);
      int comps = stream.isStream() && at(stream, "/N").isInteger() ? at(stream, "/N").getIntValueAsInt() : 0;
      return "ICCBased " + components_name(comps);
    }
    if (family == "Separation") return "Separation " + name_or(item(space, 1), "?");
    if (family == "DeviceN") return "DeviceN";
    if (family == "Indexed") return "Indexed on " + describe(item(space, 1), resources, n, depth + 1);
    if (family == "Pattern") return "Pattern";
    return family;
  }

  void use_space(Handle space, Handle resources, int n) {
    report.colour_spaces[describe(space, resources, n)]++;
  }

  // An image XObject's dictionary, or an inline image's (with full key names).
  void image(Handle dict, const std::string& name, const Matrix& ctm, Handle resources, int n) {
    ImageUse use;
    use.page = n;
    use.name = name;
    use.width_px = at(dict, "/Width").isInteger() ? at(dict, "/Width").getIntValueAsInt() : 0;
    use.height_px = at(dict, "/Height").isInteger() ? at(dict, "/Height").getIntValueAsInt() : 0;
    // The image's unit square on the page: its sides' lengths in points.
    double w_pt = std::hypot(ctm.a, ctm.b), h_pt = std::hypot(ctm.c, ctm.d);
    double ppi_x = w_pt > 0 ? use.width_px / (w_pt / 72) : 0,
           ppi_y = h_pt > 0 ? use.height_px / (h_pt / 72) : 0;
    use.ppi = std::min(ppi_x, ppi_y);
    if (at(dict, "/ImageMask").isBool() && at(dict, "/ImageMask").getBoolValue())
      use.colour_space = "stencil mask";
    else {
      use.colour_space = describe(at(dict, "/ColorSpace"), resources, n);
      report.colour_spaces[use.colour_space]++;
    }
    if (use.ppi > 0 && use.ppi < kMinimumPpi) {
      char buf[160];
      std::snprintf(buf, sizeof buf, "image %s is %d × %d px at %.0f ppi at print size (under %.0f ppi)",
                    name.c_str(), use.width_px, use.height_px, use.ppi, kMinimumPpi);
      add(Level::Warning, buf, n);
    }
    report.images.push_back(use);
  }
};

void ContentWalker::handleObject(Handle object) {
  if (!checker_.skipped.empty()) return terminateParsing();
  if (!object.isOperator()) {
    // Operators take a few operands; a stream of operands alone is not kept.
    if (operands_.size() == kMaxOperands)
      operands_.erase(operands_.begin(), operands_.begin() + kMaxOperands / 2);
    operands_.push_back(object);
    return;
  }
  if (++checker_.operators > kMaxOperators || ++checker_.page_operators > kMaxPageOperators) {
    checker_.over_budget(checker_.operators > kMaxOperators
                             ? "more than " + std::to_string(kMaxOperators) + " content operators in the file"
                             : "more than " + std::to_string(kMaxPageOperators) +
                                   " content operators on the page");
    return terminateParsing();
  }
  std::string op = object.getOperatorValue();
  if (op == "q") {
    if (stack_.size() < kMaxSaveDepth) stack_.push_back(ctm_);
  } else if (op == "Q") {
    if (!stack_.empty()) ctm_ = stack_.back(), stack_.pop_back();
  } else if (op == "cm")
    ctm_ = then(matrix_of(operands_), ctm_);
  else if (op == "rg" || op == "RG")
    checker_.use_space(Handle::newName("/DeviceRGB"), resources_, page_);
  else if (op == "k" || op == "K")
    checker_.use_space(Handle::newName("/DeviceCMYK"), resources_, page_);
  else if (op == "g" || op == "G")
    checker_.use_space(Handle::newName("/DeviceGray"), resources_, page_);
  else if ((op == "cs" || op == "CS") && !operands_.empty())
    checker_.use_space(operands_.back(), resources_, page_);
  else if (op == "Do" && !operands_.empty() && operands_.back().isName())
    draw_xobject(operands_.back().getName());
  else if (op == "ID")
    checker_.image(inline_image_dict(operands_), "(inline)", ctm_, resources_, page_);
  operands_.clear();
}

void ContentWalker::draw_xobject(const std::string& name) {
  Handle xobjects = resources_.isDictionary() ? at(resources_, "/XObject") : Handle::newNull();
  Handle x = xobjects.isDictionary() ? at(xobjects, name) : Handle::newNull();
  if (!x.isStream()) return;
  Handle dict = x.getDict();
  if (is_name(at(dict, "/Subtype"), "/Image")) {
    checker_.image(x.getDict(), name, ctm_, resources_, page_);
    return;
  }
  if (!is_name(at(dict, "/Subtype"), "/Form")) return;
  if (depth_ >= kMaxFormDepth || draws(x.getObjGen())) {
    checker_.add(Level::Failure,
                 depth_ >= kMaxFormDepth
                     ? "form XObjects nested deeper than " + std::to_string(kMaxFormDepth) +
                           " levels: the innermost not checked"
                     : "form XObject " + name + " draws itself: not followed",
                 page_);
    return;
  }
  Handle form_resources = at(dict, "/Resources").isDictionary() ? at(dict, "/Resources") : resources_;
  Matrix m = at(dict, "/Matrix").isArray() ? matrix_of(at(dict, "/Matrix").getArrayAsVector()) : Matrix{};
  checker_.walk_resources_fonts(form_resources, page_);
  if (is_name(at(at(dict, "/Group"), "/S"), "/Transparency") && at(at(dict, "/Group"), "/CS").isName())
    checker_.use_space(at(at(dict, "/Group"), "/CS"), form_resources, page_);
  ContentWalker inner(checker_, page_, form_resources, then(m, ctm_), depth_ + 1, this, x.getObjGen());
  if (++checker_.page_form_calls > kMaxPageFormCalls) {
    checker_.over_budget("more than " + std::to_string(kMaxPageFormCalls) +
                         " form XObjects drawn on the page");
    return terminateParsing();
  }
  try {
    checker_.check_content_size(x);
  } catch (const OverBudget& e) {
    checker_.over_budget(e.what());
    return terminateParsing();
  }
  x.parseAsContents(&inner);
}

bool ContentWalker::draws(QPDFObjGen form) const {
  for (const ContentWalker* w = this; w; w = w->outer_)
    if (w->depth_ > 0 && w->form_ == form) return true;
  return false;
}

std::string level_word(Level level) {
  return level == Level::Failure ? "FAIL" : level == Level::Warning ? "warning" : "note";
}

}  // namespace

int PreflightReport::count(Level level) const {
  int n = 0;
  for (const Finding& f : findings) n += f.level == level;
  return n;
}

std::string page_ranges(const std::vector<int>& pages) {
  std::string out;
  for (size_t i = 0; i < pages.size();) {
    size_t j = i;
    while (j + 1 < pages.size() && pages[j + 1] == pages[j] + 1) ++j;
    out += (out.empty() ? "" : ", ") + std::to_string(pages[i]);
    if (j > i) out += "–" + std::to_string(pages[j]);
    i = j + 1;
  }
  return out;
}

PreflightReport preflight(const std::filesystem::path& path) {
  Checker checker;
  checker.report.file = path.string();
  try {
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    pdf.processFile(path.c_str());
    checker.check_file(pdf);
    std::vector<QPDFExc> warnings = pdf.getWarnings();
    if (!warnings.empty())
      checker.add(Level::Failure, "the file is damaged (" + std::string(warnings.front().what()) + ")");
  } catch (const std::exception& e) {
    checker.add(Level::Failure, std::string("cannot read the PDF: ") + e.what());
  }
  return checker.report;
}

std::string format_report(const PreflightReport& r) {
  auto counted = [](const std::map<std::string, int>& m, const char* unit) {
    std::string out;
    for (const auto& [k, v] : m)
      out +=
          (out.empty() ? "" : "; ") + k + " (" + std::to_string(v) + " " + unit + (v == 1 ? "" : "s") + ")";
    return out.empty() ? std::string("none") : out;
  };
  std::string out = "preflight " + r.file + "\n";
  out += "  pages          " + std::to_string(r.pages) + "\n";
  out += "  trim size      " + counted(r.trim_sizes, "page") + "\n";
  out += "  bleed          " + counted(r.bleeds, "page") + "\n";
  out += "  media size     " + counted(r.media_sizes, "page") + "\n";
  int embedded = 0;
  for (const FontUse& f : r.fonts) embedded += f.embedded;
  out +=
      "  fonts          " + std::to_string(r.fonts.size()) + ", " + std::to_string(embedded) + " embedded\n";
  for (const FontUse& f : r.fonts)
    out += "                   " + f.name + " (" + f.type + ")" + (f.embedded ? "" : " NOT EMBEDDED") + "\n";
  out += "  colour spaces  " + counted(r.colour_spaces, "use") + "\n";
  if (r.images.empty())
    out += "  images         none\n";
  else {
    double lowest = 1e9;
    for (const ImageUse& i : r.images) lowest = std::min(lowest, i.ppi);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%zu placed, lowest %.0f ppi at print size", r.images.size(), lowest);
    out += "  images         " + std::string(buf) + "\n";
  }
  out += "  output intent  " + (r.output_intent.empty() ? std::string("none") : r.output_intent) + "\n";
  out += "  PDF/X          " + (r.pdfx_version.empty() ? std::string("none") : r.pdfx_version) + "\n";
  for (const Finding& f : r.findings) {
    out += level_word(f.level) + ": " + f.message;
    if (!f.pages.empty()) out += (f.pages.size() == 1 ? " (page " : " (pages ") + page_ranges(f.pages) + ")";
    out += "\n";
  }
  int failures = r.count(Level::Failure), warnings = r.count(Level::Warning);
  out += std::string(failures ? "result: FAIL" : "result: ok") + " (" + std::to_string(failures) +
         " failure" + (failures == 1 ? "" : "s") + ", " + std::to_string(warnings) + " warning" +
         (warnings == 1 ? "" : "s") + ")\n";
  return out;
}

}  // namespace huozi::print
