// Pictures as image XObjects (PDF 32000-1 §8.9.5): a JPEG is embedded as it
// is (DCTDecode), a PNG decoded by libpng and deflated, its alpha channel
// as a soft mask.
#pragma once

#include <string>

#include "pdf/pdf_syntax.h"

namespace huozi::pdf {

// Writes the image at `path`; returns its object number, or 0 if it cannot
// be read as a PNG or JPEG (the model has checked its structure already, so
// this is a file changed since, or data only a decoder finds wrong), with the
// reason in `why`.
int embed_image(ObjectFile& file, const std::string& path, std::string& why);

}  // namespace huozi::pdf
