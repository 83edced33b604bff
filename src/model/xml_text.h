// What pugixml accepts but XML forbids, found in a source's text before it is
// parsed: pugixml passes control characters and references to them into the
// tree (and so into a book that is no longer well-formed XML), wraps character
// references beyond 32 bits around to other characters, writes surrogates as
// bytes that are not UTF-8, and keeps an unknown entity such as &nbsp; as text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace huozi::model {

struct TextProblem {
  size_t offset = 0;  // byte offset in the text
  std::string message;
  std::string hint;
};

// True for the characters XML 1.0 allows (its production Char).
bool is_xml_char(char32_t c);

// Characters XML does not allow (as they are or as &#…; references), malformed
// character references and references to entities XML does not define, in
// text order, at most max_problems of them. The text must be valid UTF-8.
// References inside comments, CDATA sections and processing instructions are
// text, not references, and are not checked.
std::vector<TextProblem> find_xml_text_problems(std::string_view text, size_t max_problems = 100);

}  // namespace huozi::model
