// The <metadata> element: the publication's title, identifier, date and the
// other fields an EPUB's package document and a PDF's info dictionary carry.
#pragma once

#include <filesystem>

#include "model/document.h"
#include "model/xml_cursor.h"

namespace huozi::model {

// Reads every field of `metadata` into `m` (language is read from the root
// before), reporting unknown and repeated fields, malformed identifiers and
// dates, and each required field that is missing: at `metadata`, and the
// language at `root`. A cover image resolves against base_dir.
void read_metadata(const Cursor& metadata, const Cursor& root, const std::filesystem::path& base_dir,
                   Metadata& m);

}  // namespace huozi::model
