#include "pdf/page_content.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace huozi::pdf {
namespace {

using layout::Color;
using layout::Orientation;

constexpr double kBezierCircle = 0.5522847498;  // control point distance of a quarter circle, radius 1

// The text's characters, one a glyph, when it has as many ASCII digits as
// there are glyphs (a 縦中横 number); else none.
std::vector<std::string> one_per_glyph(std::string_view text, size_t glyphs) {
  if (text.size() != glyphs) return {};
  std::vector<std::string> out;
  for (char c : text) {
    if (c < '0' || c > '9') return {};
    out.emplace_back(1, c);
  }
  return out;
}

bool same(const Color& a, const Color& b) { return a.r == b.r && a.g == b.g && a.b == b.b; }

class ContentWriter {
 public:
  ContentWriter(double page_height, std::vector<std::unique_ptr<EmbeddedFont>>& fonts, PageContent& out)
      : height_(page_height), fonts_(fonts), out_(out), ops_(out.operators) {}

  bool failed() const { return failed_; }

  void draw(const layout::TextRun& run) {
    if (run.glyphs.empty() || run.font >= fonts_.size()) return;
    EmbeddedFont& font = *fonts_[run.font];
    if (!font.open()) {
      failed_ = true;
      return;
    }
    fill(run.color);
    if (run.outlined) return draw_outlined(run, font);
    bool upright = run.orientation == Orientation::Upright;
    std::vector<uint16_t>& shown = upright ? out_.vertical_fonts : out_.fonts;
    if (std::find(shown.begin(), shown.end(), run.font) == shown.end()) shown.push_back(run.font);
    ops_ += std::string("BT\n/") + (upright ? 'V' : 'F') + std::to_string(run.font) + " ";
    append_number(ops_, run.size);
    ops_ += " Tf\n";
    TextState text{font, run.size, run.orientation};
    size_t byte = 0, glyph = 0;
    for (const auto& [bytes, glyph_count] : run.clusters) {
      std::string_view cluster_text = std::string_view(run.text).substr(std::min(byte, run.text.size()),
                                                                       static_cast<size_t>(std::max(bytes, 0)));
      size_t end = std::min(run.glyphs.size(), glyph + static_cast<size_t>(std::max(glyph_count, 0)));
      show_cluster(text, run, glyph, end, cluster_text);
      byte += static_cast<size_t>(std::max(bytes, 0));
      glyph = end;
    }
    // Glyphs past the cluster map (none in a well-made run) still show.
    if (glyph < run.glyphs.size()) show_cluster(text, run, glyph, run.glyphs.size(), {});
    close_array(text);
    ops_ += "ET\n";
  }

  void draw(const layout::Rule& rule) {
    stroke(rule.color);
    bool patterned = rule.dashed || rule.dotted;
    if (patterned) ops_ += "q\n";
    line_width(rule.width);
    if (rule.dashed) ops_ += "[3 2] 0 d\n";
    if (rule.dotted) ops_ += "[0 3] 0 d 1 J\n";
    point(rule.x0, rule.y0), ops_ += "m ";
    point(rule.x1, rule.y1), ops_ += "l S\n";
    if (patterned) ops_ += "Q\n", forget_graphics_state();
  }

  void draw(const layout::Dot& dot) {
    fill(dot.color);
    double r = dot.radius, k = r * kBezierCircle, x = dot.x, y = dot.y;
    point(x + r, y), ops_ += "m ";
    curve(x + r, y + k, x + k, y + r, x, y + r);
    curve(x - k, y + r, x - r, y + k, x - r, y);
    curve(x - r, y - k, x - k, y - r, x, y - r);
    curve(x + k, y - r, x + r, y - k, x + r, y);
    ops_ += "f\n";
  }

  void draw(const layout::Box& box) {
    const layout::Rect& r = box.rect;
    if (box.filled) {
      fill(box.fill);
      rectangle(r), ops_ += "f\n";
    }
    if (box.stroke <= 0) return;
    stroke(box.stroke_color);
    line_width(box.stroke);
    if (box.dashed) {
      // From the top-left corner clockwise: the dashes meet the corners the
      // same way on all four sides of an FPO frame.
      ops_ += "[4 3] 0 d\n";
      point(r.x, r.y), ops_ += "m ", point(r.x + r.width, r.y), ops_ += "l ";
      point(r.x + r.width, r.y + r.height), ops_ += "l ", point(r.x, r.y + r.height), ops_ += "l h S\n";
    } else {
      rectangle(r), ops_ += "S\n";
    }
    if (box.dashed) ops_ += "[] 0 d\n";
    if (box.diagonals) {
      line_width(box.stroke * 0.6);
      point(r.x, r.y), ops_ += "m ", point(r.x + r.width, r.y + r.height), ops_ += "l ";
      point(r.x + r.width, r.y), ops_ += "m ", point(r.x, r.y + r.height), ops_ += "l S\n";
    }
  }

