#include "build/epub_fonts.h"

#include <hb-subset.h>

#include "text/handles.h"

namespace huozi::build {
namespace {

using HbSubsetInput = std::unique_ptr<hb_subset_input_t, Deleter<hb_subset_input_t, hb_subset_input_destroy>>;

// The face at info subset to `characters`: the whole OpenType font (cmap and
// layout tables kept, so a reading system shapes it), or empty with a problem.
std::string subset(const text::FaceInfo& info, const std::u32string& characters, DiagnosticList& problems) {
  text::HbBlob blob(hb_blob_create_from_file_or_fail(info.file.c_str()));
  text::HbFace face(blob ? hb_face_create(blob.get(), static_cast<unsigned>(info.index)) : nullptr);
  HbSubsetInput input(hb_subset_input_create_or_fail());
  if (!face || hb_face_get_glyph_count(face.get()) == 0 || !input) {
    problems.error(info.file, 0, 0, "cannot open the font to embed it in the EPUB",
                   "check that the font is installed (scripts/install-deps.sh)");
    return {};
  }
  // Every layout feature, not hb-subset's default list: reading systems use
  // 'chws' and 'halt' to set adjacent punctuation in half a cell (clreq 3.1.6),
  // 'vert' for vertical text, 'locl' for the language's forms.
  hb_set_t* features = hb_subset_input_set(input.get(), HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
  hb_set_clear(features);
  hb_set_invert(features);
  hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
  for (char32_t c : characters) hb_set_add(unicodes, c);
  text::HbFace result(hb_subset_or_fail(face.get(), input.get()));
  if (!result) {
    problems.error(info.file, 0, 0, "cannot subset the font to embed it in the EPUB");
    return {};
  }
  text::HbBlob bytes(hb_face_reference_blob(result.get()));
  unsigned length = 0;
  const char* data = hb_blob_get_data(bytes.get(), &length);
  return std::string(data, length);
}

bool is_truetype(const std::string& font) { return font.size() >= 4 && font.compare(0, 4, "OTTO") != 0; }

}  // namespace

epub::FontSubsetter epub_font_subsetter(const text::FontDb& fonts, const std::string& lang,
                                        std::vector<std::string>& notes, DiagnosticList& problems) {
  return [&fonts, lang, &notes, &problems](const epub::ShownCharacters& shown) {
    std::vector<epub::FontFile> out;
    std::vector<std::string> sizes;  // told only once both faces are made
    const text::FaceInfo& text_face = fonts.info(fonts.chain(text::Role::Body, lang).front());
    const text::FaceInfo& heading_face = fonts.info(fonts.chain(text::Role::Heading, lang).front());
    for (bool bold : {false, true}) {
      const text::FaceInfo& info = bold ? heading_face : text_face;
      std::string bytes = subset(info, bold ? shown.headings : shown.text, problems);
      if (bytes.empty()) return std::vector<epub::FontFile>{};
      epub::FontFile file;
      file.truetype = is_truetype(bytes);
      file.href = std::string("fonts/") + (bold ? "headings" : "text") + (file.truetype ? ".ttf" : ".otf");
      file.bold = bold;
      sizes.push_back("the EPUB embeds " + info.family + " subset to " +
                      std::to_string((bold ? shown.headings : shown.text).size()) + " characters: " +
                      std::to_string((bytes.size() + 512) / 1024) + " KB (" + file.href + ")");
      file.bytes = std::move(bytes);
      out.push_back(std::move(file));
    }
    notes.insert(notes.end(), sizes.begin(), sizes.end());
    return out;
  };
}

}  // namespace huozi::build
