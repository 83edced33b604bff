#include "pdf/image_embedding.h"

#include <png.h>

#include <fstream>
#include <sstream>
#include <vector>

#include "util/image_size.h"

namespace huozi::pdf {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// Pictures are smoothed when a viewer scales them up (a small picture on a
// large page), as they are in the EPUB.
std::string size_entries(int width, int height) {
  return " /Type /XObject /Subtype /Image /Width " + std::to_string(width) + " /Height " +
         std::to_string(height) + " /BitsPerComponent 8 /Interpolate true";
}

int embed_jpeg(ObjectFile& file, const std::string& path, const ImageSize& size, std::string& why) {
  std::string bytes = read_file(path);
  if (bytes.empty()) {
    why = "it cannot be read";
    return 0;
  }
  std::string dict = size_entries(size.width, size.height) + " /Filter /DCTDecode /ColorSpace ";
  if (size.components == 1) {
    dict += "/DeviceGray";
  } else if (size.components == 4) {
    // Adobe's CMYK JPEGs (an APP14 "Adobe" marker) store the inks inverted.
    bool adobe = bytes.find("\xFF\xEE", 2) != std::string::npos && bytes.find("Adobe") != std::string::npos;
    dict += adobe ? "/DeviceCMYK /Decode [1 0 1 0 1 0 1 0]" : "/DeviceCMYK";
  } else {
    dict += "/DeviceRGB";
  }
  return file.add_stream(dict, bytes);
}

struct PngImage {
  png_image image{};
  PngImage() { image.version = PNG_IMAGE_VERSION; }
  ~PngImage() { png_image_free(&image); }
};

// libpng's own words, for the diagnostic.
int png_failed(const PngImage& png, std::string& why) {
  why = std::string("libpng: ") + png.image.message;
  return 0;
}

int embed_png(ObjectFile& file, const std::string& path, std::string& why) {
  PngImage png;
  if (!png_image_begin_read_from_file(&png.image, path.c_str())) return png_failed(png, why);
  bool colour = png.image.format & PNG_FORMAT_FLAG_COLOR;
  bool alpha = png.image.format & PNG_FORMAT_FLAG_ALPHA;
  png.image.format = (colour ? PNG_FORMAT_RGB : PNG_FORMAT_GRAY) | (alpha ? PNG_FORMAT_FLAG_ALPHA : 0);
  std::vector<unsigned char> pixels(PNG_IMAGE_SIZE(png.image));
  if (!png_image_finish_read(&png.image, nullptr, pixels.data(), 0, nullptr)) return png_failed(png, why);
  int width = static_cast<int>(png.image.width), height = static_cast<int>(png.image.height);
  size_t channels = (colour ? 3 : 1) + (alpha ? 1 : 0), count = static_cast<size_t>(width) * height;
  std::string samples, mask;
  samples.reserve(count * (colour ? 3 : 1));
  for (size_t i = 0; i < count; ++i) {
    const unsigned char* p = &pixels[i * channels];
    samples.append(reinterpret_cast<const char*>(p), colour ? 3 : 1);
    if (alpha) mask += static_cast<char>(p[channels - 1]);
  }
  std::string dict = size_entries(width, height) + " /Filter /FlateDecode /ColorSpace " +
                     (colour ? "/DeviceRGB" : "/DeviceGray");
  if (alpha) {
    int soft = file.add_stream(size_entries(width, height) + " /Filter /FlateDecode /ColorSpace /DeviceGray",
                               deflate(mask, 6));
    dict += " /SMask " + ref(soft);
  }
  return file.add_stream(dict, deflate(samples, 6));
}

}  // namespace

int embed_image(ObjectFile& file, const std::string& path, std::string& why) {
  ImageSize size = read_image_size(path);
  if (size.width > 0 && size.height > 0 && size.format == ImageFormat::Jpeg)
    return embed_jpeg(file, path, size, why);
  if (size.width > 0 && size.height > 0 && size.format == ImageFormat::Png) return embed_png(file, path, why);
  why = "it is no longer a PNG or JPEG of a readable size";
  return 0;
}

}  // namespace huozi::pdf
