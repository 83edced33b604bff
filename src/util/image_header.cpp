// PNG: signature, IHDR first (its size), then chunk by chunk to IEND (PNG spec
// 5.3, 11.2), each chunk's CRC checked and the image data inflated (not
// unfiltered) to see that it is whole. JPEG: SOI, then marker segments by their
// lengths; the size is in the first SOFn; after SOS the entropy-coded data runs
// to the next marker that is not a stuffed 0xFF00 or a restart marker, until
// EOI (ITU T.81 B.1). Pixels are never decoded.
#include "util/image_header.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

namespace huozi {
namespace {

using namespace std::string_view_literals;

// Reads a file forwards through a buffer, knowing where it ends; a skip past
// the buffer costs nothing until the next read.
class Reader {
 public:
  explicit Reader(const std::filesystem::path& path) : fd_(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {
    std::error_code ec;
    size_ = std::filesystem::file_size(path, ec);
    if (ec || fd_ < 0) size_ = 0;
  }
  ~Reader() {
    if (fd_ >= 0) ::close(fd_);
  }
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

  uint64_t size() const { return size_; }
  uint64_t position() const { return position_; }
  bool has(uint64_t n) const { return n <= size_ && position_ <= size_ - n; }

  bool byte(unsigned char& b) {
    if (position_ < start_ || position_ >= start_ + length_) {
      if (!has(1) || !fill()) return false;
    }
    b = buffer_[position_++ - start_];
    return true;
  }
  // Reads n bytes; false at the end of the file.
  bool read(unsigned char* out, size_t n) {
    if (!has(n)) return false;
    for (size_t i = 0; i < n; ++i)
      if (!byte(out[i])) return false;
    return true;
  }
  // Hands the next n bytes to `use` in pieces; false at the end of the file.
  template <typename Use>
  bool pass(uint64_t n, Use&& use) {
    if (!has(n)) return false;
    while (n > 0) {
      if (position_ < start_ || position_ >= start_ + length_) {
        if (!fill()) return false;
      }
      size_t piece = static_cast<size_t>(std::min<uint64_t>(n, start_ + length_ - position_));
      use(&buffer_[position_ - start_], piece);
      position_ += piece;
      n -= piece;
    }
    return true;
  }
  void rewind() { position_ = 0; }
  bool skip(uint64_t n) {
    if (!has(n)) return false;
    position_ += n;
    return true;
  }

 private:
  bool fill() {
    ssize_t got = ::pread(fd_, buffer_.data(), buffer_.size(), static_cast<off_t>(position_));
    if (got <= 0) return false;
    start_ = position_;
    length_ = static_cast<size_t>(got);
    return true;
  }

  int fd_;
  uint64_t size_ = 0;
  uint64_t position_ = 0;
  uint64_t start_ = 0;  // the file offset of buffer_[0]
  size_t length_ = 0;   // bytes in the buffer
  std::vector<unsigned char> buffer_ = std::vector<unsigned char>(64 * 1024);
};

uint32_t be16(const unsigned char* p) { return (uint32_t{p[0]} << 8) | p[1]; }
uint32_t be32(const unsigned char* p) { return (be16(p) << 16) | be16(p + 2); }

// "IDAT", or "a chunk of no valid type" when the type is not four letters.
std::string chunk_name(const unsigned char* type) {
  for (int i = 0; i < 4; ++i)
    if (!((type[i] >= 'A' && type[i] <= 'Z') || (type[i] >= 'a' && type[i] <= 'z')))
      return "a chunk of no valid type";
  return std::string(reinterpret_cast<const char*>(type), 4);
}

// The IHDR's fields that PNG allows together (PNG spec 11.2.2).
bool valid_ihdr(const unsigned char* ihdr) {
  unsigned depth = ihdr[8], type = ihdr[9];
  bool depth_ok = type == 0   ? (depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16)
                  : type == 3 ? (depth == 1 || depth == 2 || depth == 4 || depth == 8)
                              : (type == 2 || type == 4 || type == 6) && (depth == 8 || depth == 16);
  return depth_ok && ihdr[10] == 0 && ihdr[11] == 0 && ihdr[12] <= 1;
}

// The rows of a PNG's filtered image data (PNG spec 7.2, 8.2): each is a
// filter-type byte and the row's bytes; an interlaced image has seven passes
// of smaller rows (Adam7).
struct RowPlan {
  std::vector<std::pair<uint64_t, uint64_t>> passes;  // (rows, bytes a row with its filter byte)

