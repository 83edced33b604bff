// Builds a publication's PDF: fonts -> page layout -> PDF writer, page by page.
#pragma once

#include <cstdio>
#include <filesystem>
#include <functional>

#include "model/document.h"
#include "util/diagnostic.h"

namespace huozi::text {
class FontDb;
}

namespace huozi::cli {

// Writes the PDF atomically to target. Returns false with errors in diagnostics.
// Pages are drawn on a second thread while layout goes on, unless one_thread.
// `laid_out`, when given, is called once the last page is laid out: from then
// on `doc` is not read, so a caller for whom the PDF is the last output can
// free the document before the fonts are subset.
bool build_pdf(const model::Document& doc, const std::filesystem::path& target, DiagnosticList& diagnostics,
               bool one_thread = false, const std::function<void()>& laid_out = {});

// The same with the fonts already open (the fuzz target opens them once for
// every input). `pages`, when given, receives the number of pages layout made.
bool build_pdf(const model::Document& doc, text::FontDb& fonts, const std::filesystem::path& target,
               DiagnosticList& diagnostics, int* pages = nullptr, bool one_thread = false,
               const std::function<void()>& laid_out = {});

// Lays the document out as for the PDF and prints a text trace of every page
// (layout/trace.h) to out instead of drawing it.
bool trace_pages(const model::Document& doc, std::FILE* out, DiagnosticList& diagnostics);

}  // namespace huozi::cli
