// The CID of each glyph of a CID-keyed CFF font program, from its charset
// (Adobe Technical Note #5176, "The Compact Font Format Specification", §13,
// §18). In a PDF, a CIDFontType0 font's codes are CIDs, which its charset maps
// to glyphs: a content stream must show the CID, not the glyph id.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace huozi::pdf {

// cids[glyph id] for the CFF table at `data`; empty if it is not CID-keyed
// (no ROS operator) or cannot be read.
std::vector<uint16_t> cff_cids(const unsigned char* data, size_t size, unsigned glyph_count);

}  // namespace huozi::pdf
