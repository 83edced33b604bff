// A place in a parsed source file: the file and one of its XML nodes, which
// is what the loader's readers walk, report problems at and make model nodes
// from. Only the model's own files include this: no pugixml handle leaves it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <memory>
#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "model/document.h"
#include "model/source_file.h"
#include "util/diagnostic.h"

namespace huozi::model {

// One parsed source file; kept alive while its nodes are walked.
struct ParsedFile {
  uint32_t index = 0;                     // in Document::files
  std::string name;                       // as given: what diagnostics name
  std::filesystem::path dir;              // where its includes and images are looked for
  SourceText source;                      // the text pugixml parsed, and its line table
  pugi::xml_document xml;                 // parsed in place from source
  DiagnosticList* diagnostics = nullptr;  // where problems in this file are reported
};

// Decodes and parses one file, refusing entity declarations, characters XML
// forbids, malformed markup and anything but one root element. Returns nullptr
// after reporting to `diagnostics` when any of that fails.
std::unique_ptr<ParsedFile> parse_xml_file(std::string bytes, const std::string& name, uint32_t index,
                                           const std::filesystem::path& dir, DiagnosticList& diagnostics);

// "<name>": an element's name as messages quote it.
std::string tag(std::string_view name);

// Whether a node is text (PCDATA or CDATA).
inline bool is_text(const pugi::xml_node& node) {
  return node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata;
}

// Whether a text is nothing but XML white space.
bool is_space_only(const char* s);

// Element nesting the readers follow; deeper input is refused.
inline constexpr int kMaxDepth = 256;

class Cursor {
 public:
  Cursor(const ParsedFile& file, pugi::xml_node node) : file_(&file), node_(node) {}

  const ParsedFile& file() const { return *file_; }
  const pugi::xml_node& node() const { return node_; }
  std::string_view name() const { return node_.name(); }
  // Another node of the same file.
  Cursor at(pugi::xml_node other) const { return {*file_, other}; }

  // An element's '<', or a text's first visible character.
  SourceLocation where() const;
  void error(std::string message, std::string hint = {}) const;
  // Reports and returns true when depth (of this element) is past kMaxDepth.
  bool too_deep(int depth) const;

  // Reports every attribute not in `allowed` (xml:lang and id are allowed on
  // body elements).
  void check_attributes(std::initializer_list<std::string_view> allowed, bool body_element = true) const;
  // A model node of `kind` here, with the element's id and xml:lang (checked).
  Node make_node(NodeKind kind) const;
  // The element's text with white space collapsed as in a block; any child
  // element is reported with `hint`.
  std::string text_content(const char* hint = "metadata fields are plain text") const;
  // Resolves src against this file's folder; reports paths that leave
  // base_dir and returns "" for them. `what` names the reference.
  std::string resolve_resource(const std::filesystem::path& base_dir, std::string_view src,
                               const char* what) const;

 private:
  const ParsedFile* file_;
  pugi::xml_node node_;
};

}  // namespace huozi::model
