// PNG: signature, IHDR first (its size), then chunk headers hop from chunk to
// chunk by their lengths to IEND (PNG spec 5.3, 11.2). JPEG: SOI, then marker
// segments by their lengths; the size is in the first SOFn; after SOS the
// entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a
// restart marker, until EOI (ITU T.81 B.1). Only headers are read.
#include "util/image_header.h"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <string_view>

namespace huozi {
namespace {

using namespace std::string_view_literals;

// Reads big-endian fields, knowing where the file ends.
class Reader {
 public:
  explicit Reader(const std::filesystem::path& path) : in_(path, std::ios::binary) {
    std::error_code ec;
    size_ = std::filesystem::file_size(path, ec);
    if (ec || !in_) size_ = 0;
  }

  uint64_t size() const { return size_; }
  uint64_t position() const { return position_; }
  bool has(uint64_t n) const { return position_ + n <= size_; }

  // Reads n bytes (n <= 16); false at the end of the file.
  bool read(unsigned char* out, size_t n) {
    if (!has(n) || !in_.read(reinterpret_cast<char*>(out), static_cast<std::streamsize>(n))) return false;
    position_ += n;
    return true;
  }
  bool byte(unsigned char& b) { return read(&b, 1); }

  bool skip(uint64_t n) { return has(n) && seek(position_ + n); }
  bool seek(uint64_t to) {
    position_ = to;
    return to <= size_ && in_.seekg(static_cast<std::streamoff>(to));
  }

