#include "layout/news_pack.h"

#include <cstddef>
#include <cstdint>
#include <limits>

namespace huozi::layout {
namespace {

constexpr double kNever = std::numeric_limits<double>::infinity();

// How a region was filled: its first module stacked on top of the rest, or
// split into a left and a right band, or its modules all in a left band and
// the right one left empty, or left empty.
struct Step {
  enum Kind : uint8_t { Unknown, Empty, Stack, Split, Narrow } kind = Unknown;
  int8_t option = 0;  // Stack: the option; Split, Narrow: the left band's columns
  int16_t air = 0;    // Stack: lines of flex taken; Split: the first module of the right band
  int8_t gap = 0;     // Stack: lines between the module and the next under it
};

// Best fills of regions (modules i..j-1 into w columns × h lines), memoised.
class Packer {
 public:
  Packer(const std::vector<ModuleChoices>& m, int columns, int lines, const PackRules& rules)
      : m_(m), n_(static_cast<int>(m.size())), c_(columns), h_(lines), rules_(rules),
        cost_(size(), kNever), step_(size()) {}

  double fill(int i, int j, int w, int h) {
    const size_t k = index(i, j, w, h);
    if (step_[k].kind != Step::Unknown) return cost_[k];
    Step best;
    double best_cost = kNever;
    if (i == j) {
      best.kind = Step::Empty;
      best_cost = h * w * rules_.empty_cost;
    } else {
      stack(i, j, w, h, best, best_cost);
      split(i, j, w, h, best, best_cost);
      narrow(i, j, w, h, best, best_cost);
      if (best.kind == Step::Unknown) best.kind = Step::Empty;  // cannot: cost stays kNever
    }
    step_[k] = best;
    cost_[k] = best_cost;
    return best_cost;
  }

  void trace(int i, int j, int w, int h, int column, int line, Packing& out) {
    if (i == j) {
      out.empty_lines += h * w;
      return;
    }
    const Step s = step_[index(i, j, w, h)];
    if (s.kind == Step::Stack) {
      const ModuleOption& o = m_[i].by_span[w][s.option];
      const int used = o.lines + s.air;
      out.modules[i] = {column, line, w, used, s.option, s.air, s.gap};
      const int rest = h - used - s.gap;
      trace(i + 1, j, w, rest, column, line + h - rest, out);
    } else if (s.kind == Step::Split) {
      trace(i, s.air, s.option, h, column, line, out);
      trace(s.air, j, w - s.option, h, column + s.option, line, out);
    } else if (s.kind == Step::Narrow) {
      trace(i, j, s.option, h, column, line, out);
      out.empty_lines += (w - s.option) * h;
    }
  }

 private:
  const std::vector<ModuleChoices>& m_;
  int n_, c_, h_;
  PackRules rules_;
  std::vector<double> cost_;
  std::vector<Step> step_;

  size_t size() const { return static_cast<size_t>(n_ + 1) * (n_ + 1) * (c_ + 1) * (h_ + 1); }
  size_t index(int i, int j, int w, int h) const {
    return ((static_cast<size_t>(i) * (n_ + 1) + j) * (c_ + 1) + w) * (h_ + 1) + h;
  }

  // Module i across the band, the rest of the band under it (after a gap).
  void stack(int i, int j, int w, int h, Step& best, double& best_cost) {
    if (w >= static_cast<int>(m_[i].by_span.size())) return;
    const auto& options = m_[i].by_span[w];
    const bool last = i + 1 == j;
    const int most_gap = last ? 0 : rules_.gap_lines + rules_.gap_flex;
    for (size_t o = 0; o < options.size(); ++o)
      for (int air = 0; air <= options[o].flex; ++air)
        for (int gap = last ? 0 : rules_.gap_lines; gap <= most_gap; ++gap) {
          const int rest = h - options[o].lines - air - gap;
          if (rest < 0 || (!last && rest < 1)) break;
          const double cost = options[o].cost + air * rules_.air_cost * w +
                              (gap - (last ? 0 : rules_.gap_lines)) * rules_.gap_cost * w + fill(i + 1, j, w, rest);
          if (cost < best_cost) {
            best_cost = cost;
            best = {Step::Stack, static_cast<int8_t>(o), static_cast<int16_t>(air), static_cast<int8_t>(gap)};
          }
        }
  }

  // Modules i..m-1 in a band of w1 columns on the left, the rest on the right.
  void split(int i, int j, int w, int h, Step& best, double& best_cost) {
    for (int w1 = 1; w1 < w; ++w1)
      for (int mid = i + 1; mid < j; ++mid) {
        const double left = fill(i, mid, w1, h);
        if (left >= best_cost) continue;
        const double cost = left + fill(mid, j, w - w1, h) + rules_.split_cost;
        if (cost < best_cost) {
          best_cost = cost;
          best = {Step::Split, static_cast<int8_t>(w1), static_cast<int16_t>(mid)};
        }
      }
  }

  // All of modules i..j-1 in a band of w1 columns on the left; the rest of the width empty.
  void narrow(int i, int j, int w, int h, Step& best, double& best_cost) {
    for (int w1 = 1; w1 < w; ++w1) {
      const double cost = fill(i, j, w1, h) + (w - w1) * h * rules_.empty_cost + rules_.split_cost;
      if (cost < best_cost) {
        best_cost = cost;
        best = {Step::Narrow, static_cast<int8_t>(w1), 0};
      }
    }
  }
};

}  // namespace

Packing pack_modules(const std::vector<ModuleChoices>& modules, int columns, int lines, const PackRules& rules) {
  Packing out;
  const int n = static_cast<int>(modules.size());
  if (n == 0 || n > kMaxPackedModules || columns < 1 || lines < 1) return out;
  if (static_cast<double>(n + 1) * (n + 1) * (columns + 1) * (lines + 1) > kMaxPackStates) return out;
  Packer packer(modules, columns, lines, rules);
  out.cost = packer.fill(0, n, columns, lines);
  if (out.cost == kNever) return out;
  out.ok = true;
  out.modules.resize(modules.size());
  packer.trace(0, n, columns, lines, 0, 0, out);
  return out;
}

}  // namespace huozi::layout
