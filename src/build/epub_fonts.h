// `huozi build --epub-fonts`: the faces the PDF sets text and headings in,
// subset with hb-subset to the characters the EPUB shows, for reading systems
// without good CJK faces. The fonts' SIL Open Font Licence allows it.
#pragma once

#include <string>
#include <vector>

#include "epub/embedded_fonts.h"
#include "text/font_db.h"

namespace huozi::build {

// A subsetter for the EPUB writer: the text face (Role::Body) and the headings'
// face (Role::Heading) of `lang`. Each face's size goes to `notes` ("body.otf
// 412 KB"), a failure to `problems` (the EPUB is then written without fonts).
epub::FontSubsetter epub_font_subsetter(const text::FontDb& fonts, const std::string& lang,
                                        std::vector<std::string>& notes, DiagnosticList& problems);

}  // namespace huozi::build
