// One spine document as XHTML 1.1 / HTML5 (the EPUB 3 content document).
#pragma once

#include <string>

#include "epub/book_plan.h"
#include "model/document.h"

namespace huozi::epub {

std::string render_spine_document(const model::Document& doc, const BookPlan& plan, const SpineDocument& item);

// The shared head and foot of every XHTML file.
std::string xhtml_head(const std::string& lang, const std::string& title, const char* body_type = nullptr);
std::string xhtml_foot();

}  // namespace huozi::epub
