// The EPUB's stylesheet, written for Chinese text.
#pragma once

#include <string>

namespace huozi::epub {

// The rules of every EPUB, then, for a newspaper edition (a periodical of
// pages), those of its pages: a book's stylesheet stays as it was.
std::string stylesheet_css(bool newspaper = false);

}  // namespace huozi::epub
