#include "print/preflight.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <exception>
#include <qpdf/Pipeline.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include "print/preflight_check.h"

namespace huozi::print {
namespace preflight_detail {
namespace {

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
  static std::string mib(size_t n) {
    return n >= (1 << 20) ? std::to_string(n >> 20) + " MB" : std::to_string(n >> 10) + " KB";
  }

 private:
  size_t limit_;
  size_t& total_;
  bool keep_;
  size_t size_ = 0;
  std::string data_;
  std::string over_;
};

constexpr double kMinimumPpi = 300;

// "3 mm" rather than "3.0 mm".
std::string mm_text(double pt) {
  std::string s = units::format_mm(pt);
  if (s.size() > 5 && s.compare(s.size() - 5, 5, ".0 mm") == 0) s.erase(s.size() - 5, 2);
  return s;
}

}  // namespace

Handle at(Handle o, const std::string& key) {
  if (o.isStream()) o = o.getDict();
  return o.isDictionary() ? o.getKey(key) : Handle::newNull();
}

Handle item(Handle array, int i) {
  return array.isArray() && i >= 0 && i < array.getArrayNItems() ? array.getArrayItem(i) : Handle::newNull();
}

bool is_name(Handle o, const char* name) { return o.isName() && o.getName() == name; }

std::string name_or(Handle o, const std::string& fallback) {
  return o.isName() ? o.getName().substr(1) : fallback;
}

double number_or(Handle o, double fallback) { return o.isNumber() ? o.getNumericValue() : fallback; }

std::vector<double> numbers_of(Handle array, size_t most) {
  std::vector<double> out;
  for (int i = 0; array.isArray() && i < array.getArrayNItems() && out.size() < most; ++i)
    if (array.getArrayItem(i).isNumber()) out.push_back(array.getArrayItem(i).getNumericValue());
  return out;
}

Box box_of(Handle array) {
  QPDFObjectHandle::Rectangle r = array.getArrayAsRectangle();
  return {std::min(r.llx, r.urx), std::min(r.lly, r.ury), std::max(r.llx, r.urx), std::max(r.lly, r.ury)};
}

double predictor_row_bytes(Handle stream) {
  Handle parms = at(stream, "/DecodeParms");
  std::vector<Handle> all = parms.isArray() ? parms.getArrayAsVector() : std::vector<Handle>{parms};
  double longest = 0;
  for (Handle p : all)
    if (number_or(at(p, "/Predictor"), 1) >= 2)
      longest = std::max(longest, number_or(at(p, "/Columns"), 1) * number_or(at(p, "/Colors"), 1) *
                                      number_or(at(p, "/BitsPerComponent"), 8) / 8);
  return longest;
}

// A stream's decoded data (or only its size, with keep false), at most
// `limit` bytes: OverBudget beyond, and for a predictor that would hold a
// longer row than any real stream has.
std::string Checker::read(Handle stream, size_t limit, bool keep) {
  if (predictor_row_bytes(stream) > kMaxPredictorRow)
    throw OverBudget("a stream's predictor rows are longer than " + BoundedSink::mib(kMaxPredictorRow));
  BoundedSink sink(limit, inflated, keep);
  try {
    stream.pipeStreamData(&sink, 0, qpdf_dl_all, /*suppress_warnings=*/true);
  } catch (const std::exception&) {
    // QPDF may catch and wrap the sink's exception: the sink tells.
  }
  if (!sink.over().empty()) throw OverBudget(sink.over());
  return sink.take();
}

// Content (a page's or a form's) is read by a walker once its streams are
// known to inflate within the limits: QPDF then parses them itself.
void Checker::check_content_size(Handle contents) {
  std::vector<Handle> streams =
      contents.isArray() ? contents.getArrayAsVector() : std::vector<Handle>{contents};
  for (Handle s : streams)
    if (s.isStream()) read(s, kMaxStreamBytes, /*keep=*/false);
}

void Checker::over_budget(const std::string& what) {
  if (skipped.empty()) skipped = what;
}

// One finding per message: a message found again adds its page, and counts
// the place, of which the first is kept.
void Checker::add(Level level, const std::string& message, int page, const std::string& place) {
  for (Finding& f : report.findings)
    if (f.level == level && f.message == message) {
      if (page && (f.pages.empty() || f.pages.back() != page)) f.pages.push_back(page);
      if (!place.empty()) {
        if (f.place.empty()) f.place = place;
        ++f.times;
      }
      return;
    }
  report.findings.push_back(
      {level, message, page ? std::vector<int>{page} : std::vector<int>{}, place, place.empty() ? 0 : 1});
}

// An ICC profile or XMP packet; one too big to be real reads as empty.
std::string Checker::read_metadata(Handle stream) {
  try {
    return read(stream, kMaxMetadataBytes);
  } catch (const OverBudget& e) {
    add(Level::Failure, std::string("metadata not read: ") + e.what());
    return {};
  }
}

// The file's identification and intent first: what the pages are held to
// (the ink limit, PDF/X-1a's restrictions) depends on them.
void Checker::check_file(QPDF& file) {
  if (file.isEncrypted())
    add(Level::Failure,
        "the file is encrypted: PDF/X forbids encryption (save it again without a password or "
        "permissions)");
  report.pdf_version = file.getPDFVersion();
  report.right_to_left = is_name(at(at(file.getRoot(), "/ViewerPreferences"), "/Direction"), "/R2L");
  identify_pdfx(file);
  check_output_intent(file);
  std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(file).getAllPages();
  report.pages = static_cast<int>(pages.size());
  if (pages.empty()) add(Level::Failure, "the file has no pages");
  for (size_t i = 0; i < pages.size(); ++i) check_page(pages[i], static_cast<int>(i) + 1);
  check_colour();
}

void Checker::check_page(QPDFPageObjectHelper page, int n) {
  Handle p = page.getObjectHandle();
  check_boxes(p, n);
  Handle resources = inherited(p, "/Resources");
  walk_resources_fonts(resources, n);
  // Positions count from the trim; content is what reaches into the bleed.
  Handle media = inherited(p, "/MediaBox");
  Box media_box = media.isRectangle() ? box_of(media) : Box{};
  Box crop = at(p, "/CropBox").isRectangle() ? box_of(at(p, "/CropBox")) : media_box;
  Box trim = at(p, "/TrimBox").isRectangle() ? box_of(at(p, "/TrimBox")) : crop;
  Box bleed = at(p, "/BleedBox").isRectangle() ? box_of(at(p, "/BleedBox")) : crop;
  start_page(n, {trim, bleed});
  if (x1a && is_name(at(at(p, "/Group"), "/S"), "/Transparency"))
    transparency("the page's transparency group");
  skipped.clear();
  page_operators = page_form_calls = 0;
  try {
    check_content_size(at(p, "/Contents"));
    walk_page(*this, page, resources);
  } catch (const OverBudget& e) {
    over_budget(e.what());
  }
  if (!skipped.empty())
    add(Level::Failure, "content not fully checked: " + skipped + " (a damaged or hostile file?)", n);
  end_page();
  check_annotations(p, n);
}

// A page's value for an inheritable key (MediaBox, Resources), through at
// most kMaxParentHops parents: a /Parent loop ends the search.
Handle Checker::inherited(Handle p, const std::string& key) {
  Handle value = at(p, key);
  for (int hops = 0; value.isNull() && at(p, "/Parent").isDictionary() && hops < kMaxParentHops; ++hops) {
    p = at(p, "/Parent");
    value = at(p, key);
  }
  return value;
}

// Trim inside bleed inside media (and crop), on every page.
void Checker::check_boxes(Handle p, int n) {
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

void Checker::walk_resources_fonts(Handle resources, int n) {
  if (!resources.isDictionary()) return;
  Handle fonts = at(resources, "/Font");
  if (!fonts.isDictionary()) return;
  for (const auto& [key, font] : fonts.ditems()) check_font(font, n);
}

void Checker::check_font(Handle font, int n) {
  if (font.isIndirect() && !fonts_seen.insert(font.getObjGen()).second) return;
  if (!font.isDictionary()) return;
  FontUse use;
  use.name = name_or(at(font, "/BaseFont"), "(unnamed)");
  std::string subtype = name_or(at(font, "/Subtype"), "?");
  use.type = subtype;
  Handle descriptor = at(font, "/FontDescriptor");
  if (subtype == "Type0") {
    Handle cid = item(at(font, "/DescendantFonts"), 0);
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

void Checker::check_annotations(Handle p, int n) {
  Handle annots = at(p, "/Annots");
  if (!annots.isArray()) return;
  for (Handle a : annots.aitems()) {
    std::string type = name_or(at(a, "/Subtype"), "?");
    if (type != "PrinterMark" && type != "TrapNet")
      add(Level::Warning, type + " annotations (links, notes) on the page: printers ask for none", n);
  }
}

void Checker::check_colour() {
  for (int n : plain_rgb_pages)
    if (intent_space_ != "RGB")
      add(Level::Warning, "device-dependent RGB (DeviceRGB without DefaultRGB or an RGB OutputIntent)", n);
  for (int n : cmyk_pages)
    if (intent_space_ != "CMYK") add(Level::Warning, "DeviceCMYK without a CMYK OutputIntent", n);
}

// The effective resolution of an image's dictionary (an XObject's, or an
// inline image's with full key names) drawn through `ctm`.
void Checker::image_resolution(Handle dict, const std::string& name, const Matrix& ctm,
                               const std::string& colour_space) {
  ImageUse use;
  use.page = page_;
  use.name = name;
  use.width_px = at(dict, "/Width").isInteger() ? at(dict, "/Width").getIntValueAsInt() : 0;
  use.height_px = at(dict, "/Height").isInteger() ? at(dict, "/Height").getIntValueAsInt() : 0;
  // The image's unit square on the page: its sides' lengths in points.
  double w_pt = std::hypot(ctm.a, ctm.b), h_pt = std::hypot(ctm.c, ctm.d);
  double ppi_x = w_pt > 0 ? use.width_px / (w_pt / 72) : 0,
         ppi_y = h_pt > 0 ? use.height_px / (h_pt / 72) : 0;
  use.ppi = std::min(ppi_x, ppi_y);
  use.colour_space = colour_space;
  if (use.ppi > 0 && use.ppi < kMinimumPpi) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "image %s is %d × %d px at %.0f ppi at print size (under %.0f ppi)",
                  name.c_str(), use.width_px, use.height_px, use.ppi, kMinimumPpi);
    add(Level::Warning, buf, page_);
  }
  report.images.push_back(use);
}

}  // namespace preflight_detail

namespace {

std::string level_word(Level level) {
  return level == Level::Failure ? "FAIL" : level == Level::Warning ? "warning" : "note";
}

// "message (page 3)", "message (page 3, at 35.3, 194.1 mm: 9 pt …)",
// "message (pages 3–5, 12 times; the first on page 3, at …)".
std::string finding_line(const Finding& f) {
  std::string out = level_word(f.level) + ": " + f.message;
  std::string where;
  if (!f.pages.empty()) where = (f.pages.size() == 1 ? "page " : "pages ") + page_ranges(f.pages);
  if (!f.place.empty()) {
    if (f.times <= 1)
      where += (where.empty() ? "" : ", ") + f.place;
    else
      where += (where.empty() ? "" : ", ") + std::to_string(f.times) + " times; the first " +
               (f.pages.empty() ? "" : "on page " + std::to_string(f.pages.front()) + ", ") + f.place;
  }
  return out + (where.empty() ? "" : " (" + where + ")") + "\n";
}

std::string ink_line(const PreflightReport& r) {
  char buf[160];
  if (r.highest_ink_page)
    std::snprintf(buf, sizeof buf, "highest %.0f %% (page %d); ", r.highest_ink, r.highest_ink_page);
  else
    std::snprintf(buf, sizeof buf, "no CMYK ink painted; ");
  std::string out = buf;
  std::snprintf(buf, sizeof buf, "limit %.0f %% ", r.ink_limit);
  return out + buf + "(" + r.ink_limit_reason + ")";
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
  preflight_detail::Checker checker;
  checker.report.file = path.string();
  try {
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    pdf.processFile(path.c_str());
    checker.check_file(pdf);
    std::vector<QPDFExc> warnings = checker.warnings;
    for (QPDFExc& w : pdf.getWarnings()) warnings.push_back(w);
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
  out += std::string("  page order     ") +
         (r.right_to_left ? "right to left (/Direction /R2L: bound on the right)" : "left to right") + "\n";
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
  if (r.ink_limit > 0) out += "  ink coverage   " + ink_line(r) + "\n";
  out += "  output intent  " + (r.output_intent.empty() ? std::string("none") : r.output_intent) + "\n";
  out += "  PDF/X          " + (r.pdfx_version.empty() ? std::string("none") : r.pdfx_version) + "\n";
  if (!r.pdf_version.empty()) out += "  PDF version    " + r.pdf_version + "\n";
  for (const Finding& f : r.findings) out += finding_line(f);
  int failures = r.count(Level::Failure), warnings = r.count(Level::Warning);
  out += std::string(failures ? "result: FAIL" : "result: ok") + " (" + std::to_string(failures) +
         " failure" + (failures == 1 ? "" : "s") + ", " + std::to_string(warnings) + " warning" +
         (warnings == 1 ? "" : "s") + ")\n";
  return out;
}

}  // namespace huozi::print
