// The rules of ../shared/clreq.md §1–3 as character classes and pure functions
// of neighbouring classes. Nothing here knows about fonts: widths are in em.
#pragma once

#include <cstdint>
#include <string_view>

namespace huozi::text {

// What a character is to the Chinese layout rules.
enum class CharClass : uint8_t {
  Han,       // ideographs, kana, bopomofo: full-width, on the character grid
  Opening,   // （［｛〔〖〘〚【《〈「『“‘ — blank on the left half (clreq 3.1.6)
  Closing,   // ）］｝〕〗〙〛】》〉」』”’ — blank on the right half
  Stop,      // 、。，．：；？！ — blank on the right half in zh-Hans, centred in zh-Hant
  Ellipsis,  // … ‥ — not at line start, never split (clreq 3.1.7)
  Dash,      // — ⸺ — never split
  Mark,      // ‼⁇⁈⁉ ～ · ・ ‧ — not at line start, no adjustable blank
  Alnum,     // Latin, Greek, Cyrillic letters and digits: Han–Latin spacing (clreq 3.2)
  Space,     // white space
  Other,     // Latin punctuation, symbols, combining marks: none of the above
};

// The two conventions of Chinese punctuation (clreq 3.1.6).
enum class Variant : uint8_t { Hans, Hant };

// Space rules in em of the body size.
inline constexpr double kPunctuationBlankEm = 0.5;  // the adjustable half of a mark (§2)
inline constexpr double kHanLatinSpaceEm = 0.25;    // between Han and Latin/digits (§3)

// Classifies a code point (a table lookup; see clreq.cpp for the tables).
CharClass classify(char32_t c);

// "zh-Hant", "zh-TW", "zh-HK", "zh-MO" → Hant; anything else → Hans.
Variant variant_of(std::string_view bcp47);

// §1: the mark may not start a line (closing marks, stops, …, ～, ·).
bool prohibited_at_line_start(CharClass c);

// §1: the mark may not end a line (opening marks).
bool prohibited_at_line_end(CharClass c);

// §1: `——` and `……` are one unit: no break, no space inside.
bool never_split(char32_t before, char32_t after);

// §1: may a line break between these two characters, at least one of them
// Chinese? (Latin words, numbers and spaces are ICU's business: see breaks.h.)
bool cjk_break_allowed(char32_t before, CharClass before_class, char32_t after, CharClass after_class);

// §2: does the mark have an adjustable half-em blank in this convention?
// (zh-Hant centres stops, so there only brackets and quotes adjust at a line's
// ends and in pairs; its stops have a centred blank, below.)
bool has_adjustable_blank(CharClass c, Variant v);
// zh-Hant's pause and stop marks sit centred in their em with a quarter em
// each side: set full width by default, they may give up that room evenly
// when a line needs shrink (issue 14), never trimmed at a line end.
bool has_centred_blank(CharClass c, Variant v);

// §2 consecutive marks: which of two adjacent marks loses its blank.
enum class PairCompression : uint8_t { None, First, Second };
PairCompression consecutive_compression(CharClass first, CharClass second, Variant v);

// §2: an opening mark at line start is set half-width.
bool half_width_at_line_start(CharClass c, Variant v);

// §2: a closing mark or stop at line end is set half-width.
bool half_width_at_line_end(CharClass c, Variant v);

// §3: a quarter em between Han and an adjacent Latin letter or digit.
bool han_latin_spacing(CharClass before, CharClass after);

// §4: may the line stretch between these two characters? Not inside a Latin
// word or number (one unit), not inside `——`/`……`.
bool inter_character_stretch(char32_t before, CharClass before_class, char32_t after,
                             CharClass after_class);

// True for classes that belong to Chinese text (everything but Alnum, Space, Other).
bool is_chinese_class(CharClass c);

}  // namespace huozi::text
