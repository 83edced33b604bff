// Lower-case roman numerals, as front matter is numbered (i, ii, iii, iv …).
#pragma once

#include <string>

namespace huozi::roman {

// 1 -> "i", 4 -> "iv", 1999 -> "mcmxcix"; "" for n < 1.
std::string numeral(int n);

// The value of a lower-case numeral written as numeral() writes it; 0 for anything else.
int value(const std::string& s);

}  // namespace huozi::roman
