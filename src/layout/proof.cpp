#include "layout/proof.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>

#include "layout/vertical_page.h"

namespace huozi::layout {
namespace {

// Baselines closer than this are one line (as source_map.cpp counts them).
constexpr double kSameLine = 0.5;

std::string folder_of(const model::Document& doc) {
  return doc.files.empty() ? std::string() : std::filesystem::path(doc.files.front()).parent_path().string();
}

}  // namespace

ProofMarks::ProofMarks(const model::Document& doc, text::FontDb& fonts, std::string stamp,
                       const ProofStyle& style)
    : c_(doc, fonts, quiet_), stamp_(std::move(stamp)), style_(style), folder_(folder_of(doc)) {}

// The file as the editor knows it in the publication's folder, and the line.
std::string ProofMarks::place(const SourceLocation& at) const {
  std::filesystem::path file = file_name(c_.doc.files, at);
  if (!folder_.empty()) {
    std::filesystem::path relative = file.lexically_relative(folder_);
    if (!relative.empty() && *relative.begin() != "..") file = relative;
  }
  return file.string() + ":" + std::to_string(at.line);
}

// Sets s as outlines at (x, baseline), its right end at x when right_aligned; returns its width.
double ProofMarks::draw(PageFrame& page, const std::string& s, double size, double x, double baseline,
                        Color ink, bool right_aligned) {
  double width = 0;
  std::vector<PageItem> items = c_.set_string(s, text::Role::Body, size, width, ink);
  for (PageItem& item : items) {
    if (auto* run = std::get_if<TextRun>(&item)) run->outlined = true;
    translate(item, right_aligned ? x - width : x, baseline);
    page.items.push_back(std::move(item));
  }
  return width;
}

// The room between the marks and the text: less in a narrow gutter.
double ProofMarks::gap(const PageFrame& page) const {
  if (page.text_columns.size() < 2) return style_.gap_pt;
  const Rect &a = page.text_columns[0], &b = page.text_columns[1];
  return std::min(style_.gap_pt, (b.x - a.x - a.width) / 10);
}

// Every line's number, right-aligned in the margin or gutter to its column's left.
void ProofMarks::number_lines(PageFrame& page) {
  const double space = gap(page);
  int column = 0, number = 0;
  for (const SourceLine& line : page.source_lines) {
    if (line.column == column && line.number == number) continue;  // a table row's other cells
    column = line.column, number = line.number;
    if (column < 1 || column > static_cast<int>(page.text_columns.size())) continue;
    const double x = page.text_columns[static_cast<size_t>(column - 1)].x - space;
    draw(page, std::to_string(number), style_.mark_pt, x, line.baseline,
         number % 5 == 0 ? style_.fifth_ink : style_.ink, true);
  }
}

// Beside each block's first line, right of its column, its place: in the
// right margin for the last column, else in the gutter's left half (its right
// half has the next column's line numbers). On a page of several columns
// whose text is all from one file the marks give the line alone (":108") and
// the slug names the file: a gutter has room for that, not for "publication.xml:108".
// Places on one line are joined; a mark is shrunk to its room (down to a
// least size) and pushed under the one above rather than drawn over it.
void ProofMarks::source_places(PageFrame& page) {
  if (page.text_columns.empty()) return;
  const bool short_marks = page.text_columns.size() > 1 && !one_file(page).empty();
  std::map<std::pair<int, double>, std::string> marks;  // by (column, baseline)
  for (const SourceLine& line : page.source_lines) {
    if (line.line != 1 || line.where.line == 0) continue;
    // Right of the column the line's measure ends in: a headline across columns has no gutter beside it.
    int ends_in = 1;
    for (size_t c = 1; c < page.text_columns.size(); ++c)
      if (page.text_columns[c].x < line.rect.x + line.rect.width - kSameLine)
        ends_in = static_cast<int>(c) + 1;
    const double key = std::round(line.baseline / kSameLine) * kSameLine;
    std::string& text = marks[{ends_in, key}];
    const std::string here = short_marks ? ":" + std::to_string(line.where.line) : place(line.where);
    if (text.empty())
      text = here;
    else if (text.find(here) == std::string::npos)
      text += " " + here;
  }
  const double space = gap(page);
  int column = 0;
  double free_from = 0;  // the highest baseline the column's next mark may take
  for (const auto& [at, text] : marks) {
    const auto& [col, baseline_at] = at;
    if (col != column) column = col, free_from = 0;
    const Rect& box = page.text_columns[static_cast<size_t>(col - 1)];
    const bool last = col == static_cast<int>(page.text_columns.size());
    const double left = box.x + box.width + space;
    const double room = last
                            ? page.width - left - style_.gap_pt
                            : (page.text_columns[static_cast<size_t>(col)].x - box.x - box.width) / 2 - space;
    double width = 0;
    c_.set_string(text, text::Role::Body, style_.mark_pt, width);
    const double size = std::max(style_.least_mark_pt,
                                 std::min(style_.mark_pt, style_.mark_pt * std::max(1.0, room) / width));
    const double baseline = std::max(baseline_at, free_from);
    draw(page, text, size, left, baseline, style_.ink, false);
    free_from = baseline + size * 1.2;
  }
}

// The one file all the page's text comes from, as the marks name files; empty if several.
std::string ProofMarks::one_file(const PageFrame& page) const {
  std::string file;
  for (const SourceLine& line : page.source_lines) {
    const std::string name = place(line.where);
    const std::string here = name.substr(0, name.rfind(':'));
    if (!file.empty() && here != file) return {};
    file = here;
  }
  return file;
}

// 校样, the build time, the title and the page, above the running head.
void ProofMarks::slug(PageFrame& page) {
  const std::string folio = page.label.empty() ? std::to_string(page.number) : page.label;
  std::string text = "校样　" + stamp_ + "　" + c_.doc.metadata.title + "　第" + std::to_string(page.number) +
                     "页（页码 " + folio + "）";
  if (page.text_columns.size() > 1 && !one_file(page).empty())
    text += "　栏旁“:行”为 " + one_file(page) + " 的行号";
  const double left = page.text_columns.empty() ? c_.g.inner : page.text_columns.front().x;
  const double top = page.text_columns.empty() ? c_.g.top : page.text_columns.front().y;
  draw(page, text, style_.slug_pt, left, std::max(style_.slug_pt * 1.5, top * 0.4), style_.ink, false);
}

void ProofMarks::mark(PageFrame& page) {
  const PageMode mode(c_, page.vertical);  // a book may mix vertical and horizontal chapters
  if (!page.vertical) {
    number_lines(page);
    source_places(page);
    slug(page);
    return;
  }
  // A vertical page: the marks are made on its frame, where its columns are
  // lines, and turned with it, so that they stand by its columns as they
  // stand by lines: the numbers above the columns, the source places below
  // them, the slug down the right-hand edge, all turned sideways.
  const bool recto = page.number % 2 == 1;
  PageFrame frame;
  frame.width = c_.g.page_width;
  frame.height = c_.g.page_height;
  frame.number = page.number;
  frame.label = page.label;
  frame.source_lines = page.source_lines;
  frame.text_columns = page.text_columns;
  turn_source_map_back(frame, c_.g, recto);
  c_.vertical = false;  // set as lines of the frame
  number_lines(frame);
  source_places(frame);
  slug(frame);
  frame.source_lines.clear();
  frame.text_columns.clear();
  turn_to_vertical(frame, c_.g, recto);
  for (PageItem& item : frame.items) page.items.push_back(std::move(item));
}

}  // namespace huozi::layout
