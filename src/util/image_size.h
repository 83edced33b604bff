// Reading an image's format and pixel size from its header, without decoding it.
#pragma once

#include <string>

namespace huozi {

enum class ImageFormat { Unknown, Png, Jpeg };

struct ImageSize {
  ImageFormat format = ImageFormat::Unknown;
  int width = 0, height = 0;
};

ImageSize read_image_size(const std::string& path);

}  // namespace huozi
