#include "pdf/cff_charset.h"

namespace huozi::pdf {
namespace {

// A reader over the table that fails (ok = false) instead of reading past its end.
struct Bytes {
  const unsigned char* data;
  size_t size;
  bool ok = true;

  unsigned at(size_t i) {
    if (i >= size) ok = false;
    return ok ? data[i] : 0;
  }
  unsigned be16(size_t i) { return (at(i) << 8) | at(i + 1); }
  unsigned long offset(size_t i, unsigned width) {
    unsigned long v = 0;
    for (unsigned k = 0; k < width; ++k) v = (v << 8) | at(i + k);
    return v;
  }
};

// An INDEX (§5) at `pos`: where its first item starts and ends, and where the INDEX ends.
struct Index {
  size_t first_begin = 0, first_end = 0, end = 0;
};

Index read_index(Bytes& b, size_t pos) {
  Index index;
  unsigned count = b.be16(pos);
  if (count == 0) {
    index.end = pos + 2;
    return index;
  }
  unsigned width = b.at(pos + 2);
  if (width < 1 || width > 4) b.ok = false;
  size_t offsets = pos + 3, base = offsets + (static_cast<size_t>(count) + 1) * width - 1;
  index.first_begin = base + b.offset(offsets, width);
  index.first_end = base + b.offset(offsets + width, width);
  index.end = base + b.offset(offsets + static_cast<size_t>(count) * width, width);
  if (index.first_end < index.first_begin || index.end > b.size) b.ok = false;
  return index;
}

}  // namespace

std::vector<uint16_t> cff_cids(const unsigned char* data, size_t size, unsigned glyph_count) {
  Bytes b{data, size};
  Index names = read_index(b, b.at(2));  // the header's size is its third byte
  Index top = read_index(b, names.end);
  if (!b.ok || top.first_end == 0) return {};
  // The Top DICT (§4): operands, then an operator.
  bool cid_keyed = false;
  long charset = 0, last = 0;
  for (size_t i = top.first_begin; i < top.first_end && b.ok;) {
    unsigned b0 = b.at(i);
    if (b0 == 28) {
      last = static_cast<int16_t>(b.be16(i + 1)), i += 3;
    } else if (b0 == 29) {
      last = static_cast<int32_t>(b.offset(i + 1, 4)), i += 5;
    } else if (b0 == 30) {  // a real: nibbles up to 0xf
      for (++i; b.ok && (b.at(i) & 0x0F) != 0x0F && (b.at(i) >> 4) != 0x0F; ++i) {
      }
      ++i, last = 0;
    } else if (b0 >= 32 && b0 <= 246) {
      last = static_cast<long>(b0) - 139, ++i;
    } else if (b0 >= 247 && b0 <= 250) {
      last = (static_cast<long>(b0) - 247) * 256 + b.at(i + 1) + 108, i += 2;
    } else if (b0 >= 251 && b0 <= 254) {
      last = -(static_cast<long>(b0) - 251) * 256 - b.at(i + 1) - 108, i += 2;
    } else if (b0 == 12) {
      if (b.at(i + 1) == 30) cid_keyed = true;  // ROS
      i += 2;
    } else {
      if (b0 == 15) charset = last;
      ++i;
    }
  }
  // Charsets 0–2 are the predefined ones of name-keyed fonts.
  if (!b.ok || !cid_keyed || charset <= 2 || static_cast<size_t>(charset) >= size) return {};
  std::vector<uint16_t> cids(glyph_count, 0);
  size_t pos = static_cast<size_t>(charset);
  unsigned format = b.at(pos++);
  for (unsigned glyph = 1; glyph < glyph_count && b.ok;) {
    if (format == 0) {
      cids[glyph++] = static_cast<uint16_t>(b.be16(pos)), pos += 2;
      continue;
    }
    if (format != 1 && format != 2) return {};
    unsigned first = b.be16(pos);
    unsigned left = format == 1 ? b.at(pos + 2) : b.be16(pos + 2);
    pos += format == 1 ? 3 : 4;
    for (unsigned k = 0; k <= left && glyph < glyph_count; ++k) cids[glyph++] = static_cast<uint16_t>(first + k);
  }
  if (!b.ok) return {};
  return cids;
}

}  // namespace huozi::pdf
