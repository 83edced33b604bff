#include "text/breaks.h"

#include <algorithm>
#include <string_view>

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "text/handles.h"
#include "text/hyphenation.h"

namespace huozi::text {

struct BreakFinder::Impl {
  UBreakIteratorPtr iterator;
  Hyphenator hyphenator;
  std::string word;
  std::vector<uint8_t> points;
};

BreakFinder::BreakFinder() : impl_(std::make_unique<Impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  impl_->iterator.reset(ubrk_open(UBRK_LINE, "zh@lb=strict", nullptr, 0, &status));
  if (U_FAILURE(status)) impl_->iterator.reset();
}

BreakFinder::~BreakFinder() = default;

namespace {

bool is_ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }

// A DOI: 10.<digits>/<suffix> (ISO 26324).
bool looks_like_doi(const std::vector<char32_t>& cps, size_t from, size_t to) {
  if (to - from < 6 || cps[from] != '1' || cps[from + 1] != '0' || cps[from + 2] != '.') return false;
  size_t k = from + 3;
  while (k < to && is_ascii_digit(cps[k])) ++k;
  return k > from + 3 && k + 1 < to && cps[k] == '/';
}

// Whether the run of Latin text [from, to) is a URL, an e-mail address or a DOI.
bool looks_like_address(const std::vector<char32_t>& cps, size_t from, size_t to) {
  if (to - from >= 4 && cps[from] == 'w' && cps[from + 1] == 'w' && cps[from + 2] == 'w' && cps[from + 3] == '.')
    return true;
  if (looks_like_doi(cps, from, to)) return true;
  for (size_t k = from; k < to; ++k) {
    if (cps[k] == '@' && k > from && k + 1 < to) return true;
    if (cps[k] == ':' && k + 2 < to && cps[k + 1] == '/' && cps[k + 2] == '/') return true;
  }
  return false;
}

// Calls fn(from, to) for each token of Latin text: a maximal run of code
// points that are neither Chinese nor spaces.
template <typename Fn>
void for_each_latin_token(const std::vector<CharClass>& classes, Fn&& fn) {
  const auto outside = [&](size_t k) { return classes[k] == CharClass::Space || is_chinese_class(classes[k]); };
  for (size_t i = 0; i < classes.size();) {
    if (outside(i)) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < classes.size() && !outside(end)) ++end;
    fn(i, end);
    i = end;
  }
}

// A URL, an e-mail address or a DOI may break after / . - ? & = # _ @ ~ without a
// hyphen (issue 14), never inside "//" and never between two digits (a number
// is one word). ICU's UAX #14 keeps most of these together.
void address_breaks(const std::vector<char32_t>& cps, const std::vector<uint32_t>& offsets,
                    const std::vector<CharClass>& classes, std::vector<uint8_t>& break_before) {
  static constexpr std::u32string_view kAfter = U"/.-?&=#_@~";
  for_each_latin_token(classes, [&](size_t i, size_t end) {
    if (!looks_like_address(cps, i, end)) return;
    for (size_t k = i + 2; k + 1 < end; ++k) {  // not after the first character, nor before the last
      const char32_t before = cps[k - 1], after = cps[k];
      if (kAfter.find(before) == std::u32string_view::npos) continue;
      if (before == '/' && after == '/') continue;
      if (is_ascii_digit(cps[k - 2]) && is_ascii_digit(after)) continue;
      break_before[offsets[k]] = kBreak;
    }
  });
}

bool is_relation(char32_t c) {
  return c == U'≈' || c == U'≠' || c == U'≤' || c == U'≥' || c == U'≡' || c == U'≃' || c == U'≅' || c == U'∼';
}

