// Builds a publication's PDF: fonts -> page layout -> Cairo, page by page.
#pragma once

#include <filesystem>

#include "model/document.h"
#include "util/diagnostic.h"

namespace huozi::cli {

// Writes the PDF atomically to target. Returns false with errors in diagnostics.
bool build_pdf(const model::Document& doc, const std::filesystem::path& target, DiagnosticList& diagnostics);

}  // namespace huozi::cli
