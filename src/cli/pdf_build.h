// Builds a publication's PDF: fonts -> page layout -> Cairo, page by page.
#pragma once

#include <cstdio>
#include <filesystem>

#include "model/document.h"
#include "util/diagnostic.h"

namespace huozi::cli {

// Writes the PDF atomically to target. Returns false with errors in diagnostics.
bool build_pdf(const model::Document& doc, const std::filesystem::path& target, DiagnosticList& diagnostics);

// Lays the document out as for the PDF and prints a text trace of every page
// (layout/trace.h) to out instead of drawing it.
bool trace_pages(const model::Document& doc, std::FILE* out, DiagnosticList& diagnostics);

}  // namespace huozi::cli
