// Reading an image's format and pixel size from its header, without decoding it.
#pragma once

#include <string>

namespace huozi {

enum class ImageFormat { Unknown, Png, Jpeg };

struct ImageSize {
  ImageFormat format = ImageFormat::Unknown;
  int width = 0, height = 0;
  int components = 0;  // JPEG: colour components (1 grey, 3 YCbCr/RGB, 4 CMYK); PNG: 0
};

ImageSize read_image_size(const std::string& path);

}  // namespace huozi
