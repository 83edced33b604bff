// Break opportunities: ICU's strict line BreakIterator (UAX #14) tailored by
// the clreq §1 classes. Chinese pairs follow clreq; Latin words, numbers and
// spaces follow ICU.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "text/clreq.h"

namespace huozi::text {

// What break_before holds at a code point's offset.
inline constexpr uint8_t kNoBreak = 0;
inline constexpr uint8_t kBreak = 1;
inline constexpr uint8_t kHyphenBreak = 2;  // inside a word: the line end takes a hyphen

class BreakFinder {
 public:
  BreakFinder();
  ~BreakFinder();
  BreakFinder(const BreakFinder&) = delete;
  BreakFinder& operator=(const BreakFinder&) = delete;

  // For the code points of text (cps[i] starts at byte offsets[i]), sets
  // break_before[offsets[i]] to kBreak where a line may break before code
  // point i, kHyphenBreak where it may break there with a hyphen (a long
  // Latin word, hyphenation.h). break_before is resized to text.size() + 1;
  // break_before[0] stays kNoBreak.
  void find(std::string_view text, const std::vector<char32_t>& cps, const std::vector<uint32_t>& offsets,
            const std::vector<CharClass>& classes, std::vector<uint8_t>& break_before);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Word boundaries by ICU's dictionary (UBRK_WORD, Chinese): sets
// boundary[b] = 1 at each byte offset b where a word starts or ends
// (resized to text.size() + 1). For headlines, which should not break inside
// a word (脱|贫).
void word_boundaries(std::string_view text, std::vector<uint8_t>& boundary);

// The pure decision for one boundary, given ICU's answer there (exposed for tests).
bool break_allowed(char32_t before, CharClass before_class, char32_t after, CharClass after_class,
                   bool icu_allows);

}  // namespace huozi::text
