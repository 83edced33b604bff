#include "epub/markup.h"

namespace huozi::epub {

void append_escaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
}

std::string escaped(std::string_view text) {
  std::string out;
  append_escaped(out, text);
  return out;
}

std::string lang_attributes(std::string_view lang) {
  if (lang.empty()) return {};
  std::string l = escaped(lang);
  return " xml:lang=\"" + l + "\" lang=\"" + l + "\"";
}

}  // namespace huozi::epub