 private:
  std::ifstream in_;
  uint64_t size_ = 0;
  uint64_t position_ = 0;
};

uint32_t be16(const unsigned char* p) { return (uint32_t{p[0]} << 8) | p[1]; }
uint32_t be32(const unsigned char* p) { return (be16(p) << 16) | be16(p + 2); }

// "IDAT", or "a chunk of type 0x…" when the type is not four letters.
std::string chunk_name(const unsigned char* type) {
  for (int i = 0; i < 4; ++i)
    if (!((type[i] >= 'A' && type[i] <= 'Z') || (type[i] >= 'a' && type[i] <= 'z'))) return "a chunk of no valid type";
  return std::string(reinterpret_cast<const char*>(type), 4);
}

void inspect_png(Reader& in, ImageHeader& out) {
  unsigned char head[8], ihdr[13];
  in.seek(8);  // past the signature
  if (!in.read(head, 8)) {
    out.problem = "it ends inside its IHDR header";
    return;
  }
  if (chunk_name(head + 4) != "IHDR" || be32(head) != 13) {
    out.problem = "its first chunk is " + chunk_name(head + 4) + ", not IHDR";
    return;
  }
  if (!in.read(ihdr, 13)) {
    out.problem = "it ends inside its IHDR header";
    return;
  }
  out.width = be32(ihdr);
  out.height = be32(ihdr + 4);
  if (out.width == 0 || out.height == 0) {
    out.problem = "it is " + std::to_string(out.width) + "×" + std::to_string(out.height) + " pixels";
    return;
  }
  in.skip(4);  // IHDR's CRC
  bool has_data = false;
  for (;;) {
    if (!in.read(head, 8)) {
      out.problem = "it ends before its IEND chunk";
      return;
    }
    std::string name = chunk_name(head + 4);
    if (name == "IEND") break;
    has_data = has_data || name == "IDAT";
    if (be32(head) > 0x7FFFFFFFu || !in.skip(uint64_t{be32(head)} + 4)) {
      out.problem = "it ends inside its " + name + " chunk";
      return;
    }
  }
  if (!has_data) out.problem = "it has no image data (IDAT chunk)";
}

bool is_sof(unsigned char marker) {
  return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}
bool is_standalone(unsigned char marker) { return marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7); }

// After SOS: skips entropy-coded bytes to the next real marker, which it returns.
bool next_marker_after_scan(Reader& in, unsigned char& marker) {
  unsigned char b;
  while (in.byte(b)) {
    if (b != 0xFF) continue;
    do {
      if (!in.byte(b)) return false;
    } while (b == 0xFF);
    if (b != 0x00 && !(b >= 0xD0 && b <= 0xD7)) {
      marker = b;
      return true;
    }
  }
  return false;
}

void inspect_jpeg(Reader& in, ImageHeader& out) {
  in.seek(2);  // past SOI
  bool have_frame = false;
  auto truncated = [&] {
    out.problem = have_frame ? "it ends before its end-of-image marker" : "it ends before its frame header (SOF)";
  };
  unsigned char marker = 0, b;
  bool marker_known = false;  // set when the scan reader already found the next marker
  for (;;) {
    if (!marker_known) {
      if (!in.byte(b)) return truncated();
      if (b != 0xFF) {
        out.problem = "a marker is missing at byte " + std::to_string(in.position() - 1);
        return;
      }
      do {
        if (!in.byte(marker)) return truncated();
      } while (marker == 0xFF);
    }
    marker_known = false;
    if (marker == 0xD9) break;  // EOI
    if (is_standalone(marker)) continue;
    unsigned char field[5];
    if (!in.read(field, 2)) return truncated();
    uint32_t length = be16(field);
    if (length < 2) {
      out.problem = "a segment has an impossible length at byte " + std::to_string(in.position() - 2);
      return;
    }
    if (is_sof(marker) && !have_frame) {
      if (length < 7 || !in.read(field, 5)) return truncated();
      out.height = be16(field + 1);
      out.width = be16(field + 3);
      have_frame = true;
      length -= 5;
    }
    if (!in.skip(length - 2)) return truncated();
    if (marker == 0xDA) {  // SOS: the scan's data follows
      if (!have_frame) {
        out.problem = "its scan comes before its frame header (SOF)";
        return;
      }
      if (!next_marker_after_scan(in, marker)) return truncated();
      marker_known = true;
    }
  }
  if (!have_frame) out.problem = "it has no frame header (SOF)";
  else if (out.width == 0 || out.height == 0)
    out.problem = "it is " + std::to_string(out.width) + "×" + std::to_string(out.height) + " pixels";
}

struct Signature {
  std::string_view bytes;
  const char* name;
};
// Formats an editor may send that huozi does not take, so it can say which.
constexpr Signature kOtherFormats[] = {
    {"GIF8"sv, "GIF"},   {"BM"sv, "BMP"},   {"II*\0"sv, "TIFF"}, {"MM\0*"sv, "TIFF"}, {"\0\0\0\x0CjP  "sv, "JPEG 2000"},
    {"%PDF-"sv, "PDF"},  {"<svg"sv, "SVG"}, {"<?xml"sv, "SVG or other XML"},        {"8BPS"sv, "Photoshop (PSD)"},
};

std::string other_format(const unsigned char* head, size_t n) {
  std::string_view bytes(reinterpret_cast<const char*>(head), n);
  if (n >= 12 && bytes.substr(0, 4) == "RIFF" && bytes.substr(8, 4) == "WEBP") return "WebP";
  if (n >= 12 && bytes.substr(4, 4) == "ftyp") {
    std::string_view brand = bytes.substr(8, 4);
    return brand == "avif" || brand == "avis" ? "AVIF" : brand.substr(0, 3) == "hei" || brand == "mif1" ? "HEIC" : "";
  }
  for (const Signature& s : kOtherFormats)
    if (bytes.substr(0, s.bytes.size()) == s.bytes) return s.name;
  return {};
}

}  // namespace

ImageHeader inspect_image(const std::filesystem::path& path) {
  ImageHeader out;
  Reader in(path);
  unsigned char head[12] = {};
  size_t n = in.size() < sizeof head ? static_cast<size_t>(in.size()) : sizeof head;
  if (!in.read(head, n)) return out;
  static const unsigned char kPng[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  if (n >= 8 && std::equal(kPng, kPng + 8, head)) {
    out.format = ImageFormat::Png;
    inspect_png(in, out);
  } else if (n >= 2 && head[0] == 0xFF && head[1] == 0xD8) {  // SOI
    out.format = ImageFormat::Jpeg;
    inspect_jpeg(in, out);
  } else {
    out.other_format = other_format(head, n);
  }
  return out;
}

}  // namespace huozi
