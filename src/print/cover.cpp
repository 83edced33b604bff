#include "print/cover.h"

#include <algorithm>

#include "layout/page_geometry.h"
#include "layout/paragraph.h"
#include "model/metadata.h"
#include "layout/typeset_line.h"
#include "print/geometry.h"

namespace huozi::print {
namespace {

using layout::Color;
using layout::PageItem;

constexpr double kSlugSize = 6;
const Color kCoverPaper{0.96, 0.94, 0.88};
const Color kCoverInk = Color::black();
const Color kCoverAccent{0.62, 0.16, 0.13};  // a band of vermilion across the front (a strip down a vertical book's)

// Short strings and paragraphs of a given role and size, as page items.
class Setter {
 public:
  Setter(text::FontDb& fonts, std::string lang) : setter_(fonts), lang_(std::move(lang)) {}

  // Lines of `s` at most `measure` wide (one line when measure is 0), each
  // starting at x = 0 on a baseline at y = 0; widths in `widths`.
  std::vector<std::vector<PageItem>> lines(const std::string& s, text::Role role, double size, double measure,
                                           std::vector<double>& widths, Color color = {}) {
    layout::ParagraphSource source = layout::plain_source(s, role, size, lang_);
    source.justify = measure > 0;
    layout::SetOptions options;
    options.width_pt = measure > 0 ? measure : 100000;
    setter_.set(source, options, lines_);
    std::vector<std::vector<PageItem>> out;
    widths.clear();
    for (const layout::Line& line : lines_) {
      out.push_back(layout::to_typeset_line(line, s, 0, color).items);
      widths.push_back(line.width);
    }
    return out;
  }

  // One line placed with its left end at x (or centred on x) on baseline y.
  double place(std::vector<PageItem>& into, const std::string& s, text::Role role, double size, double x,
               double y, bool centred, Color color = {}, bool outlined = false) {
    std::vector<double> widths;
    auto set = lines(s, role, size, 0, widths, color);
    if (set.empty()) return 0;
    double left = centred ? x - widths[0] / 2 : x;
    for (PageItem& item : set[0]) {
      if (auto* run = std::get_if<layout::TextRun>(&item)) run->outlined = outlined;
      layout::translate(item, left, y);
      into.push_back(std::move(item));
    }
    return widths[0];
  }

  // `s` down a column, shaped as a vertical line is (marks in their
  // vertical forms, Latin turned): its cells centred on x, from the cell top
  // `top`. The line is set as layout sets a vertical page's column and turned
  // as that page is turned (vertical_page.h): frame (x, y) to page (baseline − y, top + x).
  // Returns the column's length.
  double column(std::vector<PageItem>& into, const std::string& s, text::Role role, double size, double x,
                double top, Color color) {
    layout::ParagraphSource source = layout::plain_source(s, role, size, lang_);
    source.input.vertical = true;
    source.justify = false;
    layout::SetOptions options;
    options.width_pt = 100000;
    setter_.set(source, options, lines_);
    if (lines_.empty()) return 0;
    const double baseline = x - (layout::kAscentEm - 0.5) * size;  // the cells' em boxes run from 0.12 em left of it to 0.88 em right
    for (PageItem& item : layout::to_typeset_line(lines_[0], s, 0, color).items) {
      auto* run = std::get_if<layout::TextRun>(&item);
      if (!run) continue;
      for (layout::PlacedGlyph& g : run->glyphs) {
        const double along = g.x;
        g.x = baseline - g.y;
        g.y = top + along;
      }
      if (run->orientation == layout::Orientation::Horizontal) run->orientation = layout::Orientation::Sideways;
      into.push_back(std::move(item));
    }
    return lines_[0].width;
  }

 private:
  layout::ParagraphSetter setter_;
  std::string lang_;
  std::vector<layout::Line> lines_;
};

std::string language(const model::Document& doc) {
  return doc.metadata.language.empty() ? std::string("zh-Hans") : doc.metadata.language;
}

// The code points of a UTF-8 string, each as its own string.
std::vector<std::string> characters(const std::string& s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    out.push_back(s.substr(i, n));
    i += n;
  }
  return out;
}

std::string authors(const model::Document& doc) {
  const char* edited = model::is_traditional(language(doc)) ? " 編" : " 编";
  std::string out;
  for (const model::Creator& c : doc.metadata.creators)
    if (c.role == "aut" || c.role == "edt")
      out += (out.empty() ? "" : "　") + c.name + (c.role == "edt" ? edited : "");
  return out;
}

}  // namespace

