#include "grey.h"

#include <cairo.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <sstream>

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

Grey render_pdf_page(const std::string& pdf, int dpi) {
  std::string pgm;
  const std::string command = "pdftoppm -gray -r " + std::to_string(dpi) + " -f 1 -l 1 '" + pdf + "'";
  if (FILE* p = ::popen(command.c_str(), "r")) {
    char buf[4096];
    for (size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) pgm.append(buf, n);
    ::pclose(p);
  }
  Grey grey;
  std::istringstream in(pgm);
  std::string magic;
  int max = 0;
  in >> magic >> grey.width >> grey.height >> max;
  in.get();
  if (magic != "P5" || max != 255 || !in) return {};
  for (size_t i = static_cast<size_t>(in.tellg()); i < pgm.size(); ++i)
    grey.pixels.push_back(static_cast<unsigned char>(pgm[i]));
  if (grey.pixels.size() != static_cast<size_t>(grey.width) * grey.height) return {};
  return grey;
}

long turned_difference(const Grey& sideways, Pixel to, const Grey& horizontal, Pixel from) {
  long differ = 0;
  for (int y = 0; y < horizontal.height; ++y)
    for (int x = 0; x < horizontal.width; ++x) {
      const int tx = to.x - (y - from.y) - 1, ty = to.y + (x - from.x);
      const bool inside = tx >= 0 && tx < sideways.width && ty >= 0 && ty < sideways.height;
      differ += std::abs((inside ? sideways.at(tx, ty) : 255) - horizontal.at(x, y));
    }
  return differ;
}

}  // namespace huozi::raster
