// The <layout> element: the publication's page setup for the PDF, read from
// its attributes (docs/content-model.md).
#pragma once

#include <optional>
#include <string>

#include "model/document.h"
#include "model/xml_cursor.h"

namespace huozi::model {

// Reads every attribute of `layout` into `page` (which holds the defaults,
// and the periodical's when the publication is one), reporting unknown
// attributes, values out of range and margins that leave no room for text
// (on pages set `vertical`ly, if so).
void read_layout(const Cursor& layout, PageSetup& page, bool vertical = false);

// What is wrong with a page setup that leaves no room for text, and what to do.
struct TextAreaProblem {
  std::string what, hint;
};
std::optional<TextAreaProblem> text_area_problem(const PageSetup& page, bool vertical);

}  // namespace huozi::model
