// The reader PDF: fonts -> page layout -> PDF writer, page by page; and the
// same layout as a text trace of the pages.
#pragma once

#include <cstdio>
#include <filesystem>
#include <functional>

#include "build/result.h"
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
  // Shown each page before the writer takes it (its bleed already drawn in),
  // in the layout's thread and order: page images share the PDF's layout.
  std::function<void(const layout::PageFrame&)> each_page;
  pdf::SubsetCache* subsets = nullptr;  // font programs kept from the last PDF (a watch's)
  // Called on each page before it is written (the proof's marks); none for the reader PDF.
  std::function<void(layout::PageFrame&)> decorate;
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

// The PDF's document information: title, authors, subject, keywords, and the
// publication's date (not the clock: the same source gives the same file).
pdf::PdfInfo pdf_info(const model::Metadata& m);

}  // namespace huozi::build
