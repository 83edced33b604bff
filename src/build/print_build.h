// The print profile of a build: after the reader PDF, the print PDF
// (NAME-print.pdf: bleed, boxes, marks, PDF/X-4 identification) and the
// cover (NAME-cover.pdf: back, spine and front with the spine width from the
// page count and paper thickness). A vertically set publication is bound on
// the right: its print file's pages turn to the right (/Direction /R2L) and
// its cover reads front, spine, back from left to right. See docs/print.md.
#pragma once

#include <filesystem>
#include <string>

#include "build/result.h"
#include "model/document.h"
#include "print/pdfx.h"

namespace huozi::build {

// Reads the reader PDF `reader` and writes stem-print.pdf and, when the
// publication has a cover (books by default, periodicals when cover="yes"),
// stem-cover.pdf, atomically (written: those made, in that order).
BuildResult build_print(const model::Document& doc, const std::filesystem::path& reader, const std::string& stem,
                        print::PdfxVersion pdfx);

// The print file's identification: the PDF's metadata, the identifier as a URI.
print::DocumentInfo document_info(const model::Metadata& m);

}  // namespace huozi::build
