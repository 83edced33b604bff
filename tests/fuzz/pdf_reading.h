// How QPDF reads a PDF the fuzz target wrote: its pages, and every warning
// QPDF gave while reading it (a damaged cross-reference table it rebuilt, a
// content stream that does not decode). Kept in its own translation unit,
// built as C++17: QPDF 11.3's headers (Debian 12) are not valid C++20 under
// clang (qpdf/qpdf#942, fixed in 11.4), and this header includes none of them.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace huozi::fuzz {

struct PdfReading {
  int pages = -1;  // -1: QPDF could not read the file (see error)
  std::string error;
  std::vector<std::string> warnings;  // empty for a sound file
};

// Opens the file, lists its pages and decodes each page's content streams.
PdfReading read_pdf(const std::filesystem::path& pdf);

}  // namespace huozi::fuzz
