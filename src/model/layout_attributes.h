// The <layout> element: the publication's page setup for the PDF, read from
// its attributes (docs/content-model.md).
#pragma once

#include "model/document.h"
#include "model/xml_cursor.h"

namespace huozi::model {

// Reads every attribute of `layout` into `page` (which holds the defaults,
// and the periodical's when the publication is one), reporting unknown
// attributes, values out of range and margins that leave no room for text.
void read_layout(const Cursor& layout, PageSetup& page);

}  // namespace huozi::model