std::vector<layout::PageFrame> slug_frames(const model::Document& doc, text::FontDb& fonts, int pages,
                                           double width, const std::string& note) {
  Setter setter(fonts, language(doc));
  std::vector<const model::Node*> editions = model::newspaper_pages(doc);
  std::vector<layout::PageFrame> out;
  for (int i = 1; i <= pages; ++i) {
    layout::PageFrame frame;
    frame.width = width;
    frame.height = kSlugSheetHeight;
    std::string count = "第 " + std::to_string(i) + " 页，共 " + std::to_string(pages) + " 页";
    std::string line = doc.metadata.title + "　" + count + "　" + doc.metadata.date;
    if (static_cast<size_t>(i) <= editions.size()) {
      const model::Node& page = *editions[i - 1];
      const std::string& paper = page.page_head().paper;
      line = (paper.empty() ? doc.metadata.title : paper) + "　" + doc.metadata.date + "　第 " +
             std::to_string(page.number) + " 版" + (page.label().empty() ? "" : "　" + page.label()) + "　" + count;
    }
    line += "　" + note;
    setter.place(frame.items, line, text::Role::Body, kSlugSize, 0, kSlugSheetBaseline, false, Color::black(),
                 true);
    out.push_back(std::move(frame));
  }
  return out;
}

