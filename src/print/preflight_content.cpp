// Walks content streams (a page's, and the forms it draws) with the graphics
// state a printer keeps: the matrix, colours for fill and stroke, line width,
// overprint, the text state, and the path being built. Each thing painted goes
// to the ink checks (preflight_ink.cpp) with its colour, place and size.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <qpdf/QPDFPageObjectHelper.hh>

#include "print/preflight_check.h"

namespace huozi::print::preflight_detail {
namespace {

// What q saves and Q restores (ISO 32000-1, 8.4), as far as the checks read it.
struct GraphicsState {
  Matrix ctm;
  Colour fill, stroke;
  double line_width = 1;
  bool overprint_fill = false, overprint_stroke = false;  // op, OP
  int overprint_mode = 0;                                 // OPM
  double font_size = 0, horizontal_scale = 1, leading = 0;
  int render_mode = 0;  // Tr
};

// BI /W 10 /H 10 /CS /G … ID: the operands as an image dictionary with the
// full key and colour space names.
Handle inline_image_dict(const std::vector<Handle>& operands) {
  static const std::map<std::string, std::string> keys{{"/W", "/Width"},
                                                       {"/H", "/Height"},
                                                       {"/CS", "/ColorSpace"},
                                                       {"/IM", "/ImageMask"},
                                                       {"/BPC", "/BitsPerComponent"},
                                                       {"/D", "/Decode"}};
  static const std::map<std::string, std::string> spaces{
      {"/G", "/DeviceGray"}, {"/RGB", "/DeviceRGB"}, {"/CMYK", "/DeviceCMYK"}};
  Handle dict = Handle::newDictionary();
  for (size_t i = 0; i + 1 < operands.size(); i += 2) {
    Handle key = operands[i], value = operands[i + 1];
    if (!key.isName()) continue;
    auto k = keys.find(key.getName());
    if (value.isName()) {
      auto v = spaces.find(value.getName());
      if (v != spaces.end()) value = Handle::newName(v->second);
    }
    dict.replaceKey(k == keys.end() ? key.getName() : k->second, value);
  }
  return dict;
}

class ContentWalker : public Handle::ParserCallbacks {
 public:
  ContentWalker(Checker& checker, Handle resources, const GraphicsState& state, int depth,
                const ContentWalker* outer = nullptr, QPDFObjGen form = {})
      : checker_(checker),
        resources_(resources),
        gs_(state),
        base_ctm_(state.ctm),
        depth_(depth),
        outer_(outer),
        form_(form) {}
  void handleObject(Handle object) override;
  void handleEOF() override {}

 private:
  bool draws(QPDFObjGen form) const;  // is this form being drawn by this walker or one it is inside?
  bool over_budget();
  void operate(const std::string& op);
  bool state_operator(const std::string& op);
  bool colour_operator(const std::string& op);
  bool path_operator(const std::string& op);
  bool text_operator(const std::string& op);
  void set_device_colour(bool stroke, const char* space, const std::string& op);
  void set_values(bool stroke);
  void apply_ext_gstate(const std::string& name);
  void paint_path(bool fill, bool stroke);
  void move_text(double tx, double ty);
  void show_text();
  void draw_xobject(const std::string& name);
  void draw_form(Handle form, const std::string& name);
  Handle resource(const char* category, const std::string& name);
  double number(size_t i) const;  // operand i, 0 unless a number
  Painted painting(Paint paint, bool stroke) const;

