// Colour conversion to the printing condition's CMYK with LittleCMS: what the
// reader PDF draws in sRGB (cover colours, FPO boxes, coloured rules and text,
// RGB pictures) becomes the CMYK the output profile gives, so the print shop's
// RIP has nothing left to choose. Neutral colours are not converted: they go
// on the black plate alone (a grey of value v is v's complement in K), which
// no colorimetric conversion would do.
#pragma once

#include <array>
#include <cstddef>
#include <map>
#include <memory>
#include <string>

#include "print/colour.h"

namespace huozi::print {

using Cmyk = std::array<double, 4>;  // 0..1 each

// Rendering intents, stated because the print shop asks: vector colours are
// relative colorimetric (a chosen colour stays that colour where the press
// can print it), pictures perceptual (their gradations kept when the press
// cannot reach them); both with black-point compensation.
class CmykConverter {
 public:
  // Empty with `error` set when a profile cannot be opened or the output
  // profile is not CMYK.
  static std::unique_ptr<CmykConverter> create(const IccProfile& rgb, const IccProfile& output,
                                               std::string& error);
  ~CmykConverter();
  CmykConverter(const CmykConverter&) = delete;
  CmykConverter& operator=(const CmykConverter&) = delete;

  // r, g, b in 0..1. Neutral (r = g = b): K = 1 − r alone.
  Cmyk colour(double r, double g, double b) const;

  // `pixels` 8-bit RGB triples into 8-bit CMYK quadruples (cmyk holds 4 × pixels bytes).
  void picture(const unsigned char* rgb, unsigned char* cmyk, size_t pixels) const;

 private:
  struct Transforms;
  explicit CmykConverter(std::unique_ptr<Transforms> t);
  std::unique_ptr<Transforms> t_;
  mutable std::map<std::array<double, 3>, Cmyk> cache_;  // a book uses a handful of colours
};

// Components rounded to 0.1 % as the content stream writes them.
Cmyk rounded(const Cmyk& c);

// True for 100 % K alone: the black that overprints.
bool is_overprinting_black(const Cmyk& c);

}  // namespace huozi::print
