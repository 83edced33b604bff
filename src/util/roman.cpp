#include "util/roman.h"

#include <utility>

namespace huozi::roman {
namespace {

const std::pair<int, const char*> kDigits[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"},
                                               {90, "xc"},  {50, "l"},   {40, "xl"}, {10, "x"},   {9, "ix"},
                                               {5, "v"},    {4, "iv"},   {1, "i"}};

}  // namespace

std::string numeral(int n) {
  std::string out;
  for (const auto& [v, s] : kDigits)
    while (n >= v) out += s, n -= v;
  return out;
}

int value(const std::string& s) {
  int total = 0;
  size_t at = 0;
  for (const auto& [v, digit] : kDigits) {
    std::string d = digit;
    while (s.compare(at, d.size(), d) == 0) total += v, at += d.size();
  }
  // Only the canonical spelling counts ("iiii" and "vx" are not numerals).
  return at == s.size() && total > 0 && numeral(total) == s ? total : 0;
}

}  // namespace huozi::roman
