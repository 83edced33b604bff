// The EPUB's package files: container.xml, the OPF package document, the
// EPUB 3 navigation document, the EPUB 2 NCX, and the title and cover pages.
#pragma once

#include <string>

#include "epub/book_plan.h"
#include "epub/embedded_fonts.h"
#include "model/document.h"

namespace huozi::epub {

std::string container_xml();
std::string package_opf(const model::Document& doc, const BookPlan& plan, const std::string& modified,
                        const std::vector<FontFile>& fonts = {});
std::string navigation_xhtml(const model::Document& doc, const BookPlan& plan);
std::string toc_ncx(const model::Document& doc, const BookPlan& plan);
std::string title_page_xhtml(const model::Document& doc);
std::string cover_xhtml(const model::Document& doc, const BookPlan& plan);

// "urn:uuid:…" or "urn:isbn:…" for the metadata's identifier.
std::string identifier_urn(const model::Metadata& metadata);

// Localised words for the navigation ("目录" / "目錄").
bool is_traditional(const std::string& lang);

}  // namespace huozi::epub
