// Numbers as the print stage writes them into content streams: at most three
// decimals (a thousandth of a point, a tenth of a percent of ink), no
// trailing zeros, never "-0".
#pragma once

#include <cstdio>
#include <string>

namespace huozi::print {

inline std::string operand(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

}  // namespace huozi::print
