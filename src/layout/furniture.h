// Page furniture: what a finished page gets besides its text: its number and
// label, the running head (书眉) with its rule, and the folio (页码). A
// vertical book's page gets them after it is turned (vertical_page.h), set
// horizontally in its head and foot at the outer side, as Taiwanese and
// Japanese vertical books set them.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "layout/compose.h"
#include "layout/page_flow.h"

namespace huozi::layout {

class Furniture {
 public:
  // Body pages count from 1 after `front_pages`.
  Furniture(Composer& c, int front_pages) : c_(c), front_pages_(front_pages) {}

  // Numbers and labels the page and, unless it is a blank verso, draws its
  // running head and folio.
  void furnish(PageFrame& page, const PageInfo& info);

 private:
  struct Head {
    std::vector<PageItem> items;  // at x = 0 on the baseline
    double width = 0;
  };
  Composer& c_;
  int front_pages_;
  // Each running head is set once per measure (the text block's width), and kept.
  std::unordered_map<std::string, Head> heads_;

  const Head& head(const std::string& text, double size, double measure);
  void running_head(PageFrame& page, const PageInfo& info, double left, double size);
  void folio(PageFrame& page, const PageInfo& info, double left, double size);
  void furnish_vertical(PageFrame& page, const PageInfo& info, double size);
};

}  // namespace huozi::layout
