#include "text/clreq.h"

#include <algorithm>
#include <iterator>
#include <utility>

namespace huozi::text {
namespace {

// clreq §1–2: the punctuation classes, sorted by code point.
constexpr std::pair<char32_t, CharClass> kPunctuation[] = {
    {0x00B7, CharClass::Mark},      // · middle dot (间隔号)
    {0x2014, CharClass::Dash},      // — em dash (破折号, doubled)
    {0x2018, CharClass::Opening},   // ‘
    {0x2019, CharClass::Closing},   // ’
    {0x201C, CharClass::Opening},   // “
    {0x201D, CharClass::Closing},   // ”
    {0x2025, CharClass::Ellipsis},  // ‥
    {0x2026, CharClass::Ellipsis},  // … (省略号, doubled)
    {0x2027, CharClass::Mark},      // ‧
    {0x203C, CharClass::Mark},      // ‼
    {0x2047, CharClass::Mark},      // ⁇
    {0x2048, CharClass::Mark},      // ⁈
    {0x2049, CharClass::Mark},      // ⁉
    {0x2E3A, CharClass::Dash},      // ⸺ two-em dash
    {0x3001, CharClass::Stop},      // 、
    {0x3002, CharClass::Stop},      // 。
    {0x3008, CharClass::Opening},   // 〈
    {0x3009, CharClass::Closing},   // 〉
    {0x300A, CharClass::Opening},   // 《
    {0x300B, CharClass::Closing},   // 》
    {0x300C, CharClass::Opening},   // 「
    {0x300D, CharClass::Closing},   // 」
    {0x300E, CharClass::Opening},   // 『
    {0x300F, CharClass::Closing},   // 』
    {0x3010, CharClass::Opening},   // 【
    {0x3011, CharClass::Closing},   // 】
    {0x3014, CharClass::Opening},   // 〔
    {0x3015, CharClass::Closing},   // 〕
    {0x3016, CharClass::Opening},   // 〖
    {0x3017, CharClass::Closing},   // 〗
    {0x3018, CharClass::Opening},   // 〘
    {0x3019, CharClass::Closing},   // 〙
    {0x301A, CharClass::Opening},   // 〚
    {0x301B, CharClass::Closing},   // 〛
    {0x301C, CharClass::Mark},      // 〜 wave dash
    {0x301D, CharClass::Opening},   // 〝
    {0x301E, CharClass::Closing},   // 〞
    {0x301F, CharClass::Closing},   // 〟
    {0x30FB, CharClass::Mark},      // ・
    {0xFE50, CharClass::Stop},      // ﹐ small forms
    {0xFE51, CharClass::Stop},      // ﹑
    {0xFE52, CharClass::Stop},      // ﹒
    {0xFF01, CharClass::Stop},      // ！
    {0xFF08, CharClass::Opening},   // （
    {0xFF09, CharClass::Closing},   // ）
    {0xFF0C, CharClass::Stop},      // ，
    {0xFF0E, CharClass::Stop},      // ．
    {0xFF1A, CharClass::Stop},      // ：
    {0xFF1B, CharClass::Stop},      // ；
    {0xFF1F, CharClass::Stop},      // ？
    {0xFF3B, CharClass::Opening},   // ［
    {0xFF3D, CharClass::Closing},   // ］
    {0xFF5B, CharClass::Opening},   // ｛
    {0xFF5D, CharClass::Closing},   // ｝
    {0xFF5E, CharClass::Mark},      // ～
    {0xFF5F, CharClass::Opening},   // ｟
    {0xFF60, CharClass::Closing},   // ｠
    {0xFF61, CharClass::Stop},      // ｡
    {0xFF62, CharClass::Opening},   // ｢
    {0xFF63, CharClass::Closing},   // ｣
    {0xFF64, CharClass::Stop},      // ､
    {0xFF65, CharClass::Mark},      // ･
};

constexpr bool is_sorted_table() {
  for (size_t i = 1; i < std::size(kPunctuation); ++i)
    if (kPunctuation[i - 1].first >= kPunctuation[i].first) return false;
  return true;
}
static_assert(is_sorted_table(), "kPunctuation must be sorted by code point");

bool is_han(char32_t c) {
  return (c >= 0x2E80 && c <= 0x2FDF) ||    // radicals
         (c >= 0x3005 && c <= 0x3007) ||    // 々〆〇
         (c >= 0x3021 && c <= 0x3029) ||    // Suzhou numerals
         (c >= 0x3040 && c <= 0x30FA) ||    // kana (not ・ U+30FB)
         (c >= 0x30FC && c <= 0x30FF) ||
         (c >= 0x3100 && c <= 0x31FF) ||    // bopomofo, kana extensions
         (c >= 0x3400 && c <= 0x4DBF) ||    // extension A
         (c >= 0x4E00 && c <= 0x9FFF) ||    // unified ideographs
         (c >= 0xF900 && c <= 0xFAFF) ||    // compatibility ideographs
         (c >= 0x20000 && c <= 0x3FFFF);    // extensions B and beyond
}

bool is_alnum(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  return (c >= 0x00C0 && c <= 0x024F && c != 0xD7 && c != 0xF7) ||  // Latin-1, Extended
         (c >= 0x0370 && c <= 0x03FF) ||                              // Greek
         (c >= 0x0400 && c <= 0x04FF) ||                              // Cyrillic
         (c >= 0x1E00 && c <= 0x1EFF) ||                              // Latin Extended Additional
         (c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) ||
         (c >= 0xFF41 && c <= 0xFF5A);  // full-width letters and digits
}

bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200A);
}

}  // namespace

