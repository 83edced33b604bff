// The EPUB's stylesheet, written for Chinese text.
#pragma once

#include <string>

namespace huozi::epub {

std::string stylesheet_css();

}  // namespace huozi::epub
