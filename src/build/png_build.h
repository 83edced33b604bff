// PNG page images (`huozi build --png`): the document laid out as for the
// reader PDF and each page drawn with Cairo (raster/page_image.h).
#pragma once

#include <string>

#include "build/result.h"
#include "model/document.h"

namespace huozi::build {

// Writes stem-page-001.png, stem-page-002.png … (three digits or more, in the
// book's page order) at dpi pixels an inch, each atomically.
BuildResult build_png(const model::Document& doc, const std::string& stem, int dpi);

// The file of page `number` (from 1): stem-page-007.png.
std::string png_page_name(const std::string& stem, int number);

}  // namespace huozi::build
