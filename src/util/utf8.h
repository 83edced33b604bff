// Small UTF-8 helpers and the character classes the model needs for whitespace.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace huozi::utf8 {

// Decodes the code point starting at s[i] and advances i. Invalid bytes decode
// as U+FFFD and advance by one.
char32_t next(std::string_view s, size_t& i);

// Decodes the code point that ends just before s[i] and moves i back to its start.
char32_t previous(std::string_view s, size_t& i);

void append(std::string& out, char32_t c);

// Number of code points in s.
size_t length(std::string_view s);

// True for U+0000..U+10FFFF minus surrogates, given well-formed bytes.
bool is_valid(std::string_view s, size_t* first_bad = nullptr);

// Han ideographs (all CJK Unified blocks, compatibility ideographs), kana,
// bopomofo, CJK symbols and punctuation, full-width forms: the characters
// between which a source line break is not a space.
bool is_cjk(char32_t c);

// CJK punctuation: U+3000..U+303F, full-width ASCII punctuation, the quotes
// “”‘’, the ellipsis and the dashes used in Chinese text.
bool is_cjk_punctuation(char32_t c);

}  // namespace huozi::utf8
