#include "raster/page_image.h"

#include <cairo-svg.h>
#include <cairo.h>

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

// Draws page onto a fresh context of surface (already scaled to points); empty or the problem.
std::string draw(cairo_surface_t* surface, double scale, const layout::PageFrame& page, FontFaces& fonts) {
  CairoPtr cr(cairo_create(surface));
  cairo_set_source_rgb(cr.get(), 1, 1, 1);
  cairo_paint(cr.get());
  cairo_scale(cr.get(), scale, scale);
  // Glyphs where layout put them: no hinting moves them to the pixel grid.
  CairoFontOptions options(cairo_font_options_create());
  cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
  cairo_set_font_options(cr.get(), options.get());
  return paint_page(cr.get(), page, fonts);
}

}  // namespace

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
  image.error = draw(surface.get(), dpi / kPointsPerInch, page, fonts_->faces);
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
  image.error = draw(surface.get(), 1, page, fonts_->faces);
  cairo_surface_finish(surface.get());  // writes the rest of the file
  if (image && cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    image.error = cairo_status_to_string(cairo_surface_status(surface.get()));
  return image;
}

}  // namespace huozi::raster
