// One spine document as XHTML 1.1 / HTML5 (the EPUB 3 content document).
#pragma once

#include <string>

#include "epub/book_plan.h"
#include "model/document.h"

namespace huozi::epub {

std::string render_spine_document(const model::Document& doc, const BookPlan& plan, const SpineDocument& item);

// The shared head and foot of every XHTML file. A file of vertical text
// says so on its root (class "vertical": writing-mode vertical-rl): a
// vertical publication's, but for a picture page (the cover), which has no
// writing direction, and the files of a part or chapter set horizontally.
std::string xhtml_head(const model::Document& doc, const std::string& title, const char* body_type, bool vertical);
// Whether the publication's own files (navigation, title page) are vertical.
inline bool vertical_publication(const model::Document& doc) {
  return doc.writing_mode == model::WritingMode::Vertical;
}

// Text escaped for XHTML; in a vertical publication each number of one or two digits
// standing alone is set upright in one cell (縦中横, text-combine-upright).
void append_text(std::string& out, const std::string& text, bool vertical);
std::string xhtml_foot();

}  // namespace huozi::epub