CharClass classify(char32_t c) {
  if (c < 0x80) {
    if (c == ' ' || c == '\t' || c == '\n') return CharClass::Space;
    return is_alnum(c) ? CharClass::Alnum : CharClass::Other;
  }
  if (is_han(c)) return CharClass::Han;
  const auto* end = std::end(kPunctuation);
  const auto* it = std::lower_bound(std::begin(kPunctuation), end, c,
                                    [](const auto& entry, char32_t cp) { return entry.first < cp; });
  if (it != end && it->first == c) return it->second;
  if (is_space(c)) return CharClass::Space;
  if (is_alnum(c)) return CharClass::Alnum;
  return CharClass::Other;
}

Variant variant_of(std::string_view tag) {
  auto has = [&](std::string_view part) { return tag.find(part) != std::string_view::npos; };
  if (has("Hant") || has("-TW") || has("-HK") || has("-MO") || has("-tw") || has("-hk")) return Variant::Hant;
  return Variant::Hans;
}

bool prohibited_at_line_start(CharClass c) {
  return c == CharClass::Closing || c == CharClass::Stop || c == CharClass::Ellipsis || c == CharClass::Mark;
}

bool prohibited_at_line_end(CharClass c) { return c == CharClass::Opening; }

bool never_split(char32_t before, char32_t after) {
  return before == after && (classify(before) == CharClass::Dash || classify(before) == CharClass::Ellipsis);
}

bool cjk_break_allowed(char32_t before, CharClass before_class, char32_t after, CharClass after_class) {
  if (prohibited_at_line_end(before_class) || prohibited_at_line_start(after_class)) return false;
  return !never_split(before, after);
}

bool has_adjustable_blank(CharClass c, Variant v) {
  if (c == CharClass::Opening || c == CharClass::Closing) return true;
  return c == CharClass::Stop && v == Variant::Hans;
}

bool has_centred_blank(CharClass c, Variant v) { return c == CharClass::Stop && v == Variant::Hant; }

PairCompression consecutive_compression(CharClass first, CharClass second, Variant v) {
  const bool first_closes = first == CharClass::Closing || (first == CharClass::Stop && v == Variant::Hans);
  if (first_closes && has_adjustable_blank(second, v)) {
    // 。” ）。 ”《: the blank after the first mark goes. In zh-Hant a centred stop
    // after a bracket keeps its room, so only bracket pairs adjust there.
    return PairCompression::First;
  }
  if (first == CharClass::Opening && second == CharClass::Opening) {
    return PairCompression::Second;  // 《“: the blank between them is the second's
  }
  return PairCompression::None;
}

bool half_width_at_line_start(CharClass c, Variant) { return c == CharClass::Opening; }

bool half_width_at_line_end(CharClass c, Variant v) {
  return c == CharClass::Closing || (c == CharClass::Stop && v == Variant::Hans);
}

bool han_latin_spacing(CharClass before, CharClass after) {
  return (before == CharClass::Han && after == CharClass::Alnum) ||
         (before == CharClass::Alnum && after == CharClass::Han);
}

bool inter_character_stretch(char32_t before, CharClass before_class, char32_t after, CharClass after_class) {
  if (before == after && (before_class == CharClass::Dash || before_class == CharClass::Ellipsis)) return false;
  const bool before_latin = before_class == CharClass::Alnum || before_class == CharClass::Other;
  const bool after_latin = after_class == CharClass::Alnum || after_class == CharClass::Other;
  if (before_latin && after_latin) return false;  // one Latin unit (word, number, 63.3%)
  if (before_class == CharClass::Space || after_class == CharClass::Space) return false;  // the space stretches
  return true;
}

bool is_chinese_class(CharClass c) {
  return c != CharClass::Alnum && c != CharClass::Space && c != CharClass::Other;
}

}  // namespace huozi::text
