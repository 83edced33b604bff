// Which numbers a vertical column sets side by side in one cell (縦中横,
// tate-chu-yoko): the same rule for the EPUB (text-combine-upright) and the
// PDF (the shaper's combined runs), so both editions show the same.
#pragma once

#include <cstddef>
#include <string_view>

namespace huozi {

inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// For the ASCII digits text[begin, end) (a maximal run): one or two digits
// that are not a piece of a longer number (2.5, 1,000) or of a word (A4).
// Longer numbers are turned sideways with the Latin text.
inline bool tate_chu_yoko(std::string_view text, size_t begin, size_t end) {
  auto part_of_word = [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.' || c == ',';
  };
  return end - begin <= 2 && (begin == 0 || !part_of_word(text[begin - 1])) &&
         (end == text.size() || !part_of_word(text[end]));
}

}  // namespace huozi
