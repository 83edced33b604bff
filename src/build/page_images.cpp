#include "build/page_images.h"

#include <cstdio>

#include "build/contact_sheet.h"
#include "build/fonts.h"
#include "build/write_file.h"
#include "layout/document_layout.h"
#include "print/bleed.h"
#include "raster/page_image.h"
#include "text/font_db.h"

namespace huozi::build {

std::string page_image_name(const std::string& stem, int number, const std::string& extension) {
  char digits[16];
  std::snprintf(digits, sizeof digits, "%03d", number);
  return stem + "-page-" + digits + "." + extension;
}

PageImages::PageImages(text::FontDb& fonts, const model::Document& doc, std::string stem,
                       PageImageOptions options)
    : options_(std::move(options)),
      stem_(std::move(stem)),
      renderer_(std::make_unique<raster::PageRenderer>(font_refs(fonts))) {
  if (options_.contact)
    contact_ = std::make_unique<ContactSheets>(*renderer_, fonts, doc, options_.pages, stem_);
}

PageImages::~PageImages() = default;

void PageImages::add(const layout::PageFrame& page) {
  ++laid_out_;
  if (!released_ && laid_out_ >= options_.pages.needs()) release();
  if (!options_.pages.contains(page.number)) return;  // laid out (later pages need it), not drawn
  if (options_.png) draw(page, "png");
  if (options_.svg) draw(page, "svg");
  if (contact_) contact_->add(page, result_.diagnostics);
}

void PageImages::draw(const layout::PageFrame& page, const std::string& extension) {
  std::string target = page_image_name(stem_, page.number, extension);
  raster::PageImage image = extension == "svg" ? renderer_->svg(page) : renderer_->png(page, options_.dpi);
  if (!image) {
    result_.diagnostics.error(target, 0, 0,
                              "cannot draw page " + std::to_string(page.number) + ": " + image.error,
                              "check the fonts");
    return;
  }
  Held held{{page.number, extension}, target, std::move(image.bytes)};
  if (released_)
    write(std::move(held));
  else
    held_.push_back(std::move(held));
}

void PageImages::write(Held&& image) {
  std::string problem = write_file(image.target, image.bytes);
  if (problem.empty())
    written_.emplace(image.key, image.target);
  else
    result_.diagnostics.error(image.target.string(), 0, 0, "cannot write the page image: " + problem,
                              "check the free space and permissions of the output folder");
}

void PageImages::release() {
  released_ = true;
  for (Held& image : held_) write(std::move(image));
  held_.clear();
  if (contact_) contact_->release(result_.diagnostics);
}

BuildResult PageImages::finish(int pages, bool layout_failed) {
  result_.pages = pages;
  const int needs = options_.pages.needs();
  if (!layout_failed && pages > 0 && pages < needs)
    result_.diagnostics.error(stem_, 0, 0,
                              "--pages " + options_.pages.text + " asks for page " + std::to_string(needs) +
                                  ", but the book has " + std::to_string(pages) +
                                  (pages == 1 ? " page" : " pages") + "; no page image was written",
                              "pages run from 1 to " + std::to_string(pages));
  if (!layout_failed && pages == 0)
    result_.diagnostics.error(stem_, 0, 0, "the layout made no pages; no page image was written",
                              "check that the publication has content");
  held_.clear();  // a range past the end, or a failed layout: what was held is not written
  std::vector<std::filesystem::path> sheets;
  if (contact_ && !layout_failed && !result_.diagnostics.has_errors())
    sheets = contact_->finish(result_.diagnostics);
  contact_ = nullptr;
  for (auto& [key, file] : written_) result_.written.push_back(file);
  result_.written.insert(result_.written.end(), sheets.begin(), sheets.end());
  return std::move(result_);
}

BuildResult build_page_images(const model::Document& doc, const std::string& stem,
                              const PageImageOptions& options) {
  BuildResult result;
  std::unique_ptr<text::FontDb> fonts = open_fonts(result.diagnostics);
  if (!fonts) return result;
  PageImages images(*fonts, doc, stem, options);
  layout::LayoutResult laid = layout::layout_document(
      doc, *fonts,
      [&](layout::PageFrame&& page) {
        print::extend_into_bleed(page, doc.page.bleed);  // the same frames as the reader PDF's
        images.add(page);
      },
      result.diagnostics);
  const bool failed = font_problems(*fonts, result.diagnostics) || result.diagnostics.has_errors();
  BuildResult drawn = images.finish(laid.pages, failed);
  result.diagnostics.append(drawn.diagnostics);
  result.written = std::move(drawn.written);
  result.pages = laid.pages;
  return result;
}

}  // namespace huozi::build
