#include "build/pdf_build.h"

#include <map>

#include "build/fonts.h"
#include "layout/document_layout.h"
#include "layout/trace.h"
#include "model/metadata.h"
#include "print/bleed.h"
#include "text/font_db.h"

namespace huozi::build {

namespace {

// A PDF without pages has a malformed page tree: layout that made none is an error.
bool made_pages(BuildResult& result, const std::string& where) {
  if (result.pages > 0) return true;
  result.diagnostics.error(where, 0, 0, "the layout made no pages; nothing was written",
                           "check that the publication has content");
  return false;
}

}  // namespace

pdf::PdfInfo pdf_info(const model::Metadata& m) {
  pdf::PdfInfo info;
  info.title = model::display_title(m);
  info.author = model::name_list(model::author_names(m));
  info.subject = m.description;
  for (const std::string& s : m.subjects) info.keywords += (info.keywords.empty() ? "" : ", ") + s;
  info.create_date = model::iso_date(m) + "T00:00:00";
  return info;
}

BuildResult build_pdf(const model::Document& doc, const std::filesystem::path& target,
                      const PdfOptions& options) {
  BuildResult result;
  std::unique_ptr<text::FontDb> fonts = open_fonts(result.diagnostics);
  if (!fonts) return result;
  BuildResult built = build_pdf(doc, *fonts, target, options);
  result.diagnostics.append(built.diagnostics);
  result.written = std::move(built.written);
  result.pages = built.pages;
  return result;
}

BuildResult build_pdf(const model::Document& doc, text::FontDb& fonts, const std::filesystem::path& target,
                      const PdfOptions& options) {
  BuildResult result;
  // Every face of the database is registered by its FaceId; the writer opens
  // only those a page actually uses.
  pdf::PdfInfo info = pdf_info(doc.metadata);
  // A vertical book turns its pages right to left (a newspaper's pages stay horizontal).
  info.right_to_left = doc.writing_mode == model::WritingMode::Vertical && model::newspaper_pages(doc).empty();
  pdf::PdfWriter writer(target, info, font_refs(fonts),
                        options.one_thread ? pdf::Drawing::InCaller : pdf::Drawing::Background, options.subsets);
  if (!writer.ok()) {
    result.diagnostics.error(target.string(), 0, 0, writer.error(),
                             "check that the output folder is writable");
    return result;
  }
  layout::LayoutResult laid = layout::layout_document(
      doc, fonts,
      [&](layout::PageFrame&& page) {
        print::extend_into_bleed(page, doc.page.bleed);  // past the trim: only the print profile shows it
        if (options.decorate) options.decorate(page);
        if (options.each_page) options.each_page(page);
        writer.add_page(std::move(page));
      },
      result.diagnostics);
  result.pages = laid.pages;
  writer.add_outline(laid.outline);
  laid = {};
  if (options.laid_out) options.laid_out();
  // A face that vanished set its text blank: the unfinished writer leaves the target as it was.
  // Layout may refuse some content (a table too wide): then the target stays as it was, too.
  if (font_problems(fonts, result.diagnostics) || result.diagnostics.has_errors() ||
      !made_pages(result, target.string()))
    return result;
  if (!writer.finish()) {
    result.diagnostics.error(target.string(), 0, 0, writer.error(),
                             "check the free space and permissions of the output folder");
    return result;
  }
  result.written.push_back(target);
  return result;
}

BuildResult trace_pages(const model::Document& doc, std::FILE* out) {
  BuildResult result;
  std::unique_ptr<text::FontDb> fonts = open_fonts(result.diagnostics);
  if (!fonts) return result;
  // In the book's order: a table of contents is laid out after the body.
  std::map<int, std::string> traces;
  result.pages =
      layout::layout_document(
          doc, *fonts,
          [&](layout::PageFrame&& page) { traces[page.number] = layout::trace_page(page, page.number); },
          result.diagnostics)
          .pages;
  if (font_problems(*fonts, result.diagnostics) ||
      !made_pages(result, doc.files.empty() ? std::string() : doc.files.front()))
    return result;
  for (const auto& [number, trace] : traces) std::fputs(trace.c_str(), out);
  return result;
}

}  // namespace huozi::build
