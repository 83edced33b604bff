// Text and inline elements (em, strong, dot, a, ruby, br, code, span, note)
// inside a block, a title or a cell.
#pragma once

#include <vector>

#include "model/document.h"
#include "model/xml_cursor.h"

namespace huozi::model {

// Reads the children of `parent` into `out` as text and inline nodes, as
// written (whitespace is normalised by the caller), reporting elements that
// are not inline and malformed links, line breaks and ruby.
void read_inlines(const Cursor& parent, std::vector<Node>& out, int depth);

}  // namespace huozi::model
