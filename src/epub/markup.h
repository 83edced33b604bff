// Writing XML text: escaping, and the bits of markup every EPUB file shares.
#pragma once

#include <string>
#include <string_view>

namespace huozi::epub {

// Escapes & < > " for text and attribute values.
void append_escaped(std::string& out, std::string_view text);
std::string escaped(std::string_view text);

// ` xml:lang="…" lang="…"` for a language tag, or nothing when it is empty.
std::string lang_attributes(std::string_view lang);

}  // namespace huozi::epub
