// Whole-document checks and derived data, run once the tree is built.
#pragma once

#include "model/document.h"
#include "util/diagnostic.h"

namespace huozi::model {

// Numbers containers (label "第一章", "1.2"…) and footnotes (per chapter), and
// reports duplicate ids, links to ids that do not exist, and missing or
// unreadable images.
void finish_document(Document& doc, DiagnosticList& diagnostics);

}  // namespace huozi::model
