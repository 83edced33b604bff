#include "raster/painter.h"

#include <cmath>
#include <fstream>
#include <map>
#include <vector>

#include "raster/handles.h"
#include "raster/jpeg_image.h"

namespace huozi::raster {
namespace {

// A picture that cannot be decoded (the model checked it: a file changed since) stands as a grey box with
// diagonals.
constexpr double kPlaceholderGrey = 0.8;

void set_colour(cairo_t* cr, const layout::Color& c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

// By the file's signature, whatever its name: PNG (Cairo decodes it), JPEG (libjpeg), or neither.
enum class Picture { Png, Jpeg, Other };

Picture picture_format(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char magic[8] = {};
  in.read(magic, sizeof magic);
  if (!in) return Picture::Other;
  if (std::string(magic, 8) == "\x89PNG\r\n\x1a\n") return Picture::Png;
  if (std::string(magic, 3) == "\xFF\xD8\xFF") return Picture::Jpeg;
  return Picture::Other;
}

class Painter {
 public:
  Painter(cairo_t* cr, FontFaces& fonts) : cr_(cr), fonts_(fonts) {}
  const std::string& error() const { return error_; }

  void draw(const layout::TextRun& run) {
    if (run.glyphs.empty()) return;
    cairo_font_face_t* face = fonts_.face(run.font);
    if (!face) {
      if (error_.empty()) error_ = fonts_.error();
      return;
    }
    // Outlined runs (an FPO label) are glyph outlines in the PDF: the same pixels as text here.
    std::vector<cairo_glyph_t> glyphs;
    glyphs.reserve(run.glyphs.size());
    for (const layout::PlacedGlyph& g : run.glyphs) glyphs.push_back({g.id, g.x, g.y});
    cairo_set_font_face(cr_, face);
    set_font_matrix(run);
    set_colour(cr_, run.color);
    cairo_show_glyphs(cr_, glyphs.data(), static_cast<int>(glyphs.size()));
  }

  void draw(const layout::Rule& rule) {
    cairo_save(cr_);
    set_colour(cr_, rule.color);
    cairo_set_line_width(cr_, rule.width);
    if (rule.dashed) {
      const double dash[] = {3, 2};
      cairo_set_dash(cr_, dash, 2, 0);
    }
    if (rule.dotted) {
      const double dash[] = {0, 3};
      cairo_set_dash(cr_, dash, 2, 0);
      cairo_set_line_cap(cr_, CAIRO_LINE_CAP_ROUND);
    }
    cairo_move_to(cr_, rule.x0, rule.y0);
    cairo_line_to(cr_, rule.x1, rule.y1);
    cairo_stroke(cr_);
    cairo_restore(cr_);
  }

  void draw(const layout::Dot& dot) {
    set_colour(cr_, dot.color);
    cairo_new_path(cr_);
    cairo_arc(cr_, dot.x, dot.y, dot.radius, 0, 2 * M_PI);
    cairo_fill(cr_);
  }

  void draw(const layout::Box& box) {
    const layout::Rect& r = box.rect;
    if (box.filled) {
      set_colour(cr_, box.fill);
      cairo_rectangle(cr_, r.x, r.y, r.width, r.height);
      cairo_fill(cr_);
    }
    if (box.stroke <= 0) return;
    cairo_save(cr_);
    set_colour(cr_, box.stroke_color);
    cairo_set_line_width(cr_, box.stroke);
    if (box.dashed) {
      // From the top-left corner clockwise, as the PDF draws an FPO frame.
      const double dash[] = {4, 3};
      cairo_set_dash(cr_, dash, 2, 0);
      cairo_move_to(cr_, r.x, r.y);
      cairo_line_to(cr_, r.x + r.width, r.y);
      cairo_line_to(cr_, r.x + r.width, r.y + r.height);
      cairo_line_to(cr_, r.x, r.y + r.height);
      cairo_close_path(cr_);
    } else {
      cairo_rectangle(cr_, r.x, r.y, r.width, r.height);
    }
    cairo_stroke(cr_);
    cairo_set_dash(cr_, nullptr, 0, 0);
    if (box.diagonals) diagonals(r, box.stroke * 0.6);
    cairo_restore(cr_);
  }

  void draw(const layout::Image& image) {
    const layout::Rect& r = image.rect;
    cairo_surface_t* picture = load(image.path);
    if (!picture) return placeholder(r);
    double w = cairo_image_surface_get_width(picture), h = cairo_image_surface_get_height(picture);
    if (w <= 0 || h <= 0 || r.width <= 0 || r.height <= 0) return;
    // Clipped to its frame and stretched to fill it, as the PDF does.
    cairo_save(cr_);
    cairo_rectangle(cr_, r.x, r.y, r.width, r.height);
    cairo_clip(cr_);
    cairo_translate(cr_, r.x, r.y);
    cairo_scale(cr_, r.width / w, r.height / h);
    cairo_set_source_surface(cr_, picture, 0, 0);
    cairo_pattern_set_extend(cairo_get_source(cr_), CAIRO_EXTEND_PAD);
    cairo_paint(cr_);
    cairo_restore(cr_);
  }

 private:
  // Upright glyphs (vertical writing) stand as horizontal ones do at their
  // origins; a sideways run's glyphs turn 90° clockwise about theirs (y grows
  // downwards: a positive angle), as the PDF turns its text matrix.
  void set_font_matrix(const layout::TextRun& run) {
    cairo_matrix_t matrix;
    cairo_matrix_init_scale(&matrix, run.size, run.size);
    if (run.orientation == layout::Orientation::Sideways) cairo_matrix_rotate(&matrix, M_PI / 2);
    cairo_set_font_matrix(cr_, &matrix);
  }

  void diagonals(const layout::Rect& r, double width) {
    cairo_set_line_width(cr_, width);
    cairo_move_to(cr_, r.x, r.y);
    cairo_line_to(cr_, r.x + r.width, r.y + r.height);
    cairo_move_to(cr_, r.x + r.width, r.y);
    cairo_line_to(cr_, r.x, r.y + r.height);
    cairo_stroke(cr_);
  }

  void placeholder(const layout::Rect& r) {
    cairo_save(cr_);
    set_colour(cr_, layout::Color::gray(kPlaceholderGrey));
    cairo_rectangle(cr_, r.x, r.y, r.width, r.height);
    cairo_fill(cr_);
    set_colour(cr_, layout::Color::gray(0.5));
    diagonals(r, 0.3);
    cairo_restore(cr_);
  }

  // The picture at path as a Cairo surface, once per page; null when Cairo cannot decode it.
  cairo_surface_t* load(const std::string& path) {
    auto [it, added] = pictures_.try_emplace(path);
    if (!added) return it->second.get();
    Picture format = picture_format(path);
    if (format == Picture::Png) {
      CairoSurface surface(cairo_image_surface_create_from_png(path.c_str()));
      if (cairo_surface_status(surface.get()) == CAIRO_STATUS_SUCCESS) it->second = std::move(surface);
    } else if (format == Picture::Jpeg) {
      it->second = load_jpeg(path);
    }
    return it->second.get();
  }

  cairo_t* cr_;
  FontFaces& fonts_;
  std::map<std::string, CairoSurface> pictures_;
  std::string error_;
};

}  // namespace

std::string paint_page(cairo_t* cr, const layout::PageFrame& page, FontFaces& fonts) {
  Painter painter(cr, fonts);
  for (const layout::PageItem& item : page.items) std::visit([&](const auto& i) { painter.draw(i); }, item);
  if (!painter.error().empty()) return painter.error();
  if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) return cairo_status_to_string(cairo_status(cr));
  return {};
}

}  // namespace huozi::raster
