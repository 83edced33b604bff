// Whole documents through layout_document for tests, read back from the page
// frames: the text each page shows, line by line, with positions.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "layout/document_layout.h"
#include "text/font_db.h"
#include "util/diagnostic.h"

namespace huozi::layout {

// One line of a page as a reader sees it: the runs that share a baseline.
struct PageLine {
  double x = 0, y = 0, right = 0, size = 0;
  std::string text;
};

struct LaidOut {
  std::vector<PageFrame> pages;
  DiagnosticList diags;

  // The page's text lines, top to bottom.
  std::vector<PageLine> lines(size_t page) const;
  // Lines of the page set at `size` points (footnotes, folios) or, with 0, all.
  std::vector<std::string> texts(size_t page, double size = 0) const;
};

text::FontDb& fonts();

// A publication with this <layout/> element (or none) and body.
std::string publication(const std::string& layout, const std::string& body);

// Loads the publication (test.xml) and lays it out; the pages in book order.
// `edit` may change the document between loading and layout (to give it what
// the loader refuses but layout must survive, such as a 999999999:1 picture).
LaidOut lay_out(const std::string& xml, const std::function<void(model::Document&)>& edit = {});

// Every placeholder of ratio `from` given ratio `to`, past the loader's checks.
void set_placeholder_ratios(model::Document& doc, const std::string& from, const std::string& to);

// An edit for lay_out: the loader's extreme ratios 20:1 and 1:20 become 999999999:1 and 1:999999999.
void extreme_ratios(model::Document& doc);

constexpr double kNotePt = 10.5 * 0.85;
constexpr double kFolioPt = 10.5 * 0.8;

}  // namespace huozi::layout
