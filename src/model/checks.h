// Whole-document checks and derived data, run once the tree is built.
#pragma once

#include "model/document.h"
#include "util/diagnostic.h"

namespace huozi::model {

// Numbers containers (label "第一章", "1.2"…) and footnotes (restarting at
// each top-level unit, one EPUB file each), reports duplicate ids, links to
// ids that do not exist, missing or unreadable images, and warns about images
// with neither alt text nor a caption.
void finish_document(Document& doc, DiagnosticList& diagnostics);

}  // namespace huozi::model
