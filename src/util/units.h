// Units: lengths are PostScript points everywhere past the source. Here are
// the constants that convert to them and the one parser of written lengths
// ("20mm", "24em"), for the source's <layout>, the command line and print.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace huozi::units {

inline constexpr double kPointsPerInch = 72.0;
inline constexpr double kMmPerInch = 25.4;
inline constexpr double kPointsPerMm = kPointsPerInch / kMmPerInch;

// v millimetres in points.
constexpr double mm(double v) { return v * kPointsPerMm; }

// "20mm", "1.5cm", "36pt", "0.5in" or "2em" (ems of em_pt) in points. A number
// with no unit is read in bare_unit ("em" for the command line's measure; empty
// refuses it). Absent when there is no number, it is not finite, or the unit is
// unknown; the range is the caller's to check.
std::optional<double> parse_length(std::string_view text, double em_pt, std::string_view bare_unit = {});

// "12.3 mm": a length in points as millimetres, to a tenth.
std::string format_mm(double pt);

}  // namespace huozi::units
