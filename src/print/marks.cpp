#include "print/marks.h"

#include "print/operands.h"

namespace huozi::print {
namespace {

// Where marks start, outwards from the trim.
double mark_start(const SheetGeometry& g) { return g.bleed_width + kMarkGap; }

void line(std::string& out, const MarkLine& l) {
  out += operand(l.x0) + " " + operand(l.y0) + " m " + operand(l.x1) + " " + operand(l.y1) + " l S\n";
}

// A circle as four Bézier arcs (kappa = 0.5523).
void circle(std::string& out, Point c, double r) {
  double k = 0.5523 * r;
  out += operand(c.x + r) + " " + operand(c.y) + " m\n";
  out += operand(c.x + r) + " " + operand(c.y + k) + " " + operand(c.x + k) + " " + operand(c.y + r) + " " + operand(c.x) + " " +
         operand(c.y + r) + " c\n";
  out += operand(c.x - k) + " " + operand(c.y + r) + " " + operand(c.x - r) + " " + operand(c.y + k) + " " + operand(c.x - r) +
         " " + operand(c.y) + " c\n";
  out += operand(c.x - r) + " " + operand(c.y - k) + " " + operand(c.x - k) + " " + operand(c.y - r) + " " + operand(c.x) + " " +
         operand(c.y - r) + " c\n";
  out += operand(c.x + k) + " " + operand(c.y - r) + " " + operand(c.x + r) + " " + operand(c.y - k) + " " + operand(c.x + r) +
         " " + operand(c.y) + " c\n";
}

}  // namespace

std::vector<MarkLine> crop_marks(const SheetGeometry& g) {
  const Box& t = g.trim;
  double a = mark_start(g), b = a + kMarkLength;
  return {
      // Horizontal marks on the trim's top and bottom lines, left and right of the sheet.
      {t.x0 - b, t.y0, t.x0 - a, t.y0},
      {t.x1 + a, t.y0, t.x1 + b, t.y0},
      {t.x0 - b, t.y1, t.x0 - a, t.y1},
      {t.x1 + a, t.y1, t.x1 + b, t.y1},
      // Vertical marks on the trim's left and right lines, below and above.
      {t.x0, t.y0 - b, t.x0, t.y0 - a},
      {t.x1, t.y0 - b, t.x1, t.y0 - a},
      {t.x0, t.y1 + a, t.x0, t.y1 + b},
      {t.x1, t.y1 + a, t.x1, t.y1 + b},
  };
}

std::vector<MarkLine> bleed_marks(const SheetGeometry& g) {
  const Box& e = g.bleed;
  double a = mark_start(g), b = a + kMarkLength / 2;
  double w = g.bleed_width;  // marks start as far from the bleed edge as crop marks do from the trim's
  a -= w, b -= w;
  return {
      {e.x0 - b, e.y0, e.x0 - a, e.y0}, {e.x1 + a, e.y0, e.x1 + b, e.y0}, {e.x0 - b, e.y1, e.x0 - a, e.y1},
      {e.x1 + a, e.y1, e.x1 + b, e.y1}, {e.x0, e.y0 - b, e.x0, e.y0 - a}, {e.x1, e.y0 - b, e.x1, e.y0 - a},
      {e.x0, e.y1 + a, e.x0, e.y1 + b}, {e.x1, e.y1 + a, e.x1, e.y1 + b},
  };
}

std::vector<MarkLine> fold_marks(const SheetGeometry& g, const MarkOptions& options) {
  std::vector<MarkLine> out;
  const Box& t = g.trim;
  double a = mark_start(g), b = a + kMarkLength;
  for (double f : options.folds) {
    double x = t.x0 + f;
    out.push_back({x, t.y0 - b, x, t.y0 - a, true});
    out.push_back({x, t.y1 + a, x, t.y1 + b, true});
  }
  return out;
}

std::vector<Point> registration_centres(const SheetGeometry& g, const MarkOptions& options) {
  const Box& t = g.trim;
  double d = mark_start(g) + kMarkLength / 2;
  double cy = (t.y0 + t.y1) / 2;
  std::vector<double> xs{(t.x0 + t.x1) / 2};
  if (!options.folds.empty())
    xs = {t.x0 + options.folds.front() / 2, (t.x0 + options.folds.back() + t.x1) / 2};
  std::vector<Point> out{{t.x0 - d, cy}, {t.x1 + d, cy}};
  for (double x : xs) out.insert(out.end(), {{x, t.y0 - d}, {x, t.y1 + d}});
  return out;
}

std::string marks_content(const SheetGeometry& g, const MarkOptions& options) {
  std::string out =
      "q\n" + std::string(kRegistrationName) + " CS 1 SCN " + operand(kMarkWidth) + " w 0 J [] 0 d\n";
  for (const MarkLine& l : crop_marks(g)) line(out, l);
  for (const MarkLine& l : bleed_marks(g)) line(out, l);
  for (const MarkLine& l : fold_marks(g, options)) {
    out += "[2 1] 0 d\n";
    line(out, l);
    out += "[] 0 d\n";
  }
  double r = kRegistrationRadius, arm = r + mm(1);
  for (Point c : registration_centres(g, options)) {
    circle(out, c, r);
    out += "S\n";
    circle(out, c, r / 2);
    out += "f\n";  // a filled centre: the target shows on every plate
    line(out, {c.x - arm, c.y, c.x + arm, c.y});
    line(out, {c.x, c.y - arm, c.x, c.y + arm});
  }
  return out + "Q\n";
}

}  // namespace huozi::print
