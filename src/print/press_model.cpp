#include "print/press_model.h"

#include <algorithm>
#include <cmath>

namespace huozi::print {
namespace {

// CIE L*a*b*'s cube root, linear near black (CIE 15:2004, 8.2.1).
constexpr double kEpsilon = 216.0 / 24389.0;
constexpr double kKappa = 24389.0 / 27.0;

double lab_f(double t) { return t > kEpsilon ? std::cbrt(t) : (kKappa * t + 16) / 116; }
double lab_f_derivative(double t) {
  if (t > kEpsilon) {
    double c = std::cbrt(t);
    return 1 / (3 * c * c);
  }
  return kKappa / 116;
}
double lab_f_inverse(double f) { return f > 6.0 / 29 ? f * f * f : (116 * f - 16) / kKappa; }

// L*a*b* of tristimulus values already divided by the white's.
Lab lab_of_ratios(double x, double y, double z) {
  double fx = lab_f(x), fy = lab_f(y), fz = lab_f(z);
  return {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
}

// The aims. Coated: ISO 12647-2:2004 (with Amd 1:2007) paper types 1 and 2,
// white backing, the values FOGRA39 was printed to; FOGRA's characterisation
// data (FOGRA39L.ti3 in Debian's icc-profiles-free) has them as its solid
// patches. Tone value increase curves A (CMY, 13 % at 50 %) and B (K, 16 %).
// The overprint floor (1.1 % of the paper's reflectance) puts C+M+Y+K 400 % at
// L* 9, near the FOGRA39 data's 8.7 (patch 1286); without it the product model
// prints that patch at L* 1.
const PrintingCondition kCoatedOffset{
    PressCondition::CoatedOffset,
    "huozi coated offset (ISO 12647-2 PT1/2 model, TAC 300 %)",
    "Sheet-fed offset on coated paper: huozi's model of ISO 12647-2:2004 paper types 1/2 "
    "(aims as for FOGRA39, not the FOGRA39 characterisation), TAC 300 %, max K 95 %",
    {95, 0, -2},
    {{{95, 0, -2},     // paper
      {55, -37, -50},  // C
      {48, 74, -3},    // M
      {24, 22, -46},   // C+M (blue)
      {89, -5, 93},    // Y
      {50, -65, 27},   // C+Y (green)
      {47, 68, 48},    // M+Y (red)
      {23, 0, 0}}},    // C+M+Y
    {16, 0, 0},
    0.5,
    {0.13, 0.13, 0.13, 0.16},
    0.011,
    3.0,
    0.95};

// Newsprint: approximately the aims of ISO 12647-3 (coldset offset on
// standard newsprint), rounded; tone value increase about 26 % at 40 % on all
// four plates. Not checked against characterisation data (none is free).
// There is no published aim for overprints with K: the floor, twice the
// coated one, is an assumption, which puts the darkest 240 % black at L* 18.
const PrintingCondition kNewsprint{
    PressCondition::Newsprint,
    "huozi newsprint (ISO 12647-3 coldset model, TAC 240 %)",
    "Coldset offset on newsprint: huozi's model of approximately the ISO 12647-3 aims "
    "(not the IFRA26 characterisation), TAC 240 %, max K 95 %",
    {82, 0, 3},
    {{{82, 0, 3},      // paper
      {57, -23, -27},  // C
      {54, 44, -1},    // M
      {41, 7, -22},    // C+M (blue)
      {78, -3, 58},    // Y
      {53, -34, 17},   // C+Y (green)
      {52, 41, 25},    // M+Y (red)
      {38, 0, 2}}},    // C+M+Y
    {31, 1, 1},
    0.4,
    {0.26, 0.26, 0.26, 0.26},
    0.02,
    2.4,
    0.95};

// The steepest a tone value increase curve may fall at the solid (slope of
// the gain; the printed tone's slope there is 1 minus this).
constexpr double kMaxGainSlope = 0.9;

Xyz ratio(const Xyz& p, const Xyz& q) { return {p.x / q.x, p.y / q.y, p.z / q.z}; }

// Stacking K on a primary: reflectances multiply, but approach the floor.
double with_black(double primary, double black, double floor) {
  return floor + (primary - floor) * (black - floor) / (1 - floor);
}

}  // namespace

Lab xyz_to_lab(const Xyz& xyz) { return lab_of_ratios(xyz.x / kD50.x, xyz.y / kD50.y, xyz.z / kD50.z); }

Xyz lab_to_xyz(const Lab& lab) {
  double fy = (lab.l + 16) / 116;
  return {kD50.x * lab_f_inverse(fy + lab.a / 500), kD50.y * lab_f_inverse(fy),
          kD50.z * lab_f_inverse(fy - lab.b / 200)};
}

double delta_e(const Lab& p, const Lab& q) { return std::hypot(p.l - q.l, p.a - q.a, p.b - q.b); }

const PrintingCondition& printing_condition(PressCondition id) {
  return id == PressCondition::Newsprint ? kNewsprint : kCoatedOffset;
}

PressModel::PressModel(const PrintingCondition& condition) : condition_(condition) {
  paper_ = lab_to_xyz(condition.paper);
  Xyz black = ratio(lab_to_xyz(condition.black), paper_);
  double f = condition.overprint_floor;
  for (int mask = 0; mask < 8; ++mask) {
    Xyz p = ratio(lab_to_xyz(condition.solids[mask]), paper_);
    primaries_[mask] = p;
    primaries_[mask | 8] = mask == 0 ? black
                                     : Xyz{with_black(p.x, black.x, f), with_black(p.y, black.y, f),
                                           with_black(p.z, black.z, f)};
  }
  // The gain curve a (1 - a) (α + β a), through tvi at the reference tone r.
  for (int i = 0; i < 4; ++i) {
    double r = condition.tvi_tone, q = condition.tvi[i] / (r * (1 - r));
    double beta = q <= kMaxGainSlope ? 0 : (kMaxGainSlope - q) / (1 - r);
    tvi_shape_[i] = {q - r * beta, beta};
  }
  black_point_ = solve({0, 0, 0}, condition.max_black, {0.9, 0.8, 0.8, condition.max_black});
}

// Tone value increase as a parabola through the specified point, zero at 0
// and 1 (ISO 12647's gain curves are near-symmetric about 50 %). Where the
// parabola would turn back before the solid, so a darker tone printed lighter
// (its slope at 1 is -α: newsprint's 26 % at 40 % gives α = 1.08), a cubic
// term skews it towards the highlights just enough to keep the slope there
// at 1 - kMaxGainSlope.
double PressModel::printed_tone(int ink, double tone) const {
  auto [alpha, beta] = tvi_shape_[ink];
  return tone + tone * (1 - tone) * (alpha + beta * tone);
}

double PressModel::printed_tone_slope(int ink, double tone) const {
  auto [alpha, beta] = tvi_shape_[ink];
  return 1 + (1 - 2 * tone) * (alpha + beta * tone) + beta * tone * (1 - tone);
}

PressModel::Jacobian PressModel::relative_lab_with_derivatives(const Ink& ink) const {
  std::array<double, 4> p, dp;
  for (int i = 0; i < 4; ++i) {
    double a = std::clamp(ink[i], 0.0, 1.0);
    p[i] = printed_tone(i, a);
    dp[i] = printed_tone_slope(i, a);
  }
  // Demichel: each primary weighs the product, over the inks, of the printed
  // area (ink present) or its complement (absent). Tone value increase is
  // defined by the Murray–Davies formula, linear in reflectance, so the mix is
  // linear too (Yule–Nielsen n = 1).
  Xyz r;
  std::array<Xyz, 4> dr{};
  for (int mask = 0; mask < 16; ++mask) {
    double factor[4];
    for (int i = 0; i < 4; ++i) factor[i] = (mask >> i) & 1 ? p[i] : 1 - p[i];
    const Xyz& q = primaries_[mask];
    double w = factor[0] * factor[1] * factor[2] * factor[3];
    r = {r.x + w * q.x, r.y + w * q.y, r.z + w * q.z};
    for (int j = 0; j < 4; ++j) {
      double wj = (mask >> j) & 1 ? 1 : -1;
      for (int i = 0; i < 4; ++i)
        if (i != j) wj *= factor[i];
      dr[j] = {dr[j].x + wj * q.x, dr[j].y + wj * q.y, dr[j].z + wj * q.z};
    }
  }
  Jacobian out;
  out.lab = lab_of_ratios(r.x, r.y, r.z);
  double gx = lab_f_derivative(r.x), gy = lab_f_derivative(r.y), gz = lab_f_derivative(r.z);
  for (int j = 0; j < 4; ++j) {
    double x = gx * dr[j].x * dp[j], y = gy * dr[j].y * dp[j], z = gz * dr[j].z * dp[j];
    out.d[j] = {116 * y, 500 * (x - y), 200 * (y - z)};
  }
  return out;
}

Lab PressModel::relative_lab(const Ink& ink) const { return relative_lab_with_derivatives(ink).lab; }

Lab PressModel::absolute_from_relative(const Lab& relative) const {
  Xyz r = lab_to_xyz(relative);
  return xyz_to_lab({r.x / kD50.x * paper_.x, r.y / kD50.y * paper_.y, r.z / kD50.z * paper_.z});
}

Lab PressModel::absolute_lab(const Ink& ink) const { return absolute_from_relative(relative_lab(ink)); }

}  // namespace huozi::print
