#include "grey.h"

#include <cairo.h>

#include <algorithm>
#include <cstdint>
#include <memory>

namespace huozi::raster {
namespace {

struct Reader {
  const std::string& bytes;
  size_t offset = 0;
};

cairo_status_t read_bytes(void* closure, unsigned char* data, unsigned int length) {
  auto* r = static_cast<Reader*>(closure);
  if (r->offset + length > r->bytes.size()) return CAIRO_STATUS_READ_ERROR;
  std::copy_n(r->bytes.data() + r->offset, length, data);
  r->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

Grey decode_png(const std::string& png) {
  Reader reader{png};
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
      cairo_image_surface_create_from_png_stream(read_bytes, &reader), cairo_surface_destroy);
  Grey grey;
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) return grey;
  grey.width = cairo_image_surface_get_width(surface.get());
  grey.height = cairo_image_surface_get_height(surface.get());
  const unsigned char* data = cairo_image_surface_get_data(surface.get());
  const int stride = cairo_image_surface_get_stride(surface.get());
  for (int y = 0; y < grey.height; ++y)
    for (int x = 0; x < grey.width; ++x) {
      const uint32_t p = *reinterpret_cast<const uint32_t*>(data + y * stride + x * 4);
      grey.pixels.push_back((((p >> 16) & 0xFF) + ((p >> 8) & 0xFF) + (p & 0xFF)) / 3);
    }
  return grey;
}

}  // namespace huozi::raster
