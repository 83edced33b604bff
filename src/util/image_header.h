// Checking an image file's structure and reading its pixel size from its
// headers, without decoding a pixel: enough to refuse a corrupt or enormous
// picture before any decoder (Cairo, an EPUB reader) sees it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "util/image_size.h"

namespace huozi {

struct ImageHeader {
  ImageFormat format = ImageFormat::Unknown;  // by the file's signature, whatever its name
  std::string other_format;                   // "GIF", "WebP"…: a known format huozi does not take
  int64_t width = 0, height = 0;              // as the header claims them
  std::string problem;                        // why the PNG or JPEG is corrupt; empty if sound
};

// Reads the signature, then walks a PNG's chunks to IEND or a JPEG's segments
// to its end-of-image marker, skipping their data. The file must be a regular
// file (a FIFO would block).
ImageHeader inspect_image(const std::filesystem::path& path);

}  // namespace huozi
