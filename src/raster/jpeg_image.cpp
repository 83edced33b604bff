#include "raster/jpeg_image.h"

// clang-format off
#include <cstdio>  // before jpeglib.h, which needs FILE
#include <csetjmp>
#include <cstdint>
#include <cstring>
#include <vector>

#include <jpeglib.h>
// clang-format on

namespace huozi::raster {
namespace {

constexpr long kMaxPixels = 100'000'000;  // as util/image_header.h refuses larger pictures

struct Pixels {
  int width = 0, height = 0;
  std::vector<uint32_t> rgb;  // 0x00RRGGBB, as Cairo's RGB24
};

// libjpeg reports a fatal error by calling error_exit, which must not return.
struct ErrorManager {
  jpeg_error_mgr mgr;
  std::jmp_buf jump;
};

[[noreturn]] void on_error(j_common_ptr info) {
  std::longjmp(reinterpret_cast<ErrorManager*>(info->err)->jump, 1);
}
void no_message(j_common_ptr) {}

uint32_t pack(unsigned r, unsigned g, unsigned b) { return (r << 16) | (g << 8) | b; }

// A scanline of out_color_space RGB or CMYK (Adobe's inverted CMYK, as
// Photoshop writes it) into packed pixels.
void convert(const JSAMPLE* line, int width, bool cmyk, bool inverted, uint32_t* out) {
  for (int x = 0; x < width; ++x) {
    if (!cmyk) {
      out[x] = pack(line[3 * x], line[3 * x + 1], line[3 * x + 2]);
      continue;
    }
    const JSAMPLE* p = line + 4 * x;
    unsigned c = p[0], m = p[1], y = p[2], k = p[3];
    if (!inverted) c = 255 - c, m = 255 - m, y = 255 - y, k = 255 - k;
    out[x] = pack(c * k / 255, m * k / 255, y * k / 255);
  }
}

// Only trivially destructible locals here: a longjmp from libjpeg skips no destructor.
bool decode(std::FILE* file, Pixels& out) {
  jpeg_decompress_struct info;
  ErrorManager errors;
  info.err = jpeg_std_error(&errors.mgr);
  errors.mgr.error_exit = on_error;
  errors.mgr.output_message = no_message;
  if (setjmp(errors.jump)) {
    jpeg_destroy_decompress(&info);
    return false;
  }
  jpeg_create_decompress(&info);
  jpeg_stdio_src(&info, file);
  jpeg_read_header(&info, TRUE);
  bool cmyk = info.jpeg_color_space == JCS_CMYK || info.jpeg_color_space == JCS_YCCK;
  bool inverted = cmyk && info.saw_Adobe_marker;
  info.out_color_space = cmyk ? JCS_CMYK : JCS_RGB;
  jpeg_start_decompress(&info);
  long pixels = static_cast<long>(info.output_width) * info.output_height;
  if (pixels <= 0 || pixels > kMaxPixels) {
    jpeg_destroy_decompress(&info);
    return false;
  }
  out.width = static_cast<int>(info.output_width);
  out.height = static_cast<int>(info.output_height);
  out.rgb.resize(static_cast<size_t>(pixels));
  // Freed with the decompressor, on every path.
  JSAMPARRAY line = (*info.mem->alloc_sarray)(reinterpret_cast<j_common_ptr>(&info), JPOOL_IMAGE,
                                              info.output_width * info.output_components, 1);
  while (info.output_scanline < info.output_height) {
    size_t y = info.output_scanline;
    jpeg_read_scanlines(&info, line, 1);
    convert(line[0], out.width, cmyk, inverted, out.rgb.data() + y * out.width);
  }
  jpeg_finish_decompress(&info);
  jpeg_destroy_decompress(&info);
  return true;
}

void close_file(std::FILE* file) { std::fclose(file); }

}  // namespace

CairoSurface load_jpeg(const std::string& path) {
  Handle<std::FILE, close_file> file(std::fopen(path.c_str(), "rb"));
  Pixels pixels;
  if (!file || !decode(file.get(), pixels)) return nullptr;
  CairoSurface surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, pixels.width, pixels.height));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) return nullptr;
  cairo_surface_flush(surface.get());
  unsigned char* data = cairo_image_surface_get_data(surface.get());
  int stride = cairo_image_surface_get_stride(surface.get());
  for (int y = 0; y < pixels.height; ++y)
    std::memcpy(data + static_cast<size_t>(y) * stride,
                pixels.rgb.data() + static_cast<size_t>(y) * pixels.width,
                static_cast<size_t>(pixels.width) * 4);
  cairo_surface_mark_dirty(surface.get());
  return surface;
}

}  // namespace huozi::raster