namespace {

// `s` cut to its first `n` characters and an ellipsis.
std::string shortened(const std::string& s, size_t n) {
  std::string out;
  for (const std::string& c : characters(s)) {
    if (n-- == 0) return out + "…";
    out += c;
  }
  return out;
}

// The title in the band, at most 84 % of the front's width: shrunk to fit down
// to a twentieth of the width, then broken into lines at that size, as many as
// the band holds (a longer title is cut with an ellipsis: it must not run off
// the cover, into the spine or over the subtitle).
void place_title(std::vector<PageItem>& into, Setter& setter, const std::string& title, double centre,
                 double band_top, double band_height, double width) {
  const double measure = width * 0.84;
  double size = std::clamp(width / 12, 14.0, 36.0);
  std::vector<double> widths;
  setter.lines(title, text::Role::Heading, size, 0, widths);
  const bool fits = widths.empty() || widths[0] <= measure;
  if (!fits) size = std::max(size * measure / widths[0], width / 20);
  const double leading = size * 1.3;
  const size_t room = std::max<size_t>(1, static_cast<size_t>((band_height * 0.9 - size) / leading) + 1);
  std::string text = title;
  auto lines = setter.lines(text, text::Role::Heading, size, fits ? 0 : measure, widths, Color{1, 1, 1});
  for (size_t n = characters(title).size(); lines.size() > room && n > 1;) {
    n = n * room / lines.size();  // about what the band holds, then less until it fits
    text = shortened(title, n);
    lines = setter.lines(text, text::Role::Heading, size, measure, widths, Color{1, 1, 1});
  }
  double y = band_top + band_height / 2 - leading * (lines.size() - 1) / 2 + size * 0.35;
  for (size_t i = 0; i < lines.size(); ++i, y += leading)
    for (PageItem& item : lines[i]) {
      layout::translate(item, centre - widths[i] / 2, y);
      into.push_back(std::move(item));
    }
}

// One line centred on x: shrunk to fit `measure` down to half its size, then
// cut with an ellipsis.
void place_fitted(std::vector<PageItem>& into, Setter& setter, const std::string& s, double size, double x,
                  double y, double measure) {
  std::vector<double> widths;
  setter.lines(s, text::Role::Body, size, 0, widths);
  if (widths.empty()) return;
  if (widths[0] > measure) size = std::max(size * measure / widths[0], size / 2);
  std::string text = s;
  for (size_t n = characters(s).size(); n > 1;) {
    setter.lines(text, text::Role::Body, size, 0, widths);
    if (widths.empty() || widths[0] <= measure) break;
    n = std::min(n - 1, static_cast<size_t>(n * measure / widths[0]));
    text = shortened(s, n);
  }
  setter.place(into, text, text::Role::Body, size, x, y, true, kCoverInk);
}

// `s` down a column centred on x from the cell top `top`, cut with an
// ellipsis to the characters `room` holds (a cell each at most: a Latin
// word, turned, is shorter); returns the column's length.
double place_column(std::vector<PageItem>& into, Setter& setter, const std::string& s, text::Role role,
                    double size, double x, double top, double room, Color color) {
  const size_t fits = static_cast<size_t>(std::max(1.0, room / size));
  const size_t count = characters(s).size();
  return setter.column(into, count > fits ? shortened(s, fits - 1) : s, role, size, x, top, color);
}

// A vertical book's front (bound on the right): its title down a strip of
// vermilion right of the middle, as a title slip (題簽) stands on a Chinese
// book, the first column read; the subtitle and the authors in narrower
// columns to its left, in the order columns read; the publisher across the
// foot.
void draw_vertical_front(layout::PageFrame& frame, Setter& setter, const model::Document& doc, double left,
                         double top, double width, double height) {
  const model::Metadata& m = doc.metadata;
  const double strip_width = std::clamp(width * 0.17, 20.0, 90.0), strip_right = left + width * 0.8;
  const double strip_top = top + height * 0.08, strip_height = height * 0.56;
  frame.items.push_back(
      layout::Box{{strip_right - strip_width, strip_top, strip_width, strip_height}, 0, {}, true, kCoverAccent});
  // As large as the strip's width allows, smaller for a long title, down to a third of the width.
  const double room = strip_height * 0.88;
  const size_t count = std::max<size_t>(1, characters(m.title).size());
  const double size = std::clamp(room / static_cast<double>(count), strip_width * 0.34, strip_width * 0.62);
  std::vector<PageItem> title;  // set from the strip's top, then centred down it by its length
  const double length =
      place_column(title, setter, m.title, text::Role::Heading, size, strip_right - strip_width / 2, 0, room,
                   Color{1, 1, 1});
  for (PageItem& item : title) {
    layout::translate(item, 0, strip_top + (strip_height - length) / 2);
    frame.items.push_back(std::move(item));
  }
  double x = strip_right - strip_width;
  const double column_size = strip_width * 0.3;
  for (const std::string& s : {m.subtitle, authors(doc)}) {
    if (s.empty()) continue;
    x -= column_size * 1.8;
    place_column(frame.items, setter, s, text::Role::Body, column_size, x, strip_top + column_size, room, kCoverInk);
  }
  const double size_across = std::clamp(width / 12, 14.0, 36.0), measure = width * 0.84;
  if (doc.type == model::PublicationType::Periodical && !m.date.empty())
    place_fitted(frame.items, setter, model::chinese_date(model::iso_date(m)), size_across * 0.4, left + width / 2,
                 top + height * 0.8, measure);
  if (!m.publisher.empty())
    place_fitted(frame.items, setter, m.publisher, size_across * 0.4, left + width / 2, top + height * 0.9, measure);
}

// The front: a band of vermilion that bleeds off the fore edge (the right
// edge of a book bound on the left) with the title in it, then subtitle,
// authors and publisher, centred on the front's trim (left, top) of width ×
// height. A book bound on the right is set vertically: its front too.
void draw_front(layout::PageFrame& frame, Setter& setter, const model::Document& doc, double left, double top,
                double width, double height, double bleed, BindingEdge edge) {
  if (edge == BindingEdge::Right) return draw_vertical_front(frame, setter, doc, left, top, width, height);
  const model::Metadata& m = doc.metadata;
  const double centre = left + width / 2, band_top = top + height * 0.18, band_height = height * 0.2;
  frame.items.push_back(layout::Box{{left, band_top, width + bleed, band_height}, 0, {}, true, kCoverAccent});
  place_title(frame.items, setter, m.title, centre, band_top, band_height, width);
  const double size = std::clamp(width / 12, 14.0, 36.0);
  const double measure = width * 0.84;
  if (!m.subtitle.empty())
    place_fitted(frame.items, setter, m.subtitle, size * 0.5, centre, top + height * 0.45, measure);
  if (std::string a = authors(doc); !a.empty())
    place_fitted(frame.items, setter, a, size * 0.45, centre, top + height * 0.55, measure);
  // An issue of a periodical is known by its date.
  if (doc.type == model::PublicationType::Periodical && !m.date.empty())
    place_fitted(frame.items, setter, model::chinese_date(model::iso_date(m)), size * 0.4, centre,
                 top + height * 0.62, measure);
  if (!m.publisher.empty())
    place_fitted(frame.items, setter, m.publisher, size * 0.4, centre, top + height * 0.9, measure);
}

}  // namespace