  void draw(const layout::Image& image) {
    size_t k = std::find(out_.images.begin(), out_.images.end(), image.path) - out_.images.begin();
    if (k == out_.images.size()) out_.images.push_back(image.path);
    const layout::Rect& r = image.rect;
    // Clipped to its frame, so that its edges fall on the frame's whatever the scaling.
    ops_ += "q ";
    rectangle(r), ops_ += "W n ";
    append_number(ops_, r.width), ops_ += " 0 0 ", append_number(ops_, r.height), ops_ += ' ';
    point(r.x, r.y + r.height);
    ops_ += "cm /Im" + std::to_string(k) + " Do Q\n";
  }

 private:
  // Where the text matrix stands inside one BT … ET, in the run's own terms:
  // `line` across the reading direction (a new one needs a new Tm), `along`
  // it (TJ numbers and glyph advances move it).
  struct TextState {
    EmbeddedFont& font;
    double size;
    Orientation orientation;
    bool positioned = false;  // pen_line, pen_along hold the text position
    bool array_open = false;  // inside [ … ] of a TJ
    double pen_line = 0, pen_along = 0;
  };
  struct Place {
    double line, along;
  };

  void show_cluster(TextState& t, const layout::TextRun& run, size_t from, size_t to, std::string_view text) {
    if (from >= to) return;  // text without a glyph (none in shaped text) has nothing to carry it
    // An added hyphen says its soft hyphen through ActualText, so that the
    // glyph's ToUnicode entry stays free for the source's own hyphens.
    bool mapped = to - from == 1 && !text.empty() && text != layout::kSoftHyphen && t.font.show(run.glyphs[from].id, text);
    if (mapped) return show_glyph(t, run.glyphs[from]);
    // The glyphs say their text through an ActualText span (§14.9.4).
    close_array(t);
    ops_ += "/Span << /ActualText <FEFF" + utf16be_hex(text) + "> >> BDC\n";
    // A 縦中横 number's digits each show their own digit, for the readers
    // that go by ToUnicode alone (MuPDF); pdftotext reads the span whole.
    const std::vector<std::string> digits =
        run.orientation == layout::Orientation::Upright ? one_per_glyph(text, to - from) : std::vector<std::string>{};
    for (size_t g = from; g < to; ++g) {
      if (digits.empty() || !t.font.show(run.glyphs[g].id, digits[g - from])) t.font.use(run.glyphs[g].id);
      show_glyph(t, run.glyphs[g]);
    }
    close_array(t);
    ops_ += "EMC\n";
  }

  // Each glyph goes where layout put it: after the first of a line, by the
  // difference between its place and the pen after the previous glyph (TJ).
  void show_glyph(TextState& t, const layout::PlacedGlyph& g) {
    Place p = place(t, g);
    if (!t.positioned || std::abs(p.line - t.pen_line) > 0.0005) {
      close_array(t);
      t.pen_line = p.line;
      t.pen_along = std::round(p.along * 1000) / 1000;
      t.positioned = true;
      set_text_matrix(t);
    } else {
      move_pen(t, p.along);
    }
    if (!t.array_open) ops_ += '[', t.array_open = true;
    static const char digits[] = "0123456789ABCDEF";
    uint32_t c = t.font.code(g.id);
    char hex[6] = {'<', digits[(c >> 12) & 0xF], digits[(c >> 8) & 0xF], digits[(c >> 4) & 0xF], digits[c & 0xF], '>'};
    ops_.append(hex, 6);
    // A vertical font advances 1 em down whatever the glyph (its /W2).
    t.pen_along += t.orientation == Orientation::Upright ? t.size : t.font.width(g.id) * t.size / 1000;
  }

  // The text position that puts glyph g where layout placed it. Horizontal:
  // (baseline in PDF space, x). Sideways: (x, distance down the page).
  // Upright: (x, distance down) of the glyph's vertical origin, which the
  // vertical font puts below its horizontal origin (font_embedding.h).
  Place place(const TextState& t, const layout::PlacedGlyph& g) {
    auto round = [](double v) { return std::round(v * 1000) / 1000; };
    switch (t.orientation) {
      case Orientation::Sideways:
        return {round(g.x), g.y};
      case Orientation::Upright:
        return {round(g.x), g.y + kVerticalOriginBelow * t.size / 1000};
      case Orientation::Horizontal:
        break;
    }
    return {round(height_ - g.y), g.x};
  }

