// Reading a publication's XML source into the content model.
#pragma once

#include <filesystem>
#include <optional>

#include "model/document.h"
#include "util/diagnostic.h"

namespace huozi::model {

struct LoadResult {
  std::optional<Document> document;  // absent when any error was found
  DiagnosticList diagnostics;        // every problem found, errors and warnings

  explicit operator bool() const { return document.has_value(); }
};

// Parses the source and every file it includes, normalises whitespace, numbers
// headings and footnotes, and runs every check (see checks.h). All problems are
// collected in one pass; the document is returned only if none is an error.
LoadResult load_publication(const std::filesystem::path& source);

// The same, from a string held in memory (for tests and the fuzzer). Includes
// and images resolve against base_dir; name is used in diagnostics.
LoadResult load_publication_from_string(std::string_view xml, const std::string& name,
                                        const std::filesystem::path& base_dir);

}  // namespace huozi::model
