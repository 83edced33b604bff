// JPEG pictures for Cairo, which decodes only PNG: libjpeg into an image surface.
#pragma once

#include <string>

#include "raster/handles.h"

namespace huozi::raster {

// The JPEG at path as an RGB24 surface; null when it cannot be read or decoded.
CairoSurface load_jpeg(const std::string& path);

}  // namespace huozi::raster
