// Reading glyph CIDs from a CFF charset: the codes the content streams show.
#include "pdf/cff_charset.h"

#include <gtest/gtest.h>
#include <hb.h>

#include <vector>

#include "util/handle.h"

namespace huozi::pdf {
namespace {

// A minimal CFF: header, a Name INDEX of one name, a Top DICT INDEX whose
// DICT has `dict`, and a charset appended at offset 26 when the DICT names it.
std::vector<unsigned char> cff(std::vector<unsigned char> dict, std::vector<unsigned char> charset) {
  std::vector<unsigned char> out = {1, 0, 4, 1, 0, 1, 1, 1, 2, 'A', 0, 1, 1, 1,
                                    static_cast<unsigned char>(1 + dict.size())};
  for (auto* part : {&dict, &charset})
    for (unsigned char c : *part) out.push_back(c);
  return out;
}

// ROS (0 0 0), then charset at offset 26 (a 4-byte integer, operator 15).
const std::vector<unsigned char> kCidKeyedDict = {139, 139, 139, 12, 30, 29, 0, 0, 0, 26, 15};

TEST(CffCharset, RangesGiveEachGlyphItsCid) {
  // Format 2: CIDs 100–102 for glyphs 1–3, then 500 for glyph 4.
  std::vector<unsigned char> font = cff(kCidKeyedDict, {2, 0, 100, 0, 2, 1, 244, 0, 0});
  ASSERT_EQ(font.size(), 26u + 9u);
  std::vector<uint16_t> cids = cff_cids(font.data(), font.size(), 5);
  EXPECT_EQ(cids, (std::vector<uint16_t>{0, 100, 101, 102, 500}));
}

TEST(CffCharset, FormatZeroListsEveryGlyph) {
  std::vector<unsigned char> font = cff(kCidKeyedDict, {0, 0, 7, 0, 3});
  EXPECT_EQ(cff_cids(font.data(), font.size(), 3), (std::vector<uint16_t>{0, 7, 3}));
}

TEST(CffCharset, NameKeyedOrBrokenFontsHaveNone) {
  // No ROS: a name-keyed font, whose codes are glyph ids.
  std::vector<unsigned char> name_keyed = cff({29, 0, 0, 0, 26, 15}, {2, 0, 100, 0, 2});
  EXPECT_TRUE(cff_cids(name_keyed.data(), name_keyed.size(), 4).empty());
  // Cut short inside the charset, the Top DICT, the header.
  std::vector<unsigned char> font = cff(kCidKeyedDict, {2, 0, 100, 0, 2, 1, 244, 0, 0});
  for (size_t size : {font.size() - 3, size_t{20}, size_t{3}, size_t{0}})
    EXPECT_TRUE(cff_cids(font.data(), size, 5).empty()) << size;
}

TEST(CffCharset, NotoSerifCjkIsCidKeyed) {
  Handle<hb_blob_t, hb_blob_destroy> file(
      hb_blob_create_from_file_or_fail("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"));
  ASSERT_TRUE(file) << "fonts-noto-cjk is installed by scripts/install-deps.sh";
  Handle<hb_face_t, hb_face_destroy> face(hb_face_create(file.get(), 0));
  Handle<hb_blob_t, hb_blob_destroy> table(hb_face_reference_table(face.get(), HB_TAG('C', 'F', 'F', ' ')));
  unsigned length = 0;
  const char* data = hb_blob_get_data(table.get(), &length);
  unsigned glyphs = hb_face_get_glyph_count(face.get());
  std::vector<uint16_t> cids = cff_cids(reinterpret_cast<const unsigned char*>(data), length, glyphs);
  ASSERT_EQ(cids.size(), glyphs);
  // Its CIDs are distinct and, in this font, the glyph ids themselves.
  EXPECT_EQ(cids[1], 1);
  EXPECT_EQ(cids[glyphs - 1], glyphs - 1);
}

}  // namespace
}  // namespace huozi::pdf
