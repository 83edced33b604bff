// Where a long Latin word inside Chinese text may take a hyphen at a line end
// (issue 14): Debian's libhyphen (the hyphenator of LibreOffice and Hunspell)
// with the US English TeX patterns of hyphen-en-us. Lower-case words are
// taken for English; a capitalised word only when very long: a shorter one in
// Chinese text is more often a name in pinyin (Xiaomi, Zhongguancun), which
// English patterns would break wrongly (Xi-aomi). Product names (iPhone,
// MacBook), acronyms (COVID, EEG), anything with digits or punctuation inside,
// and words in <code> are left whole.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace huozi::text {

// The shortest and longest word hyphenated (longer: not a word, and not worth
// caching), and the fewest letters kept on either side.
inline constexpr size_t kHyphenMinWord = 6;
inline constexpr size_t kHyphenMaxWord = 64;
inline constexpr size_t kHyphenMinCapitalised = 15;  // Internationalization, not Zhongguancun
inline constexpr int kHyphenMinLeft = 2;
inline constexpr int kHyphenMinRight = 3;

class Hyphenator {
 public:
  // Uses the patterns loaded once per process (HUOZI_HYPHEN_DICT, else the
  // path CMake found). Without them, nothing is hyphenated.
  Hyphenator();

  // Whether a word of ASCII letters is one to hyphenate: 6 to 64 letters,
  // all lower case, or capitalised and at least kHyphenMinCapitalised long.
  static bool wants(std::string_view word);

  // For such a word, sets points[k] = 1 (k in 1..size-1) where the word may
  // break before its letter k with a hyphen; points is resized to word.size().
  void hyphenate(std::string_view word, std::vector<uint8_t>& points);

  bool available() const;

 private:
  std::unordered_map<std::string, std::vector<uint8_t>> cache_;  // words repeat
};

}  // namespace huozi::text
