// A printing press as arithmetic, from published aims only: how much larger a
// printed dot is than the film's (tone value increase), what colour
// overlapping inks make (a Neugebauer mix of the sixteen solid overprints), and
// the way back from a colour to the four inks (a separation with grey component
// replacement under a total ink limit). Pure math, no LittleCMS: the profile
// generator (press_profile/make_press_profiles.cpp) samples it into ICC tables.
//
// Colours are CIE L*a*b* or XYZ under D50, 2° observer. "Absolute" values are
// what an instrument measures on the print; "relative" values are scaled per
// XYZ channel so that the paper is the D50 white (L* 100), as ICC v2 tables are.
#pragma once

#include <array>

#include "print/press_profiles.h"

namespace huozi::print {

struct Xyz {
  double x = 0, y = 0, z = 0;
};
struct Lab {
  double l = 0, a = 0, b = 0;
};
// Ink amounts C, M, Y, K as nominal tone values (the file's numbers), 0..1.
using Ink = std::array<double, 4>;
enum InkIndex { kCyan, kMagenta, kYellow, kBlack };

inline constexpr Xyz kD50{0.9642, 1.0, 0.8249};  // the ICC PCS white
Lab xyz_to_lab(const Xyz& xyz);                  // relative to kD50
Xyz lab_to_xyz(const Lab& lab);
double delta_e(const Lab& p, const Lab& q);  // CIE 1976 ΔE*ab

// A printing condition as published: aims for paper and solids (absolute,
// D50/2°), tone value increase, and how separations may ink it.
struct PrintingCondition {
  PressCondition id;
  const char* description;  // ICC profileDescription and the OutputIntent's Info
  const char* condition;    // the OutputIntent's OutputCondition: what this model is
  Lab paper;
  // The chromatic solids and their overprints, by ink mask (C 1, M 2, Y 4):
  // [0] is the paper, [7] is C+M+Y.
  std::array<Lab, 8> solids;
  Lab black;  // the K solid
  // Tone value increase per ink at the tone value `tvi_tone` where the
  // standard specifies it (Murray–Davies, as the standards define it).
  double tvi_tone;
  std::array<double, 4> tvi;
  // Overprints with K are modelled as the product of the two reflectances, but
  // stacked ink films never get darker than their surface reflection: a
  // reflectance floor, as a fraction of the paper's, that products approach.
  double overprint_floor;
  double tac;        // total area coverage limit (3.0 = 300 %)
  double max_black;  // the most K a separation uses
};

const PrintingCondition& printing_condition(PressCondition id);

// The result of separating one colour.
struct Separation {
  Ink ink{};
  Lab reached;       // what the ink prints (relative)
  double error = 0;  // ΔE*ab from the requested colour: 0 in gamut
};

class PressModel {
 public:
  explicit PressModel(const PrintingCondition& condition);

  const PrintingCondition& condition() const { return condition_; }
  Xyz paper_xyz() const { return paper_; }  // absolute: the ICC mediaWhitePoint

  // The printed tone value (dot area) for a nominal one, after tone value
  // increase, and its derivative.
  double printed_tone(int ink, double tone) const;
  double printed_tone_slope(int ink, double tone) const;

  Lab absolute_lab(const Ink& ink) const;
  Lab relative_lab(const Ink& ink) const;
  Lab absolute_from_relative(const Lab& relative) const;

  // The ink for a relative colour, within max_black and the TAC limit: the
  // colour exactly if the press prints it, with K near the grey component
  // replacement rule's and C, M, Y kept off their limits where the colour
  // allows; otherwise the ink of the nearest printable colour (least squares
  // in L*a*b*). Paper white gives no ink at all. Deterministic.
  Separation separate(const Lab& relative) const;

  // The darkest colour the condition prints under its ink limits (relative).
  const Separation& black_point() const { return black_point_; }

  // The K the separation aims at for a colour (the GCR rule).
  double preferred_black(const Lab& relative) const;

  // Relative L*a*b* and its derivatives by each ink's nominal tone value.
  struct Jacobian {
    Lab lab;
    std::array<Lab, 4> d;
  };
  Jacobian relative_lab_with_derivatives(const Ink& ink) const;

 private:
  Separation solve(const Lab& target, double black, Ink start) const;

  const PrintingCondition& condition_;
  Xyz paper_;
  // The sixteen Neugebauer primaries as reflectances relative to the paper, per
  // XYZ channel, by ink mask (C 1, M 2, Y 4, K 8).
  std::array<Xyz, 16> primaries_;
  struct GainCurve {
    double alpha, beta;  // gain = a (1 - a) (alpha + beta a)
  };
  std::array<GainCurve, 4> tvi_shape_;
  Separation black_point_;
};

}  // namespace huozi::print
