#include "model/xml_cursor.h"

#include <algorithm>
#include <vector>

#include "model/paths.h"
#include "model/validators.h"
#include "model/whitespace.h"
#include "model/xml_text.h"

namespace huozi::model {
namespace {

void error_at_offset(const ParsedFile& file, size_t offset, std::string message, std::string hint = {}) {
  int line, column;
  file.source.position(offset, line, column);
  file.diagnostics->error(file.name, line, column, std::move(message), std::move(hint));
}

std::string markup_hint(const std::string& text) {
  return text.find('<') == std::string::npos || text.find('<') > 64 ? "this does not look like an XML file"
                                                                    : "fix the markup at this place";
}

// One root element, and nothing but comments, PIs and white space around it.
bool check_top_level(const ParsedFile& file) {
  pugi::xml_node root = file.xml.document_element();
  if (!root) {
    error_at_offset(file, file.source.text().size(), "malformed XML: No document element found",
                    markup_hint(file.source.text()));
    return false;
  }
  bool ok = true;
  bool after = false;
  for (pugi::xml_node node : file.xml.children()) {
    Cursor at(file, node);
    if (node == root) {
      after = true;
    } else if (node.type() == pugi::node_element) {
      at.error("a second root element <" + std::string(node.name()) + ">",
               "a file holds one root element: put everything inside <" + std::string(root.name()) + ">");
      ok = false;
    } else if (is_text(node) && !is_space_only(node.value())) {
      at.error(
          std::string("text ") + (after ? "after" : "before") + " the root element <" + root.name() + ">",
          "everything belongs inside <" + std::string(root.name()) + ">…</" + root.name() + ">");
      ok = false;
    }
  }
  return ok;
}

}  // namespace

std::unique_ptr<ParsedFile> parse_xml_file(std::string bytes, const std::string& name, uint32_t index,
                                           const std::filesystem::path& dir, DiagnosticList& diagnostics) {
  auto file = std::make_unique<ParsedFile>();
  file->index = index;
  file->name = name;
  file->dir = dir;
  file->diagnostics = &diagnostics;
  if (!file->source.assign(std::move(bytes), name, diagnostics)) return nullptr;
  const std::string& text = file->source.text();
  if (text.find("<!ENTITY") != std::string::npos) {
    error_at_offset(*file, text.find("<!ENTITY"), "entity declarations are not supported",
                    "write the characters themselves; entities are never expanded");
    return nullptr;
  }
  // Checked before parsing: pugixml lets these through, or turns them into other characters.
  std::vector<TextProblem> problems = find_xml_text_problems(text);
  for (const TextProblem& p : problems) error_at_offset(*file, p.offset, p.message, p.hint);
  if (!problems.empty()) return nullptr;
  // No parse_eol (the text is already LF-only, which keeps offsets exact) and
  // no DOCTYPE processing: entities other than XML's five are never expanded.
  // parse_fragment keeps text outside the root element, which pugixml would
  // otherwise drop without a word, so that check_top_level can report it.
  unsigned options = (pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_fragment) & ~pugi::parse_eol;
  pugi::xml_parse_result parsed =
      file->xml.load_buffer(text.data(), text.size(), options, pugi::encoding_utf8);
  if (!parsed) {
    error_at_offset(*file, static_cast<size_t>(std::max<ptrdiff_t>(parsed.offset, 0)),
                    std::string("malformed XML: ") + parsed.description(), markup_hint(text));
    return nullptr;
  }
  if (!check_top_level(*file)) return nullptr;
  return file;
}

std::string tag(std::string_view name) {
  std::string out = "<";
  out += name;
  out += '>';
  return out;
}

bool is_space_only(const char* s) {
  for (; *s; ++s)
    if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r') return false;
  return true;
}

SourceLocation Cursor::where() const {
  ptrdiff_t offset = node_.offset_debug();
  if (offset < 0) return {file_->index, 0, 0};
  // An element's offset is that of its name; point at the '<' before it.
  const std::string& text = file_->source.text();
  if (node_.type() == pugi::node_element && offset > 0 && text[offset - 1] == '<') --offset;
  // Text is reported where its first visible character is.
  if (node_.type() == pugi::node_pcdata)
    while (static_cast<size_t>(offset) < text.size() &&
           (text[offset] == ' ' || text[offset] == '\n' || text[offset] == '\t'))
      ++offset;
  int line, column;
  file_->source.position(static_cast<size_t>(offset), line, column);
  return {file_->index, static_cast<uint32_t>(line), static_cast<uint32_t>(column)};
}

void Cursor::error(std::string message, std::string hint) const {
  SourceLocation at = where();
  file_->diagnostics->error(file_->name, static_cast<int>(at.line), static_cast<int>(at.column),
                            std::move(message), std::move(hint));
}

bool Cursor::too_deep(int depth) const {
  if (depth <= kMaxDepth) return false;
  error("elements nested more than " + std::to_string(kMaxDepth) + " deep", "flatten the structure");
  return true;
}

void Cursor::check_attributes(std::initializer_list<std::string_view> allowed, bool body_element) const {
  for (const pugi::xml_attribute& a : node_.attributes()) {
    std::string_view n = a.name();
    if (body_element && (n == "xml:lang" || n == "id")) continue;
    if (std::find(allowed.begin(), allowed.end(), n) != allowed.end()) continue;
    std::string list;
    for (std::string_view ok : allowed) list += (list.empty() ? "" : ", ") + std::string(ok);
    if (body_element) list += std::string(list.empty() ? "" : ", ") + "id, xml:lang";
    error("unknown attribute \"" + std::string(n) + "\" on <" + std::string(node_.name()) + ">",
          list.empty() ? "this element takes no attributes" : "allowed here: " + list);
  }
}

Node Cursor::make_node(NodeKind kind) const {
  Node node;
  node.kind = kind;
  node.where = where();
  node.set_id(node_.attribute("id").value());
  node.set_lang(node_.attribute("xml:lang").value());
  if (node_.attribute("id") && !is_xml_name(node.id()))
    error("id \"" + node.id() + "\" is not a name an EPUB or PDF can link to",
          "start with a letter or _, then letters, digits, _, - or . (no spaces or colons)");
  if (node_.attribute("xml:lang") && !is_language_tag(node.lang()))
    error("xml:lang \"" + node.lang() + "\" is not a language tag", "write e.g. zh-Hans, zh-Hant or en");
  return node;
}

std::string Cursor::text_content(const char* hint) const {
  std::string out;
  for (pugi::xml_node child : node_.children()) {
    if (is_text(child))
      out += child.value();
    else if (child.type() == pugi::node_element)
      at(child).error(tag(child.name()) + " is not allowed in " + tag(name()), hint);
  }
  // Plain text: collapse like a block.
  Node text;
  text.kind = NodeKind::Text;
  text.text = std::move(out);
  std::vector<Node> flow{std::move(text)};
  normalize_block_whitespace(flow);
  return flow.empty() ? std::string() : flow[0].text;
}

std::string Cursor::resolve_resource(const std::filesystem::path& base_dir, std::string_view src,
                                     const char* what) const {
  PathCheck check = resolve_inside(base_dir, file_->dir, src);
  if (!check.error.empty()) {
    error(std::string(what) + " \"" + std::string(src) + "\": " + check.error, check.hint);
    return {};
  }
  return check.relative;
}

}  // namespace huozi::model
