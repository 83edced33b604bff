// Separation, the way back from a colour to the four inks (PressModel::
// separate): a damped Gauss–Newton (Levenberg–Marquardt) least-squares solve
// in L*a*b* within the ink limits (0..1, K up to max_black, C+M+Y+K up to the
// TAC), held by a small active-set method. Four inks for three coordinates
// leave one degree of freedom; lightly weighted extra residuals choose it:
// the grey component replacement rule's K, and "ink comfort". In gamut the
// colour is met exactly; out of gamut the nearest printable colour wins.
#include <algorithm>
#include <cmath>

#include "print/press_model.h"

namespace huozi::print {
namespace {

// Medium GCR: no K in the lightest quarter of the range from paper to the
// black point (light greys print smoother in C+M+Y), then a smooth ramp to
// the black point's K, so dark neutrals print mostly on the black plate.
constexpr double kGcrStart = 0.25;
// Colourful tones keep their C+M+Y: the K aim halves at this chroma.
constexpr double kGcrHalfChroma = 45;
// The K rule's residual weight against ΔE*ab: a K 0.1 off the rule costs as
// much as ΔE 0.05, so it only decides between inks that print the same colour.
constexpr double kBlackWeight = 0.5;
// Ink comfort: a growing cost as C, M or Y passes 60 % or the total comes
// within 30 % of the TAC. Like the K rule it only chooses among inks that
// print the same colour: more K, before C, M or Y has to run into its limit.
// Without it the separation bends sharply where an ink reaches its limit,
// and the profile's interpolated table misses there by ΔE 2-3; starting
// early and gently spreads the bend over several grid cells.
constexpr double kComfortStart = 0.6;
constexpr double kTacComfortMargin = 0.3;
constexpr double kComfortWeight = 0.3;
constexpr int kMaxIterations = 100;
constexpr int kMaxDampingTries = 12;
// Inks below this after the solve are its rounding, far below a 16-bit step.
constexpr double kTrace = 1e-6;

double sq(double v) { return v * v; }
double sum(const Ink& x) { return x[0] + x[1] + x[2] + x[3]; }

struct Limits {
  double tac, max_black;
  double upper(int i) const { return i == kBlack ? max_black : 1.0; }
};

double clamp_ink(double v, int i, const Limits& limits) { return std::clamp(v, 0.0, limits.upper(i)); }

// The nearest ink (Euclidean) within the box and under the TAC (for the
// starting point): clamp, and if
// the sum is over, lower every ink by the same amount τ (found by bisection),
// which is what the projection onto box ∩ {sum <= tac} is.
Ink project(const Ink& x, const Limits& limits) {
  Ink out;
  for (int i = 0; i < 4; ++i) out[i] = clamp_ink(x[i], i, limits);
  if (sum(out) <= limits.tac) return out;
  double lo = 0, hi = 1;
  for (int n = 0; n < 60; ++n) {
    double tau = (lo + hi) / 2;
    double s = 0;
    for (int i = 0; i < 4; ++i) s += clamp_ink(x[i] - tau, i, limits);
    (s > limits.tac ? lo : hi) = tau;
  }
  for (int i = 0; i < 4; ++i) out[i] = clamp_ink(x[i] - hi, i, limits);
  return out;
}

// Solves a x = b for n <= 5 by Gaussian elimination with partial pivoting.
bool solve_linear(int n, double a[5][5], double b[5]) {
  for (int col = 0; col < n; ++col) {
    int pivot = col;
    for (int row = col + 1; row < n; ++row)
      if (std::abs(a[row][col]) > std::abs(a[pivot][col])) pivot = row;
    if (std::abs(a[pivot][col]) < 1e-300) return false;
    std::swap(a[pivot], a[col]);
    std::swap(b[pivot], b[col]);
    for (int row = col + 1; row < n; ++row) {
      double factor = a[row][col] / a[col][col];
      for (int k = col; k < n; ++k) a[row][k] -= factor * a[col][k];
      b[row] -= factor * b[col];
    }
  }
  for (int row = n - 1; row >= 0; --row) {
    for (int k = row + 1; k < n; ++k) b[row] -= a[row][k] * b[k];
    b[row] /= a[row][row];
  }
  return true;
}

// Where the current ink sits against its limits.
struct Bounds {
  bool lower[4], upper[4];  // at 0, at its maximum
  bool tac;                 // C+M+Y+K at the TAC
};

// The damped Gauss–Newton step with a working set of limits held where they
// are: minimises g·δ + ½ δ·(H + μ diag)·δ over the inks not in `fixed`, with
// Σδ = 0 if `keep_sum` (a Lagrange multiplier ν in a fifth row). A[][] gets the
// damped matrix, for the multipliers of the held limits.
bool equality_step(const double h[4][4], const double g[4], double mu, const bool fixed[4], bool keep_sum,
                   double damped[4][4], Ink& step, double& nu) {
  for (int r = 0; r < 4; ++r)
    for (int c = 0; c < 4; ++c) damped[r][c] = h[r][c] + (r == c ? mu * (h[r][r] + 1e-6) : 0);
  int index[4], n = 0;
  for (int i = 0; i < 4; ++i)
    if (!fixed[i]) index[n++] = i;
  step = {0, 0, 0, 0};
  nu = 0;
  if (n == 0) return true;
  double a[5][5] = {}, b[5] = {};
  for (int r = 0; r < n; ++r) {
    for (int c = 0; c < n; ++c) a[r][c] = damped[index[r]][index[c]];
    b[r] = -g[index[r]];
  }
  if (keep_sum)
    for (int r = 0; r < n; ++r) a[r][n] = a[n][r] = 1;
  if (!solve_linear(keep_sum ? n + 1 : n, a, b)) return false;
  for (int r = 0; r < n; ++r) step[index[r]] = b[r];
  if (keep_sum) nu = b[n];
  return true;
}

// One step of the solve: a small active-set method on the damped quadratic
// model. It starts by holding every limit the ink sits at, then lets go,
// one at a time, of any limit the model would rather move away from (its
// multiplier has the wrong sign), so the ink slides along the TAC and the
// K maximum instead of bouncing off them.
bool damped_step(const double h[4][4], const double g[4], double mu, const Bounds& at, Ink& step) {
  bool fixed[4];
  for (int i = 0; i < 4; ++i) fixed[i] = at.lower[i] || at.upper[i];
  bool keep_sum = at.tac;
  for (int round = 0; round < 6; ++round) {
    double damped[4][4], nu;
    bool all_fixed = std::all_of(fixed, fixed + 4, [](bool f) { return f; });
    if (all_fixed) keep_sum = false;  // the bounds already pin the sum
    if (!equality_step(h, g, mu, fixed, keep_sum, damped, step, nu)) return false;
    // The most violated multiplier: > 0 means the model wants that limit gone.
    double worst = 1e-12;
    int release = -1;
    if (keep_sum && -nu > worst) worst = -nu, release = 4;
    for (int i = 0; i < 4; ++i) {
      if (!fixed[i]) continue;
      double gradient = g[i] + nu;
      for (int j = 0; j < 4; ++j) gradient += damped[i][j] * step[j];
      double pull = at.lower[i] ? -gradient : gradient;
      if (pull > worst) worst = pull, release = i;
    }
    if (release < 0) return true;
    if (release == 4)
      keep_sum = false;
    else
      fixed[release] = false;
  }
  return true;
}

// Moves from x along the step as far as the limits let it (all the way, or
// to the first limit in its path, which it then sits on exactly: the next
// step holds it). Returns whether a limit stopped it.
bool advance(Ink& x, const Ink& step, const Limits& limits) {
  double alpha = 1;
  int blocking = -1;  // the ink whose bound stops the step, or 4 for the TAC
  for (int i = 0; i < 4; ++i) {
    double room = step[i] < 0 ? x[i] : limits.upper(i) - x[i];
    if (step[i] != 0 && std::max(room, 0.0) / std::abs(step[i]) < alpha)
      alpha = std::max(room, 0.0) / std::abs(step[i]), blocking = i;
  }
  // A step along the TAC (Σ step = 0 but for rounding) is not stopped by it.
  double rise = sum(step), room = std::max(limits.tac - sum(x), 0.0);
  if (rise > 1e-12 && room / rise < alpha) alpha = room / rise, blocking = 4;
  for (int i = 0; i < 4; ++i) x[i] = clamp_ink(x[i] + alpha * step[i], i, limits);
  if (blocking >= 0 && blocking < 4) x[blocking] = step[blocking] < 0 ? 0 : limits.upper(blocking);
  if (blocking == 4 || sum(x) > limits.tac) {
    // Onto the TAC exactly, through the ink with the most room.
    int most = 0;
    for (int i = 1; i < 4; ++i)
      if (limits.upper(i) - x[i] > limits.upper(most) - x[most]) most = i;
    x[most] = clamp_ink(x[most] + limits.tac - sum(x), most, limits);
  }
  return blocking >= 0;
}

// What the solve minimises, as residuals and their derivatives by ink:
// ΔL*, Δa*, Δb*; the K rule; ink comfort for C, M, Y and the total.
struct Residuals {
  static constexpr int kRows = 8;
  double r[kRows] = {};
  double d[kRows][4] = {};
  double cost() const {
    double c = 0;
    for (double v : r) c += v * v;
    return c;
  }
};

Residuals residuals(const PressModel::Jacobian& j, const Ink& x, const Lab& target, double black,
                    const Limits& limits) {
  Residuals out;
  out.r[0] = j.lab.l - target.l;
  out.r[1] = j.lab.a - target.a;
  out.r[2] = j.lab.b - target.b;
  for (int c = 0; c < 4; ++c) {
    out.d[0][c] = j.d[c].l;
    out.d[1][c] = j.d[c].a;
    out.d[2][c] = j.d[c].b;
  }
  out.r[3] = kBlackWeight * (x[kBlack] - black);
  out.d[3][kBlack] = kBlackWeight;
  // Quadratic in the excess (quartic in the cost), so the separation bends
  // gently, not at a corner, where comfort starts to count.
  auto comfort = [&](int row, double excess, double span, const bool inks[4]) {
    if (excess <= 0) return;
    double u = excess / span;
    out.r[row] = kComfortWeight * u * u;
    for (int c = 0; c < 4; ++c)
      if (inks[c]) out.d[row][c] = kComfortWeight * 2 * u / span;
  };
  for (int i = 0; i < 3; ++i) {
    bool only[4] = {i == 0, i == 1, i == 2, false};
    comfort(4 + i, x[i] - kComfortStart, 1 - kComfortStart, only);
  }
  const bool all[4] = {true, true, true, true};
  comfort(7, sum(x) - (limits.tac - kTacComfortMargin), kTacComfortMargin, all);
  return out;
}

}  // namespace

double PressModel::preferred_black(const Lab& relative) const {
  double grey = std::clamp((100 - relative.l) / (100 - black_point_.reached.l), 0.0, 1.0);
  double u = std::clamp((grey - kGcrStart) / (1 - kGcrStart), 0.0, 1.0);
  double neutral = 1 / (1 + sq(std::hypot(relative.a, relative.b) / kGcrHalfChroma));
  return black_point_.ink[kBlack] * u * u * (3 - 2 * u) * neutral;
}

Separation PressModel::separate(const Lab& relative) const {
  double black = preferred_black(relative);
  // A densitometric first guess: each chromatic ink takes the share of the
  // density it absorbs most (C red, M green, Y blue) left over by the K.
  Xyz r = lab_to_xyz(relative);
  double k = printed_tone(kBlack, black);
  const Xyz& solid_k = primaries_[8];
  double left[3] = {r.x / kD50.x / (1 - k + k * solid_k.x), r.y / kD50.y / (1 - k + k * solid_k.y),
                    r.z / kD50.z / (1 - k + k * solid_k.z)};
  double solid[3] = {primaries_[1].x, primaries_[2].y, primaries_[4].z};
  Ink start{0, 0, 0, black};
  for (int i = 0; i < 3; ++i)
    start[i] = std::clamp(std::log(std::max(left[i], 1e-4)) / std::log(solid[i]), 0.0, 1.0);

  Separation best = solve(relative, black, start);
  bool traces = false;
  for (double& v : best.ink)
    if (v > 0 && v < kTrace) v = 0, traces = true;
  if (traces) best = {best.ink, relative_lab(best.ink), delta_e(relative, relative_lab(best.ink))};
  // No ink at all is always a candidate, so paper white (and anything
  // lighter) prints nothing rather than a trace.
  Lab paper{100, 0, 0};
  const Limits limits{condition_.tac, condition_.max_black};
  auto cost = [&](const Ink& ink) {
    return residuals(relative_lab_with_derivatives(ink), ink, relative, black, limits).cost();
  };
  if (cost({0, 0, 0, 0}) <= cost(best.ink)) return {{0, 0, 0, 0}, paper, delta_e(relative, paper)};
  return best;
}

Separation PressModel::solve(const Lab& target, double black, Ink x) const {
  const Limits limits{condition_.tac, condition_.max_black};
  x = project(x, limits);
  Jacobian j = relative_lab_with_derivatives(x);
  Residuals res = residuals(j, x, target, black, limits);
  double f = res.cost();
  double mu = 1e-3;
  for (int iteration = 0; iteration < kMaxIterations && f > 1e-14; ++iteration) {
    // The Gauss–Newton gradient and matrix.
    double g[4] = {}, h[4][4] = {};
    for (int r = 0; r < Residuals::kRows; ++r)
      for (int c = 0; c < 4; ++c) {
        g[c] += res.d[r][c] * res.r[r];
        for (int c2 = 0; c2 < 4; ++c2) h[c][c2] += res.d[r][c] * res.d[r][c2];
      }
    Bounds at;
    for (int i = 0; i < 4; ++i) {
      at.lower[i] = x[i] <= 0;
      at.upper[i] = x[i] >= limits.upper(i);
    }
    at.tac = sum(x) >= limits.tac - 1e-12;

    bool accepted = false, blocked = false;
    double moved = 0;
    for (int attempt = 0; attempt < kMaxDampingTries && !accepted; ++attempt, mu *= 10) {
      Ink step;
      if (!damped_step(h, g, mu, at, step)) continue;
      Ink candidate = x;
      blocked = advance(candidate, step, limits);
      Jacobian jc = relative_lab_with_derivatives(candidate);
      Residuals rc = residuals(jc, candidate, target, black, limits);
      if (rc.cost() < f) {
        for (int i = 0; i < 4; ++i) moved = std::max(moved, std::abs(candidate[i] - x[i]));
        x = candidate;
        j = jc;
        res = rc;
        f = rc.cost();
        mu = std::max(mu * 0.03, 1e-9);  // undoes this attempt's *= 10, and relaxes
        accepted = true;
      }
    }
    if (!accepted || (moved < 1e-9 && !blocked)) break;
  }
  return {x, j.lab, delta_e(j.lab, target)};
}

}  // namespace huozi::print
