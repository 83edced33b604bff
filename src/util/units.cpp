#include "util/units.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace huozi::units {

std::optional<double> parse_length(std::string_view text, double em_pt, std::string_view bare_unit) {
  const std::string s(text);  // strtod needs the terminating NUL
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (end == s.c_str() || !std::isfinite(v)) return std::nullopt;  // also refuses "nan" and "inf"
  std::string_view unit(end);
  if (unit.empty()) unit = bare_unit;
  if (unit == "pt") return v;
  if (unit == "mm") return v * kPointsPerMm;
  if (unit == "cm") return v * 10 * kPointsPerMm;
  if (unit == "in") return v * kPointsPerInch;
  if (unit == "em") return v * em_pt;
  return std::nullopt;
}

std::string format_mm(double pt) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f mm", pt / kPointsPerMm);
  return buf;
}

}  // namespace huozi::units
