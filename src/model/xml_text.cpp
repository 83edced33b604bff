#include "model/xml_text.h"

#include <cstdio>

namespace huozi::model {
namespace {

constexpr char32_t kBeyondUnicode = 0x110000;

bool starts_with(std::string_view text, size_t at, std::string_view prefix) {
  return text.substr(at, prefix.size()) == prefix;
}

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

int hex_value(char c) {
  if (is_ascii_digit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':'; }
bool is_name_char(char c) { return is_name_start(c) || is_ascii_digit(c) || c == '-' || c == '.'; }

// "U+0001 (a control character)", "U+D800 (a surrogate, ...)", "beyond U+10FFFF".
std::string describe(char32_t c) {
  if (c >= kBeyondUnicode) return "beyond U+10FFFF";
  char code[16];
  std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
  if (c == 0) return std::string(code) + " (NUL)";
  if (c < 0x20) return std::string(code) + " (a control character)";
  if (c >= 0xD800 && c <= 0xDFFF) return std::string(code) + " (a surrogate, which is half of a UTF-16 pair)";
  return std::string(code) + " (not a character)";
}

// The character a reference "&#…;" at text[at] names, and where it ends (just
// past the ';'); kBeyondUnicode for values too large (which pugixml would wrap
// around). Returns false when the reference is malformed.
bool read_character_reference(std::string_view text, size_t at, char32_t& value, size_t& end) {
  size_t i = at + 2;  // past "&#"
  bool hex = i < text.size() && text[i] == 'x';
  if (hex) ++i;
  size_t digits_start = i;
  uint64_t v = 0;
  for (; i < text.size(); ++i) {
    int digit = hex ? hex_value(text[i]) : (is_ascii_digit(text[i]) ? text[i] - '0' : -1);
    if (digit < 0) break;
    v = v * (hex ? 16 : 10) + static_cast<uint64_t>(digit);
    if (v > kBeyondUnicode) v = kBeyondUnicode;  // saturate: no overflow, no wrap-around
  }
  if (i == digits_start || i >= text.size() || text[i] != ';') return false;
  value = static_cast<char32_t>(v);
  end = i + 1;
  return true;
}

// Checks one '&' outside comments, CDATA and PIs; returns where scanning goes on.
size_t check_reference(std::string_view text, size_t at, std::vector<TextProblem>& out) {
  if (starts_with(text, at, "&#")) {
    char32_t value = 0;
    size_t end = at;
    if (!read_character_reference(text, at, value, end)) {
      out.push_back({at, "malformed character reference",
                     "write &#x4E00; or &#19968; for a character, or &amp; for a literal &"});
      return at + 2;
    }
    if (!is_xml_char(value))
      out.push_back({at,
                     "the character reference " + std::string(text.substr(at, end - at)) +
                         " is not allowed in XML: " + describe(value),
                     "delete it, or write the character you meant"});
    return end;
  }
  size_t i = at + 1;
  if (i >= text.size() || !is_name_start(text[i])) return at + 1;  // a bare '&': pugixml keeps it as text
  while (i < text.size() && is_name_char(text[i])) ++i;
  if (i >= text.size() || text[i] != ';') return at + 1;
  std::string_view name = text.substr(at + 1, i - at - 1);
  if (name != "amp" && name != "lt" && name != "gt" && name != "quot" && name != "apos")
    out.push_back({at, "unknown entity &" + std::string(name) + ";",
                   "XML has only &amp; &lt; &gt; &quot; &apos;: write the character itself, or a "
                   "reference such as &#xA0; (no-break space)"});
  return i + 1;
}

// Markup whose content is text to the parser: '&' there starts no reference.
struct Literal {
  std::string_view open, close;
};
constexpr Literal kLiterals[] = {{"<!--", "-->"}, {"<![CDATA[", "]]>"}, {"<?", "?>"}};

const Literal* literal_at(std::string_view text, size_t at) {
  for (const Literal& literal : kLiterals)
    if (starts_with(text, at, literal.open)) return &literal;
  return nullptr;
}

// A raw character XML does not allow starting at text[i] (valid UTF-8, so no
// surrogates): C0 controls other than tab, LF and CR, and U+FFFE, U+FFFF.
bool raw_disallowed(std::string_view text, size_t i, char32_t& c) {
  auto b = static_cast<unsigned char>(text[i]);
  if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
    c = b;
    return true;
  }
  if (b == 0xEF && starts_with(text, i, "\xEF\xBF") && i + 2 < text.size() &&
      (static_cast<unsigned char>(text[i + 2]) & 0xFE) == 0xBE) {
    c = 0xFFFE + (static_cast<unsigned char>(text[i + 2]) & 1);
    return true;
  }
  return false;
}

}  // namespace

bool is_xml_char(char32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

std::vector<TextProblem> find_xml_text_problems(std::string_view text, size_t max_problems) {
  std::vector<TextProblem> out;
  std::string_view literal_end;  // set while inside a comment, CDATA section or PI
  for (size_t i = 0; i < text.size() && out.size() < max_problems;) {
    char32_t c = 0;
    if (raw_disallowed(text, i, c)) {
      out.push_back({i, "the character " + describe(c) + " is not allowed in XML",
                     "delete it; such characters come along when text is copied out of other programs"});
      ++i;
    } else if (!literal_end.empty()) {
      if (starts_with(text, i, literal_end)) {
        i += literal_end.size();
        literal_end = {};
      } else {
        ++i;
      }
    } else if (text[i] == '&') {
      i = check_reference(text, i, out);
    } else if (const Literal* literal = text[i] == '<' ? literal_at(text, i) : nullptr) {
      literal_end = literal->close;
      i += literal->open.size();
    } else {
      ++i;
    }
  }
  return out;
}

}  // namespace huozi::model
