// The elements of a newspaper page (docs/content-model.md, "Newspaper pages"):
// <page>'s head attributes, a module's place on the grid, and the checks that
// placed modules stay inside the page's columns and do not overlap.
#pragma once

#include <vector>

#include "model/document.h"
#include "model/xml_cursor.h"

namespace huozi::model {

// <page number= name= paper= editor= designer= proofreader=>: its number and
// name into `page`, its head into page.page_head().
void read_page_attributes(const Cursor& e, Node& page);

// span= column= row= rows= importance= boxed= of a module (article, photos,
// figure on a page), checked against the page's `columns`.
void read_module_attributes(const Cursor& e, Node& module, int columns, bool is_article);

// A page's modules are placed by the editor all or not at all, and placed
// ones do not overlap. Reports each problem at the module that has it.
void check_placements(const std::vector<std::pair<Cursor, const Node*>>& modules);

}  // namespace huozi::model
