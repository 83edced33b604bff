// One spine document as XHTML 1.1 / HTML5 (the EPUB 3 content document).
#pragma once

#include <string>

#include "epub/book_plan.h"
#include "model/document.h"

namespace huozi::epub {

std::string render_spine_document(const model::Document& doc, const BookPlan& plan, const SpineDocument& item);

// The shared head and foot of every XHTML file. A vertical publication's
// files say so on their root (class "vertical": writing-mode vertical-rl),
// but for a `picture` page (the cover), which has no writing direction.
std::string xhtml_head(const model::Document& doc, const std::string& title, const char* body_type = nullptr,
                       bool picture = false);

// Text escaped for XHTML; in a vertical publication each number of one or two digits
// standing alone is set upright in one cell (縦中横, text-combine-upright).
void append_text(std::string& out, const std::string& text, bool vertical);
std::string xhtml_foot();

}  // namespace huozi::epub
