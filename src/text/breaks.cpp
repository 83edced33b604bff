#include "text/breaks.h"

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "text/handles.h"

namespace huozi::text {

struct BreakFinder::Impl {
  UBreakIteratorPtr iterator;
};

BreakFinder::BreakFinder() : impl_(std::make_unique<Impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  impl_->iterator.reset(ubrk_open(UBRK_LINE, "zh@lb=strict", nullptr, 0, &status));
  if (U_FAILURE(status)) impl_->iterator.reset();
}

BreakFinder::~BreakFinder() = default;

bool break_allowed(char32_t before, CharClass before_class, char32_t after, CharClass after_class,
                   bool icu_allows) {
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
}

}  // namespace huozi::text
