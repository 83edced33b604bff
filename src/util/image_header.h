// Checking an image file's structure and reading its pixel size from its
// headers: enough to refuse a corrupt, enormous or unshowable picture before
// any decoder (the PDF writer, an EPUB reader) sees it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "util/image_size.h"

namespace huozi {

// A header may claim any size; decoding 100000×100000 pixels takes 40 GB. These
// are far beyond any page (300 dpi across an A3 sheet is about 18 megapixels).
// A larger picture is refused, and its data is not inspected.
constexpr int64_t kMaxImagePixels = 100'000'000;
constexpr int64_t kMaxImageSide = 30'000;

struct ImageHeader {
  ImageFormat format = ImageFormat::Unknown;  // by the file's signature, whatever its name
  std::string other_format;                   // "GIF", "WebP"…: a known format huozi does not take
  int64_t width = 0, height = 0;              // as the header claims them
  int components = 0;                         // JPEG: colour components of the frame
  std::string problem;                        // why the PNG or JPEG is corrupt; empty if sound
  std::string unshowable;  // why readers cannot show a sound file (12-bit, lossless JPEG…)

  bool too_large() const {
    return width > kMaxImageSide || height > kMaxImageSide || width * height > kMaxImagePixels;
  }
};

enum class Inspection {
  Size,  // stop once the size is known (the first SOF of a JPEG; a PNG's IHDR)
  Full,  // every chunk or segment to the end, PNG CRCs and image data included
};

// Reads the signature, then walks a PNG's chunks to IEND or a JPEG's segments
// to its end-of-image marker. The file must be a regular file (a FIFO would
// block). Full inspection reads the whole file once, buffered.
ImageHeader inspect_image(const std::filesystem::path& path, Inspection depth = Inspection::Full);

}  // namespace huozi
