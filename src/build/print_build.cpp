#include "build/print_build.h"

#include <unistd.h>

#include <cstdlib>

#include "build/fonts.h"
#include "build/pdf_build.h"
#include "model/metadata.h"
#include "pdf/pdf_writer.h"
#include "print/cover.h"
#include "print/geometry.h"
#include "print/print_pdf.h"
#include "text/font_db.h"
#include "util/units.h"

namespace huozi::build {
namespace {

// A scratch PDF (the slug lines, the cover before its marks) in the temporary
// folder (TMPDIR), removed when it goes out of scope.
struct ScratchPdf {
  std::filesystem::path path;  // empty when there is no temporary folder: error says why
  std::string error;
  explicit ScratchPdf(const std::string& what) {
    std::error_code ec;
    std::filesystem::path dir = std::filesystem::temp_directory_path(ec);
    if (ec) {
      const char* tmpdir = std::getenv("TMPDIR");
      error = "no folder for temporary files" +
              (tmpdir ? " (TMPDIR=" + std::string(tmpdir) + ")" : std::string()) + ": " + ec.message();
      return;
    }
    path = dir / ("huozi-" + what + "-" + std::to_string(getpid()) + ".pdf");
  }
  ~ScratchPdf() {
    std::error_code ec;
    if (!path.empty()) std::filesystem::remove(path, ec);
  }
};

// What the print profile's steps share.
struct PrintJob {
  const model::Document& doc;
  text::FontDb& fonts;
  int pages = 0;  // of the reader PDF
  print::PrintOptions options;
  std::string hint;  // for a print file that cannot be written
  BuildResult& result;

  // Draws frames into a scratch PDF with the reader PDF's writer; a failure is
  // an error at target, "cannot draw WHAT".
  bool draw(const std::vector<layout::PageFrame>& frames, const ScratchPdf& scratch,
            const std::filesystem::path& target, const std::string& what) {
    if (scratch.path.empty()) {
      result.diagnostics.error(target.string(), 0, 0, "cannot draw " + what + ": " + scratch.error,
                               "set TMPDIR to a writable folder, or unset it to use /tmp");
      return false;
    }
    pdf::PdfInfo info;
    info.title = options.info.title;
    info.create_date = options.info.date + "T00:00:00";
    pdf::PdfWriter writer(scratch.path, info, font_refs(fonts));
    for (const layout::PageFrame& frame : frames) writer.add_page(frame);
    if (font_problems(fonts, result.diagnostics)) return false;
    if (!writer.finish()) {
      result.diagnostics.error(target.string(), 0, 0, "cannot draw " + what + ": " + writer.error());
      return false;
    }
    return true;
  }

  // Writes the print file of input; what QPDF repaired in the reader PDF is a warning.
  bool write(const std::filesystem::path& input, const std::filesystem::path& target, bool report_repairs) {
    print::PrintResult printed = print::write_print_pdf(input, target, options);
    if (report_repairs)
      for (const std::string& w : printed.warnings)
        result.diagnostics.warning(input.string(), 0, 0, "repaired: " + w);
    if (!printed) {
      result.diagnostics.error(target.string(), 0, 0, printed.error, hint);
      return false;
    }
    result.written.push_back(target);
    return true;
  }

  // The output profile (HUOZI_OUTPUT_ICC's, or huozi's own) must be usable
  // before anything is written.
  bool output_profile_usable(const std::string& stem) {
    std::string error = print::colour_setup_error(options);
    if (error.empty()) return true;
    std::string what = options.output_profile.empty() ? "" : "HUOZI_OUTPUT_ICC: ";
    result.diagnostics.error(stem + "-print.pdf", 0, 0, what + error, hint);
    return false;
  }

  bool has_cover() const {
    using Cover = model::PageSetup::Cover;
    return doc.page.cover == Cover::Yes ||
           (doc.page.cover == Cover::Unset && doc.type != model::PublicationType::Periodical);
  }

  bool right_bound() const { return print::binding_edge(doc) == print::BindingEdge::Right; }

  // 右翻 in the slug line of a book bound on the right (pages turn to the
  // right), so that whoever imposes the pages cannot miss it; nothing for the
  // usual left binding.
  std::string page_order_note() const { return right_bound() ? "右翻　" : ""; }

  // The book block: reader pages with marks and a slug line each.
  bool book_block(const std::filesystem::path& reader, const std::string& stem) {
    std::filesystem::path target = stem + "-print.pdf";
    ScratchPdf slugs("slugs");
    auto slug_lines = print::slug_frames(doc, fonts, pages, doc.page.page_width,
                                         page_order_note() + target.filename().string());
    if (!draw(slug_lines, slugs, target, "the slug lines")) return false;
    options.slug_lines = slugs.path;
    return write(reader, target, true);
  }

  print::Binding binding() const {
    return doc.page.saddle_stitch ? print::Binding::Saddle : print::Binding::Perfect;
  }

  print::CoverSize cover_size() const {
    const model::PageSetup& setup = doc.page;
    return {setup.page_width, setup.page_height, print::spine_width(pages, binding(), setup.paper_thickness),
            setup.bleed, print::binding_edge(doc)};
  }

