// Colour for the print file: every colour the reader PDF draws becomes
// DeviceCMYK in the printing condition's terms (print/colour_conversion.h):
// neutral greys on the black plate alone, 100 % black overprinting (so
// misregistration never shows a white halo), RGB pictures converted, and for
// PDF/X-1a soft masks flattened onto the paper and marked content reduced to
// what PDF 1.3 knows. Also the registration colour of the printer's marks.
#pragma once

#include <memory>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <set>
#include <string>

namespace huozi::print {

class CmykConverter;

// The ExtGStates the CMYK filter selects, by name: overprint off or on for
// fills and strokes, each with /OPM 1 (a zero component leaves the plate
// below untouched).
extern const char* const kOverprintStates[4];  // index: 2 × stroke + fill
QPDFObjectHandle overprint_states();           // /ExtGState entries for a resource dictionary

// A content-stream filter: `rg`/`RG` and `g`/`G` become `k`/`K` through
// `converter`; before a fill or stroke colour, the ExtGState that turns
// overprint on for 100 % K and off for anything else, when that changes.
// With `pdf13`, marked content with properties (`/Span <<…>> BDC`, whose
// ActualText is PDF 1.5) becomes plain `/Span BMC`.
std::shared_ptr<QPDFObjectHandle::TokenFilter> make_cmyk_filter(const CmykConverter& converter, bool pdf13 = false);

// An ICC profile, read whole: a regular file of at most kMaxIccProfileBytes
// (the largest real ones, device links aside, are a few MB).
constexpr long kMaxIccProfileBytes = 64L * 1024 * 1024;
struct IccProfile {
  std::string path;
  std::string bytes;
  std::string error;  // empty when it was read
  explicit operator bool() const { return error.empty(); }
};
IccProfile read_icc_profile(const std::string& path);

// [/Separation /All /DeviceCMYK f]: 100 % tint on every plate; a device
// without separations shows it as CMYK 1 1 1 1.
QPDFObjectHandle registration_colour_space(QPDF& pdf);

// How the colours of a print file are rewritten.
struct ColourPlan {
  const CmykConverter* cmyk = nullptr;
  bool x1a = false;  // PDF/X-1a: soft masks composited onto white paper and dropped; PDF 1.3 marked content
};

// Walks everything reachable from `object` (resources, forms, images,
// patterns, shadings, groups; not /Parent) and applies the plan: each form
// XObject's content gets the CMYK filter and each resource dictionary the
// overprint states it names; DeviceRGB pictures are converted to CMYK and
// transparency groups blend in DeviceCMYK.
// Returns an error for a picture that cannot be converted, else empty.
std::string prepare_colours(QPDFObjectHandle object, const ColourPlan& plan, std::set<QPDFObjGen>& seen);

}  // namespace huozi::print