  void set_text_matrix(const TextState& t) {
    double line = t.pen_line, along = t.pen_along;
    switch (t.orientation) {
      case Orientation::Horizontal:
        ops_ += "1 0 0 1 ", append_number(ops_, along), ops_ += ' ', append_number(ops_, line);
        break;
      case Orientation::Upright:
        ops_ += "1 0 0 1 ", append_number(ops_, line), ops_ += ' ', append_number(ops_, height_ - along);
        break;
      case Orientation::Sideways:  // text space turned 90° clockwise: its x runs down the page
        ops_ += "0 -1 1 0 ", append_number(ops_, line), ops_ += ' ', append_number(ops_, height_ - along);
        break;
    }
    ops_ += " Tm\n";
  }

  // A TJ number n moves the pen n/1000 em against text space's x in a
  // horizontal font (back along a horizontal or a sideways run), and against
  // its y in a vertical font: on down the column (§9.4.3).
  void move_pen(TextState& t, double along) {
    double forward = t.orientation == Orientation::Upright ? 1 : -1;
    double adjust = std::round(forward * (along - t.pen_along) * 1000 / t.size * 100) / 100;
    if (adjust == 0) return;
    if (!t.array_open) ops_ += '[', t.array_open = true;
    append_number(ops_, adjust, 2);
    t.pen_along += forward * adjust * t.size / 1000;
  }

  void close_array(TextState& t) {
    if (t.array_open) ops_ += "] TJ\n";
    t.array_open = false;
  }

  // Marks that are not text (an FPO label): filled glyph outlines, a sideways
  // run's turned 90° clockwise about each glyph's origin.
  void draw_outlined(const layout::TextRun& run, EmbeddedFont& font) {
    std::string scale = number(run.size / font.units_per_em(), 6);
    std::string matrix = run.orientation == Orientation::Sideways ? "0 -" + scale + " " + scale + " 0 "
                                                                  : scale + " 0 0 " + scale + " ";
    for (const layout::PlacedGlyph& g : run.glyphs) {
      std::string path = font.outline(g.id);
      if (path.empty()) continue;
      ops_ += "q " + matrix;
      point(g.x, g.y);
      ops_ += "cm\n" + path + "f Q\n";
    }
  }

  void point(double x, double y) {
    append_number(ops_, x), ops_ += ' ', append_number(ops_, height_ - y), ops_ += ' ';
  }
  void curve(double x1, double y1, double x2, double y2, double x, double y) {
    point(x1, y1), point(x2, y2), point(x, y), ops_ += "c ";
  }
  void rectangle(const layout::Rect& r) {
    point(r.x, r.y + r.height);
    append_number(ops_, r.width), ops_ += ' ', append_number(ops_, r.height), ops_ += " re ";
  }
  void colour(const Color& c) {
    append_number(ops_, c.r), ops_ += ' ', append_number(ops_, c.g), ops_ += ' ', append_number(ops_, c.b);
  }
  void fill(const Color& c) {
    if (fill_ && same(*fill_, c)) return;
    colour(c), ops_ += " rg\n";
    fill_ = c;
  }
  void stroke(const Color& c) {
    if (stroke_ && same(*stroke_, c)) return;
    colour(c), ops_ += " RG\n";
    stroke_ = c;
  }
  void line_width(double w) {
    if (line_width_ && *line_width_ == w) return;
    append_number(ops_, w), ops_ += " w\n";
    line_width_ = w;
  }
  // After Q the state is the page's default again.
  void forget_graphics_state() { fill_.reset(), stroke_.reset(), line_width_.reset(); }

  double height_;
  std::vector<std::unique_ptr<EmbeddedFont>>& fonts_;
  PageContent& out_;
  std::string& ops_;
  bool failed_ = false;
  std::optional<Color> fill_, stroke_;
  std::optional<double> line_width_;
};

}  // namespace

bool make_page_content(const layout::PageFrame& page, std::vector<std::unique_ptr<EmbeddedFont>>& fonts,
                       PageContent& content) {
  ContentWriter writer(page.height, fonts, content);
  for (const layout::PageItem& item : page.items) std::visit([&](const auto& i) { writer.draw(i); }, item);
  return !writer.failed();
}

}  // namespace huozi::pdf