  // A PDF page is at most 14,400 units across (ISO 32000-1, annex C): a
  // cover sheet wider than that is refused before any print file is written
  // (a cover split in two is no cover).
  bool cover_fits(const std::string& stem) {
    print::CoverSize size = cover_size();
    print::SheetGeometry sheet =
        print::sheet_geometry(2 * size.trim_width + size.spine, size.trim_height, size.bleed);
    if (sheet.media.width() <= print::kMaxPageSize && sheet.media.height() <= print::kMaxPageSize)
      return true;
    result.diagnostics.error(stem + "-cover.pdf", 0, 0,
                             "the cover sheet would be " + units::format_mm(sheet.media.width()) +
                                 " wide (the spine alone " + units::format_mm(size.spine) + " for " +
                                 std::to_string(pages) + " pages on paper " +
                                 units::format_mm(doc.page.paper_thickness) + " thick), more than the " +
                                 units::format_mm(print::kMaxPageSize) +
                                 " a PDF page can be; nothing of the print profile was written",
                             "use thinner paper (paper-thickness), or split the book into volumes");
    return false;
  }

  // The cover: one spread with the spine between back and front (front on the
  // left when the book is bound on the right).
  bool cover(const std::filesystem::path& reader, const std::string& stem) {
    const model::PageSetup& setup = doc.page;
    print::Binding binding = this->binding();
    if (binding == print::Binding::Saddle && pages % 4 != 0)
      result.diagnostics.warning(
          reader.string(), 0, 0,
          "saddle stitching needs a multiple of 4 pages; the book has " + std::to_string(pages),
          "add or remove pages, or bind it perfect (binding=\"perfect\")");
    print::CoverSize size = cover_size();
    std::filesystem::path target = stem + "-cover.pdf";
    ScratchPdf cover("cover"), cover_slug("cover-slug");
    double cover_width = 2 * size.trim_width + size.spine;
    std::string note = std::string(binding == print::Binding::Saddle ? "骑马钉" : "胶装") +
                       (right_bound() ? "，右翻" : "") + "，书脊 " + units::format_mm(size.spine) + "（" +
                       std::to_string(pages) + " 页，纸厚 " + units::format_mm(setup.paper_thickness) +
                       "）　" + target.filename().string();
    auto slug_frames = print::slug_frames(doc, fonts, 1, cover_width, note);
    if (!draw({print::cover_frame(doc, fonts, size)}, cover, target, "the cover") ||
        !draw(slug_frames, cover_slug, target, "the cover"))
      return false;
    options.input_bleed = setup.bleed;
    options.slug_lines = cover_slug.path;
    options.right_to_left = false;  // one flat sheet: its panels' order is drawn in it
    const print::CoverPanels panels = print::cover_panels(size.trim_width, size.spine, size.edge);
    options.folds = {panels.spine};
    if (size.spine > 0) options.folds.push_back(panels.spine + size.spine);
    return write(cover.path, target, false);
  }
};

}  // namespace

print::DocumentInfo document_info(const model::Metadata& m) {
  print::DocumentInfo info;
  info.title = model::display_title(m);
  info.authors = model::author_names(m);
  info.date = model::iso_date(m);
  info.document_id = m.identifier_scheme == "isbn" ? "urn:isbn:" + m.identifier : m.identifier;
  info.creator = "huozi " HUOZI_VERSION;
  return info;
}

static print::PressCondition press_condition(const model::Document& doc) {
  using Paper = model::PageSetup::Paper;
  bool newsprint = doc.page.paper == Paper::Newsprint ||
                   (doc.page.paper == Paper::Unset && doc.type == model::PublicationType::Periodical);
  return newsprint ? print::PressCondition::Newsprint : print::PressCondition::CoatedOffset;
}

BuildResult build_print(const model::Document& doc, const std::filesystem::path& reader, const std::string& stem,
                        print::PdfxVersion pdfx) {
  BuildResult result;
  print::PrintResult counted = print::count_pages(reader);
  if (!counted) {
    result.diagnostics.error(reader.string(), 0, 0, "cannot read the reader PDF: " + counted.error);
    return result;
  }
  std::unique_ptr<text::FontDb> fonts = open_fonts(result.diagnostics);
  if (!fonts) return result;
  PrintJob job{doc, *fonts, counted.pages, {}, {}, result};
  job.options.bleed = doc.page.bleed;
  job.options.info = document_info(doc.metadata);
  job.options.pdfx = pdfx;
  job.options.condition = press_condition(doc);
  job.options.rgb_profile = print::default_rgb_profile();
  job.options.output_profile = print::output_profile_from_environment();
  job.options.right_to_left = job.right_bound();  // the book block's page order
  job.hint = job.options.output_profile.empty()
                 ? "install icc-profiles-free (scripts/install-deps.sh) and check the output folder"
                 : "HUOZI_OUTPUT_ICC must name the print shop's CMYK output profile";
  if (!job.output_profile_usable(stem) || (job.has_cover() && !job.cover_fits(stem))) return result;
  if (job.book_block(reader, stem) && job.has_cover()) job.cover(reader, stem);
  return result;
}

}  // namespace huozi::build
