// The reader PDF: fonts -> page layout -> PDF writer, page by page; and the
// same layout as a text trace of the pages.
#pragma once

#include <cstdio>
#include <filesystem>
#include <functional>
#include <vector>

#include "build/result.h"
#include "layout/frame.h"
#include "model/document.h"
#include "pdf/pdf_writer.h"

namespace huozi::text {
class FontDb;
}

namespace huozi::build {

struct PdfOptions {
  bool one_thread = false;  // draw the pages in the caller, not on a second thread (the same file)
  // Called once the last page is laid out: from then on the document is not
  // read, so a caller for whom the PDF is the last output can free it before
  // the fonts are subset.
  std::function<void()> laid_out;
};

// Writes the PDF atomically to target (written: target). Nothing is written
// when a font could not be opened or the writer failed.
BuildResult build_pdf(const model::Document& doc, const std::filesystem::path& target,
                      const PdfOptions& options = {});

// The same with the fonts already open (the fuzz target opens them once for
// every input). The result's pages: the pages layout made, written or not.
BuildResult build_pdf(const model::Document& doc, text::FontDb& fonts, const std::filesystem::path& target,
                      const PdfOptions& options = {});

// Lays the document out as for the PDF and prints a text trace of every page
// (layout/trace.h) to out instead of drawing it.
BuildResult trace_pages(const model::Document& doc, std::FILE* out);

// Every face of the database, by FaceId, as the PDF writer registers fonts.
std::vector<layout::FontRef> font_refs(const text::FontDb& fonts);

// The PDF's document information: title, authors, subject, keywords, and the
// publication's date (not the clock: the same source gives the same file).
pdf::PdfInfo pdf_info(const model::Metadata& m);

// Opens the font database of FontDb::default_config(); problems go to diagnostics.
std::unique_ptr<text::FontDb> open_fonts(DiagnosticList& diagnostics);

// The faces that failed when first used (FontDb::problems), added to
// diagnostics; true when there were any, and the output must not be written.
bool font_problems(const text::FontDb& fonts, DiagnosticList& diagnostics);

}  // namespace huozi::build
