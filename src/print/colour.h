// Colour for the print file: RGB made device-independent (sRGB as DefaultRGB
// and as the colour space of RGB images, shadings and transparency groups),
// neutral RGB (black text, grey rules) rewritten as DeviceGray so a CMYK RIP
// prints it on the black plate only, and the registration colour.
#pragma once

#include <memory>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <set>
#include <string>

namespace huozi::print {

// A content-stream filter: `r g b rg` / `RG` with r = g = b becomes `v g` / `G`.
// Other tokens pass through unchanged.
std::shared_ptr<QPDFObjectHandle::TokenFilter> make_neutral_to_gray_filter();

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

// The [/ICCBased stream] colour space for a profile.
QPDFObjectHandle icc_colour_space(QPDF& pdf, const IccProfile& profile, int components);

// [/Separation /All alternate f]: 100 % tint on every plate. The alternate
// (how a device without separations shows it) is black in the output
// intent's own terms: DeviceCMYK 1 1 1 1 for a CMYK intent, DeviceGray 0 for
// gray, and `rgb` (the ICC-based sRGB) 0 0 0 for an RGB intent.
QPDFObjectHandle registration_colour_space(QPDF& pdf, int intent_components, QPDFObjectHandle rgb);

// Walks everything reachable from `object` (resources, forms, images,
// patterns, shadings, groups; not /Parent): DeviceRGB images, shadings and
// group colour spaces become `srgb`; every resource dictionary gets /DefaultRGB
// = srgb; every form XObject's content gets the neutral-to-gray filter.
void make_rgb_device_independent(QPDFObjectHandle object, QPDFObjectHandle srgb, std::set<QPDFObjGen>& seen);

}  // namespace huozi::print
