// Where a long Latin word inside Chinese text may take a hyphen at a line end
// (issue 14): Debian's libhyphen (the hyphenator of LibreOffice and Hunspell)
// with the US English TeX patterns of hyphen-en-us. Words are English words
// set in Chinese text; product names (iPhone, MacBook), acronyms (COVID, EEG)
// and anything with digits or punctuation inside are left whole.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace huozi::text {

// The shortest word hyphenated, and the fewest letters kept on either side.
inline constexpr size_t kHyphenMinWord = 6;
inline constexpr int kHyphenMinLeft = 2;
inline constexpr int kHyphenMinRight = 3;

class Hyphenator {
 public:
  // Uses the patterns loaded once per process (HUOZI_HYPHEN_DICT, else the
  // path CMake found). Without them, nothing is hyphenated.
  Hyphenator();

  // Whether a word of ASCII letters is one to hyphenate: long enough, and
  // all lower case or capitalised (not an acronym, not a CamelCase name).
  static bool wants(std::string_view word);

  // For such a word, sets points[k] = 1 (k in 1..size-1) where the word may
  // break before its letter k with a hyphen; points is resized to word.size().
  void hyphenate(std::string_view word, std::vector<uint8_t>& points);

  bool available() const;

 private:
  std::unordered_map<std::string, std::vector<uint8_t>> cache_;  // words repeat
};

}  // namespace huozi::text
