// The EPUB 3 back end: a content model document to a reflowable EPUB 3.3.
#pragma once

#include <filesystem>
#include <string>

#include "model/document.h"
#include "util/diagnostic.h"

namespace huozi::epub {

struct EpubOptions {
  // dcterms:modified, "YYYY-MM-DDThh:mm:ssZ". Empty: from SOURCE_DATE_EPOCH if
  // set, else the publication's date, so that builds are reproducible.
  std::string modified;
};

// Writes the EPUB atomically: on any failure the target is left untouched,
// the failure is added to diagnostics and false is returned.
bool write_epub(const model::Document& doc, const std::filesystem::path& target, const EpubOptions& options,
                DiagnosticList& diagnostics);

// The modification timestamp write_epub uses for these options and document.
std::string modified_timestamp(const model::Document& doc, const EpubOptions& options);

}  // namespace huozi::epub
