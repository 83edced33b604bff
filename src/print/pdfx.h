// The PDF/X identification of a print file: an OutputIntent with its ICC
// profile, the Info keys (GTS_PDFXVersion, Trapped, dates) and the XMP
// metadata packet that repeats them.
#pragma once

#include <qpdf/QPDF.hh>
#include <string>
#include <vector>

#include "print/colour.h"

namespace huozi::print {

// The PDF/X version a print file claims. PDF/X-4 (ISO 15930-7:2010) is the
// default; PDF/X-1a:2001 (ISO 15930-1) for workflows that take nothing newer:
// CMYK and spot colours only, no transparency, PDF 1.3.
enum class PdfxVersion { X4, X1a };

struct DocumentInfo {
  std::string title;  // as the publication names itself (title：subtitle)
  std::vector<std::string> authors;
  std::string date;               // YYYY-MM-DD: creation and modification date, for reproducible files
  std::string document_id;        // a URI: the publication's identifier
  std::string creator = "huozi";  // the tool that made the pages
};

// What the OutputIntent claims: the profile and how a printer should read it.
struct OutputIntent {
  IccProfile profile;
  int components = 3;
  std::string condition_identifier = "Custom";
  std::string condition;  // human-readable printing condition
  std::string info;
};

// The OutputIntent for a print shop's output profile: Custom, named after the
// file; absent (with error) unless it is an ICC output ('prtr') profile in CMYK.
struct IntentResult {
  OutputIntent intent;
  std::string error;  // empty on success
  explicit operator bool() const { return error.empty(); }
};
IntentResult output_intent_for_profile(const IccProfile& profile);

// "D:20211231000000Z" for a YYYY-MM-DD date.
std::string pdf_date(const std::string& iso_date);

// The XMP packet (UTF-8) with dc:title, dc:creator, xmp dates, pdf:Trapped,
// xmpMM ids and pdfxid:GTS_PDFXVersion.
std::string xmp_packet(const DocumentInfo& info, const std::string& producer, PdfxVersion version);

// Sets the Info dictionary (GTS_PDFXVersion, and GTS_PDFXConformance for
// X-1a), the XMP /Metadata stream and the OutputIntents on the document,
// replacing whatever was there.
void mark_as_pdfx(QPDF& pdf, const DocumentInfo& info, const OutputIntent& intent, PdfxVersion version);

}  // namespace huozi::print
