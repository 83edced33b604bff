// Walks content streams (a page's, and the forms and tiling patterns it draws)
// with the graphics state a printer keeps: the matrix, colours for fill and
// stroke, line width, overprint, the text state, and the path being built.
// Each thing painted goes to the ink checks (preflight_ink.cpp) with its
// colour, place and size.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <optional>
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

// The matrix of a /Matrix entry: identity unless six numbers.
Matrix matrix_entry(Handle dict) {
  Handle m = at(dict, "/Matrix");
  return m.isArray() && m.getArrayNItems() == 6 ? matrix_of(m.getArrayAsVector()) : Matrix{};
}

// While a tiling pattern's cells are walked, what they paint is placed on
// the page area the pattern fills (the outermost pattern's, when they nest).
class PatternArea {
 public:
  PatternArea(std::optional<Extent>& slot, const Extent& area) : slot_(slot), saved_(slot) {
    if (!slot_) slot_ = area;
  }
  ~PatternArea() { slot_ = saved_; }

 private:
  std::optional<Extent>& slot_;
  std::optional<Extent> saved_;
};

class ContentWalker : public Handle::ParserCallbacks {
 public:
  ContentWalker(Checker& checker, Handle resources, const GraphicsState& state, int depth,
                const ContentWalker* outer = nullptr, QPDFObjGen form = {}, bool fixed_colours = false)
      : checker_(checker),
        resources_(resources),
        gs_(state),
        base_ctm_(state.ctm),
        depth_(depth),
        outer_(outer),
        form_(form),
        fixed_colours_(fixed_colours) {}
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
  void paint_pattern(const Colour& colour, const Extent& area);
  void move_text(double tx, double ty);
  void show_text();
  void draw_xobject(const std::string& name);
  void draw_form(Handle form, const std::string& name);
  void draw_tiling(Handle pattern, const Colour& colour, const Matrix& space, const Extent& area);
  void walk_inner(Handle stream, const std::string& what, Handle resources, const GraphicsState& state,
                  bool fixed_colours);
  Handle resource(const char* category, const std::string& name);
  double number(size_t i) const;  // operand i, 0 unless a number
  Painted painting(Paint paint, bool stroke) const;

  Checker& checker_;
  Handle resources_;
  GraphicsState gs_;
  Matrix base_ctm_;  // the page's or form's own space: where its patterns start
  int depth_;
  const ContentWalker* outer_;  // the walker whose stream draws this form
  QPDFObjGen form_;             // the form or pattern this walker reads (none for a page)
  bool fixed_colours_;          // an uncoloured pattern's cell: colour operators are ignored
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
  static const std::set<std::string> colour_ops{"g",  "G",  "rg", "RG",  "k",  "K",
                                                "cs", "CS", "sc", "scn", "SC", "SCN"};
  if (!colour_ops.count(op)) return false;
  if (fixed_colours_) return true;  // an uncoloured pattern paints in the colour it is given
  bool stroke = std::isupper(static_cast<unsigned char>(op[0]));
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
    checker_.painted(painting(Paint::Fill, false));
    paint_pattern(gs_.fill, path_);
  }
  if (stroke) {
    Painted p = painting(Paint::Stroke, true);
    p.width = std::max(0.0, gs_.line_width) * smallest_scale(gs_.ctm);
    checker_.painted(p);
    paint_pattern(gs_.stroke, path_);
  }
  path_ = {};
}

