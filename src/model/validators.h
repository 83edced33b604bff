// Pure checks of the values a source writes in attributes and metadata. Each
// says whether the text is well formed (and what it means); none reports
// anything: the loader words the diagnostic and gives its place.
#pragma once

#include <string>
#include <string_view>

#include "util/units.h"

namespace huozi::model {

inline constexpr double kPointsPerMm = units::kPointsPerMm;

// 32 hex digits in groups 8-4-4-4-12.
bool is_uuid(std::string_view s);

// 10 or 13 digits (X for a check digit), hyphens and spaces between them.
bool is_isbn(std::string_view s);

// An XML NCName, ASCII letters and digits plus any non-ASCII character
// (Chinese ids are fine), no colon: what XHTML and PDF named destinations take.
bool is_xml_name(std::string_view id);

// BCP 47 in outline: subtags of 1-8 letters or digits joined by '-', the
// first of letters only (zh, zh-Hans, zh-Hant-TW, en-GB, x-private).
bool is_language_tag(std::string_view tag);

// YYYY, YYYY-MM or YYYY-MM-DD, months 01-12 and days 01-31.
bool is_valid_date(std::string_view d);

// W:H, two positive whole numbers ("4:3"), 11 characters at most, the
// picture no more than kMaxRatio times as wide as high or as high as wide.
inline constexpr int kMaxRatio = 20;
bool is_valid_ratio(const std::string& r);

// A decimal number, the whole text ("1.7", not "1.7abc"), finite.
bool parse_number(const std::string& text, double& out);

// A whole number of digits only ("3", not "3.9", "2abc" or "-1"), at most 9 digits.
bool parse_whole_number(const std::string& text, int& out);

// What a link to another site may hold: no white space, no quote, no
// angle bracket, nothing below U+0020 (RFC 3986 leaves them out; EPUB
// checkers refuse them). Characters beyond ASCII are allowed (IRIs).
bool is_url_text(std::string_view url);

// "20mm", "36pt", "2em" (of em_pt), "1.5cm", "0.5in" to points, 0 to 5000 of
// the unit. Returns false, leaving out alone, for anything else.
bool parse_length(const std::string& text, double em_pt, double& out);

// A named trim size (trim_size_mm: A4, A5, 16开, ...) or WxHmm with each side
// 50-2000 mm ("148x210mm"), to millimetres.
bool parse_trim_size(const std::string& size, double& width_mm, double& height_mm);

}  // namespace huozi::model
