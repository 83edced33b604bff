#include "build/contact_sheet.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "build/write_file.h"
#include "layout/typeset_line.h"

namespace huozi::build {
namespace {

constexpr int kLastPlannedPage = 99999;  // as page_range.cpp: past any book

// Sizes in pixels. A book page 200 px tall shows its shape, its headings and
// where its pictures are: what a look at the whole book is for. A newspaper
// page is read for its modules: larger, fewer a row.
constexpr double kThumbMaxWidthPerHeight = 1.4;  // a landscape page is fitted to this
constexpr double kMargin = 24;
constexpr double kSpreadGap = 28;  // between spreads; the two pages of a spread touch
constexpr double kPageGap = 20;    // between pages that are not spreads
constexpr double kLabelBand = 22;  // under a page, for its label
constexpr double kRowGap = 14;
constexpr double kLabelSize = 11;
constexpr double kLabelDrop = 15;  // the label's baseline under the page
const layout::Color kBackground = layout::Color::gray(0.78);
const layout::Color kLabelInk = layout::Color::gray(0.15);

}  // namespace

ContactGrid contact_grid(const model::Document& doc) {
  ContactGrid grid = contact_grid(doc.type == model::PublicationType::Periodical);
  grid.right_to_left = doc.writing_mode == model::WritingMode::Vertical && model::newspaper_pages(doc).empty();
  return grid;
}

ContactGrid contact_grid(bool periodical) {
  if (periodical) return ContactGrid{4, 4, 480, false};
  return ContactGrid{};
}

ContactPlan::ContactPlan(PageRange range, const ContactGrid& grid) : range_(std::move(range)), grid_(grid) {
  places_.push_back(-1);  // no page 0
}

void ContactPlan::plan_to(int page) {
  while (static_cast<int>(places_.size()) <= page) {
    const int n = static_cast<int>(places_.size());
    if (!range_.contains(n)) {
      places_.push_back(-1);
      continue;
    }
    int place = 0;
    if (last_page_ == 0)
      place = grid_.spreads ? n % 2 : 0;  // page 1, a recto, on the right of its spread
    else if (!grid_.spreads || n == last_page_ + 1)
      place = last_place_ + 1;
    else
      place = (last_place_ + 2) / 2 * 2 + n % 2;  // after a gap: a spread of its own
    places_.push_back(place);
    last_page_ = n, last_place_ = place;
    const int sheet = place / grid_.per_sheet();
    if (static_cast<int>(per_sheet_.size()) <= sheet) per_sheet_.resize(sheet + 1);
    ++per_sheet_[sheet];
  }
}

int ContactPlan::place(int page) {
  plan_to(page);
  return places_[page];
}

int ContactPlan::pages_on(int sheet) {
  const int end = range_.last() ? range_.last() : kLastPlannedPage;
  // Planned until a page lands past the sheet, or the range ends.
  while (last_place_ < (sheet + 1) * grid_.per_sheet() && static_cast<int>(places_.size()) <= end)
    plan_to(static_cast<int>(places_.size()));
  return sheet < static_cast<int>(per_sheet_.size()) ? per_sheet_[sheet] : 0;
}

struct ContactSheets::Open {
  raster::Sheet sheet;
  int drawn = 0;
  double right = 0, bottom = 0;  // of what is drawn
};

ContactSheets::ContactSheets(raster::PageRenderer& renderer, text::FontDb& fonts, const model::Document& doc,
                             PageRange range, std::string stem)
    : renderer_(renderer),
      setter_(fonts),
      typography_(layout::typography_of(doc.page)),
      lang_(doc.metadata.language.empty() ? std::string("zh-Hans") : doc.metadata.language),
      stem_(std::move(stem)),
      grid_(contact_grid(doc)),
      plan_(std::move(range), grid_) {}

ContactSheets::~ContactSheets() = default;

std::string ContactSheets::file_name(const std::string& stem, int sheet, bool several) {
  if (!several) return stem + "-contact.png";
  char digits[16];
  std::snprintf(digits, sizeof digits, "%02d", sheet + 1);
  return stem + "-contact-" + digits + ".png";
}

layout::Rect ContactSheets::cell(int place) const {
  const int on_sheet = place % grid_.per_sheet();
  const int place_in_row = on_sheet % grid_.columns, row = on_sheet / grid_.columns;
  const int column = grid_.right_to_left ? grid_.columns - 1 - place_in_row : place_in_row;
  const double gaps = grid_.spreads ? (column / 2) * kSpreadGap : column * kPageGap;
  return {kMargin + column * geometry_.page_width + gaps,
          kMargin + row * (geometry_.page_height + kLabelBand + kRowGap), geometry_.page_width,
          geometry_.page_height};
}

std::vector<layout::PageItem> ContactSheets::label(const layout::PageFrame& page, const layout::Rect& under) {
  // The page's own label, and its place in the book (its file's number) when that differs: "iii (3)".
  const std::string number = std::to_string(page.number);
  const std::string text =
      page.label.empty() || page.label == number ? number : page.label + " (" + number + ")";
  layout::SetOptions options;
  options.width_pt = 100000;
  options.typography = typography_;
  setter_.set(layout::plain_source(text, text::Role::Body, kLabelSize, lang_), options, lines_);
  if (lines_.empty()) return {};
  std::vector<layout::PageItem> items = layout::to_typeset_line(lines_[0], text, 0, kLabelInk).items;
  for (layout::PageItem& item : items)
    layout::translate(item, std::round(under.x + (under.width - lines_[0].width) / 2),
                      under.y + under.height + kLabelDrop);
  return items;
}

void ContactSheets::add(const layout::PageFrame& page, DiagnosticList& diagnostics) {
  if (page.number < 1 || page.number > kLastPlannedPage) return;
  const int place = plan_.place(page.number);
  if (place < 0) return;
  if (geometry_.page_height == 0) {  // the first page sets the grid: a book's pages share one size
    const double scale =
        std::min(grid_.page_height / page.height, grid_.page_height * kThumbMaxWidthPerHeight / page.width);
    geometry_.page_width = std::round(page.width * scale);
    geometry_.page_height = std::round(page.height * scale);
    // The last place of a row is its right end, or (right to left) its first.
    const layout::Rect last = cell(grid_.per_sheet() - (grid_.right_to_left ? grid_.columns : 1));
    geometry_.width = static_cast<int>(std::ceil(last.x + last.width + kMargin));
    geometry_.height = static_cast<int>(std::ceil(last.y + last.height + kLabelBand + kMargin));
  }
  const int sheet = place / grid_.per_sheet();
  std::unique_ptr<Open>& open = open_[sheet];
  if (!open) open.reset(new Open{raster::Sheet(geometry_.width, geometry_.height, kBackground)});
  const layout::Rect where = cell(place);
  std::string problem = open->sheet ? renderer_.thumbnail(open->sheet, page, where) : open->sheet.error();
  if (problem.empty()) problem = renderer_.draw(open->sheet, label(page, where));
  if (!problem.empty())
    diagnostics.error(file_name(stem_, sheet, true), 0, 0,
                      "cannot draw page " + std::to_string(page.number) + " on the contact sheet: " + problem,
                      "check the fonts");
  ++open->drawn;
  open->right = std::max(open->right, where.x + where.width);
  open->bottom = std::max(open->bottom, where.y + where.height + kLabelBand);
  highest_sheet_ = std::max(highest_sheet_, sheet);
  if (released_) write_complete(diagnostics);
}

void ContactSheets::release(DiagnosticList& diagnostics) {
  released_ = true;
  write_complete(diagnostics);
}

// A sheet is written once complete; the first waits for a second to be begun (its name says whether there
// are more).
void ContactSheets::write_complete(DiagnosticList& diagnostics) {
  for (auto it = open_.begin(); it != open_.end();) {
    const int s = (it++)->first;
    if (open_[s]->drawn == plan_.pages_on(s) && (s > 0 || highest_sheet_ > 0)) write(s, diagnostics);
  }
}

void ContactSheets::write(int sheet, DiagnosticList& diagnostics) {
  std::unique_ptr<Open> open = std::move(open_[sheet]);
  open_.erase(sheet);
  const std::string target = file_name(stem_, sheet, highest_sheet_ > 0);
  if (diagnostics.has_errors()) return;  // a sheet with a page missing is not written
  // A sheet not full is cut after its last page; right to left, its rows begin at the right edge.
  const int width = grid_.right_to_left ? geometry_.width : static_cast<int>(std::ceil(open->right + kMargin));
  raster::PageImage image = open->sheet.png(width,
                                            static_cast<int>(std::ceil(open->bottom + kMargin)));
  std::string problem = image ? write_file(target, image.bytes) : image.error;
  if (!problem.empty()) {
    diagnostics.error(target, 0, 0, "cannot write the contact sheet: " + problem,
                      "check the free space of the output folder");
    return;
  }
  written_.emplace(sheet, target);
}

std::vector<std::filesystem::path> ContactSheets::finish(DiagnosticList& diagnostics) {
  if (!released_) open_.clear();  // the range was not there: nothing is written
  while (!open_.empty()) write(open_.begin()->first, diagnostics);
  std::vector<std::filesystem::path> files;
  for (auto& [sheet, file] : written_) files.push_back(file);
  return files;
}

}  // namespace huozi::build