// What a pattern colour paints over `area` (in page space): a shading
// pattern's colours, or a tiling pattern's cell content. Pattern space is the
// pattern's /Matrix on the space of the stream that names it (ISO 32000-1, 8.7.2).
void ContentWalker::paint_pattern(const Colour& colour, const Extent& area) {
  if (colour.space->family != Family::Pattern || colour.pattern.empty()) return;
  Handle pattern = resource("/Pattern", colour.pattern);
  Matrix space = then(matrix_entry(pattern), base_ctm_);
  double type = number_or(at(pattern, "/PatternType"), 0);
  if (type == 2)
    checker_.shading(at(pattern, "/Shading"), resources_, space, area);
  else if (type == 1 && pattern.isStream())
    draw_tiling(pattern, colour, space, checker_.pattern_area ? *checker_.pattern_area : area);
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
    Extent origin;
    origin.add(p.at);
    paint_pattern(stroke ? gs_.stroke : gs_.fill, origin);
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
  Handle dict = x.getDict();
  Handle form_resources = at(dict, "/Resources").isDictionary() ? at(dict, "/Resources") : resources_;
  Handle group = at(dict, "/Group");
  if (is_name(at(group, "/S"), "/Transparency")) {
    if (checker_.x1a) checker_.transparency("transparency group of form " + name);
    if (at(group, "/CS").isName() || at(group, "/CS").isArray())
      checker_.use_space(at(group, "/CS"), form_resources, checker_.page(),
                         "transparency group of form " + name, /*lasting=*/true);
  }
  GraphicsState inner_state = gs_;
  inner_state.ctm = then(matrix_entry(dict), gs_.ctm);
  walk_inner(x, "form XObject " + name, form_resources, inner_state, fixed_colours_);
}

// A tiling pattern's cell, walked like a form (ISO 32000-1, 8.7.3): from the
// initial graphics state, in pattern space, with its own resources; what it
// paints is placed on `area`, which its cells cover. An uncoloured pattern
// (PaintType 2) paints in the colour scn gave, in the pattern space's base.
// Once per page for each pattern, matrix and colour, and only for an area
// inside the bleed: its cells paint the same each time.
void ContentWalker::draw_tiling(Handle pattern, const Colour& colour, const Matrix& space,
                                const Extent& area) {
  bool uncoloured = number_or(at(pattern, "/PaintType"), 1) == 2;
  Colour paint = uncoloured && colour.space->base ? Colour{colour.space->base, colour.values, ""} : colour;
  char key[192];
  std::snprintf(key, sizeof key, "%d %d [%g %g %g %g %g %g] ", pattern.getObjectID(), pattern.getGeneration(),
                space.a, space.b, space.c, space.d, space.e, space.f);
  if (!checker_.reaches_live(area) ||
      !checker_.patterns_walked.insert(key + (uncoloured ? colour_text(paint) : "")).second)
    return;
  GraphicsState cell;
  cell.ctm = space;
  if (uncoloured) cell.fill = cell.stroke = paint;
  Handle own = at(pattern, "/Resources");
  PatternArea placed(checker_.pattern_area, area);
  walk_inner(pattern, "tiling pattern " + colour.pattern, own.isDictionary() ? own : resources_, cell,
             uncoloured);
}

// Walks a form's or a pattern's content inside this walker's, within the
// depth, loop and call limits.
void ContentWalker::walk_inner(Handle x, const std::string& what, Handle resources,
                               const GraphicsState& state, bool fixed_colours) {
  if (depth_ >= kMaxFormDepth || draws(x.getObjGen())) {
    checker_.add(Level::Failure,
                 depth_ >= kMaxFormDepth
                     ? "forms or tiling patterns nested deeper than " + std::to_string(kMaxFormDepth) +
                           " levels: the innermost not checked"
                     : what + " draws itself: not followed",
                 checker_.page());
    return;
  }
  checker_.walk_resources_fonts(resources, checker_.page());
  if (++checker_.page_form_calls > kMaxPageFormCalls) {
    checker_.over_budget("more than " + std::to_string(kMaxPageFormCalls) +
                         " form XObjects and tiling patterns drawn on the page");
    return terminateParsing();
  }
  try {
    checker_.check_content_size(x);
  } catch (const OverBudget& e) {
    checker_.over_budget(e.what());
    return terminateParsing();
  }
  ContentWalker inner(checker_, resources, state, depth_ + 1, this, x.getObjGen(), fixed_colours);
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

void walk_page(Checker& checker, QPDFPageObjectHelper page, Handle resources) {
  ContentWalker walker(checker, resources, GraphicsState{}, 0);
  page.parseContents(&walker);
}

}  // namespace huozi::print::preflight_detail