layout::PageFrame front_cover_frame(const model::Document& doc, text::FontDb& fonts, double width, double height) {
  layout::PageFrame frame;
  frame.width = width;
  frame.height = height;
  frame.number = 1;
  Setter setter(fonts, language(doc));
  frame.items.push_back(layout::Box{{0, 0, width, height}, 0, {}, true, kCoverPaper});
  draw_front(frame, setter, doc, 0, 0, width, height, 0, binding_edge(doc));
  return frame;
}

BindingEdge binding_edge(const model::Document& doc) {
  // A newspaper's pages are set horizontally even in a vertical publication
  // (README, issue 17), and read left to right like any horizontal pages.
  const bool vertical_pages =
      doc.writing_mode == model::WritingMode::Vertical && model::newspaper_pages(doc).empty();
  return vertical_pages ? BindingEdge::Right : BindingEdge::Left;
}

layout::PageFrame cover_frame(const model::Document& doc, text::FontDb& fonts, const CoverSize& size) {
  const double W = size.trim_width, H = size.trim_height, S = size.spine, b = size.bleed;
  const CoverPanels panels = cover_panels(W, S, size.edge);
  const double back = b + panels.back, spine = b + panels.spine, front = b + panels.front;
  layout::PageFrame frame;
  frame.width = 2 * W + S + 2 * b;
  frame.height = H + 2 * b;
  Setter setter(fonts, language(doc));
  const model::Metadata& m = doc.metadata;

  // Paper colour to the bleed edge; the front's band bleeds off its fore edge.
  frame.items.push_back(layout::Box{{0, 0, frame.width, frame.height}, 0, {}, true, kCoverPaper});
  draw_front(frame, setter, doc, front, b, W, H, b, size.edge);

  // The spine: the title set downwards, one upright character under another,
  // as the spines of Chinese books read whichever edge they are bound on.
  double spine_size = std::min(S * 0.6, 14.0);
  if (spine_size >= 5)
    place_column(frame.items, setter, m.title, text::Role::Heading, spine_size, spine + S / 2, b + mm(15),
                 H - mm(30), kCoverInk);

  // The back: the description, set to a measure inside 20 mm margins.
  if (!m.description.empty()) {
    double margin = mm(20), body = doc.page.body_size;
    std::vector<double> widths;
    auto lines = setter.lines(m.description, text::Role::Body, body, W - 2 * margin, widths, kCoverInk);
    double by = b + margin + body;
    for (auto& line : lines) {
      for (PageItem& item : line) {
        layout::translate(item, back + margin, by);
        frame.items.push_back(std::move(item));
      }
      by += body * doc.page.leading;
    }
  }
  // The ISBN at the foot, by the fore edge: the back's left edge when the
  // book is bound on the left, its right edge when bound on the right.
  if (m.identifier_scheme == "isbn") {
    const std::string isbn = "ISBN " + m.identifier;
    double x = back + mm(20);
    if (size.edge == BindingEdge::Right) {
      std::vector<double> widths;
      setter.lines(isbn, text::Role::Body, 9, 0, widths);
      x = back + W - mm(20) - (widths.empty() ? 0 : widths[0]);
    }
    setter.place(frame.items, isbn, text::Role::Body, 9, x, b + H - mm(20), false, kCoverInk);
  }
  return frame;
}

}  // namespace huozi::print