bool is_ascii_letter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Hyphen breaks inside the Latin words of Chinese text: a run of letters
// between Chinese text, spaces or ASCII punctuation at its ends (“word”,
// (word), word,) but with nothing but letters inside, so that numbers,
// addresses, file names and words like i18n or COVID-19 stay whole.
void hyphen_breaks(Hyphenator& hyphenator, std::string& word, std::vector<uint8_t>& points,
                   const std::vector<char32_t>& cps, const std::vector<uint32_t>& offsets,
                   const std::vector<CharClass>& classes, std::vector<uint8_t>& break_before) {
  const auto edge = [&](size_t k) { return cps[k] < 0x80 && !is_ascii_letter(cps[k]) && !is_ascii_digit(cps[k]); };
  for_each_latin_token(classes, [&](size_t from, size_t to) {
    while (from < to && edge(from)) ++from;
    while (to > from && edge(to - 1)) --to;
    bool letters = to - from >= kHyphenMinWord && to - from <= kHyphenMaxWord;
    for (size_t k = from; letters && k < to; ++k) letters = is_ascii_letter(cps[k]);
    if (!letters) return;
    word.assign(cps.begin() + from, cps.begin() + to);  // ASCII: one byte a letter
    hyphenator.hyphenate(word, points);
    for (size_t k = 1; k < points.size(); ++k)
      if (points[k] && break_before[offsets[from + k]] == kNoBreak) break_before[offsets[from + k]] = kHyphenBreak;
  });
}

}  // namespace

void word_boundaries(std::string_view text, std::vector<uint8_t>& boundary) {
  boundary.assign(text.size() + 1, 1);  // without ICU: every break is between words
  UErrorCode status = U_ZERO_ERROR;
  thread_local UBreakIteratorPtr words(ubrk_open(UBRK_WORD, "zh", nullptr, 0, &status));  // opened once: slow
  if (!words) return;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  ubrk_setUText(words.get(), ut, &status);
  if (U_SUCCESS(status)) {
    std::fill(boundary.begin(), boundary.end(), 0);
    for (int32_t b = ubrk_first(words.get()); b != UBRK_DONE; b = ubrk_next(words.get()))
      if (b >= 0 && static_cast<size_t>(b) <= text.size()) boundary[b] = 1;
  }
  utext_close(ut);
}

bool break_allowed(char32_t before, CharClass before_class, char32_t after, CharClass after_class,
                   bool icu_allows) {
  // After a relation sign, as in mathematics (π≈ | 3.14159): a formula of a
  // long number need not travel whole to the next line. Not after ASCII = < >,
  // which code and addresses use.
  if (is_relation(before) && after_class == CharClass::Alnum) return true;
  const bool chinese_before = is_chinese_class(before_class);
  const bool chinese_after = is_chinese_class(after_class);
  if (chinese_before && chinese_after) return cjk_break_allowed(before, before_class, after, after_class);
  if (chinese_before || chinese_after) {
    // A Chinese character next to Latin text, a space or a symbol: clreq's
    // prohibitions first; between Han and a Latin word or number, a break is
    // allowed (UAX #14 would keep quotes “” glued to both sides).
    if (prohibited_at_line_end(before_class) || prohibited_at_line_start(after_class)) return false;
    if (before_class == CharClass::Alnum || after_class == CharClass::Alnum) return true;
  }
  return icu_allows;
}

void BreakFinder::find(std::string_view text, const std::vector<char32_t>& cps,
                       const std::vector<uint32_t>& offsets, const std::vector<CharClass>& classes,
                       std::vector<uint8_t>& break_before) {
  break_before.assign(text.size() + 1, 0);
  bool all_chinese = true;
  for (CharClass c : classes) all_chinese = all_chinese && is_chinese_class(c);

  // ICU's opportunities, by byte offset; needed only when Latin, spaces or symbols occur.
  std::vector<uint8_t> icu;
  if (!all_chinese && impl_->iterator) {
    icu.assign(text.size() + 1, 0);
    UErrorCode status = U_ZERO_ERROR;
    UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    ubrk_setUText(impl_->iterator.get(), ut, &status);
    if (U_SUCCESS(status)) {
      for (int32_t b = ubrk_first(impl_->iterator.get()); b != UBRK_DONE; b = ubrk_next(impl_->iterator.get()))
        if (b >= 0 && static_cast<size_t>(b) <= text.size()) icu[b] = 1;
    }
    utext_close(ut);
  }
  for (size_t i = 1; i < cps.size(); ++i) {
    const bool icu_allows = icu.empty() ? true : icu[offsets[i]] != 0;
    break_before[offsets[i]] = break_allowed(cps[i - 1], classes[i - 1], cps[i], classes[i], icu_allows);
  }
  if (!all_chinese) {
    address_breaks(cps, offsets, classes, break_before);
    hyphen_breaks(impl_->hyphenator, impl_->word, impl_->points, cps, offsets, classes, break_before);
  }
}

}  // namespace huozi::text
