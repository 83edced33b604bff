#include "util/image_size.h"

#include "util/image_header.h"

namespace huozi {

// The headers up to the size only: segments are hopped by their lengths, so a
// JPEG's size after a large ICC profile (APP2) is found as quickly as any.
ImageSize read_image_size(const std::string& path) {
  ImageHeader header = inspect_image(path, Inspection::Size);
  ImageSize out;
  if (header.width <= 0 || header.height <= 0 || header.width > INT32_MAX || header.height > INT32_MAX)
    return out;
  out.format = header.format;
  out.width = static_cast<int>(header.width);
  out.height = static_cast<int>(header.height);
  out.components = header.components;
  return out;
}

}  // namespace huozi
