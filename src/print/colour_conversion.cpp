#include "print/colour_conversion.h"

#include <lcms2.h>

#include <cmath>

#include "util/handle.h"

namespace huozi::print {
namespace {

void close_profile(void* p) { cmsCloseProfile(p); }
void delete_transform(void* t) { cmsDeleteTransform(t); }
using ProfileHandle = Handle<void, close_profile>;
using TransformHandle = Handle<void, delete_transform>;

ProfileHandle open(const IccProfile& profile) {
  return ProfileHandle(cmsOpenProfileFromMem(profile.bytes.data(), static_cast<cmsUInt32Number>(profile.bytes.size())));
}

}  // namespace

struct CmykConverter::Transforms {
  TransformHandle vector;   // double RGB -> double CMYK (0..100)
  TransformHandle picture;  // 8-bit RGB -> 8-bit CMYK
};

CmykConverter::CmykConverter(std::unique_ptr<Transforms> t) : t_(std::move(t)) {}
CmykConverter::~CmykConverter() = default;

std::unique_ptr<CmykConverter> CmykConverter::create(const IccProfile& rgb, const IccProfile& output,
                                                     std::string& error) {
  // LittleCMS reports through a global handler; huozi reports by the result alone.
  cmsSetLogErrorHandler(nullptr);
  ProfileHandle in = open(rgb), out = open(output);
  if (!in || cmsGetColorSpace(in.get()) != cmsSigRgbData) {
    error = "LittleCMS cannot use " + rgb.path + " as an RGB profile";
    return nullptr;
  }
  if (!out || cmsGetColorSpace(out.get()) != cmsSigCmykData) {
    error = "LittleCMS cannot use " + output.path + " as a CMYK output profile";
    return nullptr;
  }
  auto t = std::make_unique<Transforms>();
  // No cache: colours arrive one at a time and the map below keeps them.
  t->vector.reset(cmsCreateTransform(in.get(), TYPE_RGB_DBL, out.get(), TYPE_CMYK_DBL,
                                     INTENT_RELATIVE_COLORIMETRIC,
                                     cmsFLAGS_BLACKPOINTCOMPENSATION | cmsFLAGS_NOCACHE));
  t->picture.reset(cmsCreateTransform(in.get(), TYPE_RGB_8, out.get(), TYPE_CMYK_8, INTENT_PERCEPTUAL,
                                      cmsFLAGS_BLACKPOINTCOMPENSATION));
  if (!t->vector || !t->picture) {
    error = "LittleCMS cannot convert from " + rgb.path + " to " + output.path;
    return nullptr;
  }
  return std::unique_ptr<CmykConverter>(new CmykConverter(std::move(t)));
}

Cmyk CmykConverter::colour(double r, double g, double b) const {
  if (r == g && g == b) return rounded({0, 0, 0, 1 - r});
  std::array<double, 3> key{r, g, b};
  auto found = cache_.find(key);
  if (found != cache_.end()) return found->second;
  double in[3] = {r, g, b}, out[4] = {0, 0, 0, 0};
  cmsDoTransform(t_->vector.get(), in, out, 1);
  Cmyk c = rounded({out[0] / 100, out[1] / 100, out[2] / 100, out[3] / 100});
  cache_.emplace(key, c);
  return c;
}

void CmykConverter::picture(const unsigned char* rgb, unsigned char* cmyk, size_t pixels) const {
  // cmsDoTransform counts pixels in 32 bits: a huge picture goes in slices.
  constexpr size_t kSlice = size_t{1} << 24;
  for (size_t done = 0; done < pixels; done += kSlice) {
    size_t n = std::min(kSlice, pixels - done);
    cmsDoTransform(t_->picture.get(), rgb + 3 * done, cmyk + 4 * done, static_cast<cmsUInt32Number>(n));
  }
}

Cmyk rounded(const Cmyk& c) {
  Cmyk out;
  for (int i = 0; i < 4; ++i) out[i] = std::clamp(std::round(c[i] * 1000) / 1000, 0.0, 1.0);
  return out;
}

bool is_overprinting_black(const Cmyk& c) { return c[0] == 0 && c[1] == 0 && c[2] == 0 && c[3] >= 0.999; }

}  // namespace huozi::print
