// The EPUB 3 back end: a content model document to a reflowable EPUB 3.3.
#pragma once

#include <filesystem>
#include <string>

#include "epub/embedded_fonts.h"
#include "model/document.h"
#include "util/diagnostic.h"

namespace huozi::epub {

struct EpubOptions {
  // dcterms:modified, "YYYY-MM-DDThh:mm:ssZ". Empty: from SOURCE_DATE_EPOCH if
  // set, else the publication's date, so that builds are reproducible.
  std::string modified;
  // A cover image (PNG bytes) for a document whose source names none; the
  // EPUB module does not draw it (the build draws the print cover's front).
  std::string cover_png;
  // Set: the faces it returns are embedded, subset to the characters the
  // book's files show (off by default: they add hundreds of kilobytes).
  FontSubsetter subset_fonts;
};

// Writes the EPUB atomically: on any failure the target is left untouched,
// the failure is added to diagnostics and false is returned.
bool write_epub(const model::Document& doc, const std::filesystem::path& target, const EpubOptions& options,
                DiagnosticList& diagnostics);

// The modification timestamp write_epub uses for these options and document.
std::string modified_timestamp(const model::Document& doc, const EpubOptions& options);

}  // namespace huozi::epub
