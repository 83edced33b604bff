// Fonts inside the EPUB (issue 18, optional): for reading systems without
// good CJK faces (e-ink readers, Kindle conversions). The EPUB module does
// not subset fonts: it says which characters its files show, the caller
// (src/build) returns the faces subset to them, and the EPUB lists them in
// the manifest and names them in the stylesheet.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace huozi::epub {

// The characters the EPUB's files show, in code point order: every one in
// `text`, and those in headings and <strong> in `headings` (set in the bold face).
struct ShownCharacters {
  std::u32string text;
  std::u32string headings;
};

// A face to embed, subset to the characters shown.
struct FontFile {
  std::string href;   // "fonts/body.otf"
  std::string bytes;  // an OpenType font: CFF outlines ("font/otf") or TrueType ("font/ttf")
  bool bold = false;  // the headings' face; otherwise the text's
  bool truetype = false;
};

// Given the characters, the faces; an empty list embeds nothing.
using FontSubsetter = std::function<std::vector<FontFile>(const ShownCharacters&)>;

// Collects the characters of XHTML files as they are written.
class CharacterCollector {
 public:
  CharacterCollector();
  // The text of an XHTML file: markup is skipped, character references kept as written
  // (huozi writes only &amp; &lt; &gt; &quot;, whose characters are always included).
  void add_xhtml(const std::string& xhtml);
  ShownCharacters characters() const;

 private:
  std::vector<bool> text_, headings_;
};

// The stylesheet's part for the embedded faces: @font-face rules, and the
// faces first in every family list (after the kai faces of emphasis, which
// a reader's own kai should still set).
std::string embedded_fonts_css(const std::vector<FontFile>& fonts);

}  // namespace huozi::epub
