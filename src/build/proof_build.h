// The proof (`huozi build --proof`): the reader PDF's pages with the proof's
// marks (layout/proof.h), as NAME-proof.pdf; and `huozi where`'s source map.
#pragma once

#include <ctime>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "build/result.h"
#include "layout/source_map.h"
#include "model/document.h"

namespace huozi::build {

// The build time the proof's slug shows: SOURCE_DATE_EPOCH in UTC when it is
// set (the same source then gives the same proof), else the clock's local
// time with its offset ("2026-12-01 10:20 +0800"). Nothing: SOURCE_DATE_EPOCH
// is not a whole number of seconds a calendar can show.
std::optional<std::string> proof_stamp();

// Writes the proof atomically to target, its slug showing `stamp`. Its
// layout's warnings are reported with `warnings` (no reader PDF follows to report them).
BuildResult build_proof(const model::Document& doc, const std::filesystem::path& target,
                        const std::string& stamp, bool warnings);

// Lays the document out as for the PDF and keeps each page's source lines
// (layout/source_map.h), in the book's page order, in `pages`.
BuildResult map_source(const model::Document& doc, std::vector<layout::PageLines>& pages);

}  // namespace huozi::build
