// Contact sheets (`huozi build --contact`): every page small, in a grid on a
// neutral background with its label under it, for a look at a whole book at
// once. A book shows its spreads (a verso beside its recto, page 1 alone on
// the right, as the book opens), 48 pages a sheet (six rows of four spreads,
// pages 200 pixels tall: about 1,300 × 1,550 pixels in all); a newspaper its
// pages side by side, larger (480 pixels tall), 16 a sheet in rows of four.
// A longer publication gets NAME-contact-01.png, -02.png …
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "build/page_range.h"
#include "layout/frame.h"
#include "layout/paragraph.h"
#include "raster/page_image.h"
#include "util/diagnostic.h"

namespace huozi::build {

// The grid of a contact sheet.
struct ContactGrid {
  int columns = 8, rows = 6;
  double page_height = 200;  // a thumbnail's, in pixels
  bool spreads = true;       // two pages a spread, touching
  // A book bound on the right (set vertically): rows read right to left, the
  // first page on the left of the top right spread.
  bool right_to_left = false;

  int per_sheet() const { return columns * rows; }
};

// A book's grid, or a newspaper's (periodical).
ContactGrid contact_grid(bool periodical);
// The grid of this publication's sheets.
ContactGrid contact_grid(const model::Document& doc);

// Where each page of a range goes: places numbered row by row across the
// sheets (grid.per_sheet() a sheet). Worked out from the range alone, page by
// page, so that a sheet is known to be complete before the book's last page
// is laid out.
class ContactPlan {
 public:
  ContactPlan(PageRange range, const ContactGrid& grid);

  // The place of `page`, which the range must contain. In spreads an even
  // page takes an even place (the left of a spread) and a page that does not
  // follow the one before it starts a spread of its own.
  int place(int page);
  // How many pages of the range a book long enough puts on `sheet` (from 0).
  int pages_on(int sheet);

 private:
  void plan_to(int page);

  PageRange range_;
  ContactGrid grid_;
  std::vector<int> places_;              // by page number: the place, or -1 outside the range
  std::vector<int> per_sheet_;           // pages planned on each sheet
  int last_page_ = 0, last_place_ = -1;  // the range's last page planned so far, and its place
};

// Draws the pages onto their sheets as layout makes them and writes each
// sheet (atomically) once its pages are all there; finish() writes the rest.
class ContactSheets {
 public:
  ContactSheets(raster::PageRenderer& renderer, text::FontDb& fonts, const model::Document& doc,
                PageRange range, std::string stem);
  ~ContactSheets();

  void add(const layout::PageFrame& page, DiagnosticList& diagnostics);
  // Sheets are written only after this (the book is long enough for the range).
  void release(DiagnosticList& diagnostics);
  // After the last page: the sheets still open, written; the files in order.
  std::vector<std::filesystem::path> finish(DiagnosticList& diagnostics);

  // NAME-contact.png when one sheet holds the book, else NAME-contact-01.png …
  static std::string file_name(const std::string& stem, int sheet, bool several);

 private:
  struct Open;
  struct Geometry {
    double page_width = 0, page_height = 0;  // a thumbnail's, in pixels
    int width = 0, height = 0;               // a whole sheet's
  };
  layout::Rect cell(int place) const;  // a page's thumbnail on its sheet
  void write_complete(DiagnosticList& diagnostics);
  void write(int sheet, DiagnosticList& diagnostics);
  std::vector<layout::PageItem> label(const layout::PageFrame& page, const layout::Rect& under);

  raster::PageRenderer& renderer_;
  layout::ParagraphSetter setter_;
  layout::Typography typography_;
  std::string lang_, stem_;
  ContactGrid grid_;
  ContactPlan plan_;
  Geometry geometry_;
  std::map<int, std::unique_ptr<Open>> open_;  // by sheet
  std::map<int, std::filesystem::path> written_;
  int highest_sheet_ = 0;  // that a page has gone to
  bool released_ = false;
  std::vector<layout::Line> lines_;
};

}  // namespace huozi::build