  RowPlan(uint64_t width, uint64_t height, const unsigned char* ihdr) {
    static const int kChannels[] = {1, 0, 3, 1, 2, 0, 4};  // by colour type
    uint64_t bits = uint64_t{ihdr[8]} * kChannels[ihdr[9]];
    auto add = [&](uint64_t w, uint64_t h) {
      if (w > 0 && h > 0) passes.emplace_back(h, 1 + (w * bits + 7) / 8);
    };
    if (ihdr[12] == 0) {
      add(width, height);
      return;
    }
    static const int kAdam7[7][4] = {{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4},
                                     {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}};
    for (const auto& [x0, y0, dx, dy] : kAdam7)
      add(width > uint64_t(x0) ? (width - x0 + dx - 1) / dx : 0,
          height > uint64_t(y0) ? (height - y0 + dy - 1) / dy : 0);
  }
  uint64_t total() const {
    uint64_t n = 0;
    for (const auto& [rows, bytes] : passes) n += rows * bytes;
    return n;
  }
};

// Inflates a PNG's image data as it comes, to see that it is one whole zlib
// stream holding every row the image needs, each with a filter type PNG has;
// the bytes are thrown away, nothing is unfiltered.
class DataCheck {
 public:
  explicit DataCheck(RowPlan plan) : plan_(std::move(plan)), needed_(plan_.total()) {
    ok_ = inflateInit(&z_) == Z_OK;
  }
  ~DataCheck() { inflateEnd(&z_); }
  DataCheck(const DataCheck&) = delete;
  DataCheck& operator=(const DataCheck&) = delete;

  void feed(const unsigned char* data, size_t n) {
    z_.next_in = const_cast<unsigned char*>(data);
    z_.avail_in = static_cast<uInt>(n);
    while (ok_ && !ended_ && z_.avail_in > 0) {
      unsigned char out[16384];
      z_.next_out = out;
      z_.avail_out = sizeof out;
      int rc = inflate(&z_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END)
        ended_ = true;
      else if (rc != Z_OK)
        fail(z_.msg ? z_.msg : "not a zlib stream");
      rows(out, sizeof out - z_.avail_out);
      if (seen_ >= needed_) ended_ = true;  // every row is there: what follows is not inflated
    }
  }
  // Empty when the data was whole, else what was wrong.
  std::string verdict() const {
    if (!problem_.empty()) return "its image data is corrupt (" + problem_ + ")";
    if (!ended_) return "its image data is cut short";
    return seen_ < needed_ ? "it has less image data than its size needs" : "";
  }

