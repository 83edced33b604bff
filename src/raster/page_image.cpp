#include "raster/page_image.h"

#include <cairo-svg.h>
#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include "raster/font_faces.h"
#include "raster/handles.h"
#include "raster/painter.h"

namespace huozi::raster {
namespace {

constexpr double kPointsPerInch = 72;
constexpr double kMaxPixels = 32767;  // a side Cairo's image surfaces take

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

int pixels(double points, double dpi) {
  return static_cast<int>(std::ceil(points * dpi / kPointsPerInch - 1e-6));
}

// Glyphs where layout put them: no hinting moves them to the pixel grid.
void unhinted(cairo_t* cr) {
  CairoFontOptions options(cairo_font_options_create());
  cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
  cairo_set_font_options(cr, options.get());
}

// Draws page onto a fresh context of surface (already scaled to points); empty or the problem.
std::string draw_page(cairo_surface_t* surface, double scale, const layout::PageFrame& page,
                      FontFaces& fonts) {
  CairoPtr cr(cairo_create(surface));
  cairo_set_source_rgb(cr.get(), 1, 1, 1);
  cairo_paint(cr.get());
  cairo_scale(cr.get(), scale, scale);
  unhinted(cr.get());
  return paint_page(cr.get(), page, fonts);
}

std::string status_problem(cairo_t* cr) {
  cairo_status_t status = cairo_status(cr);
  return status == CAIRO_STATUS_SUCCESS ? std::string() : cairo_status_to_string(status);
}

// A thumbnail's shadow and edge: enough to tell a white page from white space on a neutral sheet.
constexpr double kShadowOffset = 2;  // pixels, down and right
const layout::Color kShadow = layout::Color::gray(0.55);
const layout::Color kEdge = layout::Color::gray(0.45);

}  // namespace

struct Sheet::Surface {
  CairoSurface surface;
};

struct PageRenderer::Fonts {
  FontFaces faces;
};

PageRenderer::PageRenderer(std::vector<layout::FontRef> fonts)
    : fonts_(std::make_unique<Fonts>(Fonts{FontFaces(std::move(fonts))})) {}

PageRenderer::~PageRenderer() = default;

PageImage PageRenderer::png(const layout::PageFrame& page, double dpi) {
  PageImage image;
  int width = pixels(page.width, dpi), height = pixels(page.height, dpi);
  if (!(dpi > 0) || width < 1 || height < 1 || width > kMaxPixels || height > kMaxPixels) {
    image.error =
        "a page of " + std::to_string(width) + " × " + std::to_string(height) + " pixels cannot be drawn";
    return image;
  }
  CairoSurface surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    image.error = cairo_status_to_string(cairo_surface_status(surface.get()));
    return image;
  }
  image.error = draw_page(surface.get(), dpi / kPointsPerInch, page, fonts_->faces);
  if (!image) return image;
  cairo_surface_flush(surface.get());
  cairo_status_t status = cairo_surface_write_to_png_stream(surface.get(), append_bytes, &image.bytes);
  if (status != CAIRO_STATUS_SUCCESS) image.error = cairo_status_to_string(status);
  return image;
}

PageImage PageRenderer::svg(const layout::PageFrame& page) {
  PageImage image;
  CairoSurface surface(
      cairo_svg_surface_create_for_stream(append_bytes, &image.bytes, page.width, page.height));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    image.error = cairo_status_to_string(cairo_surface_status(surface.get()));
    return image;
  }
  cairo_svg_surface_restrict_to_version(surface.get(), CAIRO_SVG_VERSION_1_1);
  image.error = draw_page(surface.get(), 1, page, fonts_->faces);
  cairo_surface_finish(surface.get());  // writes the rest of the file
  if (image && cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    image.error = cairo_status_to_string(cairo_surface_status(surface.get()));
  return image;
}

std::string PageRenderer::thumbnail(Sheet& sheet, const layout::PageFrame& page, const layout::Rect& where) {
  if (!(page.width > 0 && page.height > 0)) return "a page without a size cannot be drawn";
  const double scale = std::min(where.width / page.width, where.height / page.height);
  const double width = page.width * scale, height = page.height * scale;
  const double x = where.x + (where.width - width) / 2, y = where.y + (where.height - height) / 2;
  CairoPtr cr(cairo_create(sheet.surface_->surface.get()));
  cairo_set_source_rgb(cr.get(), kShadow.r, kShadow.g, kShadow.b);
  cairo_rectangle(cr.get(), x + kShadowOffset, y + kShadowOffset, width, height);
  cairo_fill(cr.get());
  cairo_save(cr.get());
  cairo_rectangle(cr.get(), x, y, width, height);
  cairo_clip(cr.get());
  cairo_set_source_rgb(cr.get(), 1, 1, 1);
  cairo_paint(cr.get());
  cairo_translate(cr.get(), x, y);
  cairo_scale(cr.get(), scale, scale);
  unhinted(cr.get());
  std::string problem = paint_page(cr.get(), page, fonts_->faces);
  cairo_restore(cr.get());
  if (!problem.empty()) return problem;
  // A hairline on the pixel grid: half a pixel in from the page's edge.
  cairo_set_source_rgb(cr.get(), kEdge.r, kEdge.g, kEdge.b);
  cairo_set_line_width(cr.get(), 1);
  cairo_rectangle(cr.get(), std::round(x) + 0.5, std::round(y) + 0.5, std::round(width) - 1,
                  std::round(height) - 1);
  cairo_stroke(cr.get());
  return status_problem(cr.get());
}

std::string PageRenderer::draw(Sheet& sheet, const std::vector<layout::PageItem>& items) {
  CairoPtr cr(cairo_create(sheet.surface_->surface.get()));
  layout::PageFrame frame;
  frame.items = items;
  return paint_page(cr.get(), frame, fonts_->faces);
}

Sheet::Sheet(int width, int height, layout::Color background) : surface_(std::make_unique<Surface>()) {
  if (width < 1 || height < 1 || width > kMaxPixels || height > kMaxPixels) {
    error_ =
        "a sheet of " + std::to_string(width) + " × " + std::to_string(height) + " pixels cannot be drawn";
    width = height = 1;
  }
  surface_->surface.reset(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
  CairoPtr cr(cairo_create(surface_->surface.get()));
  cairo_set_source_rgb(cr.get(), background.r, background.g, background.b);
  cairo_paint(cr.get());
  if (error_.empty()) error_ = status_problem(cr.get());
}

Sheet::~Sheet() = default;

PageImage Sheet::png(int width, int height) const {
  PageImage image;
  if (!error_.empty()) {
    image.error = error_;
    return image;
  }
  cairo_surface_t* whole = surface_->surface.get();
  width = std::clamp(width, 1, cairo_image_surface_get_width(whole));
  height = std::clamp(height, 1, cairo_image_surface_get_height(whole));
  CairoSurface cut(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
  CairoPtr cr(cairo_create(cut.get()));
  cairo_set_source_surface(cr.get(), whole, 0, 0);
  cairo_paint(cr.get());
  image.error = status_problem(cr.get());
  if (!image) return image;
  cairo_surface_flush(cut.get());
  cairo_status_t status = cairo_surface_write_to_png_stream(cut.get(), append_bytes, &image.bytes);
  if (status != CAIRO_STATUS_SUCCESS) image.error = cairo_status_to_string(status);
  return image;
}

}  // namespace huozi::raster
