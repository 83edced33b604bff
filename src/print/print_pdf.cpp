#include "print/print_pdf.h"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>
#include <set>

#include "print/colour.h"
#include "print/colour_conversion.h"
#include "print/marks.h"
#include "util/atomic_file.h"

#ifndef HUOZI_SRGB_ICC_PATH
#define HUOZI_SRGB_ICC_PATH "/usr/share/color/icc/sRGB.icc"
#endif

namespace huozi::print {
namespace {

using Handle = QPDFObjectHandle;

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

Box box_of(Handle array) {
  QPDFObjectHandle::Rectangle r = array.getArrayAsRectangle();
  return {std::min(r.llx, r.urx), std::min(r.lly, r.ury), std::max(r.llx, r.urx), std::max(r.lly, r.ury)};
}

Handle array_of(const Box& b) { return Handle::newArray(Handle::Rectangle(b.x0, b.y0, b.x1, b.y1)); }

// A form XObject's content held as plain data, so that it no longer depends on
// the page it was made from (whose /Contents is about to be replaced).
Handle materialised(Handle form) {
  std::shared_ptr<Buffer> data = form.getStreamData(qpdf_dl_generalized);
  std::string bytes(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
  form.replaceStreamData(bytes, Handle::newNull(), Handle::newNull());
  return form;
}

// Printers ask for files without interactive parts: no outline, links,
// named destinations, structure tree or open action.
void drop_interactive_parts(QPDF& pdf) {
  Handle root = pdf.getRoot();
  for (const char* key : {"/Outlines", "/Names", "/Dests", "/OpenAction", "/PageMode", "/StructTreeRoot",
                          "/MarkInfo", "/AcroForm"})
    root.removeKey(key);
}

// The page order viewers and imposition software read: /Direction /R2L in
// /ViewerPreferences for a book bound on the right, nothing (L2R, the
// default) otherwise. Other viewer preferences the reader PDF has are kept.
void set_page_order(QPDF& pdf, bool right_to_left) {
  Handle root = pdf.getRoot();
  Handle preferences = root.getKey("/ViewerPreferences");
  if (!preferences.isDictionary()) {
    if (!right_to_left) return;
    preferences = Handle::newDictionary();
  }
  if (right_to_left)
    preferences.replaceKey("/Direction", Handle::newName("/R2L"));
  else
    preferences.removeKey("/Direction");
  if (preferences.getKeys().empty())
    root.removeKey("/ViewerPreferences");
  else
    root.replaceKey("/ViewerPreferences", preferences);
}

struct Sheet {
  QPDF& pdf;
  const PrintOptions& options;
  const ColourPlan& colours;
  Handle registration;
  std::set<QPDFObjGen> seen;

  // Returns an error, or empty.
  std::string impose(QPDFPageObjectHelper page, Handle slug_form) {
    Handle p = page.getObjectHandle();
    Box in = box_of(page.getMediaBox());
    Handle form = materialised(page.getFormXObjectForPage());
    double ib = options.input_bleed;
    // The form shows the bleed too: whatever the reader PDF draws past its
    // trim (backgrounds extended for the purpose, layout/bleed.h) prints there.
    form.getDict().replaceKey("/BBox", array_of(in.inset(ib - options.bleed)));
    SheetGeometry g = sheet_geometry(in.width() - 2 * ib, in.height() - 2 * ib, options.bleed);
    double dx = g.trim.x0 - ib - in.x0, dy = g.trim.y0 - ib - in.y0;
    std::string content = "q 1 0 0 1 " + num(dx) + " " + num(dy) + " cm /HzPage Do Q\n";
    content += marks_content(g, MarkOptions{options.folds});
    Handle xobjects = Handle::newDictionary();
    xobjects.replaceKey("/HzPage", form);
    if (slug_form.isStream()) {
      double y = g.bleed.y0 - kSlugBaseline - (kSlugSheetHeight - kSlugSheetBaseline);
      content += "q 1 0 0 1 " + num(g.trim.x0) + " " + num(y) + " cm /HzSlug Do Q\n";
      xobjects.replaceKey("/HzSlug", slug_form);
    }
    Handle spaces = Handle::newDictionary();
    spaces.replaceKey(kRegistrationName, registration);
    Handle resources = Handle::newDictionary();
    resources.replaceKey("/XObject", xobjects);
    resources.replaceKey("/ColorSpace", spaces);

    p.replaceKey("/Contents", pdf.newStream(content));
    p.replaceKey("/Resources", resources);
    p.replaceKey("/MediaBox", array_of(g.media));
    p.replaceKey("/CropBox", array_of(g.media));
    p.replaceKey("/BleedBox", array_of(g.bleed));
    p.replaceKey("/TrimBox", array_of(g.trim));
    for (const char* key : {"/ArtBox", "/Annots", "/StructParents", "/Tabs", "/Rotate", "/UserUnit"})
      p.removeKey(key);
    return prepare_colours(p, colours, seen);
  }
};

}  // namespace

std::string default_rgb_profile() {
  const char* env = std::getenv("HUOZI_SRGB_ICC");
  return env && *env ? env : HUOZI_SRGB_ICC_PATH;
}

IntentResult output_intent(const PrintOptions& options) {
  IntentResult result;
  if (!options.output_profile.empty()) {
    result = output_intent_for_profile(read_icc_profile(options.output_profile));
  } else {
    const PressProfile& own = press_profile(options.condition);
    OutputIntent& intent = result.intent;
    intent.profile = IccProfile{own.info, std::string(own.icc), {}};
    intent.components = 4;
    intent.condition_identifier = own.identifier;
    intent.condition = own.condition;
    intent.info = own.info;
  }
  // PDF/X-1a:2001 is PDF 1.3, which knows ICC profiles up to version 2.
  if (result && options.pdfx == PdfxVersion::X1a && result.intent.profile.bytes[8] > 2)
    result.error = options.output_profile + " is an ICC version " +
                   std::to_string(static_cast<unsigned char>(result.intent.profile.bytes[8])) +
                   " profile; PDF/X-1a takes version 2 profiles only (ask the shop for the v2 one, or use --print)";
  return result;
}

std::string colour_setup_error(const PrintOptions& options) {
  IntentResult intent = output_intent(options);
  if (!intent) return intent.error;
  IccProfile rgb = read_icc_profile(options.rgb_profile);
  if (!rgb) return rgb.error;
  std::string error;
  CmykConverter::create(rgb, intent.intent.profile, error);
  return error;
}

std::string output_profile_from_environment() {
  const char* env = std::getenv("HUOZI_OUTPUT_ICC");
  return env ? env : "";
}

PrintResult write_print_pdf(const std::filesystem::path& reader, const std::filesystem::path& target,
                            const PrintOptions& options) {
  PrintResult result;
  try {
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    pdf.processFile(reader.c_str());
    QPDF slugs;
    slugs.setSuppressWarnings(true);
    std::vector<QPDFPageObjectHelper> slug_pages;
    if (!options.slug_lines.empty()) {
      slugs.processFile(options.slug_lines.c_str());
      slug_pages = QPDFPageDocumentHelper(slugs).getAllPages();
    }
    drop_interactive_parts(pdf);
    set_page_order(pdf, options.right_to_left);
    IntentResult intent = output_intent(options);
    IccProfile rgb = read_icc_profile(options.rgb_profile);
    for (const std::string* error : {&intent.error, &rgb.error})
      if (!error->empty()) {
        result.error = *error;
        return result;
      }
    std::unique_ptr<CmykConverter> converter = CmykConverter::create(rgb, intent.intent.profile, result.error);
    if (!converter) return result;
    ColourPlan colours{converter.get(), options.pdfx == PdfxVersion::X1a};
    Sheet sheet{pdf, options, colours, registration_colour_space(pdf), {}};
    std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(pdf).getAllPages();
    for (size_t i = 0; i < pages.size(); ++i) {
      Handle slug;
      if (i < slug_pages.size())
        slug = pdf.copyForeignObject(materialised(slug_pages[i].getFormXObjectForPage()));
      result.error = sheet.impose(pages[i], slug);
      if (!result.error.empty()) return result;
    }
    mark_as_pdfx(pdf, options.info, intent.intent, options.pdfx);

    AtomicFile file(target);
    if (!file) {
      result.error = file.error();
      return result;
    }
    std::FILE* out = file.stream();
    if (!out) {
      result.error = file.error();
      return result;
    }
    // QPDF checks each write but not the final flush and close: commit() does.
    QPDFWriter writer(pdf);
    writer.setOutputFile(target.c_str(), out, false);
    if (options.pdfx == PdfxVersion::X1a) {
      // PDF/X-1a:2001 is PDF 1.3: no object or cross-reference streams.
      writer.forcePDFVersion("1.3");
      writer.setObjectStreamMode(qpdf_o_disable);
    } else {
      // PDF/X-4 is PDF 1.6 (the reader PDF says 1.7, but uses nothing newer than 1.5).
      writer.forcePDFVersion("1.6");
    }
    writer.setDeterministicID(true);
    writer.write();
    for (const QPDFExc& w : pdf.getWarnings()) result.warnings.push_back(w.what());
    if (!file.commit()) {
      result.error = file.error();
      return result;
    }
    result.pages = static_cast<int>(pages.size());
  } catch (const std::exception& e) {
    result.error = e.what();
  }
  return result;
}

PrintResult count_pages(const std::filesystem::path& path) {
  PrintResult result;
  try {
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    pdf.processFile(path.c_str());
    result.pages = static_cast<int>(QPDFPageDocumentHelper(pdf).getAllPages().size());
  } catch (const std::exception& e) {
    result.error = e.what();
  }
  return result;
}

}  // namespace huozi::print
