// Page images (`huozi build --png --svg --contact [--pages RANGE]`): the
// layout's page frames drawn with Cairo (raster/page_image.h) as they are made,
// from the PDF's own layout when the PDF is built too (pdf_build.h), else from
// a layout of their own.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "build/page_range.h"
#include "build/result.h"
#include "layout/frame.h"
#include "model/document.h"

namespace huozi::text {
class FontDb;
}
namespace huozi::raster {
class PageRenderer;
}

namespace huozi::build {

struct PageImageOptions {
  bool png = false;      // NAME-page-001.png …, at dpi
  bool svg = false;      // NAME-page-001.svg …
  bool contact = false;  // NAME-contact.png (contact_sheet.h)
  int dpi = 150;
  PageRange pages;  // which pages the three show; every page when empty

  bool any() const { return png || svg || contact; }
};

class ContactSheets;

// Draws each page frame as it comes (in any order; the files are named by
// PageFrame::number) and writes it atomically. While the book may still turn
// out shorter than the range asks (`--pages 300-310`), the images are held in
// memory; a range past the book's end writes no image at all.
class PageImages {
 public:
  // The fonts must outlive this; the document need not (it is read here only).
  PageImages(text::FontDb& fonts, const model::Document& doc, std::string stem, PageImageOptions options);
  ~PageImages();
  PageImages(const PageImages&) = delete;
  PageImages& operator=(const PageImages&) = delete;

  void add(const layout::PageFrame& page);
  // After layout made `pages` pages (layout_failed: with errors, so nothing
  // more is written): the step's files and problems.
  BuildResult finish(int pages, bool layout_failed);

 private:
  using Key = std::pair<int, std::string>;  // page number and extension: the book's order
  struct Held {
    Key key;
    std::filesystem::path target;
    std::string bytes;
  };
  void draw(const layout::PageFrame& page, const std::string& extension);
  void write(Held&& image);
  void release();

  PageImageOptions options_;
  std::string stem_;
  std::unique_ptr<raster::PageRenderer> renderer_;
  std::unique_ptr<ContactSheets> contact_;
  int laid_out_ = 0;
  bool released_ = false;  // the book is known to hold the range: images go to their files at once
  std::vector<Held> held_;
  std::map<Key, std::filesystem::path> written_;
  BuildResult result_;
};

// Lays the document out for the page images alone (no PDF) and draws them.
BuildResult build_page_images(const model::Document& doc, const std::string& stem,
                              const PageImageOptions& options);

// The file of page `number` (from 1): stem-page-007.png, stem-page-007.svg.
std::string page_image_name(const std::string& stem, int number, const std::string& extension);

}  // namespace huozi::build
