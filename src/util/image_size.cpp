#include "util/image_size.h"

#include <fstream>
#include <vector>

namespace huozi {
namespace {

int be16(const unsigned char* p) { return (p[0] << 8) | p[1]; }
long be32(const unsigned char* p) { return (long(p[0]) << 24) | (p[1] << 16) | (p[2] << 8) | p[3]; }

}  // namespace

ImageSize read_image_size(const std::string& path) {
  ImageSize out;
  std::ifstream in(path, std::ios::binary);
  std::vector<unsigned char> head(64 * 1024);
  in.read(reinterpret_cast<char*>(head.data()), static_cast<std::streamsize>(head.size()));
  size_t n = static_cast<size_t>(in.gcount());
  const unsigned char png[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  if (n >= 24 && std::equal(png, png + 8, head.begin())) {
    out.format = ImageFormat::Png;
    out.width = static_cast<int>(be32(&head[16]));
    out.height = static_cast<int>(be32(&head[20]));
    return out;
  }
  if (n < 4 || head[0] != 0xFF || head[1] != 0xD8) return out;
  // Walk the JPEG markers to the first start-of-frame.
  size_t i = 2;
  while (i + 9 < n) {
    if (head[i] != 0xFF) return out;
    unsigned char marker = head[i + 1];
    int length = be16(&head[i + 2]);
    bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (sof) {
      out.format = ImageFormat::Jpeg;
      out.height = be16(&head[i + 5]);
      out.width = be16(&head[i + 7]);
      out.components = head[i + 9];
      return out;
    }
    i += 2 + static_cast<size_t>(length);
  }
  return out;
}

}  // namespace huozi
