#include "pdf_reading.h"

#include <exception>
#include <qpdf/Pl_Discard.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

namespace huozi::fuzz {

PdfReading read_pdf(const std::filesystem::path& pdf) {
  PdfReading reading;
  try {
    QPDF file;
    file.setSuppressWarnings(true);
    file.processFile(pdf.c_str());
    std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(file).getAllPages();
    for (QPDFPageObjectHelper& page : pages) {
      Pl_Discard discard;
      page.pipeContents(&discard);
    }
    reading.pages = static_cast<int>(pages.size());
    for (const QPDFExc& warning : file.getWarnings()) reading.warnings.push_back(warning.what());
  } catch (const std::exception& e) {
    reading.pages = -1;
    reading.error = e.what();
  }
  return reading;
}

}  // namespace huozi::fuzz
