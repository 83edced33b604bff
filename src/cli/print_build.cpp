#include "cli/print_build.h"

#include <unistd.h>

#include <cmath>
#include <cstdio>

#include "pdf/pdf_writer.h"
#include "print/cover.h"
#include "print/preflight.h"
#include "print/print_pdf.h"
#include "text/font_db.h"

namespace huozi::cli {
namespace {

// A scratch PDF (the slug lines, the cover before its marks) that is removed
// when it goes out of scope.
struct ScratchPdf {
  std::filesystem::path path;
  explicit ScratchPdf(const std::string& what)
      : path(std::filesystem::temp_directory_path() /
             ("huozi-" + what + "-" + std::to_string(getpid()) + ".pdf")) {}
  ~ScratchPdf() {
    std::error_code ec;
    std::filesystem::remove(path, ec);
  }
};

print::DocumentInfo document_info(const model::Document& doc) {
  const model::Metadata& m = doc.metadata;
  print::DocumentInfo info;
  info.title = m.subtitle.empty() ? m.title : m.title + "：" + m.subtitle;
  for (const model::Creator& c : m.creators)
    if (c.role == "aut") info.authors.push_back(c.name);
  std::string date = m.date;
  if (date.size() == 4)
    date += "-01-01";
  else if (date.size() == 7)
    date += "-01";
  info.date = date;
  info.document_id = m.identifier_scheme == "isbn" ? "urn:isbn:" + m.identifier : m.identifier;
  info.creator = "huozi " HUOZI_VERSION;
  return info;
}

std::vector<layout::FontRef> font_refs(const text::FontDb& fonts) {
  std::vector<layout::FontRef> refs;
  for (size_t i = 0; i < fonts.size(); ++i) {
    const text::FaceInfo& face = fonts.info(static_cast<text::FaceId>(i));
    refs.push_back({face.file, face.index});
  }
  return refs;
}

// Draws frames into a scratch PDF with the reader PDF's writer.
bool draw(const std::vector<layout::PageFrame>& frames, const text::FontDb& fonts,
          const print::DocumentInfo& info, const std::filesystem::path& path, std::string& error) {
  pdf::PdfInfo pdf_info;
  pdf_info.title = info.title;
  pdf_info.create_date = info.date + "T00:00:00";
  pdf::PdfWriter writer(path, pdf_info, font_refs(fonts));
  for (const layout::PageFrame& frame : frames) writer.add_page(frame);
  if (!writer.finish()) {
    error = writer.error();
    return false;
  }
  return true;
}

std::string mm_text(double pt) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f mm", pt / print::kPtPerMm);
  return buf;
}

}  // namespace

bool build_print(const model::Document& doc, const std::filesystem::path& reader, const std::string& stem,
                 std::vector<std::filesystem::path>& written, DiagnosticList& diagnostics) {
  std::string error;
  int pages = print::count_pages(reader, error);
  if (pages < 0) {
    diagnostics.error(reader.string(), 0, 0, "cannot read the reader PDF: " + error);
    return false;
  }
  std::unique_ptr<text::FontDb> fonts = text::FontDb::open(text::FontDb::default_config(), diagnostics);
  if (!fonts) return false;
  const model::PageSetup& setup = doc.page;
  print::DocumentInfo info = document_info(doc);
  print::PrintOptions options;
  options.bleed = setup.bleed;
  options.info = info;
  options.rgb_profile = print::default_rgb_profile();
  options.output_profile = print::output_profile_from_environment();
  const char* hint = options.output_profile.empty()
                         ? "install icc-profiles-free (scripts/install-deps.sh) and check the output folder"
                         : "HUOZI_OUTPUT_ICC must name the print shop's ICC output profile";

  // The book block: reader pages with marks and a slug line each.
  std::filesystem::path print_target = stem + "-print.pdf";
  ScratchPdf slugs("slugs");
  auto slug_lines =
      print::slug_frames(doc, *fonts, pages, setup.page_width, print_target.filename().string());
  if (!draw(slug_lines, *fonts, info, slugs.path, error)) {
    diagnostics.error(print_target.string(), 0, 0, "cannot draw the slug lines: " + error);
    return false;
  }
  options.slug_lines = slugs.path;
  print::PrintResult result = print::write_print_pdf(reader, print_target, options);
  for (const std::string& w : result.warnings) diagnostics.warning(reader.string(), 0, 0, "repaired: " + w);
  if (!result) {
    diagnostics.error(print_target.string(), 0, 0, result.error, hint);
    return false;
  }
  written.push_back(print_target);

  // The cover: one spread with the spine between back and front.
  print::Binding binding = setup.saddle_stitch ? print::Binding::Saddle : print::Binding::Perfect;
  if (binding == print::Binding::Saddle && pages % 4 != 0)
    diagnostics.warning(reader.string(), 0, 0,
                        "saddle stitching needs a multiple of 4 pages; the book has " + std::to_string(pages),
                        "add or remove pages, or bind it perfect (binding=\"perfect\")");
  print::CoverSize size{setup.page_width, setup.page_height,
                        print::spine_width(pages, binding, setup.paper_thickness), setup.bleed};
  std::filesystem::path cover_target = stem + "-cover.pdf";
  ScratchPdf cover("cover"), cover_slug("cover-slug");
  double cover_width = 2 * size.trim_width + size.spine;
  std::string note = std::string(binding == print::Binding::Saddle ? "骑马钉" : "胶装") + "，书脊 " +
                     mm_text(size.spine) + "（" + std::to_string(pages) + " 页，纸厚 " +
                     mm_text(setup.paper_thickness) + "）　" + cover_target.filename().string();
  auto cover_slug_frames = print::slug_frames(doc, *fonts, 1, cover_width, note);
  if (!draw({print::cover_frame(doc, *fonts, size)}, *fonts, info, cover.path, error) ||
      !draw(cover_slug_frames, *fonts, info, cover_slug.path, error)) {
    diagnostics.error(cover_target.string(), 0, 0, "cannot draw the cover: " + error);
    return false;
  }
  options.input_bleed = setup.bleed;
  options.slug_lines = cover_slug.path;
  options.folds = {size.trim_width};
  if (size.spine > 0) options.folds.push_back(size.trim_width + size.spine);
  result = print::write_print_pdf(cover.path, cover_target, options);
  if (!result) {
    diagnostics.error(cover_target.string(), 0, 0, result.error, hint);
    return false;
  }
  written.push_back(cover_target);
  return true;
}

int run_preflight(const std::vector<std::string>& args) {
  if (args.size() != 1 || args[0].empty() || args[0][0] == '-') {
    std::fprintf(stderr, "huozi: preflight takes one FILE.pdf\n");
    return 2;
  }
  print::PreflightReport report = print::preflight(args[0]);
  std::fputs(print::format_report(report).c_str(), stdout);
  return report.failed() ? 1 : 0;
}

}  // namespace huozi::cli
