#include "util/utf8.h"

namespace huozi::utf8 {

char32_t next(std::string_view s, size_t& i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b0 = byte(i);
  int len = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t c = len == 1 ? b0 : len == 2 ? (b0 & 0x1F) : len == 3 ? (b0 & 0x0F) : (b0 & 0x07);
  for (int k = 1; k < len; ++k) {
    unsigned char b = byte(i + k);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    c = (c << 6) | (b & 0x3F);
  }
  i += len;
  return c;
}

char32_t previous(std::string_view s, size_t& i) {
  size_t start = i;
  do {
    --start;
  } while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80 && i - start < 4);
  size_t k = start;
  char32_t c = next(s, k);
  i = start;
  return c;
}

void append(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

size_t length(std::string_view s) {
  size_t n = 0;
  for (unsigned char b : s)
    if ((b & 0xC0) != 0x80) ++n;
  return n;
}

bool is_valid(std::string_view s, size_t* first_bad) {
  size_t i = 0;
  while (i < s.size()) {
    size_t start = i;
    unsigned char b0 = static_cast<unsigned char>(s[i]);
    char32_t c = next(s, i);
    size_t len = i - start;
    bool overlong = (len == 2 && c < 0x80) || (len == 3 && c < 0x800) || (len == 4 && c < 0x10000);
    bool bad = (c == 0xFFFD && !(len == 3 && b0 == 0xEF)) || overlong || c > 0x10FFFF ||
               (c >= 0xD800 && c <= 0xDFFF);
    if (bad) {
      if (first_bad) *first_bad = start;
      return false;
    }
  }
  return true;
}

bool is_cjk_punctuation(char32_t c) {
  return (c >= 0x3000 && c <= 0x303F) ||  // CJK symbols and punctuation
         (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
         (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65) ||
         c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D ||  // ‘’“”
         c == 0x2014 || c == 0x2026 || c == 0x00B7 || c == 0x2027 ||  // — … · ‧
         (c >= 0xFE10 && c <= 0xFE1F) || (c >= 0xFE30 && c <= 0xFE4F);
}

bool is_cjk(char32_t c) {
  return (c >= 0x2E80 && c <= 0x2FDF) ||    // radicals
         (c >= 0x3000 && c <= 0x30FF) ||    // punctuation, kana
         (c >= 0x3100 && c <= 0x31FF) ||    // bopomofo, kana extensions
         (c >= 0x3400 && c <= 0x4DBF) ||    // extension A
         (c >= 0x4E00 && c <= 0x9FFF) ||    // unified ideographs
         (c >= 0xF900 && c <= 0xFAFF) ||    // compatibility ideographs
         (c >= 0xFE30 && c <= 0xFE4F) ||    // compatibility forms
         (c >= 0xFF00 && c <= 0xFFEF) ||    // full-width forms
         (c >= 0x20000 && c <= 0x3FFFF) ||  // extensions B and beyond
         is_cjk_punctuation(c);
}

}  // namespace huozi::utf8