  Checker& checker_;
  Handle resources_;
  GraphicsState gs_;
  Matrix base_ctm_;  // the page's or form's own space: where its patterns start
  int depth_;
  const ContentWalker* outer_;  // the walker whose stream draws this form
  QPDFObjGen form_;             // the form this walker reads (none for a page)
  std::vector<GraphicsState> stack_;
  std::vector<Handle> operands_;
  Extent path_;      // the path being built, in page space
  Matrix tm_, tlm_;  // text matrix and text line matrix
};

void ContentWalker::handleObject(Handle object) {
  if (!checker_.skipped.empty()) return terminateParsing();
  if (!object.isOperator()) {
    // Operators take a few operands; a stream of operands alone is not kept.
    if (operands_.size() == kMaxOperands)
      operands_.erase(operands_.begin(), operands_.begin() + kMaxOperands / 2);
    operands_.push_back(object);
    return;
  }
  if (over_budget()) return terminateParsing();
  operate(object.getOperatorValue());
  operands_.clear();
}

bool ContentWalker::over_budget() {
  if (++checker_.operators <= kMaxOperators && ++checker_.page_operators <= kMaxPageOperators) return false;
  checker_.over_budget(checker_.operators > kMaxOperators
                           ? "more than " + std::to_string(kMaxOperators) + " content operators in the file"
                           : "more than " + std::to_string(kMaxPageOperators) +
                                 " content operators on the page");
  return true;
}

void ContentWalker::operate(const std::string& op) {
  if (state_operator(op) || colour_operator(op) || path_operator(op) || text_operator(op)) return;
  if (op == "Do" && !operands_.empty() && operands_.back().isName()) {
    draw_xobject(operands_.back().getName());
  } else if (op == "ID") {
    checker_.image(inline_image_dict(operands_), "(inline)", gs_.ctm, resources_,
                   painting(Paint::Mask, false));
  } else if (op == "sh" && !operands_.empty() && operands_.back().isName()) {
    checker_.shading(resource("/Shading", operands_.back().getName()), resources_, gs_.ctm, {});
  }
}

bool ContentWalker::state_operator(const std::string& op) {
  if (op == "q") {
    if (stack_.size() < kMaxSaveDepth) stack_.push_back(gs_);
  } else if (op == "Q") {
    if (!stack_.empty()) gs_ = std::move(stack_.back()), stack_.pop_back();
  } else if (op == "cm") {
    gs_.ctm = then(matrix_of(operands_), gs_.ctm);
  } else if (op == "w") {
    gs_.line_width = number(0);
  } else if (op == "gs") {
    if (!operands_.empty() && operands_.back().isName()) apply_ext_gstate(operands_.back().getName());
  } else {
    return false;
  }
  return true;
}

// An ExtGState's line width, overprint and font (ISO 32000-1, 8.4.5).
void ContentWalker::apply_ext_gstate(const std::string& name) {
  Handle state = resource("/ExtGState", name);
  if (!state.isDictionary()) return;
  if (at(state, "/LW").isNumber()) gs_.line_width = at(state, "/LW").getNumericValue();
  if (at(state, "/OP").isBool()) {
    gs_.overprint_stroke = at(state, "/OP").getBoolValue();
    if (!at(state, "/op").isBool()) gs_.overprint_fill = gs_.overprint_stroke;
  }
  if (at(state, "/op").isBool()) gs_.overprint_fill = at(state, "/op").getBoolValue();
  if (at(state, "/OPM").isInteger()) gs_.overprint_mode = at(state, "/OPM").getIntValueAsInt();
  if (item(at(state, "/Font"), 1).isNumber()) gs_.font_size = item(at(state, "/Font"), 1).getNumericValue();
  checker_.ext_gstate(state, name);
}

bool ContentWalker::colour_operator(const std::string& op) {
  bool stroke = !op.empty() && std::isupper(static_cast<unsigned char>(op[0]));
  if (op == "g" || op == "G") {
    set_device_colour(stroke, "/DeviceGray", op);
  } else if (op == "rg" || op == "RG") {
    set_device_colour(stroke, "/DeviceRGB", op);
  } else if (op == "k" || op == "K") {
    set_device_colour(stroke, "/DeviceCMYK", op);
  } else if ((op == "cs" || op == "CS") && !operands_.empty()) {
    Handle space = operands_.back();
    std::string what = "colour space " + (space.isName() ? space.getName() : std::string("?"));
    Colour& colour = stroke ? gs_.stroke : gs_.fill;
    colour = initial_colour(checker_.use_space(space, resources_, checker_.page(), what));
  } else if (op == "sc" || op == "scn" || op == "SC" || op == "SCN") {
    set_values(stroke);
  } else {
    return false;
  }
  return true;
}

void ContentWalker::set_device_colour(bool stroke, const char* space, const std::string& op) {
  Colour& colour = stroke ? gs_.stroke : gs_.fill;
  colour.space =
      checker_.use_space(Handle::newName(space), resources_, checker_.page(), "colour set by " + op);
  colour.pattern.clear();
  set_values(stroke);
}

// sc, scn and the device operators: the numbers, and a pattern's name last.
void ContentWalker::set_values(bool stroke) {
  Colour& colour = stroke ? gs_.stroke : gs_.fill;
  colour.values.clear();
  for (Handle h : operands_)
    if (h.isNumber() && colour.values.size() < 32) colour.values.push_back(h.getNumericValue());
  if (!operands_.empty() && operands_.back().isName()) colour.pattern = operands_.back().getName();
}

bool ContentWalker::path_operator(const std::string& op) {
  auto point = [&](size_t i) { path_.add(apply(gs_.ctm, {number(i), number(i + 1)})); };
  if (op == "m" || op == "l") {
    point(0);
  } else if (op == "c") {
    point(0), point(2), point(4);
  } else if (op == "v" || op == "y") {
    point(0), point(2);
  } else if (op == "re") {
    double x = number(0), y = number(1), w = number(2), h = number(3);
    for (Point p : {Point{x, y}, Point{x + w, y}, Point{x, y + h}, Point{x + w, y + h}})
      path_.add(apply(gs_.ctm, p));
  } else if (op == "S" || op == "s") {
    paint_path(false, true);
  } else if (op == "f" || op == "F" || op == "f*") {
    paint_path(true, false);
  } else if (op == "B" || op == "B*" || op == "b" || op == "b*") {
    paint_path(true, true);
  } else if (op == "n") {
    path_ = {};
  } else {
    return op == "h" || op == "W" || op == "W*";
  }
  return true;
}

void ContentWalker::paint_path(bool fill, bool stroke) {
  if (fill) {
    Painted p = painting(Paint::Fill, false);
    checker_.painted(p);
    // A shading pattern's colours (a tiling pattern's content is not walked).
    Handle pattern = gs_.fill.space->family == Family::Pattern && !gs_.fill.pattern.empty()
                         ? resource("/Pattern", gs_.fill.pattern)
                         : Handle::newNull();
    if (at(pattern, "/PatternType").isInteger() && at(pattern, "/PatternType").getIntValueAsInt() == 2) {
      Handle m = at(pattern, "/Matrix");
      Matrix matrix = m.isArray() ? matrix_of(m.getArrayAsVector()) : Matrix{};
      checker_.shading(at(pattern, "/Shading"), resources_, then(matrix, base_ctm_), path_);
    }
  }
  if (stroke) {
    Painted p = painting(Paint::Stroke, true);
    p.width = std::max(0.0, gs_.line_width) * smallest_scale(gs_.ctm);
    checker_.painted(p);
  }
  path_ = {};
}

Painted ContentWalker::painting(Paint paint, bool stroke) const {
  Painted p;
  p.paint = paint;
  p.colour = stroke ? &gs_.stroke : &gs_.fill;
  p.extent = path_;
  p.at = path_.empty ? apply(gs_.ctm, {0, 0}) : path_.corner();
  p.overprint = stroke ? gs_.overprint_stroke : gs_.overprint_fill;
  p.overprint_mode = gs_.overprint_mode;
  return p;
}

bool ContentWalker::text_operator(const std::string& op) {
  if (op == "BT") {
    tm_ = tlm_ = {};
  } else if (op == "Tf") {
    gs_.font_size = number(1);
  } else if (op == "Tz") {
    gs_.horizontal_scale = number(0) / 100;
  } else if (op == "TL") {
    gs_.leading = number(0);
  } else if (op == "Tr") {
    gs_.render_mode = static_cast<int>(number(0));
  } else if (op == "Td") {
    move_text(number(0), number(1));
  } else if (op == "TD") {
    gs_.leading = -number(1);
    move_text(number(0), number(1));
  } else if (op == "Tm") {
    tm_ = tlm_ = matrix_of(operands_);
  } else if (op == "T*") {
    move_text(0, -gs_.leading);
  } else if (op == "Tj" || op == "TJ") {
    show_text();
  } else if (op == "'" || op == "\"") {
    move_text(0, -gs_.leading);
    show_text();
  } else {
    return op == "ET";
  }
  return true;
}

void ContentWalker::move_text(double tx, double ty) {
  tlm_ = then({1, 0, 0, 1, tx, ty}, tlm_);
  tm_ = tlm_;
}

// A text run, placed at its first glyph's origin (glyph widths are not
// followed: a run's later glyphs are at its start, as far as places go).
void ContentWalker::show_text() {
  int mode = gs_.render_mode;
  if (mode == 3 || mode == 7) return;  // invisible, or a clip only
  Matrix m = then(tm_, gs_.ctm);
  // Tf size × text matrix × CTM, squeezed by Tz: the smaller of height and width.
  double size = std::abs(gs_.font_size) * smallest_scale(then({gs_.horizontal_scale, 0, 0, 1, 0, 0}, m));
  if (size <= 0) return;
  for (bool stroke : {false, true}) {
    bool used = stroke ? mode == 1 || mode == 2 || mode == 5 || mode == 6
                       : mode == 0 || mode == 2 || mode == 4 || mode == 6;
    if (!used) continue;
    Painted p = painting(Paint::Text, stroke);
    p.extent = {};
    p.at = apply(m, {0, 0});
    p.text_size = size;
    checker_.painted(p);
  }
}

void ContentWalker::draw_xobject(const std::string& name) {
  Handle x = resource("/XObject", name);
  if (!x.isStream()) return;
  if (is_name(at(x, "/Subtype"), "/Image"))
    checker_.image(x, name, gs_.ctm, resources_, painting(Paint::Mask, false));
  else if (is_name(at(x, "/Subtype"), "/Form"))
    draw_form(x, name);
}

void ContentWalker::draw_form(Handle x, const std::string& name) {
  if (depth_ >= kMaxFormDepth || draws(x.getObjGen())) {
    checker_.add(Level::Failure,
                 depth_ >= kMaxFormDepth
                     ? "form XObjects nested deeper than " + std::to_string(kMaxFormDepth) +
                           " levels: the innermost not checked"
                     : "form XObject " + name + " draws itself: not followed",
                 checker_.page());
    return;
  }
  Handle dict = x.getDict();
  Handle form_resources = at(dict, "/Resources").isDictionary() ? at(dict, "/Resources") : resources_;
  Matrix m = at(dict, "/Matrix").isArray() ? matrix_of(at(dict, "/Matrix").getArrayAsVector()) : Matrix{};
  checker_.walk_resources_fonts(form_resources, checker_.page());
  Handle group = at(dict, "/Group");
  if (is_name(at(group, "/S"), "/Transparency")) {
    if (checker_.x1a) checker_.transparency("transparency group of form " + name);
    if (at(group, "/CS").isName() || at(group, "/CS").isArray())
      checker_.use_space(at(group, "/CS"), form_resources, checker_.page(),
                         "transparency group of form " + name);
  }
  if (++checker_.page_form_calls > kMaxPageFormCalls) {
    checker_.over_budget("more than " + std::to_string(kMaxPageFormCalls) +
                         " form XObjects drawn on the page");
    return terminateParsing();
  }
  try {
    checker_.check_content_size(x);
  } catch (const OverBudget& e) {
    checker_.over_budget(e.what());
    return terminateParsing();
  }
  GraphicsState inner_state = gs_;
  inner_state.ctm = then(m, gs_.ctm);
  ContentWalker inner(checker_, form_resources, inner_state, depth_ + 1, this, x.getObjGen());
  x.parseAsContents(&inner);
}

bool ContentWalker::draws(QPDFObjGen form) const {
  for (const ContentWalker* w = this; w; w = w->outer_)
    if (w->depth_ > 0 && w->form_ == form) return true;
  return false;
}

Handle ContentWalker::resource(const char* category, const std::string& name) {
  Handle dict = resources_.isDictionary() ? at(resources_, category) : Handle::newNull();
  return dict.isDictionary() ? at(dict, name) : Handle::newNull();
}

double ContentWalker::number(size_t i) const { return i < operands_.size() ? number_or(operands_[i], 0) : 0; }

}  // namespace

Matrix then(const Matrix& m, const Matrix& n) {
  return {m.a * n.a + m.b * n.c, m.a * n.b + m.b * n.d,       m.c * n.a + m.d * n.c,
          m.c * n.b + m.d * n.d, m.e * n.a + m.f * n.c + n.e, m.e * n.b + m.f * n.d + n.f};
}

Matrix matrix_of(const std::vector<Handle>& v) {
  if (v.size() != 6) return {};
  for (const Handle& h : v)
    if (!const_cast<Handle&>(h).isNumber()) return {};
  auto n = [&](size_t i) { return const_cast<Handle&>(v[i]).getNumericValue(); };
  return {n(0), n(1), n(2), n(3), n(4), n(5)};
}

Point apply(const Matrix& m, Point p) { return {m.a * p.x + m.c * p.y + m.e, m.b * p.x + m.d * p.y + m.f}; }

double smallest_scale(const Matrix& m) {
  double s = m.a * m.a + m.b * m.b + m.c * m.c + m.d * m.d, det = m.a * m.d - m.b * m.c;
  return std::sqrt(std::max(0.0, (s - std::sqrt(std::max(0.0, s * s - 4 * det * det))) / 2));
}

std::string place_at(const PageFrame& frame, Point p) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "at %.1f, %.1f mm", (p.x - frame.trim.x0) / kPtPerMm,
                (p.y - frame.trim.y0) / kPtPerMm);
  return buf;
}

void Extent::add(Point p) {
  if (!std::isfinite(p.x) || !std::isfinite(p.y)) return;
  if (empty) {
    x0 = x1 = p.x, y0 = y1 = p.y, empty = false;
    return;
  }
  x0 = std::min(x0, p.x), x1 = std::max(x1, p.x), y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
}

bool Extent::meets(const Box& box) const {
  return !empty && x1 >= box.x0 && x0 <= box.x1 && y1 >= box.y0 && y0 <= box.y1;
}

void walk_page(Checker& checker, QPDFPageObjectHelper page, Handle resources) {
  ContentWalker walker(checker, resources, GraphicsState{}, 0);
  page.parseContents(&walker);
}

}  // namespace huozi::print::preflight_detail