 private:
  // Checks the filter byte at the start of each row in these inflated bytes;
  // data past the last row is ignored, as decoders do.
  void rows(const unsigned char* p, size_t n) {
    for (size_t i = 0; i < n && seen_ < needed_;) {
      if (offset_in_row_ == 0 && p[i] > 4) return fail("a row has filter type " + std::to_string(p[i]));
      const auto& [count, row_bytes] = plan_.passes[pass_];
      uint64_t step = std::min<uint64_t>(row_bytes - offset_in_row_, n - i);
      i += step, seen_ += step, offset_in_row_ += step;
      if (offset_in_row_ == row_bytes) {
        offset_in_row_ = 0;
        if (++row_ == count) row_ = 0, ++pass_;
      }
    }
  }
  void fail(const std::string& why) {
    ok_ = false;
    if (problem_.empty()) problem_ = why;
  }
  z_stream z_{};
  RowPlan plan_;
  uint64_t needed_;
  uint64_t seen_ = 0;
  size_t pass_ = 0;
  uint64_t row_ = 0, offset_in_row_ = 0;
  bool ok_ = false;
  bool ended_ = false;
  std::string problem_;
};

void inspect_png(Reader& in, ImageHeader& out, Inspection depth) {
  unsigned char head[8], ihdr[17];
  in.skip(8);  // past the signature
  if (!in.read(head, 8)) {
    out.problem = "it ends inside its IHDR header";
    return;
  }
  if (chunk_name(head + 4) != "IHDR" || be32(head) != 13) {
    out.problem = "its first chunk is " + chunk_name(head + 4) + ", not IHDR";
    return;
  }
  if (!in.read(ihdr, 17)) {  // 13 bytes and the CRC
    out.problem = "it ends inside its IHDR header";
    return;
  }
  out.width = be32(ihdr);
  out.height = be32(ihdr + 4);
  if (depth == Inspection::Size) return;
  if (out.width == 0 || out.height == 0) {
    out.problem = "it is " + std::to_string(out.width) + "×" + std::to_string(out.height) + " pixels";
    return;
  }
  if (crc32(crc32(0, head + 4, 4), ihdr, 13) != be32(ihdr + 13)) {
    out.problem = "its IHDR chunk is damaged (its checksum does not match)";
    return;
  }
  if (!valid_ihdr(ihdr)) {
    out.problem = "its IHDR header names a bit depth, colour type or method PNG does not have";
    return;
  }
  if (out.too_large()) return;  // refused for its size: its data is not worth inflating
  DataCheck data(RowPlan(static_cast<uint64_t>(out.width), static_cast<uint64_t>(out.height), ihdr));
  bool has_data = false;
  for (;;) {
    if (!in.read(head, 8)) {
      out.problem = "it ends before its IEND chunk";
      return;
    }
    std::string name = chunk_name(head + 4);
    std::string its = name.size() == 4 ? "its " + name + " chunk" : name;  // "a chunk of no valid type"
    uint32_t length = be32(head);
    uLong crc = crc32(0, head + 4, 4);
    bool is_data = name == "IDAT";
    has_data = has_data || is_data;
    bool whole = length <= 0x7FFFFFFFu && in.pass(length, [&](const unsigned char* p, size_t n) {
      crc = crc32(crc, p, static_cast<uInt>(n));
      if (is_data) data.feed(p, n);
    });
    unsigned char stored[4];
    if (!whole || !in.read(stored, 4)) {
      out.problem = "it ends inside " + its;
      return;
    }
    if (crc != be32(stored)) {
      out.problem = its + " is damaged (its checksum does not match)";
      return;
    }
    if (name == "IEND") break;
  }
  if (!has_data)
    out.problem = "it has no image data (IDAT chunk)";
  else
    out.problem = data.verdict();
}

bool is_sof(unsigned char marker) {
  return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}
bool is_standalone(unsigned char marker) { return marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7); }

// Why PDF viewers (DCTDecode) and EPUB reading systems cannot show a frame;
// empty if they can: baseline, extended or progressive Huffman coding, 8-bit
// samples, grey, colour or CMYK.
std::string unshowable_frame(unsigned char marker, unsigned precision, unsigned components) {
  auto sof = [&] {
    const char* hex = "0123456789ABCDEF";
    return std::string("SOF") + hex[marker & 0x0F];
  };
  if (marker == 0xC3 || marker == 0xC7 || marker == 0xCB || marker == 0xCF)
    return "it is coded as lossless JPEG (" + sof() + ")";
  if (marker == 0xC5 || marker == 0xC6 || marker == 0xCD || marker == 0xCE)
    return "it is coded as hierarchical JPEG (" + sof() + ")";
  if (marker >= 0xC9) return "it is arithmetic-coded (" + sof() + ")";
  if (precision != 8) return "it has " + std::to_string(precision) + "-bit samples";
  if (components != 1 && components != 3 && components != 4)
    return "it has " + std::to_string(components) + " colour components";
  return {};
}

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

void inspect_jpeg(Reader& in, ImageHeader& out, Inspection depth) {
  in.skip(2);  // past SOI
  bool have_frame = false;
  auto truncated = [&] {
    out.problem =
        have_frame ? "it ends before its end-of-image marker" : "it ends before its frame header (SOF)";
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
      do {  // fill bytes (0xFF) may stand before any marker (T.81 B.1.1.2)
        if (!in.byte(marker)) return truncated();
      } while (marker == 0xFF);
    }
    marker_known = false;
    if (marker == 0xD9) break;  // EOI
    if (is_standalone(marker)) continue;
    unsigned char field[6];
    if (!in.read(field, 2)) return truncated();
    uint32_t length = be16(field);
    if (length < 2) {
      out.problem = "a segment has an impossible length at byte " + std::to_string(in.position() - 2);
      return;
    }
    if (is_sof(marker) && !have_frame) {
      if (length < 8 || !in.read(field, 6)) return truncated();
      out.height = be16(field + 1);
      out.width = be16(field + 3);
      out.components = field[5];
      have_frame = true;
      if (depth == Inspection::Size) return;
      out.unshowable = unshowable_frame(marker, field[0], field[5]);
      length -= 6;
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
  if (!have_frame)
    out.problem = "it has no frame header (SOF)";
  else if (out.width == 0 || out.height == 0)
    out.problem = "it is " + std::to_string(out.width) + "×" + std::to_string(out.height) + " pixels";
}

struct Signature {
  std::string_view bytes;
  const char* name;
};
// Formats an editor may send that huozi does not take, so it can say which.
constexpr Signature kOtherFormats[] = {
    {"GIF8"sv, "GIF"},
    {"BM"sv, "BMP"},
    {"II*\0"sv, "TIFF"},
    {"MM\0*"sv, "TIFF"},
    {"\0\0\0\x0CjP  "sv, "JPEG 2000"},
    {"%PDF-"sv, "PDF"},
    {"<svg"sv, "SVG"},
    {"<?xml"sv, "SVG or other XML"},
    {"8BPS"sv, "Photoshop (PSD)"},
};

std::string other_format(const unsigned char* head, size_t n) {
  std::string_view bytes(reinterpret_cast<const char*>(head), n);
  if (n >= 12 && bytes.substr(0, 4) == "RIFF" && bytes.substr(8, 4) == "WEBP") return "WebP";
  if (n >= 12 && bytes.substr(4, 4) == "ftyp") {
    std::string_view brand = bytes.substr(8, 4);
    return brand == "avif" || brand == "avis"               ? "AVIF"
           : brand.substr(0, 3) == "hei" || brand == "mif1" ? "HEIC"
                                                            : "";
  }
  for (const Signature& s : kOtherFormats)
    if (bytes.substr(0, s.bytes.size()) == s.bytes) return s.name;
  return {};
}

}  // namespace

ImageHeader inspect_image(const std::filesystem::path& path, Inspection depth) {
  ImageHeader out;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return out;
  Reader in(path);
  unsigned char head[12] = {};
  size_t n = in.size() < sizeof head ? static_cast<size_t>(in.size()) : sizeof head;
  if (!in.read(head, n)) return out;
  in.rewind();
  static const unsigned char kPng[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  if (n >= 8 && std::equal(kPng, kPng + 8, head)) {
    out.format = ImageFormat::Png;
    inspect_png(in, out, depth);
  } else if (n >= 2 && head[0] == 0xFF && head[1] == 0xD8) {  // SOI
    out.format = ImageFormat::Jpeg;
    inspect_jpeg(in, out, depth);
  } else {
    out.other_format = other_format(head, n);
  }
  return out;
}

}  // namespace huozi
