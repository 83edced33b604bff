#include "build/png_build.h"

#include <cstdio>
#include <map>
#include <memory>

#include "build/fonts.h"
#include "layout/document_layout.h"
#include "print/bleed.h"
#include "raster/page_image.h"
#include "text/font_db.h"
#include "util/atomic_file.h"

namespace huozi::build {
namespace {

// Writes bytes to target through a temporary file; empty or the problem.
std::string write_atomically(const std::string& target, const std::string& bytes) {
  AtomicFile file(target);
  std::FILE* out = file ? file.stream() : nullptr;
  if (!out) return file.error();
  if (std::fwrite(bytes.data(), 1, bytes.size(), out) != bytes.size()) return "cannot write " + target;
  if (!file.commit()) return file.error();
  return {};
}

}  // namespace

std::string png_page_name(const std::string& stem, int number) {
  char digits[16];
  std::snprintf(digits, sizeof digits, "%03d", number);
  return stem + "-page-" + digits + ".png";
}

BuildResult build_png(const model::Document& doc, const std::string& stem, int dpi) {
  BuildResult result;
  std::unique_ptr<text::FontDb> fonts = open_fonts(result.diagnostics);
  if (!fonts) return result;
  raster::PageRenderer renderer(font_refs(*fonts));
  // Each page is drawn and written as layout makes it: no book's worth of frames in memory.
  std::map<int, std::filesystem::path> written;  // by page number: the book's order
  layout::LayoutResult laid = layout::layout_document(
      doc, *fonts,
      [&](layout::PageFrame&& page) {
        print::extend_into_bleed(page, doc.page.bleed);  // the same frames as the reader PDF's
        std::string target = png_page_name(stem, page.number);
        raster::PageImage image = renderer.png(page, dpi);
        std::string problem = image ? write_atomically(target, image.bytes) : image.error;
        if (problem.empty())
          written.emplace(page.number, target);
        else
          result.diagnostics.error(target, 0, 0,
                                   "cannot draw page " + std::to_string(page.number) + ": " + problem,
                                   "check the fonts and the free space of the output folder");
      },
      result.diagnostics);
  result.pages = laid.pages;
  if (font_problems(*fonts, result.diagnostics) || result.diagnostics.has_errors()) return result;
  if (result.pages == 0) {
    result.diagnostics.error(stem, 0, 0, "the layout made no pages; no page image was written",
                             "check that the publication has content");
    return result;
  }
  for (auto& [number, file] : written) result.written.push_back(std::move(file));
  return result;
}

}  // namespace huozi::build
