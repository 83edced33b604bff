#include "cli/pdf_build.h"

#include <map>

#include "layout/document_layout.h"
#include "layout/trace.h"
#include "pdf/pdf_writer.h"
#include "print/bleed.h"
#include "text/font_db.h"

namespace huozi::cli {
namespace {

pdf::PdfInfo pdf_info(const model::Document& doc) {
  const model::Metadata& m = doc.metadata;
  pdf::PdfInfo info;
  info.title = m.subtitle.empty() ? m.title : m.title + "：" + m.subtitle;
  for (const model::Creator& c : m.creators)
    if (c.role == "aut") info.author += (info.author.empty() ? "" : "、") + c.name;
  info.subject = m.description;
  for (const std::string& s : m.subjects) info.keywords += (info.keywords.empty() ? "" : ", ") + s;
  // The publication's date, not the clock: the same source gives the same file.
  std::string date = m.date;
  if (date.size() == 4)
    date += "-01-01";
  else if (date.size() == 7)
    date += "-01";
  info.create_date = date + "T00:00:00";
  return info;
}

}  // namespace

bool build_pdf(const model::Document& doc, const std::filesystem::path& target, DiagnosticList& diagnostics,
               bool one_thread, const std::function<void()>& laid_out) {
  std::unique_ptr<text::FontDb> fonts = text::FontDb::open(text::FontDb::default_config(), diagnostics);
  if (!fonts) return false;
  return build_pdf(doc, *fonts, target, diagnostics, nullptr, one_thread, laid_out);
}

bool build_pdf(const model::Document& doc, text::FontDb& fonts, const std::filesystem::path& target,
               DiagnosticList& diagnostics, int* pages, bool one_thread, const std::function<void()>& laid_out) {
  if (pages) *pages = 0;
  // Every face of the database is registered by its FaceId; the writer opens
  // only those a page actually uses.
  std::vector<layout::FontRef> refs;
  for (size_t i = 0; i < fonts.size(); ++i) {
    const text::FaceInfo& face = fonts.info(static_cast<text::FaceId>(i));
    refs.push_back({face.file, face.index});
  }
  pdf::PdfWriter writer(target, pdf_info(doc), std::move(refs),
                        one_thread ? pdf::Drawing::InCaller : pdf::Drawing::Background);
  if (!writer.ok()) {
    diagnostics.error(target.string(), 0, 0, writer.error(), "check that the output folder is writable");
    return false;
  }
  layout::LayoutResult result = layout::layout_document(
      doc, fonts,
      [&](layout::PageFrame&& page) {
        print::extend_into_bleed(page, doc.page.bleed);  // past the trim: only the print profile shows it
        writer.add_page(std::move(page));
      },
      diagnostics);
  if (pages) *pages = result.pages;
  writer.add_outline(result.outline);
  result = {};
  if (laid_out) laid_out();
  if (!writer.finish()) {
    diagnostics.error(target.string(), 0, 0, writer.error(),
                      "check the free space and permissions of the output folder");
    return false;
  }
  return true;
}

bool trace_pages(const model::Document& doc, std::FILE* out, DiagnosticList& diagnostics) {
  std::unique_ptr<text::FontDb> fonts = text::FontDb::open(text::FontDb::default_config(), diagnostics);
  if (!fonts) return false;
  // In the book's order: a table of contents is laid out after the body.
  std::map<int, std::string> traces;
  layout::layout_document(
      doc, *fonts,
      [&](layout::PageFrame&& page) { traces[page.number] = layout::trace_page(page, page.number); },
      diagnostics);
  for (const auto& [number, trace] : traces) std::fputs(trace.c_str(), out);
  return true;
}

}  // namespace huozi::cli
