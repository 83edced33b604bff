#include "epub/embedded_fonts.h"

#include <cstring>

namespace huozi::epub {
namespace {

constexpr char32_t kCodeSpace = 0x110000;

// Decodes one UTF-8 sequence at s[i]; advances i. Invalid bytes give U+FFFD.
char32_t next_code_point(const std::string& s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i++]);
  if (c < 0x80) return c;
  int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : -1;
  if (extra < 0) return 0xFFFD;
  char32_t cp = c & (0x3F >> extra);
  for (int k = 0; k < extra; ++k) {
    if (i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) return 0xFFFD;
    cp = cp << 6 | (static_cast<unsigned char>(s[i++]) & 0x3F);
  }
  return cp < kCodeSpace ? cp : 0xFFFD;
}

// True when the tag starting at s[at] ('<') opens or closes a heading or <strong>.
bool heading_tag(const std::string& s, size_t at, bool& closing) {
  size_t n = at + 1;
  closing = n < s.size() && s[n] == '/';
  if (closing) ++n;
  auto is = [&](const char* name) {
    size_t len = std::strlen(name);
    return s.compare(n, len, name) == 0 && n + len < s.size() && (s[n + len] == '>' || s[n + len] == ' ');
  };
  return is("h1") || is("h2") || is("h3") || is("h4") || is("h5") || is("h6") || is("strong");
}

std::u32string members(const std::vector<bool>& set) {
  std::u32string out;
  for (char32_t c = 0; c < kCodeSpace; ++c)
    if (set[c]) out += c;
  return out;
}

}  // namespace

CharacterCollector::CharacterCollector() : text_(kCodeSpace), headings_(kCodeSpace) {
  // Printable ASCII in both: Latin words, digits and what the escapes stand for.
  for (char32_t c = 0x20; c < 0x7F; ++c) text_[c] = headings_[c] = true;
}

void CharacterCollector::add_xhtml(const std::string& xhtml) {
  // Skips the prolog and <head> (the title is not shown in the page).
  size_t body = xhtml.find("<body");
  int heading_depth = 0;
  for (size_t i = body == std::string::npos ? 0 : body; i < xhtml.size();) {
    if (xhtml[i] == '<') {
      bool closing = false;
      if (heading_tag(xhtml, i, closing)) heading_depth += closing ? -1 : 1;
      size_t end = xhtml.find('>', i);
      i = end == std::string::npos ? xhtml.size() : end + 1;
      continue;
    }
    char32_t c = next_code_point(xhtml, i);
    if (c < 0x20) continue;
    text_[c] = true;
    if (heading_depth > 0) headings_[c] = true;
  }
}

ShownCharacters CharacterCollector::characters() const { return {members(text_), members(headings_)}; }

std::string embedded_fonts_css(const std::vector<FontFile>& fonts) {
  std::string text_family, heading_family;
  std::string css = "\n/* Embedded faces, subset to the characters of this book (huozi build --epub-fonts). */\n";
  for (const FontFile& f : fonts) {
    const char* family = f.bold ? "huozi headings" : "huozi text";
    (f.bold ? heading_family : text_family) = std::string("\"") + family + "\", ";
    css += "@font-face { font-family: \"" + std::string(family) + "\"; font-weight: " +
           (f.bold ? "bold" : "normal") + "; src: url(\"" + f.href + "\") format(\"" +
           (f.truetype ? "truetype" : "opentype") + "\"); }\n";
  }
  if (text_family.empty() && heading_family.empty()) return {};
  // The embedded faces come first; what a reading system has follows, for a
  // character a subset lacks. Headings fall back to the text face, which has
  // every character the book shows.
  const std::string serif = text_family + "\"Noto Serif CJK SC\", serif";
  const std::string serif_tc = text_family + "\"Noto Serif CJK TC\", serif";
  css += "body { font-family: " + serif + "; }\n";
  css += ":lang(zh-Hant) body, body:lang(zh-Hant) { font-family: " + serif_tc + "; }\n";
  // Headings: the embedded bold face, then a reader's own sans, then the text face (every character).
  css += "h1, h2, h3, h4, h5, h6, strong { font-family: " + heading_family + "\"Noto Sans CJK SC\", " + text_family +
         "sans-serif; }\n";
  css += ":lang(zh-Hant) h1, :lang(zh-Hant) h2, :lang(zh-Hant) h3, :lang(zh-Hant) h4, :lang(zh-Hant) h5, "
         ":lang(zh-Hant) h6, :lang(zh-Hant) strong { font-family: " + heading_family + "\"Noto Sans CJK TC\", " +
         text_family + "sans-serif; }\n";
  css += "em { font-family: \"Kaiti SC\", \"STKaiti\", \"KaiTi\", " + serif + "; }\n";
  css += ":lang(zh-Hant) em { font-family: \"Kaiti TC\", \"BiauKai\", \"DFKai-SB\", " + serif_tc + "; }\n";
  css += "figcaption, p.kicker, p.subtitle { font-family: \"Noto Sans CJK SC\", " + serif + "; }\n";
  css += ":lang(zh-Hant) figcaption, :lang(zh-Hant) p.kicker, :lang(zh-Hant) p.subtitle "
         "{ font-family: \"Noto Sans CJK TC\", " + serif_tc + "; }\n";
  css += "article.story p.byline { font-family: \"Kaiti SC\", \"STKaiti\", \"KaiTi\", " + serif + "; }\n";
  css += ":lang(zh-Hant) article.story p.byline { font-family: \"Kaiti TC\", \"BiauKai\", \"DFKai-SB\", " +
         serif_tc + "; }\n";
  css += "code { font-family: \"Noto Sans Mono CJK SC\", monospace, " + text_family + "serif; }\n";
  return css;
}

}  // namespace huozi::epub
